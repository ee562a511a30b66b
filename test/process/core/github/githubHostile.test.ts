import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { createGitHubClient } from '../../../../src/core/github/client';
import { GitHubError, redact } from '../../../../src/core/github/errors';
import type { TransportOptions } from '../../../../src/core/github/transport';
import { generateDataset } from '../../../fake-github/generate';
import { FakeGitHub, startFakeGitHub } from '../../../fake-github/server';
import { REPO_ROOT } from '../../../repoRoot';

const TOKEN = 'ghp_hostiletoken0123456789abcdefghijklmnop';
const REPO = { owner: 'acme', name: 'shop' };
const LONG_AGO = '2000-01-01T00:00:00Z';

/** Runs `fn`, which must reject with a GitHubError; returns it and how long it took. */
async function fails(fn: () => Promise<unknown>): Promise<{ error: GitHubError; ms: number }> {
  const t0 = Date.now();
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof GitHubError, `not a GitHubError: ${(e as Error)?.stack}`);
    assert.ok(!/Cannot read properties|Invalid time value|undefined/.test(e.message), e.message);
    assert.ok(!e.message.includes(TOKEN));
    return { error: e, ms: Date.now() - t0 };
  }
  throw new assert.AssertionError({ message: 'expected a failure' });
}

describe('GitHub transport against hostile answers (fake GitHub, real HTTP; issue 9, items 5 and 8)', function () {
  this.timeout(60_000);
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ data: generateDataset({ merged: 30 }), token: TOKEN });
  });
  afterEach(async () => {
    await gh.close();
  });

  const client = (extra: Partial<TransportOptions> & { pageSize?: number } = {}) =>
    createGitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      fetch,
      sleep: async () => undefined,
      retryBaseMs: 1,
      maxRetries: 2,
      pageSize: 10,
      ...extra,
    });

  it('stops when hasNextPage stays true with the same cursor (pull requests)', async () => {
    gh.inject({ kind: 'endless-pages', of: 'pull-requests' });
    const { error } = await fails(() => client().mergedPullRequests(REPO, LONG_AGO));
    assert.match(error.message, /same page of pull requests twice/);
    assert.ok(gh.requests.length <= 3, `${gh.requests.length} requests`);
  });

  it("stops when a pull request's files say hasNextPage forever with the same cursor", async () => {
    gh.inject({ kind: 'endless-pages', of: 'files' });
    const { error } = await fails(() => client().mergedPullRequests(REPO, LONG_AGO));
    assert.match(error.message, /same page of files of pull request #\d+ twice/);
    assert.ok(gh.requests.length <= 3, `${gh.requests.length} requests`);
  });

  it('a silent server: each request times out even though a cancellation signal is passed, and the run ends', async () => {
    gh.inject({ kind: 'silent' }, { kind: 'silent' }, { kind: 'silent' });
    const cancel = new AbortController();
    const { error } = await fails(() =>
      client({ timeoutMs: 300, signal: cancel.signal }).mergedPullRequests(REPO, LONG_AGO),
    );
    assert.strictEqual(error.kind, 'network');
    assert.match(error.message, /no answer within 0\.3s/);
    assert.strictEqual(gh.requests.length, 1, 'nothing has come back at all: no retry');
  });

  it('a server that accepts and never answers: stops after the first attempt when nothing has come back at all, saying so', async () => {
    for (let i = 0; i < 30; i++) gh.inject({ kind: 'silent' });
    const { error } = await fails(() =>
      client({ timeoutMs: 200, maxRetries: 4, pageSize: 100 }).mergedPullRequests(REPO, LONG_AGO),
    );
    assert.strictEqual(error.kind, 'network');
    const host = new URL(gh.url).host.replace(/\./g, '\\.');
    assert.match(
      error.message,
      new RegExp(
        `^The server at ${host} sent no answer within 0\\.2s \\(attempt 1; nothing at all has come back from it, so it is not retried\\); check `,
      ),
    );
    assert.match(error.message, /proxy or firewall/);
    assert.strictEqual(gh.requests.length, 1);
    gh.inject({ kind: 'silent' }, { kind: 'silent' }, { kind: 'silent' });
    const shortToken = await fails(() =>
      client({ token: 'x', timeoutMs: 200 }).mergedPullRequests(REPO, LONG_AGO),
    );
    assert.match(
      shortToken.error.message,
      /no proxy or firewall/,
      'a one-letter token does not garble the advice',
    );
  });

  it('once the server has answered, silent requests are counted across smaller pages; an answer starts the count again', async () => {
    gh.inject({ kind: 'slow', ms: 0 }, { kind: 'silent' }, { kind: 'silent' }, { kind: 'silent' });
    const { error } = await fails(() =>
      client({ timeoutMs: 200, maxRetries: 1, pageSize: 20 }).mergedPullRequests(REPO, LONG_AGO),
    );
    assert.match(error.message, /\(3 attempts in a row\)/);
    assert.deepStrictEqual(
      gh.requests.map(r => JSON.parse(r.body!).variables.pageSize),
      [20, 20, 20, 10],
      'a page, then the third silent one, on a smaller page, is the last',
    );
    gh.requests.length = 0;
    gh.inject(
      { kind: 'slow', ms: 0 },
      { kind: 'silent' },
      { kind: 'silent' },
      { kind: 'slow', ms: 0 },
      { kind: 'silent' },
      { kind: 'silent' },
    );
    assert.strictEqual(
      (await client({ timeoutMs: 200, maxRetries: 4 }).mergedPullRequests(REPO, LONG_AGO)).length,
      30,
    );
    assert.strictEqual(gh.requests.length, 4 + 3, 'a page, two silent, a page, two silent, a page');
  });

  it('says what it waits for while a request goes unanswered, with the attempt, and before each retry', async () => {
    gh.inject({ kind: 'slow', ms: 0 }, { kind: 'bad-gateway' }, { kind: 'slow', ms: 400 });
    const said: string[] = [];
    const host = new URL(gh.url).host;
    await client({
      timeoutMs: 5_000,
      maxRetries: 2,
      progressAfterMs: 150,
      progress: m => said.push(m),
    }).mergedPullRequests(REPO, LONG_AGO);
    assert.ok(
      said.includes(`${host} answered 502; retrying in 0s (attempt 2 of 3)`),
      said.join('\n'),
    );
    assert.ok(
      said.includes(`waiting for ${host} to answer (attempt 2 of 3, up to 5s)`),
      said.join('\n'),
    );
    assert.strictEqual(said.length, 2, said.join('\n'));
  });

  it('cancelling ends a request the server never answers', async () => {
    gh.inject({ kind: 'silent' });
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 200);
    const { error, ms } = await fails(() =>
      client({ timeoutMs: 60_000, signal: cancel.signal }).mergedPullRequests(REPO, LONG_AGO),
    );
    assert.strictEqual(error.kind, 'cancelled');
    assert.ok(ms < 30_000, `${ms} ms: ended by the cancellation, not by the 60 s timeout`);
  });

  it('a trickle (a byte every 50 ms) ends at the total time limit with a message naming it', async () => {
    for (let i = 0; i < 10; i++) gh.inject({ kind: 'trickle', intervalMs: 50 });
    const { error, ms } = await fails(() =>
      client({ timeoutMs: 600, totalTimeoutMs: 1_500, maxRetries: 10 }).mergedPullRequests(
        REPO,
        LONG_AGO,
      ),
    );
    assert.strictEqual(error.kind, 'timeout');
    assert.match(error.message, /did not finish within 1\.5s \(the total refresh time limit\)/);
    assert.ok(ms < 6_000, `${ms} ms`);
  });

  it('a body over the size limit is cut off while streaming, not buffered, and not retried', async () => {
    gh.inject({ kind: 'huge-body', bytes: 200 * 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const { error } = await fails(() =>
      client({ maxBodyBytes: 4 * 1024 * 1024 }).mergedPullRequests(REPO, LONG_AGO),
    );
    assert.match(error.message, /larger than 4 MB \(the response size limit\)/);
    assert.strictEqual(gh.requests.length, 1);
    assert.ok(process.memoryUsage().rss - before < 150 * 1024 * 1024, 'not buffered');
    gh.inject({ kind: 'huge-body', bytes: 50 * 1024 * 1024, declare: true });
    assert.match(
      (
        await fails(() =>
          client({ maxBodyBytes: 4 * 1024 * 1024 }).mergedPullRequests(REPO, LONG_AGO),
        )
      ).error.message,
      /response size limit/,
    );
  });

  for (const [what, body, contentType] of [
    ['HTML', '<html><body>Unicorn!</body></html>', 'text/html'],
    ['JSON without data', '{"hello": "world"}', undefined],
    [
      'pull requests that are not a connection',
      '{"data": {"repository": {"pullRequests": {"nodes": null}}}}',
      undefined,
    ],
    [
      'a pull request that is a number',
      '{"data": {"repository": {"pullRequests": {"nodes": [7], "pageInfo": {"hasNextPage": false}}}}}',
      undefined,
    ],
    ['truncated JSON', '{"data": {"repos', undefined],
  ] as const) {
    it(`garbage (${what}) gives a clear message`, async () => {
      gh.inject(
        { kind: 'garbage', body, contentType, target: 'graphql' },
        { kind: 'garbage', body, contentType, target: 'graphql' },
        { kind: 'garbage', body, contentType, target: 'graphql' },
        { kind: 'garbage', body, contentType, target: 'graphql' },
        { kind: 'garbage', body, contentType, target: 'graphql' },
      );
      const { error } = await fails(() => client().mergedPullRequests(REPO, LONG_AGO));
      assert.match(error.message, /GitHub/);
    });
  }

  it('an absurd x-ratelimit-reset or retry-after: a clear message at once, no retries', async () => {
    gh.inject({ kind: 'primary-limit', resetInSeconds: 1e15 });
    const a = await fails(() => client({ maxWaitMs: 1e18 }).mergedPullRequests(REPO, LONG_AGO));
    assert.strictEqual(a.error.kind, 'rate-limited');
    assert.match(a.error.message, /rate limited .*without a usable time/);
    assert.strictEqual(gh.requests.length, 1);
    gh.inject({ kind: 'secondary-limit', status: 429, retryAfter: 1e20 });
    const b = await fails(() => client({ maxWaitMs: 1e18 }).mergedPullRequests(REPO, LONG_AGO));
    assert.match(b.error.message, /without a usable time/);
    assert.strictEqual(gh.requests.length, 2);
  });

  it('refuses an API URL with user:password@ without printing the password (core and CLI)', async () => {
    const url = gh.url.replace('http://', 'http://user:hunter2secret@');
    const { error } = await fails(async () => client({ apiUrl: url }));
    assert.match(error.message, /user name or password/);
    assert.ok(!error.message.includes('hunter2secret'));
    assert.strictEqual(gh.requests.length, 0);
    const cli = path.join(REPO_ROOT, 'dist/cli.js');
    const root = REPO_ROOT;
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'report',
        '--repo',
        'acme/shop',
        '--owners',
        path.join(root, 'test/fixtures/owners/acme.yaml'),
        '--api-url',
        url,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_TOKEN: TOKEN } },
    );
    assert.strictEqual(r.status, 2, r.stderr);
    assert.match(r.stderr, /user name or password/);
    assert.ok(!(r.stdout + r.stderr).includes('hunter2secret'));
  });
});

describe('redacting the token from messages', () => {
  it('removes a realistic token wherever it stands, a short one only where it stands alone', () => {
    assert.strictEqual(redact(`bearer ${TOKEN} and x${TOKEN}y`, TOKEN), 'bearer *** and x***y');
    assert.strictEqual(
      redact('no proxy or firewall: token x, "x", x-ray, x', 'x'),
      'no proxy or firewall: token ***, "***", x-ray, ***',
    );
    assert.strictEqual(
      redact('Could not reach api.github.com: a b', 'a'),
      'Could not reach api.github.com: *** b',
    );
    assert.strictEqual(
      redact('1+1=2 (a.b)', 'a.b'),
      '1+1=2 (***)',
      'the token is matched literally, not as a pattern',
    );
    assert.strictEqual(redact('text', ''), 'text');
  });
});
