import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseOwners } from '../../../../src/core/owners/parse';
import { validateOwners } from '../../../../src/core/owners/validate';
import { utf8Bytes } from '../../../../src/core/owners/inputGuards';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

const fixture = (name: string) =>
  fs.readFileSync(path.join(ROOT, 'test/fixtures/owners', name), 'utf8');

/** code@line:column of every diagnostic, for compact exact assertions. */
function where(text: string, files?: string[]): string[] {
  return validateOwners(parseOwners(text), files).map(
    d => `${d.code}@${d.span.line}:${d.span.column}`,
  );
}

describe('parseOwners', () => {
  it("reads the documentation's example without a single problem", () => {
    const parsed = parseOwners(fixture('spec-example.yaml'));
    // the documented example lists only alice under `people`: bob (member, owner, handoff `to`) and carol
    // (member) are worth a note each, not a warning.
    assert.deepStrictEqual(
      validateOwners(parsed).map(d => `${d.severity} ${d.code}@${d.span.line}:${d.span.column}`),
      [
        'info unknown-person@12:15',
        'info unknown-person@12:20',
        'info unknown-person@26:12',
        'info unknown-person@40:13',
      ],
    );
    const c = parsed.model.components.get('checkout-api')!;
    assert.strictEqual(c.owner, 'bob');
    assert.deepStrictEqual(
      c.paths.map(p => [p.pattern, p.index]),
      [
        ['/services/checkout/', 0],
        ['*.proto', 1],
      ],
    );
    assert.deepStrictEqual(c.codeowners, ['@acme/payments', '@bob']);
    assert.strictEqual(c.handoffs[0].notes, 'What the new owner must know.');
    assert.deepStrictEqual(
      parsed.model.unowned.map(p => [p.pattern, p.index, p.component]),
      [['/third_party/', 2, null]],
    );
    assert.strictEqual(parsed.model.metrics.minPullRequests, 5);
    assert.deepStrictEqual(parsed.model.metrics.ignorePaths, ['**/zz_generated.*', 'vendor/**']);
    assert.strictEqual(parsed.model.teams.get('payments')!.lead, 'alice');
    assert.strictEqual(parsed.model.outcomes.get('checkout-conversion')!.target, '>= 3.5%');
  });

  it('numbers patterns in file order even when `unowned` comes first', () => {
    const parsed = parseOwners(
      'version: 1\nunowned: [/a/]\nteams: {t: {lead: x}}\ncomponents:\n  c: {team: t, owner: x, paths: [/b/, /c/]}\n',
    );
    assert.deepStrictEqual(
      parsed.model.patterns.map(p => `${p.index}:${p.pattern}:${p.component}`),
      ['0:/a/:null', '1:/b/:c', '2:/c/:c'],
    );
  });

  it('keeps logins and ids as written, including digits and leading zeros', () => {
    const parsed = parseOwners(
      'version: 1\nteams:\n  007: {lead: 0123}\ncomponents:\n  c: {team: 007, owner: 0123, paths: [/x]}\n',
    );
    assert.strictEqual(parsed.model.teams.get('007')!.lead, '0123');
    assert.strictEqual(parsed.model.components.get('c')!.owner, '0123');
  });

  it("uses the documentation's default lock files when metrics.ignorePaths is absent", () => {
    const m = parseOwners('version: 1\nteams: {}\n').model.metrics;
    assert.ok(
      m.ignorePaths.includes('**/package-lock.json') && m.ignorePaths.includes('**/go.sum'),
    );
    assert.strictEqual(m.windowDays, 90);
  });
});

describe('validateOwners reports each problem at its exact place', () => {
  const base = (components: string, extra = '') =>
    `version: 1\nteams:\n  web:\n    lead: alice\n    github: acme/web\n    members: [bob]\noutcomes: {up: {name: Up}}\n${extra}components:\n${components}`;

  const cases: [string, string, string[]][] = [
    ['YAML syntax error', 'version: 1\nteams: [unclosed\n', ['yaml-syntax@3:1']],
    [
      'duplicate key',
      'version: 1\nteams:\n  a: {lead: x}\n  a: {lead: y}\n',
      ['duplicate-key@4:3', 'missing-field@1:1'],
    ],
    [
      'unknown top-level key',
      'version: 1\nteams: {}\ncomponents: {}\nowners: []\n',
      ['unknown-key@4:1'],
    ],
    [
      'unknown component key',
      base('  c:\n    team: web\n    owner: bob\n    paths: [/a]\n    reviewers: [x]\n'),
      ['unknown-key@13:5'],
    ],
    [
      "x- keys are the user's own",
      base('  c:\n    team: web\n    owner: bob\n    paths: [/a]\n    x-slack: "#web"\n'),
      [],
    ],
    [
      'wrong type',
      base('  c:\n    team: web\n    owner: [bob]\n    paths: [/a]\n'),
      ['wrong-type@11:12'],
    ],
    [
      'list expected',
      base('  c:\n    team: web\n    owner: bob\n    paths: /a\n'),
      ['wrong-type@12:12', 'missing-field@12:5'],
    ],
    [
      'unknown team',
      base('  c:\n    team: mobile\n    owner: bob\n    paths: [/a]\n'),
      ['unknown-team@10:11'],
    ],
    [
      'unknown outcome',
      base('  c:\n    team: web\n    owner: bob\n    paths: [/a]\n    outcomes: [up, revenue]\n'),
      ['unknown-outcome@13:20'],
    ],
    [
      'owner not in team',
      base('  c:\n    team: web\n    owner: zed\n    paths: [/a]\n'),
      ['owner-not-in-team@11:12'],
    ],
    [
      'lead counts as a member',
      base('  c:\n    team: web\n    owner: ALICE\n    paths: [/a]\n'),
      [],
    ],
    [
      'team without a lead',
      'version: 1\nteams:\n  web: {members: [a]}\ncomponents: {}\n',
      ['missing-lead@3:3'],
    ],
    [
      'negation pattern',
      base('  c:\n    team: web\n    owner: bob\n    paths: ["!/a"]\n'),
      ['invalid-pattern@12:13'],
    ],
    [
      'range pattern',
      base('  c:\n    team: web\n    owner: bob\n    paths: ["/a/[ab].js"]\n'),
      ['invalid-pattern@12:13'],
    ],
    [
      'invalid login',
      base('  c:\n    team: web\n    owner: bob smith\n    paths: [/a]\n'),
      ['invalid-login@11:12'],
    ],
    [
      'non-http link',
      base(
        '  c: {team: web, owner: bob, paths: [/a]}\n',
        'outcomes:\n  x: {link: "javascript:alert(1)"}\n',
      ).replace('outcomes: {up: {name: Up}}\n', ''),
      ['invalid-link@8:13'],
    ],
    [
      'one person as code owner, no team',
      base(
        '  c:\n    team: web\n    owner: bob\n    paths: [/a]\n    codeowners: ["@bob", "@Bob"]\n',
      ),
      ['single-codeowner@9:3'],
    ],
    [
      'the default export without a team slug',
      base('  c: {team: web, owner: bob, paths: [/a]}\n').replace('    github: acme/web\n', ''),
      ['single-codeowner@8:3'],
    ],
    [
      'a team among the code owners',
      base(
        '  c:\n    team: web\n    owner: bob\n    paths: [/a]\n    codeowners: ["@bob", "@acme/web"]\n',
      ),
      [],
    ],
    ['missing owner', base('  c:\n    team: web\n    paths: [/a]\n'), ['missing-field@9:3']],
    ['bad version', 'version: 2\nteams: {}\ncomponents: {}\n', ['unsupported-version@1:10']],
    ['not a mapping', '- a\n- b\n', ['wrong-type@1:1']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepStrictEqual(where(text).sort(), [...expected].sort()));
  }

  it('finds patterns that match nothing and patterns that can never win', () => {
    const text = base(
      '  c:\n    team: web\n    owner: bob\n    paths:\n      - /src/a.ts\n      - /docs/\n      - /src/\n',
    );
    const files = ['src/a.ts', 'src/b.ts', 'README.md'];
    assert.deepStrictEqual(where(text, files), [
      'pattern-shadowed@13:9',
      'pattern-matches-nothing@14:9',
    ]);
    const shadowed = validateOwners(parseOwners(text), files).find(
      d => d.code === 'pattern-shadowed',
    )!;
    assert.match(shadowed.message, /"\/src\/"/);
  });

  it('checks every login against `people` when it is given: leads, members, owners, handoff from and to', () => {
    const text = [
      'version: 1', // 1
      'people:', // 2
      '  alice: {}', // 3
      '  Bob: {}', // 4
      'teams:', // 5
      '  web:', // 6
      '    lead: ALICE', // 7
      '    members: [bob, carol, "bad login!"]', // 8
      '  ops: {lead: zed}', // 9
      'components:', // 10
      '  c2:', // 11
      '    team: web', // 12
      '    owner: carol', // 13
      '    paths: [/a]', // 14
      '    handoffs:', // 15
      '      - {date: 2026-01-01, from: erin, to: BOB}', // 16
      '      - {date: 2026-02-01, from: "-x", to: carol}', // 17
      '',
    ].join('\n');
    const all = validateOwners(parseOwners(text)).map(
      d => `${d.severity} ${d.code}@${d.span.line}:${d.span.column}`,
    );
    assert.deepStrictEqual(all, [
      'info unknown-person@8:20', // member carol
      'error invalid-login@8:27', // member "bad login!"
      'info unknown-person@9:15', // lead zed
      'warning single-codeowner@11:3', // c2: CODEOWNERS would name @carol alone (team web has no github slug)
      'info unknown-person@13:12', // owner carol
      'info unknown-person@16:34', // handoff from erin; to BOB is bob, listed as Bob
      'error invalid-login@17:34', // handoff from "-x"
      'info unknown-person@17:44', // handoff to carol
    ]);
    // Without `people`, nothing is unknown, but a handoff login must still be a GitHub login.
    const withoutPeople = text.replace(/^people:\n(?: {2}.*\n)+/m, '');
    assert.deepStrictEqual(where(withoutPeople), [
      'invalid-login@5:27',
      'single-codeowner@8:3',
      'invalid-login@14:34',
    ]);
  });

  it('says which login is wrong and where it is used, in one sentence each', () => {
    const text =
      'version: 1\npeople: {alice: {}}\nteams:\n  web: {lead: alice, members: [zed]}\ncomponents:\n  c2: {team: web, owner: "bad login!", paths: [/a]}\n';
    const messages = validateOwners(parseOwners(text)).map(d => d.message);
    assert.deepStrictEqual(messages, [
      '"zed" (member of team "web") is not listed under `people`.',
      '"bad login!" (owner of component "c2") is not a valid GitHub login: letters, digits and single inner hyphens, up to 39 characters.',
    ]);
  });

  it('ends each invalid-pattern message with one full stop', () => {
    const patterns = ['', '#x', '!a', '/', 'a***b', 'a//b', 'a\\', '[ab].js', 'a b', 'a\u0007b'];
    const text = base(
      `  c:\n    team: web\n    owner: bob\n    paths: [${patterns.map(p => JSON.stringify(p)).join(', ')}]\n`,
    );
    const messages = validateOwners(parseOwners(text))
      .filter(d => d.code === 'invalid-pattern')
      .map(d => d.message);
    assert.strictEqual(messages.length, patterns.length, messages.join('\n'));
    for (const m of messages)
      assert.match(m, /^Pattern ".*" is not valid CODEOWNERS syntax\. [A-Z"].*[^.]\.$/s, m);
  });

  it('reports positions of the text without its BOM, with CRLF line endings', () => {
    const text = '\uFEFFversion: 1\r\nteams:\r\n  web: {members: [a]}\r\ncomponents: {}\r\n';
    assert.deepStrictEqual(where(text), ['missing-lead@3:3']);
  });
});

// How long these take is printed by `npm run bench` (inputs); here, what they answer.
describe('hostile input gives one clear diagnostic', () => {
  const check = (text: string) => ({ diagnostics: validateOwners(parseOwners(text)) });

  it('refuses a 20 MB file', () => {
    const big = 'version: 1\n# ' + 'x'.repeat(20 * 1024 * 1024) + '\n';
    const { diagnostics } = check(big);
    assert.deepStrictEqual(
      diagnostics.map(d => d.code),
      ['file-too-large'],
    );
    assert.match(diagnostics[0].message, /20\.0 MB/);
  });

  it('refuses a file by its size alone, so the editor never reads an oversized one', () => {
    const { diagnostics } = parseOwners('', { fileBytes: 11 * 1024 * 1024 });
    assert.deepStrictEqual(
      diagnostics.map(d => [d.code, d.span.line, d.span.column]),
      [['file-too-large', 1, 1]],
    );
    assert.match(diagnostics[0].message, /11\.0 MB; files over 10\.0 MB are refused/);
  });

  it('measures text in UTF-8 bytes, as the disk does: an editor buffer of 6 M "é" is 11.4 MB, refused; 6 M "x" is read', () => {
    const accented = parseOwners('# ' + 'é'.repeat(6_000_000));
    assert.deepStrictEqual(
      accented.diagnostics.map(d => d.code),
      ['file-too-large'],
    );
    assert.match(accented.diagnostics[0].message, /OWNERS\.yaml is 11\.4 MB; files over 10\.0 MB/);
    assert.ok(
      !parseOwners('# ' + 'x'.repeat(6_000_000)).diagnostics.some(d => d.code === 'file-too-large'),
    );
    for (const text of ['', 'abc', 'é', '€uro', '😀', '\ud800x', 'x\udc00', 'ÿ'.repeat(3) + '𝄞']) {
      assert.strictEqual(utf8Bytes(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
    }
  });

  it('refuses a billion-laughs alias bomb', () => {
    let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(96 + i),
        n = String.fromCharCode(97 + i);
      text += `${n}: &${n} [${Array(9)
        .fill('*' + p)
        .join(', ')}]\n`;
    }
    text += 'teams: *j\n';
    const { diagnostics } = check(text);
    assert.deepStrictEqual(
      diagnostics.map(d => d.code),
      ['alias-bomb'],
    );
  });

  it('allows ordinary aliases', () => {
    const text =
      'version: 1\nteams:\n  web: {lead: alice, members: &core [bob, carol]}\n  ops: {lead: dan, members: *core}\ncomponents: {}\n';
    const parsed = parseOwners(text);
    assert.deepStrictEqual(validateOwners(parsed), []);
    assert.deepStrictEqual(parsed.model.teams.get('ops')!.members, ['bob', 'carol']);
  });

  it('refuses binary garbage at the first NUL byte', () => {
    const bytes = Buffer.from([
      0x76, 0x65, 0x72, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x01,
    ]);
    const d = validateOwners(parseOwners(bytes.toString('utf8')));
    assert.deepStrictEqual(
      d.map(x => `${x.code}@${x.span.line}:${x.span.column}`),
      ['not-text@2:5'],
    );
  });

  it('refuses absurd nesting with one diagnostic that names the limit, at the first level past it', () => {
    for (const [text, line, column] of [
      ['['.repeat(100_000), 1, 101],
      ['teams: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n', 1, 107],
      [
        'version: 1\nteams:\n  web:\n    x-deep: ' +
          '{a: '.repeat(200) +
          '1' +
          '}'.repeat(200) +
          '\n',
        4,
        13 + 4 * 97,
      ],
      [
        Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
        101,
        101,
      ],
    ] as [string, number, number][]) {
      const { diagnostics } = check(text);
      assert.deepStrictEqual(
        diagnostics.map(d => `${d.severity} ${d.code}@${d.span.line}:${d.span.column}`),
        [`error limit-exceeded@${line}:${column}`],
        text.slice(0, 60),
      );
      assert.strictEqual(
        diagnostics[0].message,
        'OWNERS.yaml nests lists and mappings deeper than 100 levels (the nesting limit); the file is refused.',
      );
    }
  });

  it('reads nesting up to the limit, on either reader', () => {
    // The root map, teams, web and x-deep's value: 4 levels, then 96 more lists = 100.
    const text =
      'version: 1\nteams:\n  web:\n    lead: a\n    x-deep: ' +
      '['.repeat(97) +
      ']'.repeat(97) +
      '\ncomponents: {}\n';
    for (const fastPath of [true, false])
      assert.deepStrictEqual(
        validateOwners(parseOwners(text, { fastPath })),
        [],
        `fastPath: ${fastPath}`,
      );
    const over = text.replace('[', '[[').replace(']', ']]');
    assert.deepStrictEqual(
      validateOwners(parseOwners(over)).map(d => `${d.code}@${d.span.line}:${d.span.column}`),
      ['limit-exceeded@5:110'],
    );
  });

  it("names a second YAML document in its own words, not the library's", () => {
    const d = validateOwners(parseOwners('version: 1\nteams: {}\ncomponents: {}\n---\nx: 1\n'));
    assert.deepStrictEqual(
      d.map(x => `${x.code}@${x.span.line}:${x.span.column}`),
      ['yaml-syntax@4:1'],
    );
    assert.doesNotMatch(d[0].message, /parseAllDocuments/);
  });

  it('tells a file without `components` (a warning: nothing is owned yet) from one without `teams` (an error)', () => {
    const sev = (text: string) =>
      validateOwners(parseOwners(text)).map(
        d => `${d.severity} ${d.code}@${d.span.line}:${d.span.column}`,
      );
    assert.deepStrictEqual(sev('version: 1\nteams:\n  web: {lead: alice}\n'), [
      'warning missing-field@1:1',
    ]);
    assert.deepStrictEqual(sev('version: 1\ncomponents: {}\n'), ['error missing-field@1:1']);
  });

  it('reports a tab-indented file as a syntax error', () => {
    const d = where('version: 1\nteams:\n\tweb: {lead: a}\n');
    assert.ok(
      d.some(x => x.startsWith('yaml-syntax@3:')),
      d.join(),
    );
  });
});
