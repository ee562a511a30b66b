import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, makeRepo, runCli } from '../../fixtures/cliRepo';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');

const cli = (cwd: string, ...args: string[]) => runCli(cwd, args, { GITHUB_TOKEN: '' });

const FILES = [
  'services/checkout/api.ts',
  'services/checkout/db/schema.sql',
  'proto/orders.proto',
  'services/billing/invoice.ts',
  'services/gateway/main.go',
  'deploy/helm/values.yaml',
  'third_party/lib/x.c',
  'README.md',
];

describe('CLI', () => {
  let repo: string;
  before(() => {
    repo = makeRepo(acme, FILES);
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('who --json answers exactly the documented shape, null for unowned paths; --codeowners adds the CODEOWNERS handles', () => {
    const paths = [
      'services/checkout/api.ts',
      'proto/orders.proto',
      'third_party/lib/x.c',
      'README.md',
      'services/gateway/main.go',
    ];
    const r = cli(repo, 'who', ...paths, '--json');
    assert.strictEqual(r.code, 0, r.err);
    const spec = [
      {
        path: 'services/checkout/api.ts',
        component: 'checkout-api',
        team: 'payments',
        owner: 'bob',
        lead: 'alice',
      },
      {
        path: 'proto/orders.proto',
        component: 'checkout-api',
        team: 'payments',
        owner: 'bob',
        lead: 'alice',
      },
      { path: 'third_party/lib/x.c', component: null, team: null, owner: null, lead: null },
      { path: 'README.md', component: null, team: null, owner: null, lead: null },
      {
        path: 'services/gateway/main.go',
        component: 'gateway',
        team: 'platform',
        owner: 'erin',
        lead: 'dan',
      },
    ];
    assert.deepStrictEqual(JSON.parse(r.out), spec);
    const handles = [
      ['@acme/payments', '@bob'],
      ['@acme/payments', '@bob'],
      [],
      [],
      ['@acme/platform', '@erin'],
    ];
    const withHandles = cli(repo, 'who', ...paths, '--json', '--codeowners');
    assert.deepStrictEqual(
      JSON.parse(withHandles.out),
      spec.map((row, i) => ({ ...row, codeowners: handles[i] })),
    );
    // `who -` gives the same shape as `who PATH...`.
    const fromStdin = spawnSync(process.execPath, [CLI, 'who', '-'], {
      cwd: repo,
      input: paths.join('\n'),
      encoding: 'utf8',
    });
    assert.deepStrictEqual(JSON.parse(fromStdin.stdout), spec);
  });

  it('who takes paths relative to the repository root: a leading /, an absolute path inside it and a directory work; one outside is refused', () => {
    const r = cli(
      path.join(repo, 'services'),
      'who',
      'services/checkout/api.ts',
      '/services/gateway/main.go',
      path.join(repo, 'README.md'),
      'services/checkout',
      '--json',
    );
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(
      JSON.parse(r.out).map((x: { path: string; component: string | null }) => [
        x.path,
        x.component,
      ]),
      [
        ['services/checkout/api.ts', 'checkout-api'],
        ['services/gateway/main.go', 'gateway'],
        ['README.md', null],
        ['services/checkout/', 'checkout-api'],
      ],
    );
    for (const outside of ['../x.proto', 'services/../../x.proto']) {
      const refused = cli(repo, 'who', outside);
      assert.strictEqual(refused.code, 2, refused.out);
      assert.match(refused.err, /is outside the repository/);
    }
  });

  it('who resolves paths given relative to a subdirectory', () => {
    const r = cli(path.join(repo, 'services'), 'who', 'billing/invoice.ts', '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(JSON.parse(r.out)[0].component, 'billing');
  });

  it('who prints a readable line per path', () => {
    const r = cli(repo, 'who', 'services/checkout/api.ts', 'README.md');
    assert.match(
      r.out,
      /services\/checkout\/api\.ts\s+checkout-api\s+owner bob\s+team payments\s+lead alice\s+codeowners @acme\/payments @bob/,
    );
    assert.match(r.out, /README\.md\s+unowned/);
  });

  it('validate passes a clean file (exit 0) and reports against the repository', () => {
    const r = cli(repo, 'validate', '--json');
    assert.strictEqual(r.code, 0, r.err + r.out);
    assert.deepStrictEqual(JSON.parse(r.out), []);
  });

  it('validate exits 1 on errors, with the documented JSON fields and 1-based positions', () => {
    const broken = makeRepo(
      acme.replace('team: platform\n    owner: erin', 'team: platfrom\n    owner: erin'),
      FILES,
    );
    const r = cli(broken, 'validate', '--json');
    assert.strictEqual(r.code, 1);
    const [d] = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(d).sort(), [
      'code',
      'column',
      'line',
      'message',
      'severity',
    ]);
    assert.deepStrictEqual(
      [d.severity, d.code, d.line, d.column],
      ['error', 'unknown-team', 60, 11],
    );
  });

  it('validate --format github prints workflow annotations with escaped values', () => {
    const broken = makeRepo(
      acme.replace('- /deploy/', '- /nothing-here/'),
      FILES,
      '.github/OWNERS.yaml',
    );
    const r = cli(broken, 'validate', '--format', 'github');
    assert.strictEqual(r.code, 0);
    assert.match(
      r.out,
      /^::warning file=\.github\/OWNERS\.yaml,line=64,col=9,endLine=64,endColumn=\d+,title=pattern-matches-nothing::Pattern "\/nothing-here\/" matches no file in the repository\.$/m,
    );
  });

  it('validate text format names file, line and column', () => {
    const broken = makeRepo('version: 1\nteams:\n  web: {members: [a]}\ncomponents: {}\n', []);
    const r = cli(broken, 'validate');
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^OWNERS\.yaml:3:3: error missing-lead: Team "web" has no lead/m);
  });

  it('codeowners exports every pattern in file order', () => {
    const r = cli(repo, 'codeowners');
    assert.strictEqual(r.code, 0, r.err);
    const rules = r.out
      .split('\n')
      .filter(l => l && !l.startsWith('#'))
      .map(l => l.trim().split(/\s+/));
    assert.deepStrictEqual(rules, [
      ['/services/checkout/', '@acme/payments', '@bob'],
      ['*.proto', '@acme/payments', '@bob'],
      ['/services/billing/', '@acme/payments', '@carol'],
      ['/services/gateway/', '@acme/platform', '@erin'],
      ['/deploy/', '@acme/platform', '@erin'],
      ['/third_party/'],
    ]);
  });

  it('codeowners refuses a file with errors (exit 1, message on stderr)', () => {
    const broken = makeRepo('version: 1\nteams: [\n', []);
    const r = cli(broken, 'codeowners');
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.out, '');
    assert.match(r.err, /error/);
  });

  it("import-codeowners then codeowners keeps every path's owners", () => {
    const dir = makeRepo('', []);
    fs.writeFileSync(
      path.join(dir, 'CODEOWNERS'),
      '# team rules\n*       @acme/all\n/docs/  @acme/docs @writer\n/docs/legacy/\n/src/*.go    @gopher\n',
    );
    const imported = cli(dir, 'import-codeowners', 'CODEOWNERS');
    assert.strictEqual(imported.code, 0, imported.err);
    assert.match(
      imported.err,
      /^Imported 4 rule\(s\) from the GitHub CODEOWNERS file CODEOWNERS: 3 component\(s\), 3 team\(s\)\./,
    );
    assert.match(
      imported.err,
      /Still to decide before `ownership-lens validate` passes: 2 \(1 team\(s\) without a lead, 1 component\(s\) without an owner\)/,
    );
    fs.writeFileSync(path.join(dir, 'OWNERS.yaml'), imported.out);
    const r = cli(dir, 'codeowners');
    assert.strictEqual(r.code, 0, r.err);
    const owners = new Map(
      r.out
        .split('\n')
        .filter(l => l && !l.startsWith('#'))
        .map(l => l.trim().split(/\s+/))
        .map(([p, ...o]) => [p, o.join(' ')]),
    );
    assert.deepStrictEqual(Object.fromEntries(owners), {
      '*': '@acme/all',
      '/docs/': '@acme/docs @writer',
      '/docs/legacy/': '',
      '/src/*.go': '@gopher',
    });
    const who = JSON.parse(
      cli(
        dir,
        'who',
        'README.md',
        'docs/a.md',
        'docs/legacy/b.md',
        'src/x.go',
        'src/y.ts',
        '--json',
      ).out,
    );
    assert.deepStrictEqual(
      who.map((w: { owner: string | null; component: string | null }) =>
        w.component === null ? null : (w.owner ?? 'team-only'),
      ),
      ['team-only', 'writer', null, 'gopher', 'team-only'],
    );
  });

  it('import-codeowners warns on stderr when no exact encoding exists', () => {
    const dir = makeRepo('', []);
    fs.writeFileSync(path.join(dir, 'CODEOWNERS'), '*  @acme/all\n/docs/legacy/\n*.go @gopher\n');
    const imported = cli(dir, 'import-codeowners', 'CODEOWNERS');
    assert.strictEqual(imported.code, 0);
    assert.match(imported.err, /warning: .*no exact place/i);
  });

  it('exits 2 with a clear message on bad usage or unreadable input', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-empty-'));
    const cases: [string[], RegExp][] = [
      [['who', 'x'], /No OWNERS\.yaml found/],
      [['who', 'x', '--owners', 'missing.yaml'], /missing\.yaml: no such file/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['who'], /usage: ownership-lens who/],
      [['import-codeowners', 'nope'], /does not exist/],
      [
        ['validate', '--format', 'xml', '--owners', path.join(repo, 'OWNERS.yaml')],
        /--format must be one of/,
      ],
      [['validate', '--owners', empty], /is a directory/],
      [['report', '--attribute', 'x', '--repo', 'a/b'], /unknown option --attribute for "report"/],
      [
        ['who', 'x', '--jsn'],
        /unknown option --jsn for "who" \(it takes: --owners --root --json --diff --staged --codeowners\)/,
      ],
      [['who', '-x', 'a'], /unknown option --x for "who"/],
      [['--owners', 'x', 'who'], /the command comes first/],
      [[], /usage: ownership-lens <command>/],
    ];
    for (const [args, message] of cases) {
      const r = cli(empty, ...args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /\n\s+at /, 'a stack trace leaked');
    }
  });

  it('--help, -h and help print the usage on stdout and exit 0, before and after a command', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['report', '--help'], ['who', '-h']]) {
      const r = cli(repo, ...args);
      assert.strictEqual(r.code, 0, `${args.join(' ')}: ${r.err}`);
      // After a command, that command's usage only.
      const command = args.length > 1 ? args[0] : '<command>';
      assert.match(r.out, new RegExp(`^usage: ownership-lens ${command}`), args.join(' '));
      if (command !== 'who') assert.match(r.out, /report --repo OWNER\/NAME/);
      else assert.match(r.out, /who --diff BASE\.\.\.HEAD/);
      assert.strictEqual(r.err, '');
    }
  });

  it('never prints a stack trace on hostile files', () => {
    const hostile = makeRepo(Buffer.from([0x00, 0xff, 0x13, 0x37]).toString('latin1'), []);
    const r = cli(hostile, 'validate', '--json');
    assert.strictEqual(r.code, 1);
    assert.strictEqual(JSON.parse(r.out)[0].code, 'not-text');
  });
});
