import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const CLI = path.join(ROOT, 'dist/cli.js');
const SOURCES = path.join(ROOT, 'test/fixtures/owners-sources');

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_TOKEN: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A real git repository; `commit(email, files)` adds one commit by that author. */
function gitRepo(): { dir: string; commit(email: string, files: Record<string, string>): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-import-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  return {
    dir,
    commit(email, files) {
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      git('add', '-A');
      execFileSync(
        'git',
        ['-c', `user.email=${email}`, '-c', 'user.name=Someone', 'commit', '-q', '-m', 'change'],
        { cwd: dir, stdio: 'pipe' },
      );
    },
  };
}

describe('CLI import', () => {
  it("reads OWNERS files under vendor/ and third_party/ as Prow does, and skips (naming it) what Prow's denylist skips", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-prow-vendor-'));
    const files: Record<string, string> = {
      OWNERS: 'approvers: [root]\n',
      'vendor/OWNERS': 'approvers: [alice]\n',
      'third_party/OWNERS': 'approvers: [tp]\n',
      'vendor/k8s.io/client-go/OWNERS': 'approvers: [bob]\n',
      'node_modules/x/OWNERS': 'approvers: [nobody]\n',
    };
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
    const r = cli(dir, 'import', dir, '--json');
    assert.strictEqual(r.code, 0, r.err);
    const { owners } = JSON.parse(r.out);
    const doc = parseYaml(owners);
    const byPath = new Map(
      Object.values(
        doc.components as Record<string, { paths: string[]; codeowners: string[] }>,
      ).flatMap(c => c.paths.map(p => [p, c.codeowners] as const)),
    );
    assert.deepStrictEqual(byPath.get('/vendor/'), ['@alice', '@root']);
    assert.deepStrictEqual(byPath.get('/third_party/'), ['@tp', '@root']);
    assert.strictEqual(
      byPath.get('/vendor/k8s.io/client-go/'),
      undefined,
      "Prow's default denylist vendor/.*/.* skips it",
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a Kubernetes OWNERS tree given as a directory, with the summary on stderr', () => {
    const r = cli(ROOT, 'import', path.join(SOURCES, 'kubernetes/kubernetes-sigs__cluster-api'));
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(parseYaml(r.out).version, 1);
    assert.match(
      r.err,
      /^Imported 16 rule\(s\) from a Kubernetes OWNERS tree: \d+ component\(s\), \d+ team\(s\)\./,
    );
    assert.match(
      r.err,
      /warning: OWNERS_ALIASES:40 as upstream: alias cluster-api-topology-maintainers has no members: Prow expands it to no one/,
    );
    assert.match(r.err, /Guesses to confirm/);
  });

  it('detects GitLab CODEOWNERS and Backstage catalogs; --json gives the file and the summary', () => {
    const gitlab = cli(
      ROOT,
      'import',
      path.join(SOURCES, 'gitlab/gitlabhq__gitlab-runner.CODEOWNERS'),
      '--json',
    );
    assert.strictEqual(gitlab.code, 0, gitlab.err);
    const json = JSON.parse(gitlab.out);
    assert.match(json.summary.source, /^the GitLab CODEOWNERS file /);
    assert.strictEqual(parseYaml(json.owners).version, 1);
    const backstage = cli(
      ROOT,
      'import',
      path.join(SOURCES, 'backstage/Pocket__list-api.catalog-info.yaml'),
    );
    assert.strictEqual(backstage.code, 0, backstage.err);
    assert.deepStrictEqual(parseYaml(backstage.out).components['list-api'].team, 'backend');
  });

  it('refuses mixed sources and keeps import-codeowners to CODEOWNERS files (exit 2)', () => {
    const mixed = cli(
      ROOT,
      'import',
      path.join(SOURCES, 'gitlab/gitlabhq__cli.CODEOWNERS'),
      path.join(SOURCES, 'backstage/Pocket__list-api.catalog-info.yaml'),
    );
    assert.strictEqual(mixed.code, 2);
    assert.match(mixed.err, /one kind of source at a time/);
    const wrong = cli(
      ROOT,
      'import-codeowners',
      path.join(SOURCES, 'kubernetes/kubernetes__community/OWNERS'),
    );
    assert.strictEqual(wrong.code, 2);
    assert.match(wrong.err, /is a Kubernetes OWNERS file; use `ownership-lens import`/);
  });

  it('--suggest-from-git proposes owners and leads from commits whose author login is certain, marked as guesses', () => {
    const repo = gitRepo();
    repo.commit('1+alice@users.noreply.github.com', {
      '.github/CODEOWNERS': '/api/ @acme/api\n/web/ @acme/web\n',
      'api/a.go': '1',
    });
    repo.commit('1+alice@users.noreply.github.com', { 'api/a.go': '2' });
    repo.commit('2+bob@users.noreply.github.com', { 'api/a.go': '3', 'web/x.ts': '1' });
    repo.commit('carol@example.com', { 'web/x.ts': '2', 'web/y.ts': '2' });
    const r = cli(repo.dir, 'import', '.github/CODEOWNERS', '--suggest-from-git');
    assert.strictEqual(r.code, 0, r.err);
    const doc = parseYaml(r.out);
    assert.strictEqual(doc.components.api.owner, 'alice');
    assert.match(
      doc.components.api['x-guessed'].owner,
      /most commits to \/api\/ in the last year \(2, git history\)/,
    );
    assert.strictEqual(doc.teams.api.lead, 'alice');
    assert.strictEqual(doc.components.web.owner, 'bob', "carol's commits have no known login");
    assert.match(r.err, /1 commit\(s\) by authors whose GitHub login is not known/);
    assert.match(r.err, /Nothing left to decide/);
    fs.rmSync(repo.dir, { recursive: true, force: true });
  });
});
