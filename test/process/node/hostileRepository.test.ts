import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  gitBinary,
  runGit,
  safeConfigArgs,
  setGitAllowed,
  spawnGit,
} from '../../../src/node/git/safeGit';
import { filterIgnored, listRepoFiles } from '../../../src/node/repoFiles';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const CLI = path.join(ROOT, 'dist/cli.js');
const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');

/**
 * A repository anyone can commit or ship in an archive, whose `.git/config` names programs git
 * would run: core.fsmonitor (any git that reads the index), a `filter.evil.clean` that
 * .gitattributes applies to *.ts (any diff against the working tree), a textconv driver, an
 * external diff, a pager, and gpg for `log.showSignature` (its last commit carries a signature).
 * Each program only leaves a marker file; the CLI must never leave one.
 */
function hostileRepository(): { dir: string; markers: string; ran(): string[]; reset(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-hostile-'));
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-markers-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.email=1+alice@users.noreply.github.com', '-c', 'user.name=Alice', ...args],
      { cwd: dir, stdio: 'pipe' },
    ).toString();
  const write = (f: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  };
  git('init', '-q', '-b', 'main');
  write('OWNERS.yaml', acme);
  write('.github/CODEOWNERS', '/services/ @acme/payments\n');
  write('.gitattributes', '*.ts filter=evil diff=evil\n');
  write('services/checkout/api.ts', '1\n');
  write('README.md', '1\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  write('services/checkout/api.ts', '2\n');
  git('commit', '-q', '-am', 'change');
  // The last commit, signed (a gpgsig header is all `log --show-signature` needs to start gpg).
  const signed = git('cat-file', 'commit', 'HEAD').replace(
    /^(committer .*)$/m,
    '$1\ngpgsig -----BEGIN PGP SIGNATURE-----\n x\n -----END PGP SIGNATURE-----',
  );
  const id = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
    cwd: dir,
    input: signed,
  })
    .toString()
    .trim();
  git('update-ref', 'refs/heads/feature', id);
  // A working-tree change that is stat-dirty, so a diff against the working tree cleans it.
  write('services/checkout/api.ts', '3\n');
  const script = (name: string) => {
    const file = path.join(markers, `${name}.sh`);
    fs.writeFileSync(file, `#!/bin/sh\ntouch "${markers}/${name}.ran"\ncat\n`, { mode: 0o755 });
    return file;
  };
  const q = (s: string) => JSON.stringify(s);
  fs.appendFileSync(
    path.join(dir, '.git/config'),
    [
      '[core]',
      `\tfsmonitor = ${q(script('fsmonitor'))}`,
      `\tpager = ${q(script('pager'))}`,
      '[filter "evil"]',
      `\tclean = ${q(script('clean'))}`,
      `\tsmudge = ${q(script('smudge'))}`,
      '\trequired = true',
      '[diff "evil"]',
      `\ttextconv = ${q(script('textconv'))}`,
      `\tcommand = ${q(script('diffcommand'))}`,
      '[diff]',
      `\texternal = ${q(script('external'))}`,
      '[log]',
      '\tshowSignature = true',
      '[gpg]',
      `\tprogram = ${q(script('gpg'))}`,
      '',
    ].join('\n'),
  );
  const ran = () =>
    fs
      .readdirSync(markers)
      .filter(f => f.endsWith('.ran'))
      .sort();
  return { dir, markers, ran, reset: () => ran().forEach(f => fs.rmSync(path.join(markers, f))) };
}

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, GITHUB_TOKEN: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('A hostile repository: its git configuration never runs a program', () => {
  let repo: ReturnType<typeof hostileRepository>;
  before(() => {
    repo = hostileRepository();
  });
  after(() => {
    fs.rmSync(repo.dir, { recursive: true, force: true });
    fs.rmSync(repo.markers, { recursive: true, force: true });
  });
  beforeEach(() => repo.reset());

  it('the premise: plain git in this repository runs the fsmonitor, the clean filter and gpg', () => {
    execFileSync('git', ['diff', '--name-only', 'main', '--'], { cwd: repo.dir, stdio: 'pipe' });
    execFileSync('git', ['log', '-1', '--format=%ae'], { cwd: repo.dir, stdio: 'pipe' });
    assert.deepStrictEqual(
      repo.ran().filter(f => /^(fsmonitor|clean|gpg)\./.test(f)),
      ['clean.ran', 'fsmonitor.ran', 'gpg.ran'],
    );
  });

  it('coverage lists the files with git and starts none of them', () => {
    const r = cli(repo.dir, 'coverage', '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(JSON.parse(r.out).totalFiles >= 4, r.out);
    assert.deepStrictEqual(repo.ran(), []);
  });

  it('validate lists the files with git and starts none of them', () => {
    const r = cli(repo.dir, 'validate');
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.deepStrictEqual(repo.ran(), []);
  });

  it('who --staged starts none of them', () => {
    const r = cli(repo.dir, 'who', '--staged', '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(JSON.parse(r.out).files, 0);
    assert.deepStrictEqual(repo.ran(), []);
  });

  it('who --diff against the working tree does not run the filter.<name>.clean that .gitattributes names', () => {
    const r = cli(repo.dir, 'who', '--diff', 'main', '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(
      JSON.parse(r.out).components.map((c: { component: string }) => c.component),
      ['checkout-api'],
    );
    const range = cli(repo.dir, 'who', '--diff', 'main...HEAD', '--json');
    assert.strictEqual(range.code, 0, range.err);
    assert.strictEqual(JSON.parse(range.out).files, 1);
    assert.deepStrictEqual(repo.ran(), []);
  });

  it('import --suggest-from-git reads the history without gpg (log.showSignature) and still suggests', () => {
    const r = cli(repo.dir, 'import', '.github/CODEOWNERS', '--suggest-from-git');
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /owner: alice/);
    assert.deepStrictEqual(repo.ran(), []);
  });

  it("runGit answers with every program-running setting overridden, and the editor's listing with git too", async () => {
    const files = await listRepoFiles(repo.dir);
    assert.strictEqual(files.source, 'git');
    assert.ok(files.files.includes('services/checkout/api.ts'));
    assert.deepStrictEqual(await filterIgnored(repo.dir, ['README.md']), ['README.md']);
    const diff = await runGit(repo.dir, ['diff', 'main', '--']);
    assert.strictEqual(diff.code, 0, diff.stderr);
    const log = await runGit(repo.dir, ['log', '-1', '--format=%ae']);
    assert.strictEqual(log.stdout.toString().trim(), '1+alice@users.noreply.github.com');
    assert.deepStrictEqual(repo.ran(), []);
  });

  it('with git turned off (an untrusted workspace) the files are walked and spawnGit refuses', async () => {
    setGitAllowed(false);
    try {
      const listed = await listRepoFiles(repo.dir);
      assert.strictEqual(listed.source, 'walk');
      assert.ok(
        listed.files.includes('OWNERS.yaml') && !listed.files.some(f => f.startsWith('.git/')),
      );
      await assert.rejects(spawnGit(repo.dir, ['status']), /untrusted/);
      assert.deepStrictEqual((await listRepoFiles(repo.dir, { git: false })).source, 'walk');
    } finally {
      setGitAllowed(true);
    }
    assert.deepStrictEqual(repo.ran(), []);
  });
});

describe('safeGit', () => {
  it('gives up on a configuration that never ends (include.path of a FIFO) instead of waiting for ever', async function () {
    if (process.platform === 'win32') this.skip();
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-fifo-'));
    try {
      execFileSync('git', ['init', '-q', dir]);
      fs.writeFileSync(path.join(dir, 'a.txt'), 'a\n');
      execFileSync('mkfifo', [path.join(dir, '.git/never')]);
      fs.appendFileSync(path.join(dir, '.git/config'), '[include]\n\tpath = never\n');
      const t0 = Date.now();
      const listed = await listRepoFiles(dir);
      assert.strictEqual(listed.source, 'walk');
      assert.match(listed.fallbackReason ?? '', /configuration took more than 10 s/);
      assert.deepStrictEqual(listed.files, ['a.txt']);
      assert.ok(Date.now() - t0 < 30_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never takes a git inside the repository, even one first on PATH', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-gitbin-'));
    const saved = process.env.PATH;
    try {
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.writeFileSync(
        path.join(dir, 'bin', process.platform === 'win32' ? 'git.exe' : 'git'),
        '#!/bin/sh\nexit 0\n',
        { mode: 0o755 },
      );
      process.env.PATH = [path.join(dir, 'bin'), '.', saved].join(path.delimiter);
      const chosen = gitBinary(dir);
      assert.ok(path.isAbsolute(chosen));
      assert.ok(!chosen.startsWith(dir), chosen);
      assert.ok(!gitBinary(dir).startsWith(dir));
    } finally {
      process.env.PATH = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('overrides every variable of each named driver, and refuses a driver name -c cannot express', () => {
    const args = safeConfigArgs(['filter.lfs.clean', 'diff.evil.textconv', 'core.editor']).filter(
      a => a !== '-c',
    );
    for (const kv of [
      'filter.lfs.clean=',
      'filter.lfs.smudge=',
      'filter.lfs.process=',
      'filter.lfs.required=false',
      'diff.evil.textconv=',
      'diff.evil.command=',
      'core.fsmonitor=false',
      'log.showSignature=false',
      'gpg.program=false',
    ]) {
      assert.ok(args.includes(kv), kv);
    }
    assert.ok(!args.some(a => a.startsWith('core.editor')));
    assert.throws(() => safeConfigArgs(['filter.a=b.clean']), /cannot be overridden/);
  });
});
