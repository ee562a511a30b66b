import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseOwners } from '../src/core/owners/parse';
import { ChangeCache } from '../src/node/git/changeCache';
import { gitLeadReport } from '../src/node/git/gitFigures';
import { clusterApiPullRequests, writeHistoryRepository } from '../test/oracles/historyRepository';

/**
 * The git source against its floor, side by side in one run: git itself reading the same window once
 * (`git log --first-parent -m --numstat`), then the figures from git (cold, no cache), then after one
 * new commit (cache warm). The repository is built with `git fast-import` from the real cluster-api
 * history in test/fixtures/history (test/oracles/historyRepository.ts), and a year of it is read.
 */
export async function run(log: (line: string) => void): Promise<void> {
  const data = [path.resolve(__dirname, '../../test/fixtures/history')].find(d => fs.existsSync(d));
  if (!data) {
    log('git source: skipped (no test/fixtures/history)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-bench-git-'));
  try {
    const { changes, since, until } = await buildRepository(data, dir);
    const owners = parseOwners(
      'version: 1\nteams:\n  core: { lead: fabriziopandini }\n  test: { lead: sbueringer }\ncomponents:\n' +
        '  internal: { team: core, owner: fabriziopandini, paths: [/internal/] }\n  test: { team: test, owner: sbueringer, paths: [/test/] }\n' +
        '  api: { team: core, owner: fabriziopandini, paths: [/api/] }\n',
    ).model;
    const window = { since, until };
    // Alternated, three of each, medians: a busy machine slows both alike.
    const floors: number[] = [];
    const colds: number[] = [];
    let cold;
    let cache = new ChangeCache();
    for (let i = 0; i < 3; i++) {
      floors.push(
        time(() =>
          execFileSync(
            'git',
            [
              'log',
              '--first-parent',
              '-m',
              '--numstat',
              `--since=${since}T00:00:00Z`,
              `--until=${until}T00:00:00Z`,
            ],
            { cwd: dir, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] },
          ),
        ),
      );
      cache = new ChangeCache();
      const t0 = process.hrtime.bigint();
      cold = await gitLeadReport({ root: dir, ref: 'HEAD', window, model: owners, cache });
      colds.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const floor = median(floors);
    const figures = median(colds);
    fs.appendFileSync(path.join(dir, 'internal/new.go'), 'one more line\n');
    execFileSync('git', ['add', '.'], { cwd: dir });
    execFileSync(
      'git',
      [
        '-c',
        'user.name=b',
        '-c',
        'user.email=b@example.com',
        '-c',
        'commit.gpgsign=false',
        'commit',
        '-qm',
        'one more',
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          GIT_COMMITTER_DATE: `${since}T12:00:00Z`,
          GIT_AUTHOR_DATE: `${since}T12:00:00Z`,
        },
      },
    );
    const t1 = process.hrtime.bigint();
    const warm = await gitLeadReport({ root: dir, ref: 'HEAD', window, model: owners, cache });
    const incremental = Number(process.hrtime.bigint() - t1) / 1e6;
    log(
      `git source (${changes} changes of cluster-api, ${since} .. ${until}, ${cold!.report.pullRequests} counted):`,
    );
    log(`  floor  git log --first-parent -m --numstat   ${floor.toFixed(0)} ms`);
    log(
      `  figures from git (cold, no cache)          ${figures.toFixed(0)} ms   ratio ${(figures / floor).toFixed(2)}x (target <= 1.3x)`,
    );
    log(
      `  after one new commit (cache warm)          ${incremental.toFixed(0)} ms   read ${warm.readFromGit} commit(s) from git (target < 1000 ms)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function time(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** A year of cluster-api's pull requests as a git repository: file contents made up, line counts real. */
async function buildRepository(
  data: string,
  dir: string,
): Promise<{ changes: number; since: string; until: string }> {
  const prs = clusterApiPullRequests(data);
  const until = prs
    .map(p => p.mergedAt)
    .sort()
    .pop()!
    .slice(0, 10);
  const since = new Date(Date.parse(`${until}T00:00:00Z`) - 365 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await writeHistoryRepository(dir, prs);
  return { changes: prs.length, since, until };
}
