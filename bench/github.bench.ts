import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createGitHubClient } from '../src/core/github/client';
import { syncPullRequests } from '../src/core/github/sync';
import { computeLeadReport } from '../src/core/metrics/compute';
import type { PullRequestRecord } from '../src/core/metrics/types';
import { parseOwners } from '../src/core/owners/parse';
import { createOwnershipIndex } from '../src/core/owners/resolve';
import { mergedPullRequestsQuery } from '../src/core/github/queries';
import type { FakeDataset } from '../test/fake-github/dataset';
import { generateDataset } from '../test/fake-github/generate';
import { CLUSTER_API_REVIEWERS, historyDir, loadHistory } from '../test/fixtures/history/convert';
import { startFakeGitHub } from '../test/fake-github/server';
import { generateOwners } from '../test/oracles/generateOwners';

const TOKEN = 'bench-token';
const REPO = { owner: 'acme', name: 'shop' };

/** API requests per N merged pull requests vs the N/100 bound; a nothing-new refresh; figures for 50,000 PRs. */
export async function run(log: (line: string) => void): Promise<void> {
  log('## GitHub: API requests to fetch N merged pull requests (fake GitHub over HTTP)');
  log(
    'N      | only the window | + as many older PRs | bound ceil(N/100) | ratio (window / + older)',
  );
  for (const n of [100, 1000, 5000]) {
    const windowOnly = await requestsFor(n, 0);
    const withOlder = await requestsFor(n, n);
    const bound = Math.ceil(n / 100);
    log(
      `${String(n).padEnd(6)} | ${String(windowOnly).padStart(15)} | ${String(withOlder).padStart(18)} | ${String(bound).padStart(17)} | ${(windowOnly / bound).toFixed(2)}x / ${(withOlder / bound).toFixed(2)}x`,
    );
  }
  log(
    '(+ older: the last page inside the window cannot know it is the last until it sees an older pull request)',
  );

  const refresh = await nothingNewRefresh(1000);
  log(
    `Refresh with nothing new (1,000 PRs cached): ${refresh.first} request(s), then ${refresh.second} (a 304, free against the rate limit)`,
  );

  await extraFieldsCost(log);

  const { ms, coldMs, indexMs, prs, components } = computeTiming();
  log(
    `Figures for ${prs.toLocaleString('en-US')} PRs over a ${components.toLocaleString('en-US')}-component OWNERS.yaml: first ${coldMs.toFixed(0)} ms (every path resolved), then ${ms.toFixed(0)} ms (median of 5 reusing the resolved paths, as the trend's window does; index build ${indexMs.toFixed(0)} ms more; aim < 1 s)`,
  );
}

async function requestsFor(n: number, older: number): Promise<number> {
  const data = generateDataset({
    merged: n + older,
    closed: Math.ceil(n / 20),
    newest: '2026-06-30T12:00:00Z',
  });
  const sorted = data.pullRequests
    .filter(p => p.state === 'MERGED')
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const since = sorted[n - 1].updatedAt;
  const gh = await startFakeGitHub({ data, token: TOKEN });
  try {
    const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
    const got = await client.mergedPullRequests(REPO, since);
    if (got.filter(p => Date.parse(p.updatedAt) >= Date.parse(since)).length !== n)
      throw new Error(`fetched ${got.length}, expected ${n}`);
    return client.transport.requests;
  } finally {
    await gh.close();
  }
}

async function nothingNewRefresh(n: number): Promise<{ first: number; second: number }> {
  const gh = await startFakeGitHub({ data: generateDataset({ merged: n }), token: TOKEN });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-bench-'));
  try {
    const opts = {
      github: { token: TOKEN, apiUrl: gh.url, fetch },
      repo: REPO,
      since: '2000-01-01T00:00:00Z',
      cacheDir: dir,
    };
    await syncPullRequests(opts);
    const first = (await syncPullRequests(opts)).apiRequests;
    const second = (await syncPullRequests(opts)).apiRequests;
    return { first, second };
  } finally {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The real cluster-api history (titles, commits with co-authors) as served by the fake GitHub, or a generated stand-in. */
function realisticDataset(): { data: FakeDataset; what: string } {
  const dir = historyDir(path.resolve(__dirname, '../..'));
  if (!dir)
    return {
      data: generateDataset({ merged: 1746 }),
      what: '1,746 generated pull requests (no test/fixtures/history here)',
    };
  const prs = loadHistory(dir, 'cluster-api', CLUSTER_API_REVIEWERS);
  return {
    data: { repo: 'acme/shop', pullRequests: prs.map(p => ({ ...p, state: 'MERGED' as const })) },
    what: `${prs.length.toLocaleString('en-US')} real cluster-api pull requests (titles, ${prs.reduce((n, p) => n + p.commits.length, 0).toLocaleString('en-US')} commits with co-authors)`,
  };
}

/**
 * What docs/figures.md ("Evidence and what was left out") fields cost on GitHub: the lead-authorship query (no title/url) paged by hand as a peer,
 * then the client's query without and with commit authors; requests, GitHub's documented cost
 * points (computed by the fake from the query) and response bytes, over the same pull requests.
 */
async function extraFieldsCost(log: (line: string) => void): Promise<void> {
  const { data, what } = realisticDataset();
  const gh = await startFakeGitHub({ data, token: TOKEN });
  try {
    const rows: [string, ReturnType<typeof tally>][] = [];
    const since = '2000-01-01T00:00:00Z';
    // Peer: the lead-authorship query's document, pages followed by hand (no nested overflow pages, so it is a lower bound).
    const section4 = mergedPullRequestsQuery().replace(' title url', '');
    let cursor: string | null = null;
    let start = gh.requests.length;
    for (;;) {
      const res = await fetch(`${gh.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          query: section4,
          variables: { owner: REPO.owner, name: REPO.name, cursor, pageSize: 100 },
        }),
      });
      const body = (await res.json()) as {
        data: {
          repository: { pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
        };
      };
      const page = body.data.repository.pullRequests.pageInfo;
      if (!page.hasNextPage) break;
      cursor = page.endCursor;
    }
    rows.push(['lead-authorship fields (peer)', tally(gh.requests.slice(start))]);
    for (const commitAuthors of [false, true]) {
      start = gh.requests.length;
      const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
      await client.mergedPullRequests(REPO, since, { commitAuthors });
      rows.push([
        commitAuthors
          ? '+ title, url, commit authors (co-author credit on)'
          : '+ title, url (co-author credit off)',
        tally(gh.requests.slice(start)),
      ]);
    }
    log(`## GitHub: cost of docs/figures.md ("Evidence and what was left out") fields, ${what}`);
    log(
      'pages of 100 merged pull requests                 | requests | cost points | response bytes | bytes vs peer | + overflow pages (requests, points, bytes)',
    );
    const peer = rows[0][1];
    for (const [name, r] of rows) {
      log(
        `${name.padEnd(50)} | ${String(r.requests).padStart(8)} | ${String(r.cost).padStart(11)} | ${r.bytes.toLocaleString('en-US').padStart(14)} | ${(r.bytes / peer.bytes).toFixed(2).padStart(12)}x | ` +
          (r.more.requests
            ? `${r.more.requests}, ${r.more.cost}, ${r.more.bytes.toLocaleString('en-US')}`
            : '-'),
      );
    }
    log(
      "(cost points: GitHub's documented formula over each query, computed by the fake GitHub; overflow pages: files past 100 (the same for all), commits past 10)",
    );
  } finally {
    await gh.close();
  }
}

function tally(requests: { body?: string; cost?: number; responseBytes?: number }[]) {
  const sum = (list: typeof requests) => ({
    requests: list.length,
    cost: list.reduce((n, r) => n + (r.cost ?? 0), 0),
    bytes: list.reduce((n, r) => n + (r.responseBytes ?? 0), 0),
  });
  return {
    ...sum(requests.filter(r => !r.body?.includes('query MorePages'))),
    more: sum(requests.filter(r => r.body?.includes('query MorePages'))),
  };
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
      number: i + 1,
      author,
      authorIsBot: i % 50 === 0,
      mergedAt: new Date(Date.UTC(2026, 0, 1) + (i % 89) * 86_400_000).toISOString(),
      files: Array.from({ length: 1 + (i % 6) }, (_, k) => ({
        path: files[(i * 7919 + k * 104729) % files.length],
        additions: (i + k) % 50,
        deletions: k,
      })),
      reviews: [{ author: team.lead, state: i % 3 ? 'APPROVED' : 'PENDING' }],
    });
  }
  // As the editor and the CLI have them: parsed from the cache's JSON (or GitHub's), not built by string
  // concatenation, whose strings V8 must flatten and hash on first use (0.3 s more on the first call).
  const fromCache: PullRequestRecord[] = JSON.parse(JSON.stringify(prs));
  const window = { since: '2026-01-01', until: '2026-04-01' };
  const t0 = performance.now();
  const index = createOwnershipIndex(model);
  const indexMs = performance.now() - t0;
  // The first call resolves every path; the editor's second (the trend's window) reuses them.
  const resolutions = new Map();
  const t1 = performance.now();
  computeLeadReport(index, fromCache, window, { resolutions });
  const coldMs = performance.now() - t1;
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    computeLeadReport(index, fromCache, window, { resolutions });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[2], coldMs, indexMs, prs: fromCache.length, components };
}
