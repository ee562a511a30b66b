import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** One merged pull request to write into a git repository. */
export interface PullRequestToWrite {
  number: number;
  /** Becomes `LOGIN@users.noreply.github.com`, so the git source maps it back to this login. */
  author: string;
  /** ISO 8601: the merge commit's (or squash commit's) committer date. */
  mergedAt: string;
  title: string;
  /** `merge-commit`: a branch commit and a GitHub merge commit; anything else: one squash commit `TITLE (#N)`. */
  style: string;
  files: { path: string; additions: number; deletions: number }[];
}

/**
 * A git repository (built with `git fast-import`) whose first-parent line holds these pull requests
 * with exactly their files and line counts: made-up lines, deleted from the top of a file and added at
 * its end, so that git's numstat gives back the counts; a file with 0 and 0 (a rename, a binary file)
 * has its executable bit flipped (or is created empty), which numstat shows as 0 and 0. Lines a pull
 * request deletes from a file the data never created are in the root commit, which is no change.
 */
export async function writeHistoryRepository(
  dir: string,
  pullRequests: readonly PullRequestToWrite[],
): Promise<void> {
  const prs = [...pullRequests].sort(
    (a, b) => Date.parse(a.mergedAt) - Date.parse(b.mergedAt) || a.number - b.number,
  );
  const seed = new Map<string, number>();
  const length = new Map<string, number>();
  for (const pr of prs) {
    for (const f of pr.files) {
      const len = length.get(f.path) ?? 0;
      if (f.deletions > len) seed.set(f.path, (seed.get(f.path) ?? 0) + f.deletions - len);
      length.set(f.path, Math.max(len, f.deletions) - f.deletions + f.additions);
    }
  }
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', c =>
      c === 0 ? resolve() : reject(new Error(`git fast-import exited ${c}`)),
    ),
  );
  const lines = new Map<string, string[]>();
  const executable = new Map<string, boolean>();
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const who = (login: string, at: number) =>
    `${login.replace(/[<>\n]/g, '')} <${login.replace(/[<>\s]/g, '')}@users.noreply.github.com> ${at} +0000`;
  const file = (p: string) =>
    `M ${executable.get(p) ? '100755' : '100644'} inline ${p}\n${data(
      lines
        .get(p)!
        .map(l => `${l}\n`)
        .join(''),
    )}`;
  const out: string[] = [];
  const start = Math.floor(Date.parse(prs[0]?.mergedAt ?? '2020-01-01T00:00:00Z') / 1000) - 86_400;
  let root = '';
  for (const [p, n] of seed) {
    lines.set(
      p,
      Array.from({ length: n }, (_, i) => `seed ${i}`),
    );
    root += file(p);
  }
  out.push(
    `commit refs/heads/main\nmark :1\nauthor ${who('root', start)}\ncommitter ${who('root', start)}\n${data('root')}${root || `M 100644 inline .keep\n${data('')}`}\n`,
  );
  let main = 1;
  let mark = 1;
  let serial = 0;
  for (const pr of prs) {
    const at = Math.floor(Date.parse(pr.mergedAt) / 1000);
    let modify = '';
    for (const f of pr.files) {
      const current = lines.get(f.path);
      if (f.additions === 0 && f.deletions === 0) {
        if (current) executable.set(f.path, !executable.get(f.path));
        else lines.set(f.path, []);
      } else {
        const next = (current ?? []).slice(f.deletions);
        for (let i = 0; i < f.additions; i++) next.push(`#${pr.number} line ${serial++}`);
        lines.set(f.path, next);
      }
      modify += file(f.path);
    }
    if (pr.style === 'merge-commit') {
      const branch = ++mark;
      out.push(
        `commit refs/heads/main\nmark :${branch}\nauthor ${who(pr.author, at - 60)}\ncommitter ${who(pr.author, at - 60)}\n${data(pr.title)}from :${main}\n${modify}\n`,
      );
      const merge = ++mark;
      out.push(
        `commit refs/heads/main\nmark :${merge}\nauthor ${who('web-flow', at)}\ncommitter ${who('web-flow', at)}\n` +
          `${data(`Merge pull request #${pr.number} from ${pr.author}/branch\n\n${pr.title}`)}from :${main}\nmerge :${branch}\n${modify}\n`,
      );
      main = merge;
    } else {
      const m = ++mark;
      out.push(
        `commit refs/heads/main\nmark :${m}\nauthor ${who(pr.author, at)}\ncommitter ${who(pr.author, at)}\n${data(`${pr.title} (#${pr.number})`)}from :${main}\n${modify}\n`,
      );
      main = m;
    }
    if (out.length > 200) child.stdin!.write(out.splice(0).join(''));
  }
  child.stdin!.end(out.join(''));
  await done;
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
}

/** cluster-api's pull requests from test/fixtures/history: files summed per path over their commits (binary: 0 and 0). */
export function clusterApiPullRequests(data: string): PullRequestToWrite[] {
  const rows = (f: string) =>
    fs
      .readFileSync(path.join(data, f), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map(l => l.split('\t'));
  const prOf = new Map(
    rows('cluster-api.commits.tsv')
      .filter(r => r[8])
      .map(r => [r[0], r[8]]),
  );
  const files = new Map<string, Map<string, { additions: number; deletions: number }>>();
  for (const r of rows('cluster-api.numstat.tsv')) {
    const pr = prOf.get(r[0]);
    if (!pr) continue;
    const byPath = files.get(pr) ?? new Map();
    const f = byPath.get(r[5]) ?? { additions: 0, deletions: 0 };
    f.additions += r[3] === '-' ? 0 : Number(r[3]);
    f.deletions += r[4] === '-' ? 0 : Number(r[4]);
    byPath.set(r[5], f);
    files.set(pr, byPath);
  }
  return rows('cluster-api.prs.tsv').map(r => ({
    number: Number(r[0]),
    author: r[1],
    mergedAt: new Date(r[5]).toISOString(),
    style: r[6],
    title: r[15] ?? '',
    files: [...(files.get(r[0]) ?? new Map()).entries()].map(([p, f]) => ({ path: p, ...f })),
  }));
}
