import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readGitattributes } from '../../../src/node/gitattributesFile';
import { readRegularFile, writeFileNoFollow } from '../../../src/node/safeFiles';
import { runCli } from '../../fixtures/cliRepo';
import { REPO_ROOT } from '../../repoRoot';

const acme = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');
const posix = process.platform !== 'win32';

/** A repository next to a "home" folder holding a secret, each in a fresh temp dir. */
function layout(): { repo: string; home: string; secret: string; done(): void } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-links-'));
  const repo = path.join(base, 'repo');
  const home = path.join(base, 'home');
  fs.mkdirSync(path.join(repo, '.github'), { recursive: true });
  fs.mkdirSync(home);
  execFileSync('git', ['init', '-q', repo]);
  const secret = path.join(home, 'id_rsa');
  fs.writeFileSync(
    secret,
    '-----BEGIN OPENSSH PRIVATE KEY-----\n* @b3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
  );
  return { repo, home, secret, done: () => fs.rmSync(base, { recursive: true, force: true }) };
}

(posix ? describe : describe.skip)('symbolic links a repository commits (issue 18)', () => {
  it('import does not read a CODEOWNERS that links outside the repository', () => {
    const t = layout();
    try {
      fs.symlinkSync(t.secret, path.join(t.repo, '.github/CODEOWNERS'));
      const r = runCli(t.repo, ['import', '.', '--output', 'OWNERS.yaml']);
      assert.strictEqual(r.code, 2, r.out + r.err);
      assert.match(r.err, /symbolic link to .*outside the repository; it is not read/);
      assert.ok(!fs.existsSync(path.join(t.repo, 'OWNERS.yaml')));
      assert.ok(!(r.out + r.err).includes('b3BlbnNzaC1rZXktdjEAAAAA'));
      // a link that stays inside the repository is an ordinary file
      fs.rmSync(path.join(t.repo, '.github/CODEOWNERS'));
      fs.writeFileSync(path.join(t.repo, 'CODEOWNERS.real'), '/api/ @acme/api\n');
      fs.symlinkSync('../CODEOWNERS.real', path.join(t.repo, '.github/CODEOWNERS'));
      const ok = runCli(t.repo, ['import', '.']);
      assert.strictEqual(ok.code, 0, ok.err);
      assert.match(ok.out, /\/api\//);
    } finally {
      t.done();
    }
  });

  it('import --output does not write through a committed OWNERS.yaml link, dangling or not, with or without --force', () => {
    const t = layout();
    try {
      fs.writeFileSync(path.join(t.repo, '.github/CODEOWNERS'), '/api/ @acme/api\n');
      const outside = path.join(t.home, '.bashrc');
      fs.symlinkSync(outside, path.join(t.repo, 'OWNERS.yaml'));
      const dangling = runCli(t.repo, ['import', '.', '--output', 'OWNERS.yaml']);
      assert.strictEqual(dangling.code, 2, dangling.err);
      assert.match(dangling.err, /OWNERS\.yaml is a symbolic link; it is not written through/);
      assert.ok(!fs.existsSync(outside), 'a file was created outside the repository');
      fs.writeFileSync(outside, 'alias ls=ls\n');
      const forced = runCli(t.repo, ['import', '.', '--output', 'OWNERS.yaml', '--force']);
      assert.strictEqual(forced.code, 2, forced.err);
      assert.strictEqual(fs.readFileSync(outside, 'utf8'), 'alias ls=ls\n');
      // a folder link inside the repository that leads outside is refused too
      fs.rmSync(path.join(t.repo, 'OWNERS.yaml'));
      fs.symlinkSync(t.home, path.join(t.repo, 'docs'));
      const viaFolder = runCli(t.repo, ['import', '.', '--output', 'docs/OWNERS.yaml']);
      assert.strictEqual(viaFolder.code, 2, viaFolder.err);
      assert.ok(!fs.existsSync(path.join(t.home, 'OWNERS.yaml')));
      // and a plain path is written (atomically, with no temporary file left), and replaced only with --force
      const plain = runCli(t.repo, ['import', '.', '--output', 'OWNERS.yaml']);
      assert.strictEqual(plain.code, 0, plain.err);
      assert.match(fs.readFileSync(path.join(t.repo, 'OWNERS.yaml'), 'utf8'), /\/api\//);
      assert.deepStrictEqual(
        fs.readdirSync(t.repo).filter(f => f.endsWith('.tmp')),
        [],
      );
      assert.strictEqual(runCli(t.repo, ['import', '.', '--output', 'OWNERS.yaml']).code, 2);
      assert.strictEqual(
        runCli(t.repo, ['import', '.', '--output', 'OWNERS.yaml', '--force']).code,
        0,
      );
    } finally {
      t.done();
    }
  });

  it('an OWNERS.yaml or .gitattributes that links outside the repository is not read', () => {
    const t = layout();
    try {
      fs.writeFileSync(path.join(t.home, 'owners.yaml'), acme);
      fs.symlinkSync(path.join(t.home, 'owners.yaml'), path.join(t.repo, 'OWNERS.yaml'));
      const r = runCli(t.repo, ['validate']);
      assert.strictEqual(r.code, 2, r.out + r.err);
      assert.match(r.err, /outside the repository/);
      fs.writeFileSync(path.join(t.home, 'attrs'), '* linguist-generated\n');
      fs.symlinkSync(path.join(t.home, 'attrs'), path.join(t.repo, '.gitattributes'));
      const attributes = readGitattributes(t.repo);
      assert.strictEqual(attributes.kind, 'unreadable');
      // named by the user, a file outside is read as given
      assert.strictEqual(readGitattributes(t.repo, path.join(t.home, 'attrs')).kind, 'ok');
    } finally {
      t.done();
    }
  });

  it('an OWNERS.yaml that links to /dev/zero or a FIFO is refused at once; a large file is read only to the limit + 1 byte', () => {
    const t = layout();
    try {
      fs.symlinkSync('/dev/zero', path.join(t.repo, 'OWNERS.yaml'));
      const r = readRegularFile(path.join(t.repo, 'OWNERS.yaml'), 1024);
      assert.strictEqual(r.kind, 'refused');
      assert.strictEqual(runCli(t.repo, ['validate']).code, 2);
      const fifo = path.join(t.repo, 'fifo.yaml');
      execFileSync('mkfifo', [fifo]);
      assert.strictEqual(readRegularFile(fifo, 1024).kind, 'refused');
      const big = path.join(t.repo, 'big.yaml');
      fs.writeFileSync(big, 'x'.repeat(5000));
      assert.deepStrictEqual(readRegularFile(big, 1024), { kind: 'too-large', bytes: 5000 });
      assert.strictEqual(readRegularFile(big, 5000).kind, 'ok');
    } finally {
      t.done();
    }
  });

  it('writeFileNoFollow refuses a link and anything but a regular file, and keeps the mode of the file it replaces', () => {
    const t = layout();
    try {
      const target = path.join(t.repo, 'OWNERS.yaml');
      fs.symlinkSync(path.join(t.home, 'x'), target);
      assert.throws(
        () => writeFileNoFollow(target, 'a', { root: t.repo, overwrite: true }),
        /symbolic link/,
      );
      fs.rmSync(target);
      fs.mkdirSync(target);
      assert.throws(
        () => writeFileNoFollow(target, 'a', { root: t.repo, overwrite: true }),
        /not a regular file/,
      );
      fs.rmdirSync(target);
      fs.writeFileSync(target, 'old', { mode: 0o600 });
      fs.chmodSync(target, 0o600);
      assert.throws(
        () => writeFileNoFollow(target, 'new', { root: t.repo, overwrite: false }),
        /exists/,
      );
      writeFileNoFollow(target, 'new', { root: t.repo, overwrite: true });
      assert.strictEqual(fs.readFileSync(target, 'utf8'), 'new');
      assert.strictEqual(fs.statSync(target).mode & 0o777, 0o600);
    } finally {
      t.done();
    }
  });
});
