import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, makeRepo, runCli } from '../../fixtures/cliRepo';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');
const FILES = ['services/checkout/api.ts', 'services/gateway/main.go', 'README.md'];

describe('CLI usage and input, checked strictly (found trying it as a stranger)', () => {
  let repo: string;
  before(() => {
    repo = makeRepo(acme, FILES);
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));
  const cli = (...args: string[]) => runCli(repo, args, { GITHUB_TOKEN: '' });

  it('a stray argument, a value on a flag, --json against --format, a file as --cache-dir: exit 2 with the reason', () => {
    for (const [args, reason] of [
      [['validate', 'extra'], /"validate" takes no argument, but was given "extra"/],
      [['coverage', 'extra'], /"coverage" takes no argument/],
      [['codeowners', 'extra'], /"codeowners" takes no argument/],
      [['who', '--json=yes', 'README.md'], /--json takes no value \(given "yes"\)/],
      [['validate', '--no-repo=1'], /--no-repo takes no value/],
      [['validate', '--json', '--format', 'github'], /--json and --format github disagree/],
      [
        ['report', '--repo', 'a/b', '--cache-dir', 'README.md'],
        /--cache-dir README\.md: not a directory/,
      ],
      [['coverage', '--min', ''], /--min is a percentage \(99 or 99%\) or a share from 0 to 1/],
      [['coverage', '--min', ' '], /--min is a percentage/],
      [['coverage', '--min', '0x1'], /--min is a percentage/],
      [['coverage', '--min', '101'], /--min is a percentage/],
      [['coverage', '--min', '-5%'], /--min is a percentage/],
      [['coverage', '--min', '99%%'], /--min is a percentage/],
      [['coverage', '--help=foo'], /--help takes no value \(given "foo"\)/],
      [['who', '--help=', 'README.md'], /--help takes no value/],
      [['coverage', '--root', 'nosuch'], /--root .*nosuch: no such directory/],
      [['coverage', '--root', 'README.md'], /--root .*README\.md: not a directory/],
    ] as [string[], RegExp][]) {
      const r = cli(...args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.out}${r.err}`);
      assert.match(r.err, reason, args.join(' '));
    }
    assert.strictEqual(cli('validate', '--json', '--format', 'json').code, 0);
  });

  it('COMMAND --help shows that command and the common options, not the whole list', () => {
    const r = cli('coverage', '--help');
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^usage: ownership-lens coverage/);
    assert.match(r.out, /coverage \[--min 90%\]/);
    assert.match(r.out, /every command: --owners FILE/);
    assert.ok(!/org-report/.test(r.out), r.out);
    assert.match(cli('org-report', '-h').out, /org-report merge FILE\.\.\. --out DIR/);
  });

  it('an OWNERS.yaml that cannot be read makes who and coverage fail (exit 2), not answer "unowned" for everything', () => {
    const broken = makeRepo('version: 1\ncomponents:\n  a: [unclosed\n', FILES);
    try {
      for (const args of [['who', 'README.md', '--json'], ['coverage']]) {
        const r = runCli(broken, args);
        assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.out}`);
        assert.strictEqual(r.out, '');
        assert.match(
          r.err,
          /OWNERS\.yaml cannot be read \(line \d+:\d+ yaml-syntax: .*\); run `ownership-lens validate`/,
        );
      }
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it('--owners FILE outside any repository describes the repository the command runs in', () => {
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ol-outside-')), 'owners.yaml');
    fs.writeFileSync(outside, acme);
    try {
      const r = cli('coverage', '--owners', outside, '--json');
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(JSON.parse(r.out).totalFiles, FILES.length + 1);
    } finally {
      fs.rmSync(path.dirname(outside), { recursive: true, force: true });
    }
  });

  it('stops quietly when the reader closes the pipe early (| head): no EPIPE stack', async () => {
    const input = Array.from({ length: 200_000 }, (_, i) => `services/checkout/f${i}.ts`).join(
      '\n',
    );
    const child = spawn(process.execPath, [CLI, 'who', '-'], { cwd: repo });
    let err = '';
    child.stderr.on('data', d => {
      err += d;
    });
    child.stdin.end(input);
    await new Promise<void>(resolve =>
      child.stdout.once('data', () => {
        child.stdout.destroy();
        resolve();
      }),
    );
    const code = await new Promise<number | null>(resolve => child.on('close', c => resolve(c)));
    assert.strictEqual(err, '');
    assert.strictEqual(code, 0);
  });

  it('import: --output does not replace an existing file without --force; a DIR with --from github finds its CODEOWNERS; a Backstage catalog outside the repository is refused', () => {
    const dir = makeRepo('version: 1\n', []);
    try {
      fs.writeFileSync(path.join(dir, 'CODEOWNERS'), '/web/ @alice\n');
      fs.mkdirSync(path.join(dir, 'web'));
      fs.writeFileSync(
        path.join(dir, 'web/catalog-info.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\nspec: {owner: alice, type: service}\n',
      );
      const refused = runCli(dir, ['import', 'CODEOWNERS', '--output', 'OWNERS.yaml']);
      assert.strictEqual(refused.code, 2);
      assert.match(refused.err, /OWNERS\.yaml exists; pass --force/);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'OWNERS.yaml'), 'utf8'), 'version: 1\n');
      assert.strictEqual(
        runCli(dir, ['import', 'CODEOWNERS', '--output', 'OWNERS.yaml', '--force']).code,
        0,
      );
      assert.match(fs.readFileSync(path.join(dir, 'OWNERS.yaml'), 'utf8'), /\/web\//);
      const fromDir = runCli(dir, ['import', '.', '--from', 'github']);
      assert.strictEqual(fromDir.code, 0, fromDir.err);
      assert.match(fromDir.out, /\/web\//);
      const elsewhere = makeRepo('version: 1\n', ['x.txt']);
      try {
        const r = runCli(elsewhere, ['import', path.join(dir, 'web/catalog-info.yaml')]);
        assert.strictEqual(r.code, 2, r.out);
        assert.match(
          r.err,
          /is outside the repository: a Backstage catalog owns the folder it sits in/,
        );
      } finally {
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('who --diff names both sides of a rename: the component a file leaves is asked too', () => {
    const dir = makeRepo(acme, FILES);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], {
        cwd: dir,
        stdio: 'pipe',
      }).toString();
    try {
      fs.rmSync(path.join(dir, '.git'), { recursive: true });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      git('mv', 'services/checkout/api.ts', 'services/gateway/moved.ts');
      git('commit', '-q', '-m', 'move');
      const r = runCli(dir, ['who', '--diff', 'HEAD~1...HEAD', '--json']);
      assert.strictEqual(r.code, 0, r.err);
      assert.deepStrictEqual(
        JSON.parse(r.out)
          .components.map((c: { component: string }) => c.component)
          .sort(),
        ['checkout-api', 'gateway'],
      );
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-nogit-'));
      fs.writeFileSync(path.join(outside, 'OWNERS.yaml'), acme);
      try {
        const staged = runCli(outside, ['who', '--staged']);
        assert.strictEqual(staged.code, 2);
        assert.match(staged.err, /is not inside a git repository: --diff and --staged need one/);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
