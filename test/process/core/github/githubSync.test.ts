import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheFileName } from '../../../../src/core/github/cache';
import { syncPullRequests, SyncOptions } from '../../../../src/core/github/sync';
import { generateDataset } from '../../../fake-github/generate';
import { FakeGitHub, startFakeGitHub } from '../../../fake-github/server';

const TOKEN = 'ghp_synctoken00000000000000000000000000000';
const SINCE = '2026-01-01T00:00:00Z';

describe('pull-request sync and cache (fake GitHub, real HTTP)', function () {
  this.timeout(30_000);
  let gh: FakeGitHub;
  let dir: string;
  const logs: string[] = [];

  beforeEach(async () => {
    // 1,000 merged pull requests one hour apart up to 2026-06-30: about 960 inside the window.
    gh = await startFakeGitHub({
      data: generateDataset({ merged: 1000, closed: 20 }),
      token: TOKEN,
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-cache-'));
    logs.length = 0;
  });
  afterEach(async () => {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const options = (extra: Partial<SyncOptions> = {}): SyncOptions => ({
    github: { token: TOKEN, apiUrl: gh.url, fetch, sleep: async () => undefined },
    repo: { owner: 'acme', name: 'shop' },
    since: SINCE,
    cacheDir: dir,
    log: l => logs.push(l),
    ...extra,
  });
  const cacheFile = () => path.join(dir, cacheFileName('acme/shop', gh.url));
  const mergedSince = (since: string) =>
    gh.data.pullRequests
      .filter(p => p.state === 'MERGED' && Date.parse(p.updatedAt) >= Date.parse(since))
      .map(p => p.number)
      .sort((a, b) => a - b);
  const numbers = (prs: { number: number }[]) => prs.map(p => p.number).sort((a, b) => a - b);

  it('first sync: everything back to since, in about N/100 requests, cached atomically', async () => {
    const r = await syncPullRequests(options());
    const expected = mergedSince(SINCE);
    assert.deepStrictEqual(
      numbers(r.pullRequests.filter(p => Date.parse(p.updatedAt) >= Date.parse(SINCE))),
      expected,
    );
    assert.strictEqual(r.cache, 'created');
    assert.strictEqual(r.apiRequests, Math.ceil(expected.length / 100));
    assert.ok(fs.existsSync(cacheFile()));
    assert.deepStrictEqual(
      fs.readdirSync(dir).filter(f => f.endsWith('.tmp')),
      [],
    );
  });

  it('nothing new: one request (a conditional REST probe), then a free 304 the time after', async () => {
    await syncPullRequests(options());
    const before = gh.requests.length;
    const second = await syncPullRequests(options());
    assert.strictEqual(second.cache, 'unchanged');
    assert.strictEqual(second.apiRequests, 1);
    const third = await syncPullRequests(options());
    assert.strictEqual(third.apiRequests, 1);
    const probes = gh.requests.slice(before);
    assert.deepStrictEqual(
      probes.map(p => p.method),
      ['GET', 'GET'],
    );
    assert.ok(probes[1].ifNoneMatch, 'the third sync sends If-None-Match');
    assert.strictEqual(third.pullRequests.length, second.pullRequests.length);
  });

  it('incremental: the second sync fetches only what changed (new merges, new reviews on an old PR)', async () => {
    const first = await syncPullRequests(options());
    const data = gh.data;
    const last = data.pullRequests[data.pullRequests.length - 1];
    const now = Date.parse(last.updatedAt);
    for (let i = 1; i <= 3; i++) {
      data.pullRequests.push({
        ...last,
        number: 5000 + i,
        state: 'MERGED',
        updatedAt: new Date(now + i * 60_000).toISOString(),
        mergedAt: new Date(now + i * 60_000).toISOString(),
        reviews: [],
      });
    }
    const old = data.pullRequests.find(p => p.number === 700)!;
    old.reviews = [...old.reviews, { author: 'carol', state: 'CHANGES_REQUESTED' }];
    old.updatedAt = new Date(now + 10 * 60_000).toISOString();
    const second = await syncPullRequests(options());
    assert.strictEqual(second.cache, 'updated');
    assert.strictEqual(second.apiRequests, 2, 'probe + one GraphQL page');
    assert.strictEqual(second.pullRequests.length, first.pullRequests.length + 3);
    assert.deepStrictEqual(second.pullRequests.find(p => p.number === 700)!.reviews.at(-1), {
      author: 'carol',
      state: 'CHANGES_REQUESTED',
    });
    // The cache survives: a third sync with nothing new costs one request and gives the same data.
    const third = await syncPullRequests(options());
    assert.strictEqual(third.apiRequests, 1);
    assert.deepStrictEqual(third.pullRequests, second.pullRequests);
  });

  it('an update to a closed, unmerged pull request costs two requests once, then one', async () => {
    await syncPullRequests(options());
    const closed = gh.data.pullRequests.find(p => p.state === 'CLOSED')!;
    closed.updatedAt = '2026-07-01T00:00:00.000Z';
    assert.strictEqual((await syncPullRequests(options())).apiRequests, 2);
    assert.strictEqual((await syncPullRequests(options())).apiRequests, 1);
  });

  it('a window reaching further back than the cache refetches back to the new since', async () => {
    await syncPullRequests(options());
    const earlier = '2025-12-01T00:00:00Z';
    const r = await syncPullRequests(options({ since: earlier }));
    assert.strictEqual(r.cache, 'updated');
    assert.deepStrictEqual(
      numbers(r.pullRequests.filter(p => Date.parse(p.updatedAt) >= Date.parse(earlier))),
      mergedSince(earlier),
    );
  });

  const corruptions: [string, (text: string) => string][] = [
    ['not JSON', () => '{"checksum": "abc", "data": {'],
    ['truncated', t => t.slice(0, Math.floor(t.length / 2))],
    [
      'a changed number (checksum mismatch)',
      t => t.replace(/"additions":(\d+)/, (_, n) => `"additions":${Number(n) + 1}`),
    ],
    [
      'an old version',
      t =>
        rechecksum(t, d => {
          d.version = 0;
        }),
    ],
    [
      'another repository',
      t =>
        rechecksum(t, d => {
          d.repo = 'acme/other';
        }),
    ],
    [
      'a malformed entry',
      t =>
        rechecksum(t, d => {
          (d.pullRequests as unknown[])[3] = { number: 'x' };
        }),
    ],
    ['empty', () => ''],
  ];
  for (const [what, corrupt] of corruptions) {
    it(`a corrupt cache (${what}) is reported and rebuilt, never trusted`, async () => {
      await syncPullRequests(options());
      fs.writeFileSync(cacheFile(), corrupt(fs.readFileSync(cacheFile(), 'utf8')));
      const r = await syncPullRequests(options());
      assert.strictEqual(r.cache, 'rebuilt');
      assert.ok(r.cacheProblem);
      assert.ok(
        logs.some(l => /corrupt/.test(l) && /rebuilding/.test(l)),
        logs.join('\n'),
      );
      assert.deepStrictEqual(
        numbers(r.pullRequests.filter(p => Date.parse(p.updatedAt) >= Date.parse(SINCE))),
        mergedSince(SINCE),
      );
      assert.ok(r.apiRequests > 1);
      assert.strictEqual((await syncPullRequests(options())).cache, 'unchanged');
    });
  }

  it('a version 1 cache (no titles or links) is read, then the window is fetched again once; titles and links follow', async () => {
    await syncPullRequests(options());
    fs.writeFileSync(
      cacheFile(),
      rechecksum(fs.readFileSync(cacheFile(), 'utf8'), d => {
        d.version = 1;
        delete d.commitAuthors;
        for (const p of d.pullRequests as Record<string, unknown>[]) {
          delete p.title;
          delete p.url;
        }
      }),
    );
    const r = await syncPullRequests(options());
    assert.strictEqual(r.cache, 'updated');
    assert.ok(
      logs.some(l => /older version .* fetching the window again/.test(l)),
      logs.join('\n'),
    );
    assert.ok(r.apiRequests >= Math.ceil(mergedSince(SINCE).length / 100));
    assert.ok(
      r.pullRequests
        .filter(p => Date.parse(p.updatedAt) >= Date.parse(SINCE))
        .every(p => p.title && p.url),
    );
    assert.strictEqual((await syncPullRequests(options())).apiRequests, 1);
  });

  it('co-author credit on a cache without commit authors fetches again with them; later updates keep them', async () => {
    await syncPullRequests(options());
    const r = await syncPullRequests(options({ commitAuthors: true }));
    assert.ok(logs.some(l => /no commit authors/.test(l)));
    assert.ok(
      r.pullRequests
        .filter(p => Date.parse(p.updatedAt) >= Date.parse(SINCE))
        .every(p => Array.isArray(p.commitAuthors)),
    );
    assert.strictEqual((await syncPullRequests(options({ commitAuthors: true }))).apiRequests, 1);
    // Turning credit off keeps using the cache (it holds more than needed).
    assert.strictEqual((await syncPullRequests(options())).apiRequests, 1);
  });

  it('the cache file does not contain the token', async () => {
    await syncPullRequests(options());
    await syncPullRequests(options());
    assert.ok(!fs.readFileSync(cacheFile(), 'utf8').includes(TOKEN));
  });
});

/** Edits the cache's data and recomputes its checksum, so only the semantic check can catch it. */
function rechecksum(text: string, edit: (d: Record<string, unknown>) => void): string {
  const outer = JSON.parse(text) as { checksum: string; data: Record<string, unknown> };
  edit(outer.data);
  const body = JSON.stringify(outer.data);
  return JSON.stringify({
    checksum: createHash('sha256').update(body).digest('hex'),
    data: outer.data,
  });
}
