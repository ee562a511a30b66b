import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const CLI = path.join(ROOT, 'dist/cli.js');
const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_TOKEN: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
}

describe('CLI who --diff / --staged and coverage, on a real git repository', () => {
  let dir: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], {
      cwd: dir,
      stdio: 'pipe',
    }).toString();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-changes-'));
    git('init', '-q', '-b', 'main');
    write(dir, {
      'OWNERS.yaml': acme,
      'services/checkout/api.ts': '1',
      'services/gateway/main.go': '1',
      'third_party/lib/x.c': '1',
      'README.md': '1',
    });
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    write(dir, {
      'services/checkout/api.ts': '2',
      'services/checkout/db/schema.sql': 'x',
      'services/gateway/main.go': '2',
      'third_party/lib/x.c': '2',
    });
    git('add', '-A');
    git('commit', '-q', '-m', 'change');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--diff BASE...HEAD names the components, owners and teams touched, with the @mentions to paste', () => {
    const r = cli(dir, 'who', '--diff', 'main...HEAD', '--json');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.strictEqual(j.change, 'main...HEAD');
    assert.strictEqual(j.files, 4);
    assert.deepStrictEqual(
      j.components.map((c: { component: string; owner: string; files: string[] }) => [
        c.component,
        c.owner,
        c.files.length,
      ]),
      [
        ['checkout-api', 'bob', 2],
        ['gateway', 'erin', 1],
      ],
    );
    assert.deepStrictEqual(j.unowned, ['third_party/lib/x.c']);
    assert.deepStrictEqual(j.teams, [
      { team: 'payments', lead: 'alice', components: 1 },
      { team: 'platform', lead: 'dan', components: 1 },
    ]);
    assert.deepStrictEqual(j.mentions, ['@bob', '@erin']);
    const text = cli(dir, 'who', '--diff', 'main...HEAD');
    assert.match(text.out, /^4 changed file\(s\): 2 component\(s\), 2 team\(s\), 1 unowned/);
    assert.match(text.out, /Reviewers to mention: @bob @erin\n$/);
  });

  it('--staged looks at the index only', () => {
    write(dir, { 'README.md': 'staged', 'services/gateway/main.go': 'not staged' });
    git('add', 'README.md');
    const j = JSON.parse(cli(dir, 'who', '--staged', '--json').out);
    assert.deepStrictEqual([j.files, j.components.length, j.unowned], [1, 0, ['README.md']]);
    git('checkout', '-q', '--', 'services/gateway/main.go');
    git('reset', '-q', 'README.md');
  });

  it('refuses a bad range or mixing paths with a change (exit 2)', () => {
    assert.match(
      cli(dir, 'who', '--diff', 'nosuch...HEAD').err,
      /git could not list the changed files/,
    );
    assert.strictEqual(cli(dir, 'who', '--diff', '--output=x').code, 2);
    assert.strictEqual(cli(dir, 'who', 'README.md', '--staged').code, 2);
  });

  it('coverage: the owned share and the biggest unowned folders; exit 1 below --min', () => {
    const r = cli(dir, 'coverage', '--json');
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    // OWNERS.yaml, README.md and third_party/lib/x.c are unowned; 3 service files are owned.
    assert.deepStrictEqual([j.totalFiles, j.ownedFiles], [6, 3]);
    assert.deepStrictEqual(j.unownedFolders, [
      { folder: '.', files: 2 },
      { folder: 'third_party', files: 1 },
    ]);
    const below = cli(dir, 'coverage', '--min', '0.9');
    assert.strictEqual(below.code, 1);
    assert.match(below.out, /^50\.0% of 6 files owned/);
    assert.match(below.err, /below the minimum 90\.0%/);
    assert.strictEqual(cli(dir, 'coverage', '--min', '0.5').code, 0);
    assert.strictEqual(cli(dir, 'coverage', '--min', 'lots').code, 2);
    // Written the way coverage prints it, as a percentage or as a share: the same minimum.
    for (const min of ['51%', '51', '0.51', '50.5%']) {
      const r = cli(dir, 'coverage', '--min', min);
      assert.strictEqual(r.code, 1, min);
      assert.match(r.err, /below the minimum 5[01]\.\d%/, min);
    }
    for (const min of ['50%', '50', '0.5', '.5', '49.9%', '1%', '0'])
      assert.strictEqual(cli(dir, 'coverage', '--min', min).code, 0, min);
    assert.strictEqual(
      cli(dir, 'coverage', '--min', '1').code,
      1,
      '1 is the share 1 (100%), as before',
    );
  });
});
