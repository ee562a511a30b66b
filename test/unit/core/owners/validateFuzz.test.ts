import * as assert from 'assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseOwners } from '../../../../src/core/owners/parse';
import { validateOwners } from '../../../../src/core/owners/validate';

const login = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
const pattern = fc.oneof(
  word.map(w => `/${w}/`),
  word.map(w => `*.${w}`),
  word.map(w => `**/${w}`),
  word.map(w => `${w}/*`),
  fc.constantFrom('*', '/', 'docs/**', '!neg', '[ab].js', 'a***b', ''),
);

/** A well-formed OWNERS.yaml with random names, references and patterns. */
const validFile = fc
  .record({
    teams: fc.uniqueArray(
      fc.record({ id: word, lead: login, members: fc.array(login, { maxLength: 3 }) }),
      { selector: t => t.id, minLength: 1, maxLength: 4 },
    ),
    components: fc.uniqueArray(
      fc.record({
        id: word,
        owner: login,
        paths: fc.array(pattern, { minLength: 1, maxLength: 4 }),
        notes: fc.string(),
      }),
      { selector: c => c.id, maxLength: 6 },
    ),
    unowned: fc.array(pattern, { maxLength: 2 }),
  })
  .map(f =>
    stringify({
      version: 1,
      teams: Object.fromEntries(f.teams.map(t => [t.id, { lead: t.lead, members: t.members }])),
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
      unowned: f.unowned,
    }),
  );

const YAML_NOISE = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '!',
  '#',
  '\n',
  ' ',
  '\t',
  "'",
  '"',
  '|',
  '>',
  '%',
  '@',
  '\r\n',
  '\uFEFF',
  '\u0000',
  '? ',
  '<<: *a',
  '\\',
  '\u2028',
];

type Mutation = { at: number; del: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 12 }),
  insert: fc
    .array(fc.oneof(fc.constantFrom(...YAML_NOISE), fc.string({ maxLength: 3 })), { maxLength: 4 })
    .map(a => a.join('')),
});

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % t.length : 0;
    t = t.slice(0, at) + m.insert + t.slice(at + m.del);
  }
  return t;
}

function assertRangesInside(text: string): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCount = body.split('\n').length;
  for (const d of validateOwners(parseOwners(text), ['src/a.ts', 'docs/x/y.md'])) {
    const s = d.span;
    assert.ok(
      s.offset >= 0 && s.offset <= s.end && s.end <= body.length,
      `${d.code} offsets ${s.offset}-${s.end} outside 0-${body.length}`,
    );
    assert.ok(
      s.line >= 1 && s.line <= lineCount && s.endLine >= s.line && s.endLine <= lineCount,
      `${d.code} lines ${s.line}-${s.endLine} outside 1-${lineCount}`,
    );
    assert.ok(s.column >= 1 && s.endColumn >= 1, `${d.code} column ${s.column}`);
    assert.ok(['error', 'warning', 'info'].includes(d.severity) && d.code && d.message);
  }
}

describe('validator fuzzing', () => {
  it('accepts every generated valid file without structural errors', () => {
    fc.assert(
      fc.property(validFile, text => {
        const structural = parseOwners(text).diagnostics.filter(d => d.severity === 'error');
        assert.deepStrictEqual(structural, []);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws and keeps every range inside the document under random mutations', function () {
    this.timeout(120_000); // about 5 s alone; a loaded 2-core machine needs more
    fc.assert(
      fc.property(validFile, fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => {
        assertRangesInside(mutate(text, ms));
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), text => assertRangesInside(text)),
      { numRuns: 1000 },
    );
  });
});
