import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseOwners } from '../core/owners/parse';
import { ChangeCache } from '../node/git/changeCache';
import { gitLeadReport } from '../node/git/gitFigures';

/**
 * The git source against its floor, side by side in one run: git itself reading the same window once
 * (`git log --first-parent -m --numstat`), then the figures from git (cold, no cache), then after one
 * new commit (cache warm). The repository is built with `git fast-import` from the real cluster-api
 * history in ../shared/data/history (its pull requests' files and line counts, merge commits as
 * merges with one branch commit, squashes as single commits), a year of it.
 */
export async function run(log: (line: string) => void): Promise<void> {
  const data = [path.resolve(__dirname, '../../../shared/data/history'), '/work/shared/data/history'].find(d => fs.existsSync(d));
  if (!data) { log('git source: skipped (no ../shared/data/history)'); return; }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-bench-git-'));
  try {
    const { changes, since, until } = await buildRepository(data, dir);
    const owners = parseOwners('version: 1\nteams:\n  core: { lead: fabriziopandini }\n  test: { lead: sbueringer }\ncomponents:\n'
      + '  internal: { team: core, owner: fabriziopandini, paths: [/internal/] }\n  test: { team: test, owner: sbueringer, paths: [/test/] }\n'
      + '  api: { team: core, owner: fabriziopandini, paths: [/api/] }\n').model;
    const window = { since, until };
    const floor = time(() => execFileSync('git', ['log', '--first-parent', '-m', '--numstat', `--since=${since}T00:00:00Z`, `--until=${until}T00:00:00Z`],
      { cwd: dir, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
    const cache = new ChangeCache();
    const t0 = process.hrtime.bigint();
    const cold = await gitLeadReport({ root: dir, ref: 'HEAD', window, model: owners, cache });
    const figures = Number(process.hrtime.bigint() - t0) / 1e6;
    fs.appendFileSync(path.join(dir, 'internal/new.go'), 'one more line\n');
    execFileSync('git', ['add', '.'], { cwd: dir });
    execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'one more'],
      { cwd: dir, env: { ...process.env, GIT_COMMITTER_DATE: `${since}T12:00:00Z`, GIT_AUTHOR_DATE: `${since}T12:00:00Z` } });
    const t1 = process.hrtime.bigint();
    const warm = await gitLeadReport({ root: dir, ref: 'HEAD', window, model: owners, cache });
    const incremental = Number(process.hrtime.bigint() - t1) / 1e6;
    log(`git source (${changes} changes of cluster-api, ${since} .. ${until}, ${cold.report.pullRequests} counted):`);
    log(`  floor  git log --first-parent -m --numstat   ${floor.toFixed(0)} ms`);
    log(`  figures from git (cold, no cache)          ${figures.toFixed(0)} ms   ratio ${(figures / floor).toFixed(2)}x (target <= 1.3x)`);
    log(`  after one new commit (cache warm)          ${incremental.toFixed(0)} ms   read ${warm.readFromGit} commit(s) from git (target < 1000 ms)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function time(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** A year of cluster-api's pull requests as a git repository: file contents made up, line counts real. */
async function buildRepository(data: string, dir: string): Promise<{ changes: number; since: string; until: string }> {
  const rows = (f: string) => fs.readFileSync(path.join(data, f), 'utf8').split('\n').slice(1).filter(Boolean).map(l => l.split('\t'));
  const prs = rows('cluster-api.prs.tsv').map(r => ({ number: r[0], author: r[1], mergedAt: r[5], style: r[6], title: r[15] }))
    .sort((a, b) => a.mergedAt.localeCompare(b.mergedAt));
  const prOf = new Map(rows('cluster-api.commits.tsv').filter(r => r[8]).map(r => [r[0], r[8]]));
  const files = new Map<string, [string, number, number][]>();
  for (const r of rows('cluster-api.numstat.tsv')) {
    const pr = prOf.get(r[0]);
    if (!pr || r[3] === '-') continue;
    const list = files.get(pr) ?? [];
    list.push([r[5], Number(r[3]), Number(r[4])]);
    files.set(pr, list);
  }
  const until = prs[prs.length - 1].mergedAt.slice(0, 10);
  const since = new Date(Date.parse(`${until}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => child.on('close', c => (c === 0 ? resolve() : reject(new Error(`fast-import ${c}`)))));
  const content = new Map<string, number>();
  let serial = 0;
  let mark = 0;
  const out: string[] = [];
  const blob = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const who = (login: string, at: number) => `${login} <${login.replace(/[^A-Za-z0-9-]/g, '')}@users.noreply.github.com> ${at} +0000`;
  let main = 0;
  for (const pr of prs) {
    const at = Math.floor(Date.parse(pr.mergedAt) / 1000);
    const changes = files.get(pr.number) ?? [];
    const modify = changes.map(([p, adds, dels]) => {
      const kept = Math.max(0, (content.get(p) ?? 0) - dels);
      content.set(p, kept + adds);
      const lines: string[] = [];
      for (let i = 0; i < kept; i++) lines.push(`line ${i}`);
      for (let i = 0; i < adds; i++) lines.push(`pr ${pr.number} change ${serial++}`);
      return `M 100644 inline ${p}\n${blob(lines.length ? `${lines.join('\n')}\n` : '')}`;
    }).join('');
    if (pr.style === 'merge-commit' && main > 0) {
      const branch = ++mark;
      out.push(`commit refs/heads/main\nmark :${branch}\nauthor ${who(pr.author, at - 60)}\ncommitter ${who(pr.author, at - 60)}\n${blob(pr.title)}from :${main}\n${modify}\n`);
      // The branch commit went onto main's tip; the merge re-parents: first parent the old tip.
      const merge = ++mark;
      out.push(`commit refs/heads/main\nmark :${merge}\nauthor ${who('k8s-ci-robot', at)}\ncommitter ${who('k8s-ci-robot', at)}\n`
        + `${blob(`Merge pull request #${pr.number} from ${pr.author}/branch\n\n${pr.title}`)}from :${main}\nmerge :${branch}\n${modify}\n`);
      main = merge;
    } else {
      const m = ++mark;
      out.push(`commit refs/heads/main\nmark :${m}\nauthor ${who(pr.author, at)}\ncommitter ${who(pr.author, at)}\n${blob(`${pr.title} (#${pr.number})`)}${main ? `from :${main}\n` : ''}${modify}\n`);
      main = m;
    }
    if (out.length > 200) child.stdin!.write(out.splice(0).join(''));
  }
  child.stdin!.end(out.join(''));
  await done;
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  return { changes: prs.length, since, until };
}
