import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createGitHubClient } from '../core/github/client';
import { syncPullRequests } from '../core/github/sync';
import { computeLeadReport } from '../core/metrics/compute';
import type { PullRequestRecord } from '../core/metrics/types';
import { parseOwners } from '../core/owners/parse';
import { createOwnershipIndex } from '../core/owners/resolve';
import { generateDataset } from '../../test/fake-github/generate';
import { startFakeGitHub } from '../../test/fake-github/server';
import { generateOwners } from './generateOwners';

const TOKEN = 'bench-token';
const REPO = { owner: 'acme', name: 'shop' };

/** API requests per N merged pull requests vs the N/100 bound; a nothing-new refresh; figures for 50,000 PRs. */
export async function run(log: (line: string) => void): Promise<void> {
  log('## GitHub: API requests to fetch N merged pull requests (fake GitHub over HTTP)');
  log('N      | only the window | + as many older PRs | bound ceil(N/100) | ratio (window / + older)');
  for (const n of [100, 1000, 5000]) {
    const windowOnly = await requestsFor(n, 0);
    const withOlder = await requestsFor(n, n);
    const bound = Math.ceil(n / 100);
    log(`${String(n).padEnd(6)} | ${String(windowOnly).padStart(15)} | ${String(withOlder).padStart(18)} | ${String(bound).padStart(17)} | ${(windowOnly / bound).toFixed(2)}x / ${(withOlder / bound).toFixed(2)}x`);
  }
  log('(+ older: the last page inside the window cannot know it is the last until it sees an older pull request)');

  const refresh = await nothingNewRefresh(1000);
  log(`Refresh with nothing new (1,000 PRs cached): ${refresh.first} request(s), then ${refresh.second} (a 304, free against the rate limit)`);

  const { ms, indexMs, prs, components } = computeTiming();
  log(`Figures for ${prs.toLocaleString('en-US')} PRs over a ${components.toLocaleString('en-US')}-component OWNERS.yaml: ${ms.toFixed(0)} ms (median of 5; index build ${indexMs.toFixed(0)} ms more)`);
}

async function requestsFor(n: number, older: number): Promise<number> {
  const data = generateDataset({ merged: n + older, closed: Math.ceil(n / 20), newest: '2026-06-30T12:00:00Z' });
  const sorted = data.pullRequests.filter(p => p.state === 'MERGED').sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const since = sorted[n - 1].updatedAt;
  const gh = await startFakeGitHub({ data, token: TOKEN });
  try {
    const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
    const got = await client.mergedPullRequests(REPO, since);
    if (got.filter(p => Date.parse(p.updatedAt) >= Date.parse(since)).length !== n) throw new Error(`fetched ${got.length}, expected ${n}`);
    return client.transport.requests;
  } finally {
    await gh.close();
  }
}

async function nothingNewRefresh(n: number): Promise<{ first: number; second: number }> {
  const gh = await startFakeGitHub({ data: generateDataset({ merged: n }), token: TOKEN });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-bench-'));
  try {
    const opts = { github: { token: TOKEN, apiUrl: gh.url, fetch }, repo: REPO, since: '2000-01-01T00:00:00Z', cacheDir: dir };
    await syncPullRequests(opts);
    const first = (await syncPullRequests(opts)).apiRequests;
    const second = (await syncPullRequests(opts)).apiRequests;
    return { first, second };
  } finally {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function computeTiming() {
  const components = 5000;
  const { owners, files } = generateOwners(components);
  const model = parseOwners(owners).model;
  const teams = [...model.teams.values()];
  const prs: PullRequestRecord[] = [];
  for (let i = 0; i < 50_000; i++) {
    const team = teams[i % teams.length];
    const author = i % 4 === 0 ? team.lead : team.members[i % team.members.length];
    prs.push({
      number: i + 1, author, authorIsBot: i % 50 === 0, mergedAt: new Date(Date.UTC(2026, 0, 1) + (i % 89) * 86_400_000).toISOString(),
      files: Array.from({ length: 1 + (i % 6) }, (_, k) => ({ path: files[(i * 7919 + k * 104729) % files.length], additions: (i + k) % 50, deletions: k })),
      reviews: [{ author: team.lead, state: i % 3 ? 'APPROVED' : 'PENDING' }],
    });
  }
  const window = { since: '2026-01-01', until: '2026-04-01' };
  const t0 = performance.now();
  const index = createOwnershipIndex(model);
  const indexMs = performance.now() - t0;
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    computeLeadReport(index, prs, window);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[2], indexMs, prs: prs.length, components };
}
