import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChangeCache } from '../../../src/node/git/changeCache';
import { windowChanges } from '../../../src/node/git/gitFigures';
import { KnowledgeLogCache, readKnowledgeHistory } from '../../../src/node/git/knowledgeLog';

// Wide enough for commits made today, whatever today is.
const WINDOW = { since: '2000-01-01', until: '2100-01-01' };

/** A commit by `author` ("Name <email>") touching `file`. */
function commit(dir: string, author: string, file: string): void {
  fs.writeFileSync(path.join(dir, file), `${file} by ${author}\n`);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: { ...process.env, GIT_COMMITTER_NAME: 'c', GIT_COMMITTER_EMAIL: 'c@example.com' },
    });
  git('add', file);
  git('commit', '-qm', `change ${file}`, `--author=${author}`);
}

/**
 * Authors are read through the mailmap (`.mailmap`, and `mailmap.file` / `mailmap.blob` in git's
 * configuration); the caches of changes and of knowledge keep authors as read, so a new mapping
 * must drop them, or one person stays two until the cache is deleted by hand.
 */
describe('the git caches follow the mailmap', function () {
  this.timeout(60_000);
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-mailmap-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-mailmap-cache-'));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    commit(dir, 'Ann <ann@old.example>', 'first.txt');
    commit(dir, 'Ann Lee <ann@new.example>', 'second.txt');
    commit(dir, 'Ann <ann@old.example>', 'third.txt');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const emails = (list: { email: string }[]) => [...new Set(list.map(a => a.email))].sort();
  const changesAuthors = async () => {
    const cache = new ChangeCache(ChangeCache.fileFor(cacheDir, dir)).load();
    const read = await windowChanges(dir, 'HEAD', WINDOW, cache);
    cache.save();
    return { emails: emails(read.changes.map(c => c.author)), readFromGit: read.readFromGit };
  };

  it('mailmap.file in the repository configuration: changes read again, authors mapped', async () => {
    assert.deepStrictEqual(await changesAuthors(), {
      emails: ['ann@new.example', 'ann@old.example'],
      readFromGit: 2, // the root commit is left out of the figures
    });
    assert.deepStrictEqual((await changesAuthors()).readFromGit, 0, 'the cache answers');
    const map = path.join(cacheDir, 'people.mailmap');
    fs.writeFileSync(map, 'Ann Lee <ann@new.example> <ann@old.example>\n');
    execFileSync('git', ['config', 'mailmap.file', map], { cwd: dir });
    assert.deepStrictEqual(await changesAuthors(), { emails: ['ann@new.example'], readFromGit: 2 });
    // Editing the mapped file counts too.
    fs.writeFileSync(map, 'Ann <ann@old.example> <ann@new.example>\n');
    assert.deepStrictEqual(await changesAuthors(), { emails: ['ann@old.example'], readFromGit: 2 });
  });

  it('mailmap.blob: the blob the configuration names', async () => {
    await changesAuthors();
    fs.writeFileSync(path.join(dir, 'map.txt'), 'Ann Lee <ann@new.example> <ann@old.example>\n');
    execFileSync('git', ['add', 'map.txt'], { cwd: dir });
    const blob = execFileSync('git', ['rev-parse', ':map.txt'], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    execFileSync('git', ['config', 'mailmap.blob', blob], { cwd: dir });
    const after = await changesAuthors();
    assert.deepStrictEqual(after.emails, ['ann@new.example']);
  });

  it('knowledge: a .mailmap written after the cache drops the logged commits and maps the authors', async () => {
    const cache = new KnowledgeLogCache();
    const first = await readKnowledgeHistory(dir, 'HEAD', WINDOW.until, cache);
    assert.deepStrictEqual(
      [first.loggedCommits, emails(first.commits)],
      [3, ['ann@new.example', 'ann@old.example']],
    );
    const again = await readKnowledgeHistory(dir, 'HEAD', WINDOW.until, cache);
    assert.strictEqual(again.loggedCommits, 0, 'the cache answers');
    fs.writeFileSync(path.join(dir, '.mailmap'), 'Ann Lee <ann@new.example> <ann@old.example>\n');
    const mapped = await readKnowledgeHistory(dir, 'HEAD', WINDOW.until, cache);
    assert.deepStrictEqual(
      [mapped.loggedCommits, emails(mapped.commits)],
      [3, ['ann@new.example']],
    );
    // What is written to disk keeps the mapping it was read through.
    const reread = KnowledgeLogCache.fromJSON(JSON.parse(JSON.stringify(cache)));
    assert.strictEqual(
      (await readKnowledgeHistory(dir, 'HEAD', WINDOW.until, reread)).loggedCommits,
      0,
    );
  });
});
