import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { allowList } from '../../../../src/core/outcomes/allowedHosts';
import type { OutcomeEntry } from '../../../../src/core/outcomes/model';
import { parseOwners } from '../../../../src/core/owners/parse';
import { OutcomeReader } from '../../../../src/node/outcomes/outcomeReader';
import { teamOutcomes } from '../../../../src/node/outcomes/teamOutcomes';
import { CLI, CliResult, makeRepo } from '../../../fixtures/cliRepo';
import { generateDataset } from '../../../fake-github/generate';
import { startFakeGitHub } from '../../../fake-github/server';
import { freePort, RunningPrometheus, startPrometheus } from '../../../fixtures/prometheusServer';

const DAY = 86_400;
const JAN1 = Date.parse('2025-01-01T00:00:00Z') / 1000;
/** Day i of 2025 (0 = Jan 1): conversion 3.00 + i/100 percent; availability 99.5 every day. */
const days: number[] = Array.from({ length: 150 }, (_, i) => i);
const conversion = (i: number) => Math.round((3 + i / 100) * 100) / 100;

function owners(prometheus: string): string {
  return `version: 1
teams:
  payments: { lead: alice, members: [bob] }
  platform: { lead: dan }
outcomes:
  checkout-conversion:
    target: ">= 3.5 %"
    unit: "%"
    source: { prometheus: ${prometheus}, query: checkout_conversion_percent }
  api-availability:
    target: "99.9..100"
    source: { prometheus: ${prometheus}/, query: api_availability_percent }
  per-service-errors:
    target: "<= 1"
    source: { prometheus: ${prometheus}, query: service_errors }
  onboarding-csat:
    target: ">= 4.2"
    source: { file: metrics/outcomes.csv }
  no-direction:
    target: "99.95%"
    source: { prometheus: ${prometheus}, query: api_availability_percent }
components:
  checkout: { team: payments, owner: bob, paths: [/src/], outcomes: [checkout-conversion, onboarding-csat] }
  gateway: { team: platform, owner: dan, paths: [/gw/], outcomes: [api-availability, checkout-conversion, per-service-errors] }
`;
}

/** The CLI as a separate process (asynchronously: the servers of this test run in this process). */
function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } });
    let out = '',
      err = '';
    child.stdout.on('data', d => {
      out += d;
    });
    child.stderr.on('data', d => {
      err += d;
    });
    child.on('close', code => resolve({ code, out, err }));
  });
}

describe('outcome values from a real Prometheus (Debian package, backfilled with promtool)', function () {
  this.timeout(120_000);
  let prom: RunningPrometheus;
  let repo: string;
  before(async () => {
    prom = await startPrometheus([
      {
        name: 'checkout_conversion_percent',
        help: 'orders per checkout session',
        samples: days.map(i => [JAN1 + i * DAY, conversion(i)]),
      },
      {
        name: 'api_availability_percent',
        help: 'availability',
        samples: days.map(i => [JAN1 + i * DAY, 99.5]),
      },
      {
        name: 'service_errors',
        labels: '{service="a"}',
        help: 'errors',
        samples: days.map(i => [JAN1 + i * DAY, 0]),
      },
      {
        name: 'service_errors',
        labels: '{service="b"}',
        help: 'errors',
        samples: days.map(i => [JAN1 + i * DAY, 2]),
      },
    ]);
    repo = makeRepo(owners(prom.url), ['src/a.ts', 'gw/b.go']);
    fs.mkdirSync(path.join(repo, 'metrics'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, 'metrics/outcomes.csv'),
      'date,outcome,value\n2025-02-10,onboarding-csat,4.0\n2025-02-20,onboarding-csat,4.4\n2025-03-01,onboarding-csat,3.9\n',
    );
  });
  after(async () => {
    await prom?.stop();
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  it('outcomes --json --until reads instant values as at that day: met, missed, unknown with the reason', async () => {
    const r = await cli(repo, [
      'outcomes',
      '--json',
      '--until',
      '2025-03-01',
      '--allow-host',
      '127.0.0.1',
    ]);
    assert.strictEqual(r.code, 0, r.err);
    const byId = Object.fromEntries((JSON.parse(r.out) as OutcomeEntry[]).map(e => [e.outcome, e]));
    assert.deepStrictEqual(byId['checkout-conversion'], {
      outcome: 'checkout-conversion',
      value: conversion(59),
      target: '>= 3.5 %',
      status: 'met',
      asOf: '2025-03-01T00:00:00Z',
      reason: null,
    });
    assert.deepStrictEqual(byId['api-availability'], {
      outcome: 'api-availability',
      value: 99.5,
      target: '99.9..100',
      status: 'missed',
      asOf: '2025-03-01T00:00:00Z',
      reason: null,
    });
    // Two series: not one value.
    assert.strictEqual(byId['per-service-errors'].status, 'unknown');
    assert.match(byId['per-service-errors'].reason!, /2 samples/);
    // The file: the newest row dated before --until (2025-03-01 itself is not before it).
    assert.deepStrictEqual(byId['onboarding-csat'], {
      outcome: 'onboarding-csat',
      value: 4.4,
      target: '>= 4.2',
      status: 'met',
      asOf: '2025-02-20T00:00:00Z',
      reason: null,
    });
    // A target without a direction: the value is shown, the status says why it is unknown.
    assert.strictEqual(byId['no-direction'].value, 99.5);
    assert.strictEqual(byId['no-direction'].status, 'unknown');
    assert.match(byId['no-direction'].reason!, /99\.95%.*does not parse/);
  });

  it('an earlier --until gives the earlier value, so the same outcome can be missed then and met later', async () => {
    const r = await cli(repo, [
      'outcomes',
      '--json',
      '--until',
      '2025-01-21',
      '--allow-host',
      '127.0.0.1',
    ]);
    const entry = (
      JSON.parse(r.out) as Array<{ outcome: string; value: number; status: string }>
    ).find(e => e.outcome === 'checkout-conversion')!;
    assert.deepStrictEqual([entry.value, entry.status], [conversion(20), 'missed']);
  });

  it('without --allow-host no request is sent and the status says the host is not allowed', async () => {
    const r = await cli(repo, ['outcomes', '--json', '--until', '2025-03-01']);
    assert.strictEqual(r.code, 0, r.err);
    const conv = (
      JSON.parse(r.out) as Array<{
        outcome: string;
        status: string;
        reason: string;
        value: unknown;
      }>
    ).find(e => e.outcome === 'checkout-conversion')!;
    assert.deepStrictEqual([conv.status, conv.value], ['unknown', null]);
    assert.match(conv.reason, /host 127\.0\.0\.1 is not allowed/);
  });

  it('report history: a range query with a one-day step over the window, the file rows inside it; per team in order', async () => {
    const { model } = parseOwners(owners(prom.url));
    const reader = new OutcomeReader({
      root: repo,
      allowedHosts: allowList(['127.0.0.1']),
      tokenFor: () => undefined,
      now: () => Date.parse('2025-12-01T00:00:00Z'),
    });
    const byTeam = await teamOutcomes(
      model,
      reader,
      ['payments', 'platform'],
      { since: '2025-02-01', until: '2025-03-01' },
      Date.parse('2025-12-01T00:00:00Z'),
    );
    assert.deepStrictEqual(
      byTeam.get('payments')!.map(e => e.outcome),
      ['checkout-conversion', 'onboarding-csat'],
    );
    assert.deepStrictEqual(
      byTeam.get('platform')!.map(e => e.outcome),
      ['api-availability', 'checkout-conversion', 'per-service-errors'],
    );
    const conv = byTeam.get('payments')![0];
    assert.strictEqual(conv.history.length, 28);
    assert.deepStrictEqual(conv.history[0], { date: '2025-02-01', value: conversion(31) });
    assert.deepStrictEqual(conv.history[27], { date: '2025-02-28', value: conversion(58) });
    assert.strictEqual(conv.asOf, '2025-03-01T00:00:00Z');
    assert.deepStrictEqual(byTeam.get('payments')![1].history, [
      { date: '2025-02-10', value: 4 },
      { date: '2025-02-20', value: 4.4 },
    ]);
    assert.ok(byTeam.get('platform')![0].history.every(p => p.value === 99.5));
  });

  it("report --json gives each team its outcomes as at the window's end, each with its history", async () => {
    const TOKEN = 'ghp_outcomesreport1111111111111111111111111';
    const gh = await startFakeGitHub({
      data: generateDataset({ merged: 30, closed: 0, newest: '2025-02-27T12:00:00Z' }),
      token: TOKEN,
    });
    try {
      const r = await cli(
        repo,
        [
          'report',
          '--json',
          '--repo',
          'acme/shop',
          '--api-url',
          gh.url,
          '--since',
          '2025-02-01',
          '--until',
          '2025-03-01',
          '--no-cache',
          '--allow-host',
          '127.0.0.1',
        ],
        { GITHUB_TOKEN: TOKEN },
      );
      assert.strictEqual(r.code, 0, r.err);
      const teams = JSON.parse(r.out).teams as Array<{
        team: string;
        outcomes: Array<OutcomeEntry & { history: Array<{ date: string; value: number }> }>;
      }>;
      const payments = teams.find(t => t.team === 'payments')!;
      assert.deepStrictEqual(
        payments.outcomes.map(o => [o.outcome, o.status, o.value]),
        [
          ['checkout-conversion', 'met', conversion(59)],
          ['onboarding-csat', 'met', 4.4],
        ],
      );
      assert.deepStrictEqual(Object.keys(payments.outcomes[0]), [
        'outcome',
        'value',
        'target',
        'status',
        'asOf',
        'reason',
        'history',
      ]);
      assert.strictEqual(payments.outcomes[0].history.length, 28);
      assert.deepStrictEqual(payments.outcomes[1].history, [
        { date: '2025-02-10', value: 4 },
        { date: '2025-02-20', value: 4.4 },
      ]);
      const platform = teams.find(t => t.team === 'platform')!;
      assert.deepStrictEqual(
        platform.outcomes.map(o => [o.outcome, o.status]),
        [
          ['api-availability', 'missed'],
          ['checkout-conversion', 'met'],
          ['per-service-errors', 'unknown'],
        ],
      );
      assert.deepStrictEqual(platform.outcomes[2].history, []);
    } finally {
      await gh.close();
    }
  });

  it('a Prometheus error answer (bad PromQL) is unknown with its message as one short line', async () => {
    const { model } = parseOwners(
      owners(prom.url).replace('query: service_errors', 'query: "sum(("'),
    );
    const reader = new OutcomeReader({
      root: repo,
      allowedHosts: allowList(['127.0.0.1']),
      tokenFor: () => undefined,
    });
    const [entry] = await reader.entries(
      [model.outcomes.get('per-service-errors')!],
      Date.parse('2025-03-01T00:00:00Z'),
    );
    assert.strictEqual(entry.status, 'unknown');
    assert.match(entry.reason!, /^Prometheus answered an error: .*parse error/);
  });
});

/** A local server whose handler the test chooses; every request is recorded. */
async function localServer(handler: http.RequestListener): Promise<{
  url: string;
  port: number;
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}> {
  const requests: http.IncomingMessage[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise(r => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function outcomeWith(
  source: string,
  target = '>= 1',
): ReturnType<typeof parseOwners>['model']['outcomes'] extends Map<string, infer O> ? O : never {
  const { model, diagnostics } = parseOwners(
    `version: 1\noutcomes:\n  o:\n    target: "${target}"\n    source: ${source}\n`,
  );
  assert.deepStrictEqual(
    diagnostics.filter(d => d.code === 'invalid-source'),
    [],
  );
  return model.outcomes.get('o')!;
}

describe('outcome sources that fail: down, slow, hostile, redirected', function () {
  this.timeout(30_000);
  const reader = (
    hosts: string[],
    extra: Partial<ConstructorParameters<typeof OutcomeReader>[0]> = {},
  ) =>
    new OutcomeReader({
      root: '/nonexistent',
      allowedHosts: allowList(hosts),
      tokenFor: () => undefined,
      ...extra,
    });

  it('a down server (port closed) is unknown, quickly', async () => {
    const port = await freePort();
    const [entry] = await reader(['127.0.0.1']).entries([
      outcomeWith(`{ prometheus: "http://127.0.0.1:${port}", query: up }`),
    ]);
    assert.strictEqual(entry.status, 'unknown');
    assert.match(entry.reason!, /ECONNREFUSED/);
  });

  it('a slow server is unknown once the time limit passes, without waiting for it', async () => {
    const slow = await localServer((_req, res) => {
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end('{"v":5}');
      }, 5000);
    });
    try {
      const t0 = Date.now();
      const [entry] = await reader(['127.0.0.1'], { timeoutMs: 300 }).entries([
        outcomeWith(`{ json: "${slow.url}/v", pointer: /v }`),
      ]);
      assert.strictEqual(entry.status, 'unknown');
      assert.match(entry.reason!, /no answer within 0.3 s/);
      assert.ok(
        Date.now() - t0 < 5000,
        `took ${Date.now() - t0} ms: it waited for the server's 5 s answer`,
      );
      assert.strictEqual(slow.requests.length, 1);
    } finally {
      await slow.close();
    }
  });

  it('a huge body is cut off at the size limit; a declared huge length is refused before reading', async () => {
    let written = 0;
    const huge = await localServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/declared') {
        res.setHeader('content-length', String(50_000_000));
        res.end();
        return;
      }
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = () => {
        while (written < 20_000_000 && res.write(chunk)) written += chunk.length;
        if (written < 20_000_000) res.once('drain', write);
        else res.end();
      };
      res.on('close', () => {
        written = Infinity;
      });
      write();
    });
    try {
      const [streamed, declared] = await reader(['127.0.0.1'], { maxBytes: 100_000 }).entries([
        outcomeWith(`{ json: "${huge.url}/stream", pointer: /v }`),
        outcomeWith(`{ json: "${huge.url}/declared", pointer: /v }`),
      ]);
      assert.match(streamed.reason!, /larger than 100000 bytes/);
      assert.match(declared.reason!, /larger than 100000 bytes/);
    } finally {
      await huge.close();
    }
  });

  it('the default cap is 1 MB (1,048,576 bytes): an answer of exactly that size is read, one byte more is not', async () => {
    const exact = (size: number) => {
      const head = '{"v":7,"pad":"';
      return head + 'x'.repeat(size - head.length - 2) + '"}';
    };
    const server = await localServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(exact(req.url === '/over' ? 1_048_577 : 1_048_576));
    });
    try {
      const [at, over] = await reader(['127.0.0.1']).entries([
        outcomeWith(`{ json: "${server.url}/at", pointer: /v }`),
        outcomeWith(`{ json: "${server.url}/over", pointer: /v }`),
      ]);
      assert.deepStrictEqual([at.status, at.value], ['met', 7]);
      assert.match(over.reason!, /larger than 1048576 bytes/);
    } finally {
      await server.close();
    }
  });

  it('markup and text where a number belongs are not values; reasons stay short single lines', async () => {
    const hostile = await localServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/prom/api/v1/query' || req.url?.startsWith('/prom/api/v1/query?')) {
        res.end(
          JSON.stringify({
            status: 'success',
            data: {
              resultType: 'vector',
              result: [{ metric: {}, value: [1, '<img src=x onerror=alert(1)>'] }],
            },
          }),
        );
      } else if (req.url?.startsWith('/err/')) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            status: 'error',
            error: `<script>alert(1)</script>\n\u001b[31m${'x'.repeat(5000)}`,
          }),
        );
      } else {
        res.end(JSON.stringify({ v: '<b>99</b>', n: '42' }));
      }
    });
    try {
      const [prom, err, json, text] = await reader(['127.0.0.1']).entries([
        outcomeWith(`{ prometheus: "${hostile.url}/prom", query: up }`),
        outcomeWith(`{ prometheus: "${hostile.url}/err", query: up }`),
        outcomeWith(`{ json: "${hostile.url}/j", pointer: /v }`),
        outcomeWith(`{ json: "${hostile.url}/j", pointer: /n }`),
      ]);
      for (const e of [prom, err, json, text]) {
        assert.deepStrictEqual([e.status, e.value], ['unknown', null]);
        assert.ok(!/[\n\u001b]/.test(e.reason!) && e.reason!.length < 200, e.reason!);
      }
      assert.match(text.reason!, /not a number \(text\)/);
    } finally {
      await hostile.close();
    }
  });

  it('redirects are followed only to allowed hosts, and a token goes to its own host only', async () => {
    const target = await localServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"a":{"b":[7,8]}}');
    });
    const hop = await localServer((req, res) => {
      res.statusCode = 302;
      res.setHeader(
        'location',
        req.url === '/elsewhere' ? `http://localhost:${target.port}/v` : '/local',
      );
      if (req.url === '/local') {
        res.statusCode = 200;
        res.setHeader('content-type', 'application/json');
        res.end('{"a":{"b":[7,8]}}');
        return;
      }
      res.end();
    });
    try {
      const tokens: Record<string, string> = { '127.0.0.1': 'secret-for-127' };
      const onlyLoopbackIp = reader(['127.0.0.1'], { tokenFor: h => tokens[h] });
      const [refused] = await onlyLoopbackIp.entries([
        outcomeWith(`{ json: "${hop.url}/elsewhere", pointer: /a/b/1 }`),
      ]);
      assert.match(refused.reason!, /redirected to host localhost, which is not allowed/);
      assert.strictEqual(target.requests.length, 0);
      const both = reader(['127.0.0.1', 'LOCALHOST'], { tokenFor: h => tokens[h] });
      const [followed, sameHost] = await both.entries([
        outcomeWith(`{ json: "${hop.url}/elsewhere", pointer: /a/b/1 }`),
        outcomeWith(`{ json: "${hop.url}/start", pointer: /a/b/0 }`, '= 7'),
      ]);
      assert.deepStrictEqual([followed.value, followed.status], [8, 'met']);
      assert.deepStrictEqual([sameHost.value, sameHost.status], [7, 'met']);
      assert.strictEqual(target.requests.length, 1);
      assert.strictEqual(target.requests[0].headers.authorization, undefined);
      assert.ok(hop.requests.every(r => r.headers.authorization === 'Bearer secret-for-127'));
    } finally {
      await target.close();
      await hop.close();
    }
  });

  it('an untrusted workspace reads no network source; a kept answer is reused within the refresh interval', async () => {
    const counter = await localServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"v":1}');
    });
    try {
      const outcome = outcomeWith(`{ json: "${counter.url}/v", pointer: /v }`);
      const [untrusted] = await reader(['127.0.0.1'], { trusted: false }).entries([outcome]);
      assert.match(untrusted.reason!, /not trusted/);
      assert.strictEqual(counter.requests.length, 0);
      let now = 1_000_000;
      const cached = reader(['127.0.0.1'], { cacheMs: 60_000, now: () => now });
      await cached.entries([outcome, outcome]);
      await cached.entries([outcome]);
      assert.strictEqual(counter.requests.length, 1);
      now += 60_000;
      const [again] = await cached.entries([outcome]);
      assert.strictEqual(counter.requests.length, 2);
      assert.strictEqual(again.asOf, '1970-01-01T00:17:40Z');
    } finally {
      await counter.close();
    }
  });
});
