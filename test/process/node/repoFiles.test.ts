import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { filterIgnored, listRepoFiles } from '../../../src/node/repoFiles';
import { git, makeGitRepo, write } from '../../fixtures/gitRepo';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const CLI = path.join(ROOT, 'dist/cli.js');

describe('repository file listing (shared by the CLI and the editor)', () => {
  let repo: string;
  before(() => {
    repo = makeGitRepo();
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('lists what `git ls-files -co --exclude-standard` lists, minus files deleted from disk', async () => {
    const listed = await listRepoFiles(repo);
    assert.strictEqual(listed.source, 'git');
    const expected = git(
      repo,
      '-c',
      'core.quotepath=off',
      'ls-files',
      '-z',
      '-co',
      '--exclude-standard',
    )
      .split('\0')
      .filter(f => f && !f.endsWith('/') && fs.existsSync(path.join(repo, f)));
    assert.deepStrictEqual([...listed.files].sort(), [...new Set(expected)].sort());
    assert.deepStrictEqual([...listed.files].sort(), [
      '.gitignore',
      'OWNERS.yaml',
      'docs/untracked.md',
      'rust/.gitignore',
      'rust/src/main.rs',
      'secret/key.txt',
      'src/a.ts',
      'src/forced.pyc',
      'src/new file é.ts',
    ]);
  });

  it('walks the disk outside git, skipping .git and node_modules', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-walk-'));
    write(dir, { 'a/b.ts': '', 'node_modules/x/index.js': '', '.git/HEAD': '', 'c.md': '' });
    const listed = await listRepoFiles(dir);
    assert.strictEqual(listed.source, 'walk');
    assert.match(listed.fallbackReason ?? '', /not a git repository/i);
    assert.deepStrictEqual([...listed.files].sort(), ['a/b.ts', 'c.md']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('walks without following symbolic links (an untrusted workspace): a link is listed, what it leads to is not', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-walk-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-outside-'));
    write(dir, { 'a/b.ts': '' });
    write(outside, { 'secret/key.pem': '' });
    fs.symlinkSync(outside, path.join(dir, 'home'));
    fs.symlinkSync(dir, path.join(dir, 'a/loop'));
    const listed = await listRepoFiles(dir, { git: false });
    assert.strictEqual(listed.source, 'walk');
    assert.deepStrictEqual([...listed.files].sort(), ['a/b.ts', 'a/loop', 'home']);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('keeps, of new paths, those git would list (tracked or not ignored)', async () => {
    const kept = await filterIgnored(repo, [
      'build/new.js',
      'src/b.ts',
      'src/forced.pyc',
      'src/x.pyc',
      'rust/target/y',
      'secret/z',
      'docs/n.md',
    ]);
    assert.deepStrictEqual(kept, ['src/b.ts', 'src/forced.pyc', 'docs/n.md']);
  });

  it('validate sees ignored folders as git does: a pattern matching only ignored files matches nothing', () => {
    const r = spawnSync(process.execPath, [CLI, 'validate', '--json'], {
      cwd: repo,
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const dead = JSON.parse(r.stdout).filter(
      (d: { code: string }) => d.code === 'pattern-matches-nothing',
    );
    assert.deepStrictEqual(
      dead.map((d: { message: string }) => d.message),
      ['Pattern "/build/" matches no file in the repository.'],
    );
  });
});

describe('who - (paths on standard input)', () => {
  let repo: string;
  before(() => {
    repo = makeGitRepo();
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));
  const who = (input: string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'who', ...args], { cwd: repo, input, encoding: 'utf8' });

  it('prints one JSON array for every line of standard input', () => {
    const r = who('src/a.ts\r\nREADME.md\n\nbuild/x.js\n', '-');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), [
      { path: 'src/a.ts', component: 'api', team: 'app', owner: 'bob', lead: 'alice' },
      { path: 'README.md', component: null, team: null, owner: null, lead: null },
      { path: 'build/x.js', component: 'build', team: 'app', owner: 'bob', lead: 'alice' },
    ]);
  });

  it('reads NUL-separated paths (git ls-files -z), in order, with names that have spaces and newlines', () => {
    const listing = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
      cwd: repo,
      encoding: 'utf8',
    });
    const r = who(listing + 'odd\nname.ts\0', '-', '--json');
    assert.strictEqual(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { path: string; component: string | null }[];
    assert.deepStrictEqual(
      rows.map(x => x.path),
      [...listing.split('\0').filter(Boolean), 'odd\nname.ts'],
    );
    assert.strictEqual(rows.find(x => x.path === 'src/new file é.ts')?.component, 'api');
  });

  it('answers 12,000 paths as one document, and an empty input with []', () => {
    const paths = Array.from({ length: 12000 }, (_, i) => `src/f${i}.ts`);
    const r = who(paths.join('\n'), '-');
    assert.strictEqual(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { path: string; owner: string }[];
    assert.strictEqual(rows.length, 12000);
    assert.deepStrictEqual(
      [rows[0].path, rows[11999].path, rows[5000].owner],
      ['src/f0.ts', 'src/f11999.ts', 'bob'],
    );
    const empty = who('', '-');
    assert.strictEqual(empty.status, 0);
    assert.deepStrictEqual(JSON.parse(empty.stdout), []);
  });

  it('mixes stdin with paths on the command line, in their places', () => {
    const r = who('src/a.ts\n', 'README.md', '-', 'build/y');
    assert.deepStrictEqual(
      JSON.parse(r.stdout).map((x: { path: string }) => x.path),
      ['README.md', 'src/a.ts', 'build/y'],
    );
  });
});
