import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../src/cli/io';
import { run as orgReportCli } from '../src/cli/orgReport';
import type { OrgReport } from '../src/core/org/orgFigures';
import type { FakeDataset } from '../test/fake-github/dataset';
import { generateDataset } from '../test/fake-github/generate';
import { startFakeGitHub } from '../test/fake-github/server';
import { orgOwners } from '../test/fixtures/orgData';

const TOKEN = 'bench-token';
const REPOS = 300;
const PULL_REQUESTS = 60_000;

/**
 * `org-report` over an organisation of 300 repositories and 60,000 merged pull requests on the
 * fake GitHub (real HTTP, in this process): requests against the sum of per-repository bounds
 * (ceil(N/100) pages each, as `report --repo` needs), a re-run with nothing new, time and memory.
 */
export async function run(log: (line: string) => void): Promise<void> {
  log(
    `## org-report: ${REPOS} repositories, ${PULL_REQUESTS.toLocaleString('en-US')} merged pull requests (fake GitHub over HTTP)`,
  );
  const repos: FakeDataset[] = [];
  for (let i = 0; i < REPOS; i++) {
    // 50..350 pull requests a repository, 200 on average; every 30th repository has no OWNERS.yaml.
    const merged = 50 + ((i * 37) % 301);
    const owners =
      i % 30 === 29
        ? {}
        : { [['OWNERS.yaml', '.github/OWNERS.yaml', 'docs/OWNERS.yaml'][i % 3]]: orgOwners() };
    repos.push({
      ...generateDataset({
        repo: `acme/repo-${String(i).padStart(3, '0')}`,
        merged,
        closed: 5,
        authors: ['alice', 'bob', 'carol', 'dave', 'erin'],
      }),
      files: owners,
      pushedAt: '2026-06-30T12:00:00Z',
    });
  }
  const scale =
    PULL_REQUESTS /
    repos.reduce((s, d) => s + d.pullRequests.filter(p => p.state === 'MERGED').length, 0);
  const withOwners = repos.filter(d => Object.keys(d.files ?? {}).length > 0);
  const bound = withOwners.reduce(
    (s, d) => s + Math.ceil(d.pullRequests.filter(p => p.state === 'MERGED').length / 100),
    0,
  );
  const merged = repos.reduce(
    (s, d) => s + d.pullRequests.filter(p => p.state === 'MERGED').length,
    0,
  );
  const gh = await startFakeGitHub({ data: repos[0], repositories: repos.slice(1), token: TOKEN });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-org-bench-'));
  try {
    const orgReport = async (out: string) => {
      let err = '';
      const t0 = performance.now();
      const code = await orgReportCli(
        parseArgs([
          'org-report',
          '--org',
          'acme',
          '--api-url',
          gh.url,
          '--cache-dir',
          'cache',
          '--out',
          out,
          '--since',
          '2026-01-01',
          '--until',
          '2026-07-01',
        ]),
        {
          out: () => undefined,
          err: s => {
            err += s;
          },
          env: { GITHUB_TOKEN: TOKEN },
          cwd: dir,
        },
      );
      if (code !== 0) throw new Error(`org-report exit ${code}: ${err}`);
      const report = JSON.parse(
        fs.readFileSync(path.join(dir, out, 'org-report.json'), 'utf8'),
      ) as OrgReport;
      return { ms: performance.now() - t0, report };
    };
    const heapBefore = process.memoryUsage().heapUsed;
    const first = await orgReport('first');
    const mem = process.memoryUsage();
    const second = await orgReport('second');
    log(
      `${merged.toLocaleString('en-US')} merged pull requests (scale ${scale.toFixed(2)}) in ${withOwners.length} repositories with an OWNERS.yaml (${REPOS - withOwners.length} without)`,
    );
    log(
      `first run:  ${first.report.apiRequests} requests, sum of per-repository bounds ${bound} -> ${(first.report.apiRequests / bound).toFixed(2)}x (aim <= 1.5x); ${(first.ms / 1000).toFixed(1)} s`,
    );
    log(
      `re-run, nothing new: ${second.report.apiRequests} requests for ${withOwners.length} repositories = ${(second.report.apiRequests / withOwners.length).toFixed(2)} per repository (the org listing included); ${(second.ms / 1000).toFixed(1)} s`,
    );
    log(
      `memory after the first run (fake GitHub with its 60,000 pull requests in the same process): rss ${Math.round(mem.rss / 2 ** 20)} MB, heap used ${Math.round(mem.heapUsed / 2 ** 20)} MB (+${Math.round((mem.heapUsed - heapBefore) / 2 ** 20)} MB)`,
    );
    if (JSON.stringify(first.report.teams) !== JSON.stringify(second.report.teams))
      log('MISMATCH: the re-run changed the figures');
  } finally {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
