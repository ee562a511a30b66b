import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createGitHubClient } from '../../../../src/core/github/client';
import { apiEndpoints } from '../../../../src/core/github/endpoints';
import type { FakeDataset } from '../../../fake-github/dataset';
import { generateDataset } from '../../../fake-github/generate';
import { FakeGitHub, startFakeGitHub } from '../../../fake-github/server';
import { REPO_ROOT } from '../../../repoRoot';

const TOKEN = 'ghp_testtoken0123456789abcdefghijklmnopqr';
const REPO = { owner: 'acme', name: 'shop' };
const LONG_AGO = '2000-01-01T00:00:00Z';

function expectedMerged(data: FakeDataset) {
  return data.pullRequests
    .filter(p => p.state === 'MERGED')
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.number - a.number)
    .map(p => ({
      number: p.number,
      updatedAt: p.updatedAt,
      mergedAt: p.mergedAt,
      author: p.author!.replace(/\[bot\]$/, ''),
      authorIsBot: p.authorType === 'Bot',
      files: p.files,
      reviews: p.reviews.map(r => ({ author: r.author!, state: r.state })),
      title: p.title ?? `Pull request #${p.number}`,
      url: `https://github.com/${data.repo}/pull/${p.number}`,
    }));
}

describe('GitHub client against the fake GitHub (real HTTP)', function () {
  this.timeout(30_000);
  let gh: FakeGitHub;
  afterEach(async () => {
    await gh?.close();
  });

  it("with commit authors: the GitHub users among every commit's authors, co-authors included, each once, past 10 commits", async () => {
    const data = generateDataset({ merged: 150, closed: 2 });
    const byNumber = new Map(data.pullRequests.map(p => [p.number, p]));
    // #7: 40 commits by two people (a second page of commits), the last one co-authored by an AI tool (no GitHub user) and Carol.
    byNumber.get(7)!.commits = Array.from({ length: 40 }, (_, i) => ({
      authors:
        i === 39
          ? [
              { name: 'Dana', login: 'dana' },
              { name: 'Claude', login: null },
              { name: 'Carol', login: 'Carol' },
            ]
          : [{ name: i % 2 ? 'Dana' : 'Erin', login: i % 2 ? 'dana' : 'erin' }],
    }));
    byNumber.get(8)!.commits = [
      {
        authors: [
          { name: 'x', login: 'CAROL' },
          { name: 'y', login: 'carol' },
        ],
      },
    ];
    gh = await startFakeGitHub({ data, token: TOKEN });
    const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
    const got = new Map(
      (await client.mergedPullRequests(REPO, LONG_AGO, { commitAuthors: true })).map(p => [
        p.number,
        p,
      ]),
    );
    assert.deepStrictEqual(got.get(7)!.commitAuthors, ['erin', 'dana', 'Carol']);
    assert.deepStrictEqual(got.get(8)!.commitAuthors, ['CAROL']);
    const plain = [...got.values()].find(p => p.number !== 7 && p.number !== 8)!;
    assert.deepStrictEqual(plain.commitAuthors, [byNumber.get(plain.number)!.author]);
    // Two pages of 100 pull requests, then #7's three more pages of 10 commits.
    assert.strictEqual(client.transport.requests, 5);
    assert.ok(
      gh.requests.every(r => r.cost !== undefined),
      "every query passed GitHub's schema",
    );
    // Without co-author credit the commits are not asked for at all.
    const before = gh.requests.length;
    const without = await client.mergedPullRequests(REPO, LONG_AGO);
    assert.ok(without.every(p => p.commitAuthors === undefined));
    assert.ok(gh.requests.slice(before).every(r => !r.body!.includes('commits(')));
  });

  it('fetches every merged pull request with all files and reviews, following nested pages past 100', async () => {
    const data = generateDataset({
      merged: 240,
      closed: 12,
      open: 5,
      bigFiles: { 50: 250, 51: 101 },
      bigReviews: { 50: 130 },
    });
    gh = await startFakeGitHub({ data, token: TOKEN });
    const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
    const got = await client.mergedPullRequests(REPO, LONG_AGO);
    assert.deepStrictEqual(got, expectedMerged(data));
    assert.strictEqual(got.find(p => p.number === 50)!.files.length, 250);
    assert.strictEqual(got.find(p => p.number === 50)!.reviews.length, 130);
    assert.ok(got.some(p => p.authorIsBot) && got.some(p => !p.authorIsBot));
    // 3 pages of 100, then the second page of files (2 PRs) and reviews in one batched query, then the third page of #50's files.
    assert.strictEqual(client.transport.requests, 5);
    assert.strictEqual(gh.requests.length, 5);
  });

  it('needs ceil(N/100) requests for N merged pull requests of ordinary size', async () => {
    for (const n of [1, 100, 101, 350]) {
      gh = await startFakeGitHub({ data: generateDataset({ merged: n, closed: 9 }), token: TOKEN });
      const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
      const got = await client.mergedPullRequests(REPO, LONG_AGO);
      assert.strictEqual(got.length, n);
      assert.strictEqual(client.transport.requests, Math.ceil(n / 100), `N=${n}`);
      await gh.close();
    }
  });

  it('stops at the first pull request updated before stopBefore', async () => {
    const data = generateDataset({ merged: 500 });
    gh = await startFakeGitHub({ data, token: TOKEN });
    const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
    const stop = data.pullRequests[500 - 30].updatedAt; // the 30 newest, inclusive
    const got = await client.mergedPullRequests(REPO, stop);
    assert.strictEqual(got.length, 30);
    assert.strictEqual(client.transport.requests, 1);
  });

  it("sends only queries that validate against GitHub's schema (the server rejects others)", async () => {
    gh = await startFakeGitHub({ data: generateDataset({ merged: 3 }), token: TOKEN });
    const client = createGitHubClient({ token: TOKEN, apiUrl: gh.url, fetch });
    const res = await client.transport.fetch(`${gh.url}/graphql`, {
      method: 'POST',
      body: JSON.stringify({
        query:
          '{ repository(owner: "acme", name: "shop") { pullRequests(first: 1) { nodes { linesChanged } } } }',
      }),
    });
    const body = (await res.json()) as { errors: { message: string }[] };
    assert.match(body.errors[0].message, /Cannot query field "linesChanged" on type "PullRequest"/);
    const noFirst = await client.transport.fetch(`${gh.url}/graphql`, {
      method: 'POST',
      body: JSON.stringify({
        query: '{ repository(owner: "acme", name: "shop") { pullRequests { totalCount } } }',
      }),
    });
    assert.match(JSON.stringify(await noFirst.json()), /must provide a `first` or `last`/);
    await assert.rejects(
      client.mergedPullRequests({ owner: 'acme', name: 'nope' }, LONG_AGO),
      (e: { kind: string; message: string }) =>
        e.kind === 'not-found' &&
        /Could not resolve to a Repository with the name 'acme\/nope'/.test(e.message),
    );
  });

  it('GitHub Enterprise: --api-url https://HOST/api/v3 puts GraphQL at /api/graphql and REST under /api/v3', async () => {
    assert.deepStrictEqual(apiEndpoints('https://ghe.example.com/api/v3/'), {
      rest: 'https://ghe.example.com/api/v3',
      graphql: 'https://ghe.example.com/api/graphql',
      origin: 'https://ghe.example.com',
    });
    assert.strictEqual(
      apiEndpoints('https://api.github.com').graphql,
      'https://api.github.com/graphql',
    );
    assert.strictEqual(
      apiEndpoints('https://proxy.example.com/github').graphql,
      'https://proxy.example.com/github/graphql',
    );
    gh = await startFakeGitHub({ data: generateDataset({ merged: 5 }), token: TOKEN });
    const client = createGitHubClient({ token: TOKEN, apiUrl: `${gh.url}/api/v3`, fetch });
    assert.strictEqual((await client.mergedPullRequests(REPO, LONG_AGO)).length, 5);
    await client.latestClosedUpdate(REPO);
    assert.deepStrictEqual(
      gh.requests.map(r => `${r.method} ${r.url.split('?')[0]}`),
      ['POST /api/graphql', 'GET /api/v3/repos/acme/shop/pulls'],
    );
  });

  it('REST probe: the newest closed pull request, conditional on the stored ETag (304 served from the store)', async () => {
    const data = generateDataset({ merged: 20, closed: 3 });
    gh = await startFakeGitHub({ data, token: TOKEN });
    const store = new Map<string, { etag: string; body: string }>();
    const client = createGitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      fetch,
      etags: {
        get: u => store.get(u),
        set: (u, etag, body) => {
          store.set(u, { etag, body });
        },
      },
    });
    const newest = data.pullRequests.reduce((a, b) => (a.updatedAt > b.updatedAt ? a : b));
    assert.strictEqual(await client.latestClosedUpdate(REPO), newest.updatedAt);
    assert.strictEqual(await client.latestClosedUpdate(REPO), newest.updatedAt);
    assert.strictEqual(gh.requests[0].ifNoneMatch, undefined);
    assert.match(gh.requests[1].ifNoneMatch ?? '', /^W\/"[0-9a-f]{64}"$/);
    assert.strictEqual(client.transport.requests, 2);
  });

  it('the fake server paginates REST with real Link headers and rate-limit headers', async () => {
    gh = await startFakeGitHub({ data: generateDataset({ merged: 7, closed: 2 }) });
    let url: string | undefined = `${gh.url}/repos/acme/shop/pulls?state=closed&per_page=4`;
    const numbers: number[] = [];
    const rels: string[][] = [];
    while (url) {
      const res: Response = await fetch(url);
      assert.match(res.headers.get('x-ratelimit-remaining') ?? '', /^\d+$/);
      numbers.push(...((await res.json()) as { number: number }[]).map(p => p.number));
      const link = res.headers.get('link') ?? '';
      rels.push([...link.matchAll(/rel="(\w+)"/g)].map(m => m[1]));
      url = /<([^>]+)>; rel="next"/.exec(link)?.[1];
    }
    assert.strictEqual(numbers.length, 9);
    assert.deepStrictEqual(rels, [
      ['next', 'last'],
      ['next', 'last', 'first', 'prev'],
      ['first', 'prev'],
    ]);
  });

  it('runs standalone: node out/test/fake-github/main.js --data FILE --port 0', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ol-fake-')), 'data.json');
    fs.writeFileSync(file, JSON.stringify(generateDataset({ merged: 12 })));
    const child = spawn(process.execPath, [
      path.join(REPO_ROOT, 'out/test/fake-github/main.js'),
      '--data',
      file,
      '--port',
      '0',
    ]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', d => {
          const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(d));
          if (m) resolve(m[1]);
        });
        child.on('exit', code => reject(new Error(`exited ${code}`)));
      });
      const client = createGitHubClient({ token: TOKEN, apiUrl: url, fetch });
      assert.strictEqual((await client.mergedPullRequests(REPO, LONG_AGO)).length, 12);
    } finally {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
