import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { generateOwners } from '../../../oracles/generateOwners';
import { parseBlockSubset } from '../../../../src/core/owners/fastYaml';
import { importCodeowners } from '../../../../src/core/owners/codeowners';
import { parseOwners, ParsedOwners } from '../../../../src/core/owners/parse';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

/** The model and diagnostics with every span reduced to where it starts (collections' ends may differ). */
function comparable(p: ParsedOwners): unknown {
  return JSON.parse(
    JSON.stringify({ model: p.model, diagnostics: p.diagnostics }, (key, value) => {
      if (value instanceof Map) return Object.fromEntries(value);
      if (
        value &&
        typeof value === 'object' &&
        'offset' in value &&
        'line' in value &&
        'endLine' in value
      )
        return `${value.line}:${value.column}`;
      if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
      return value;
    }),
  );
}

function assertSame(text: string, name: string): boolean {
  const fast = parseBlockSubset(text) !== undefined;
  assert.deepStrictEqual(
    comparable(parseOwners(text)),
    comparable(parseOwners(text, { fastPath: false })),
    `${name}: the fast reader disagrees with the yaml library`,
  );
  return fast;
}

function ownersFixtures(): [string, string][] {
  const files: [string, string][] = [];
  const add = (p: string) => files.push([path.relative(ROOT, p), fs.readFileSync(p, 'utf8')]);
  for (const f of fs.readdirSync(path.join(ROOT, 'test/fixtures/owners')))
    add(path.join(ROOT, 'test/fixtures/owners', f));
  add(path.join(ROOT, 'demo/workspace/OWNERS.yaml'));
  const walk = (dir: string) =>
    fs.readdirSync(dir, { withFileTypes: true }).forEach(e => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('OWNERS.yaml')) add(p);
    });
  walk(path.join(ROOT, 'test/fixtures/workspaces'));
  walk(path.join(ROOT, 'test/fixtures/history'));
  const codeowners = path.join(ROOT, 'test/fixtures/codeowners');
  for (const f of fs.readdirSync(codeowners).filter(f => f.endsWith('CODEOWNERS'))) {
    files.push([
      `import of ${f}`,
      importCodeowners(fs.readFileSync(path.join(codeowners, f), 'utf8')),
    ]);
  }
  files.push(['generated 500 components', generateOwners(500).owners]);
  return files;
}

describe('fast block-subset reader', () => {
  it('reads every real OWNERS.yaml of the project exactly as the yaml library does, on the fast path', () => {
    const fixtures = ownersFixtures();
    assert.ok(fixtures.length >= 12, `only ${fixtures.length} fixtures`);
    const slow = fixtures.filter(([name, text]) => !assertSame(text, name)).map(([name]) => name);
    // Every OWNERS.yaml the project has (hand-written, imported, generated) is in the subset.
    assert.deepStrictEqual(slow, []);
  });

  it('agrees on constructs at the edge of the subset, or leaves them to the library', () => {
    const cases = [
      "a: 1\nb: 0123\nc: 0o17\nd: 0x1F\ne: 1.5e3\nf: .inf\ng: -.Inf\nh: .nan\ni: ~\nj: Null\nk: TRUE\nl: false\nm:\nn: \"x\\ty\\u00e9\"\no: 'it''s'\np: -5%\nq: a:b\nr: x # c\n",
      'k:\n- a\n- b: 1\n  c: [x, "y, z", {d: e}]\n-\n- - nested\n',
      'k: &a [x]\nl: *a\n',
      'k: |\n  block\n',
      'k: "multi\n  line"\n',
      'k: plain\n  continued\n',
      'k: !!str 1\n',
      '? complex\n: key\n',
      '---\nk: v\n',
      'k: v\n...\n',
      'k: {a: 1\n',
      'k: [a, b\n',
      'k: v: w\n',
      '"quoted key": v\n',
      'k: "\\x41"\n',
      'k:\tv\n',
      '  k: v\nl: w\n',
      'a:\n  b: 1\n c: 2\n',
      'a: 1\na: 2\n',
      'k: [a, [b, c], {d: [e]}]\n',
      'k: {a: 1, b: [2, 3]}\n',
      'k: \'a "b" c\'\n',
      'k: "a \'b\' c"\n',
      '- a\n- b\n',
      'just text\n',
      'version: 1\r\nteams:\r\n  t: {lead: x}\r\n',
      '#only a comment\n',
      '',
      '\n\n',
      'k: v #c\n# c\n  # indented comment\nl: w\n',
      'k: [ ]\nl: { }\n',
      'k: []\nl: {}\n',
      'k: \r\nl:   # c\nm:\n',
      '- \n-\n-   # c\n- a\n',
      // Found by the property below: a '-' alone inside a flow list is a block sequence (an error), not a plain scalar.
      'members: [-]\n',
      'k: [x, -]\n',
      'k: [ - ]\n',
      'k: [-, x]\n',
      'k: {b: -}\n',
      'k: [-x, -1]\n',
      // Nesting: 64 levels in all (the fast reader's most), 65 (the library's), 101 (refused by both).
      `k: ${'['.repeat(63)}${']'.repeat(63)}\n`,
      `k: ${'['.repeat(64)}${']'.repeat(64)}\n`,
      `k: ${'['.repeat(100)}${']'.repeat(100)}\n`,
      ...[32, 33, 51].map(
        n =>
          Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- k${i}:`).join('\n') + ' 1\n',
      ),
    ];
    const deep = cases.slice(-6).map(text => parseBlockSubset(text) !== undefined);
    assert.deepStrictEqual(
      deep,
      [true, false, false, true, false, false],
      'the fast reader takes 64 levels of lists and maps, not 65',
    );
    for (const text of cases) assertSame(text, JSON.stringify(text));
  });

  const login = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/);
  const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
  const valueText = fc.oneof(
    word,
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'true',
      '1.5',
      '007',
      'null',
      '~',
      'a: b',
      '#x',
      '- y',
      "it's",
      '"q"',
      '[x]',
      '{y}',
      'é ✓',
    ),
  );
  const file = fc
    .record({
      teams: fc.uniqueArray(
        fc.record({
          id: word,
          lead: login,
          members: fc.array(login, { maxLength: 3 }),
          name: valueText,
        }),
        { selector: t => t.id, minLength: 1, maxLength: 4 },
      ),
      components: fc.uniqueArray(
        fc.record({
          id: word,
          owner: login,
          paths: fc.array(valueText, { minLength: 1, maxLength: 3 }),
          notes: valueText,
        }),
        { selector: c => c.id, maxLength: 5 },
      ),
      flow: fc.boolean(),
    })
    .map(f =>
      stringify(
        {
          version: 1,
          teams: Object.fromEntries(
            f.teams.map(t => [t.id, { lead: t.lead, members: t.members, name: t.name }]),
          ),
          components: Object.fromEntries(
            f.components.map((c, i) => [
              c.id,
              {
                team: f.teams[i % f.teams.length].id,
                owner: c.owner,
                paths: c.paths,
                handoffs: [{ date: '2026-01-01', from: 'x', to: c.owner, notes: c.notes }],
              },
            ]),
          ),
        },
        { collectionStyle: f.flow ? 'flow' : 'any' },
      ),
    );
  const noise = fc.constantFrom(
    ':',
    '-',
    '[',
    ']',
    '{',
    '}',
    '#',
    '\n',
    ' ',
    '  ',
    "'",
    '"',
    ',',
    '- ',
    ': ',
    '\r\n',
    'x',
  );

  it('agrees with the yaml library on generated files and their mutations wherever it accepts them', function () {
    this.timeout(180_000); // 2,500 documents: seconds alone, minutes on a loaded 2-core CI machine
    let accepted = 0,
      total = 0;
    fc.assert(
      fc.property(
        file,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), noise), { maxLength: 4 }),
        (text, edits) => {
          let t = text;
          for (const [at, del, ins] of edits) {
            const i = t.length ? at % t.length : 0;
            t = t.slice(0, i) + ins + t.slice(i + del);
          }
          total++;
          if (assertSame(t, JSON.stringify(t))) accepted++;
        },
      ),
      { numRuns: 2500 },
    );
    assert.ok(
      accepted > total * 0.1,
      `only ${accepted} of ${total} files took the fast path: the property tested little`,
    );
  });
});
