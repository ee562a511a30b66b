import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIO, parseArgs, UsageError } from '../../../src/cli/io';
import { reportWindow, run } from '../../../src/cli/report';
import { CLOCK_ENV, now } from '../../../src/core/clock';
import { repoFromRemoteUrl } from '../../../src/core/github/remote';
import { computeLeadReport } from '../../../src/core/metrics/compute';
import { parseOwners } from '../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../src/core/owners/resolve';
import { generateDataset } from '../../fake-github/generate';
import { FakeGitHub, startFakeGitHub } from '../../fake-github/server';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const CLI = path.join(ROOT, 'dist/cli.js');
const TOKEN = 'ghp_reporttoken111111111111111111111111111';
const OWNERS = `version: 1
teams:
  web:
    lead: carol
    members: [dave]
  payments:
    lead: alice
    members: [bob]
  search:
    lead: Bob
    members: [erin]
components:
  checkout:
    team: payments
    owner: bob
    paths: [/services/checkout/]
  search-api:
    team: search
    owner: erin
    paths: [/services/search/]
  web-app:
    team: web
    owner: dave
    paths: [/web/, /lib/]
`;

function makeRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-report-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'OWNERS.yaml'), OWNERS);
  return dir;
}

function io(cwd: string, env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = {
    out: s => {
      out.push(s);
    },
    err: s => {
      err.push(s);
    },
    env,
    cwd,
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

function cli(
  cwd: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise(resolve => {
    // The CLI's clock starts where this process's does (moved or not), as the fake GitHub's reset times do.
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.tmpdir(),
        [CLOCK_ENV]: now().toISOString(),
        ...env,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', d => {
      out += d;
    });
    child.stderr.on('data', d => {
      err += d;
    });
    child.on('close', code => resolve({ code, out, err }));
  });
}

describe('report (CLI)', function () {
  this.timeout(60_000);
  let gh: FakeGitHub;
  let repo: string;
  const data = generateDataset({ merged: 430, closed: 10, newest: '2026-03-15T12:00:00Z' });
  const window = { since: '2026-03-01', until: '2026-03-15' };

  beforeEach(async () => {
    gh = await startFakeGitHub({ data, token: TOKEN });
    repo = makeRepo();
  });
  afterEach(async () => {
    await gh.close();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  const args = (...extra: string[]) => [
    'report',
    '--repo',
    'acme/shop',
    '--api-url',
    gh.url,
    '--since',
    window.since,
    '--until',
    window.until,
    '--cache-dir',
    path.join(repo, '.cache'),
    ...extra,
  ];

  it('run(): prints the documented JSON, the figures equal to computing over the dataset directly', async () => {
    const t = io(repo, { GITHUB_TOKEN: TOKEN });
    assert.strictEqual(await run(parseArgs([...args('--json')]), t.io), 0);
    const json = JSON.parse(t.out());
    assert.deepStrictEqual(Object.keys(json), [
      'repo',
      'source',
      'window',
      'pullRequests',
      'teams',
      'knowledge',
      'apiRequests',
    ]);
    assert.strictEqual(json.source, 'github');
    assert.strictEqual(json.knowledge, null, 'the GitHub source has no knowledge');
    assert.strictEqual(json.repo, 'acme/shop');
    assert.deepStrictEqual(json.window, window);
    const inWindow = data.pullRequests.filter(
      p =>
        p.state === 'MERGED' &&
        Date.parse(p.mergedAt!) >= Date.parse('2026-03-01T00:00:00Z') &&
        Date.parse(p.mergedAt!) < Date.parse('2026-03-15T00:00:00Z'),
    );
    assert.strictEqual(json.pullRequests, inWindow.filter(p => p.authorType !== 'Bot').length);
    assert.strictEqual(json.apiRequests, gh.requests.length);
    const direct = computeLeadReport(
      createOwnershipIndex(parseOwners(OWNERS).model),
      inWindow.map(p => ({
        number: p.number,
        author: p.author!,
        authorIsBot: p.authorType === 'Bot',
        mergedAt: p.mergedAt!,
        files: p.files,
        reviews: p.reviews.map(r => ({ author: r.author!, state: r.state })),
        title: `Pull request #${p.number}`,
        url: `https://github.com/acme/shop/pull/${p.number}`,
      })),
      window,
    );
    // The JSON adds each team's outcomes (this file names none).
    assert.deepStrictEqual(
      json.teams,
      direct.teams.map(team => ({ ...team, outcomes: [] })),
    );
    assert.deepStrictEqual(
      json.teams.map((x: { team: string }) => x.team),
      ['web', 'payments', 'search'],
    );
    assert.ok(!t.out().includes(TOKEN) && !t.err().includes(TOKEN));
  });

  it('run(): no token is a usage error (exit 2) that names GITHUB_TOKEN and GH_TOKEN', async () => {
    const t = io(repo, {});
    await assert.rejects(
      run(parseArgs(args('--json')), t.io),
      (e: Error) => e instanceof UsageError && /GITHUB_TOKEN or GH_TOKEN/.test(e.message),
    );
    assert.strictEqual(gh.requests.length, 0);
  });

  it('run(): GH_TOKEN works too; a text table by default', async () => {
    const t = io(repo, { GH_TOKEN: TOKEN });
    assert.strictEqual(await run(parseArgs(args()), t.io), 0);
    assert.match(t.out(), /team\s+lead\s+PRs\s+lines\s+lead lines\s+lead share/);
    assert.match(t.out(), /^payments\s+alice\s+\d+/m);
    assert.match(t.out(), /GitHub API request/);
  });

  it("run(): the text prints each team's outcomes (value against target, met or not), the same entries as the JSON", async () => {
    const owners =
      OWNERS.replace(
        '    paths: [/services/checkout/]\n',
        '    paths: [/services/checkout/]\n    outcomes: [checkout-conversion, refunds]\n',
      ) +
      'outcomes:\n  checkout-conversion: { target: ">= 3.5", unit: "%", source: { file: metrics/outcomes.csv } }\n  refunds: { target: "<= 10", source: { file: metrics/outcomes.csv } }\n';
    fs.writeFileSync(path.join(repo, 'OWNERS.yaml'), owners);
    fs.mkdirSync(path.join(repo, 'metrics'));
    fs.writeFileSync(
      path.join(repo, 'metrics/outcomes.csv'),
      'date,outcome,value\n2026-03-01,checkout-conversion,3.2\n2026-03-02,refunds,4\n2026-03-20,refunds,40\n',
    );
    const j = io(repo, { GITHUB_TOKEN: TOKEN });
    assert.strictEqual(await run(parseArgs(args('--json')), j.io), 0);
    const payments = JSON.parse(j.out()).teams.find((t: { team: string }) => t.team === 'payments');
    // As at the window's end (2026-03-15): the row of 2026-03-20 is after it.
    assert.deepStrictEqual(
      payments.outcomes.map((o: { outcome: string; value: number; status: string }) => [
        o.outcome,
        o.value,
        o.status,
      ]),
      [
        ['checkout-conversion', 3.2, 'missed'],
        ['refunds', 4, 'met'],
      ],
    );
    const t = io(repo, { GITHUB_TOKEN: TOKEN });
    assert.strictEqual(await run(parseArgs(args()), t.io), 0);
    const text = t.out();
    assert.ok(
      text.includes('  outcome checkout-conversion: 3.2% · missed (target >= 3.5)\n'),
      text,
    );
    assert.ok(text.includes('  outcome refunds: 4 · met (target <= 10)\n'), text);
    // Under payments' lines, before search's: a team's outcomes stay with the team.
    assert.ok(
      text.indexOf('outcome refunds') > text.indexOf('\npayments:') &&
        (text.indexOf('\nsearch:') < 0 ||
          text.indexOf('outcome refunds') < text.indexOf('\nsearch:')),
    );
    assert.strictEqual(
      (text.match(/^ {2}outcome /gm) ?? []).length,
      2,
      'web and search answer for no outcome',
    );
  });

  it('node dist/cli.js report --json end to end; the second run costs one request', async () => {
    const first = await cli(repo, { GITHUB_TOKEN: TOKEN }, ...args('--json'));
    assert.strictEqual(first.code, 0, first.err);
    const a = JSON.parse(first.out);
    assert.strictEqual(a.apiRequests, gh.requests.length);
    const second = await cli(repo, { GITHUB_TOKEN: TOKEN }, ...args('--json'));
    const b = JSON.parse(second.out);
    assert.strictEqual(b.apiRequests, 1);
    assert.deepStrictEqual(b.teams, a.teams);
    assert.ok(![first.out, first.err, second.out, second.err].some(s => s.includes(TOKEN)));
  });

  it('node dist/cli.js: exit 2 without a token, exit 1 with the reset time when rate limited', async () => {
    const none = await cli(repo, {}, ...args('--json'));
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /GITHUB_TOKEN or GH_TOKEN/);
    gh.inject({ kind: 'primary-limit', resetInSeconds: 7200 });
    const limited = await cli(repo, { GITHUB_TOKEN: TOKEN }, ...args('--json'));
    assert.strictEqual(limited.code, 1);
    assert.match(limited.err, /rate limited until \d\d:\d\d UTC/);
    assert.ok(!limited.err.includes(TOKEN));
  });

  it('node dist/cli.js: a refused connection ends in seconds, after 3 attempts, with "Could not reach HOST" (exit 1)', async function () {
    this.timeout(20_000);
    const closed = await startFakeGitHub({ data, token: TOKEN });
    const port = new URL(closed.url).port;
    await closed.close();
    const r = await cli(
      repo,
      { GITHUB_TOKEN: TOKEN },
      'report',
      '--repo',
      'acme/shop',
      '--api-url',
      `http://127.0.0.1:${port}`,
      '--cache-dir',
      path.join(repo, '.cache'),
    );
    assert.strictEqual(r.code, 1, r.err);
    assert.match(
      r.err,
      new RegExp(
        `ownership-lens: Could not reach 127\\.0\\.0\\.1:${port}: fetch failed: ECONNREFUSED\n$`,
      ),
    );
    assert.strictEqual(r.err.match(/retrying/g)?.length, 2, r.err);
    assert.ok(!/pages of/.test(r.err), r.err);
    // "In seconds": the waits it announces (half the usual back-off), not a stopwatch a loaded machine would fail.
    assert.deepStrictEqual(
      [...r.err.matchAll(/retrying in ([\d.]+)s/g)].map(m => Number(m[1])),
      [0.5, 1],
      r.err,
    );
  });

  it('the window: --since/--until as given, --days N back from today, validation', () => {
    const now = new Date('2026-05-10T15:00:00Z');
    const w = (...a: string[]) => reportWindow(parseArgs(['report', ...a]), 90, now);
    assert.deepStrictEqual(w(), { since: '2026-02-09', until: '2026-05-11' });
    assert.deepStrictEqual(w('--days', '7'), { since: '2026-05-03', until: '2026-05-11' });
    assert.deepStrictEqual(w('--since', '2026-01-01', '--until', '2026-04-01'), {
      since: '2026-01-01',
      until: '2026-04-01',
    });
    assert.throws(() => w('--since', '2026-02-30'), UsageError);
    assert.throws(() => w('--since', '2026-04-01', '--until', '2026-04-01'), UsageError);
    assert.throws(() => w('--days', '0'), UsageError);
    assert.throws(() => w('--days', '3', '--since', '2026-01-01'), UsageError);
  });

  it('the repository from a git remote URL', () => {
    for (const url of [
      'https://github.com/acme/shop.git',
      'git@github.com:acme/shop.git',
      'ssh://git@ghe.example.com:2222/acme/shop',
      'https://user@github.com/acme/shop/',
    ]) {
      assert.deepStrictEqual(repoFromRemoteUrl(url), { owner: 'acme', name: 'shop' }, url);
    }
    assert.strictEqual(repoFromRemoteUrl('/srv/git/shop.git'), undefined);
  });
});
