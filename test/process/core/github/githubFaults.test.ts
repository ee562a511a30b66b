import * as assert from 'assert';
import * as net from 'net';
import { createGitHubClient } from '../../../../src/core/github/client';
import { CONNECT_RETRIES, connectRetries } from '../../../../src/core/github/connectFailure';
import { GitHubError } from '../../../../src/core/github/errors';
import type { TransportOptions } from '../../../../src/core/github/transport';
import { generateDataset } from '../../../fake-github/generate';
import { Fault, FakeGitHub, startFakeGitHub } from '../../../fake-github/server';
import { nowMs } from '../../../../src/core/clock';

const TOKEN = 'ghp_faulttoken9876543210zyxwvutsrqponmlkj';
const REPO = { owner: 'acme', name: 'shop' };
const LONG_AGO = '2000-01-01T00:00:00Z';

describe('GitHub client under faults (fake GitHub, real HTTP)', function () {
  this.timeout(30_000);
  let gh: FakeGitHub;
  let foreign: FakeGitHub | undefined;
  const logs: string[] = [];
  const waits: number[] = [];
  const errors: string[] = [];

  beforeEach(async () => {
    gh = await startFakeGitHub({ data: generateDataset({ merged: 150 }), token: TOKEN });
    logs.length = 0;
    waits.length = 0;
  });
  afterEach(async () => {
    await gh.close();
    await foreign?.close();
    foreign = undefined;
  });
  after(() => {
    // Nothing the client logged or threw in this suite contains the token.
    for (const line of [...logs, ...errors]) assert.ok(!line.includes(TOKEN), line);
  });

  function client(extra: Partial<TransportOptions> = {}) {
    return createGitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      fetch,
      log: l => logs.push(l),
      sleep: async ms => {
        waits.push(ms);
      },
      retryBaseMs: 10,
      maxWaitMs: 120_000,
      ...extra,
    });
  }

  async function fetchAll(c = client()) {
    try {
      return await c.mergedPullRequests(REPO, LONG_AGO);
    } catch (e) {
      errors.push(String((e as Error).message), String((e as Error).stack));
      throw e;
    }
  }

  async function recovers(fault: Fault, expectedRequests: number) {
    gh.inject(fault);
    const c = client();
    assert.strictEqual((await fetchAll(c)).length, 150);
    assert.strictEqual(c.transport.requests, expectedRequests, 'requests, the retry included');
    assert.strictEqual(gh.requests.length, expectedRequests);
  }

  it('403 primary rate limit with a near reset: waits until the reset, then continues', async () => {
    await recovers({ kind: 'primary-limit', resetInSeconds: 5 }, 3);
    assert.strictEqual(waits.length, 1);
    assert.ok(waits[0] > 3_000 && waits[0] <= 7_000, String(waits[0]));
  });

  it('403 primary rate limit with a far reset: stops with "rate limited until HH:MM UTC"', async () => {
    gh.inject({ kind: 'primary-limit', resetInSeconds: 3 * 3600 });
    const reset = new Date(nowMs() + 3 * 3600_000 + 1000); // the product's clock, as the fake GitHub's reset
    await assert.rejects(fetchAll(), (e: GitHubError) => {
      assert.strictEqual(e.kind, 'rate-limited');
      assert.match(e.message, /rate limited until \d\d:\d\d UTC/);
      assert.ok(
        e.message.includes(reset.toISOString().slice(11, 16)) ||
          e.message.includes(new Date(reset.getTime() - 60_000).toISOString().slice(11, 16)),
        e.message,
      );
      return true;
    });
    assert.deepStrictEqual(waits, []);
  });

  it('403 secondary rate limit with retry-after: waits that long', async () => {
    await recovers({ kind: 'secondary-limit', status: 403, retryAfter: 7 }, 3);
    assert.deepStrictEqual(waits, [7000]);
  });

  it('429 with retry-after: waits that long', async () => {
    await recovers({ kind: 'secondary-limit', status: 429, retryAfter: 2 }, 3);
    assert.deepStrictEqual(waits, [2000]);
  });

  it('502 with an HTML body: retried with back-off', async () => {
    await recovers({ kind: 'bad-gateway' }, 3);
    assert.deepStrictEqual(waits, [10]);
  });

  it('persistent 5xx: gives up after maxRetries with a short message (no HTML)', async () => {
    for (let i = 0; i < 30; i++) gh.inject({ kind: 'bad-gateway' });
    await assert.rejects(
      fetchAll(client({ maxRetries: 2 })),
      (e: GitHubError) =>
        e.kind === 'server' && /502/.test(e.message) && !/<html>/i.test(e.message),
    );
    // 3 attempts for each page size tried: 100, 50, 25, 12, 10.
    assert.strictEqual(gh.requests.length, 15);
  });

  it('persistent 5xx on a page of 100: retries with smaller pages (GitHub times out on heavy pages)', async () => {
    for (let i = 0; i < 3; i++) gh.inject({ kind: 'bad-gateway', target: 'graphql' });
    const c = client({ maxRetries: 2 });
    assert.strictEqual((await fetchAll(c)).length, 150);
    assert.ok(
      logs.some(l => /pages of 50/.test(l)),
      logs.join('\n'),
    );
    assert.strictEqual(c.transport.requests, 3 + 3);
  });

  it('GraphQL errors with HTTP 200: a transient "Something went wrong" is retried', async () => {
    await recovers({ kind: 'graphql-error' }, 3);
  });

  it("GraphQL errors with HTTP 200: a permanent error fails with GitHub's message", async () => {
    gh.inject({
      kind: 'graphql-error',
      type: 'FORBIDDEN',
      message: 'Resource not accessible by integration',
    });
    await assert.rejects(
      fetchAll(),
      (e: GitHubError) =>
        e.kind === 'graphql' && /Resource not accessible by integration/.test(e.message),
    );
    assert.strictEqual(gh.requests.length, 1);
  });

  it('GraphQL RATE_LIMITED with HTTP 200: waits like a primary limit', async () => {
    await recovers(
      {
        kind: 'graphql-error',
        type: 'RATE_LIMITED',
        message: 'API rate limit exceeded for user ID 1.',
      },
      3,
    );
    assert.strictEqual(waits.length, 1);
  });

  it('a response slower than the timeout is abandoned and retried (once the server has answered in this run)', async () => {
    gh.inject({ kind: 'slow', ms: 0 }, { kind: 'slow', ms: 1500 });
    const c = client({ timeoutMs: 300 });
    assert.strictEqual((await fetchAll(c)).length, 150);
    assert.strictEqual(c.transport.requests, 3, 'the first page, the slow second one, its retry');
    assert.ok(
      logs.some(l => /no answer within 0.3s/.test(l)),
      logs.join('\n'),
    );
  });

  it('a dropped connection is retried', async () => {
    await recovers({ kind: 'drop' }, 3);
  });

  /** A port on 127.0.0.1 that nothing listens on: opened, then closed. */
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>(r => server.close(() => r()));
    return port;
  }

  it('a refused connection: 3 attempts with a short back-off, never a smaller page, "Could not reach HOST"', async () => {
    const port = await closedPort();
    const c = client({ apiUrl: `http://127.0.0.1:${port}`, retryBaseMs: 1000 });
    await assert.rejects(
      fetchAll(c),
      (e: GitHubError) =>
        e.kind === 'network' &&
        new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port}: fetch failed: ECONNREFUSED$`).test(
          e.message,
        ),
    );
    assert.strictEqual(c.transport.requests, 3, 'the first try and two retries');
    assert.deepStrictEqual(waits, [500, 1000], 'half the usual back-off');
    assert.ok(!logs.some(l => /pages of/.test(l)), logs.join('\n'));
  });

  it('a host name that does not resolve (ENOTFOUND, EAI_AGAIN): 3 attempts, never a smaller page', async () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      waits.length = 0;
      let calls = 0;
      // Made up rather than looked up: the tests send nothing beyond 127.0.0.1, not even DNS.
      const unresolved: TransportOptions['fetch'] = async () => {
        calls++;
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error(`getaddrinfo ${code} github.invalid`), { code }),
        });
      };
      const c = client({ apiUrl: 'https://github.invalid', fetch: unresolved, retryBaseMs: 1000 });
      await assert.rejects(
        fetchAll(c),
        (e: GitHubError) =>
          e.kind === 'network' &&
          e.message === `Could not reach github.invalid: fetch failed: ${code}`,
      );
      assert.strictEqual(calls, 3, code);
      assert.deepStrictEqual(waits, [500, 1000], code);
    }
    assert.ok(!logs.some(l => /pages of/.test(l)), logs.join('\n'));
  });

  it('what a retry cannot change fails at once: a port fetch forbids ("bad port"), TLS to a plain HTTP server', async () => {
    const badPort = client({ apiUrl: 'http://127.0.0.1:6000' });
    await assert.rejects(
      fetchAll(badPort),
      (e: GitHubError) =>
        e.kind === 'network' &&
        e.message === 'Could not reach 127.0.0.1:6000: fetch failed: bad port',
    );
    assert.strictEqual(badPort.transport.requests, 1);
    const tls = client({ apiUrl: gh.url.replace('http:', 'https:') });
    await assert.rejects(
      fetchAll(tls),
      (e: GitHubError) =>
        e.kind === 'network' &&
        /^Could not reach 127\.0\.0\.1:\d+: fetch failed: ERR_SSL_WRONG_VERSION_NUMBER$/.test(
          e.message,
        ),
    );
    assert.strictEqual(tls.transport.requests, 1);
    assert.deepStrictEqual(waits, []);
    assert.ok(!logs.some(l => /pages of/.test(l)), logs.join('\n'));
  });

  it('tells a connection never made from one dropped mid-answer', () => {
    const failed = (cause: object) => new TypeError('fetch failed', { cause });
    const refusedTwice = Object.assign(
      new AggregateError([
        Object.assign(new Error('::1'), { code: 'ECONNREFUSED' }),
        Object.assign(new Error('127.0.0.1'), { code: 'ECONNREFUSED' }),
      ]),
      { code: undefined },
    );
    assert.strictEqual(
      connectRetries(failed(refusedTwice)),
      CONNECT_RETRIES,
      'every address of a host name refused',
    );
    assert.strictEqual(
      connectRetries(failed({ code: 'UND_ERR_CONNECT_TIMEOUT' })),
      CONNECT_RETRIES,
    );
    assert.strictEqual(connectRetries(failed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })), 0);
    assert.strictEqual(connectRetries(failed({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' })), 0);
    assert.strictEqual(connectRetries(failed({ code: 'ECONNRESET' })), undefined);
    assert.strictEqual(
      connectRetries(failed({ code: 'UND_ERR_SOCKET', message: 'other side closed' })),
      undefined,
    );
    assert.strictEqual(
      connectRetries(new DOMException('This operation was aborted', 'AbortError')),
      undefined,
    );
  });

  it('401 Bad credentials: an "unauthorized" error that says which variables to set', async () => {
    gh.inject({ kind: 'unauthorized' });
    await assert.rejects(
      fetchAll(),
      (e: GitHubError) => e.kind === 'unauthorized' && /GITHUB_TOKEN or GH_TOKEN/.test(e.message),
    );
  });

  it('sends the token only to the configured host, as "bearer", and refuses a redirect to another host', async () => {
    foreign = await startFakeGitHub({ data: generateDataset({ merged: 1 }) });
    gh.inject({ kind: 'redirect', location: `${foreign.url}/graphql`, status: 307 });
    await assert.rejects(
      fetchAll(),
      (e: GitHubError) => e.kind === 'redirect' && /Refused to follow a redirect/.test(e.message),
    );
    assert.strictEqual(foreign.requests.length, 0);
    assert.ok(gh.requests.every(r => r.authorization === `bearer ${TOKEN}`));
  });

  it('follows a redirect on the same host, token included', async () => {
    gh.inject({ kind: 'redirect', location: '/graphql', status: 307 });
    const c = client();
    assert.strictEqual((await fetchAll(c)).length, 150);
    assert.strictEqual(c.transport.requests, 3);
  });

  it('never sends the token when the configured origin differs from the request (no cross-host fetch)', async () => {
    const c = client();
    await assert.rejects(
      c.transport.fetch('http://127.0.0.2:9/graphql', { method: 'POST', body: '{}' }),
      /Refusing to send the GitHub token/,
    );
  });
});
