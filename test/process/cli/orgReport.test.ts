import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli';
import type { OrgReport } from '../../../src/core/org/orgFigures';
import type { FakeDataset } from '../../fake-github/dataset';
import { FakeGitHub, startFakeGitHub } from '../../fake-github/server';
import { expectedTeam, orgRepositories, paymentsOwns } from '../../fixtures/orgData';

const expectedPayments = (repos: FakeDataset[]) => expectedTeam(repos, paymentsOwns, 'alice');

const TOKEN = 'org-test-token';
const WINDOW = ['--since', '2026-06-01', '--until', '2026-07-01'];

describe('org-report (fake GitHub over real HTTP)', () => {
  let gh: FakeGitHub;
  let dir: string;
  const repos = orgRepositories();
  const withOwners = repos.filter(d => d.repo.startsWith('acme/') && d.repo !== 'acme/no-owners');

  async function cli(...args: string[]) {
    let out = '',
      err = '';
    const code = await main(args, {
      out: s => {
        out += s;
      },
      err: s => {
        err += s;
      },
      env: { GITHUB_TOKEN: TOKEN },
      cwd: dir,
    });
    return { code, out, err };
  }
  const orgReport = (cache: string, ...extra: string[]) =>
    cli(
      'org-report',
      '--org',
      'acme',
      '--api-url',
      gh.url,
      '--cache-dir',
      cache,
      ...WINDOW,
      ...extra,
    );
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as OrgReport;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-org-'));
    gh = await startFakeGitHub({ data: repos[0], repositories: repos.slice(1), token: TOKEN });
  });
  afterEach(async () => {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the repositories with an OWNERS.yaml and sums each team over the union of their pull requests', async () => {
    const r = await orgReport('cache', '--out', 'out');
    assert.strictEqual(r.code, 0, r.err);
    const report = read('out/org-report.json');
    assert.deepStrictEqual(
      report.repositories.map(x => [x.repo, x.ownersPath]),
      [
        ['acme/infra', 'docs/OWNERS.yaml'],
        ['acme/shop', 'OWNERS.yaml'],
        ['acme/web', '.github/OWNERS.yaml'],
      ],
    );
    const payments = report.teams.find(t => t.team === 'payments')!;
    const expected = expectedPayments(withOwners);
    assert.deepStrictEqual(
      {
        pullRequests: payments.pullRequests,
        lines: payments.lines,
        leadLines: payments.leadLines,
        leadPullRequests: payments.leadPullRequests,
      },
      {
        pullRequests: expected.pullRequests,
        lines: expected.lines,
        leadLines: expected.leadLines,
        leadPullRequests: expected.leadPullRequests,
      },
    );
    assert.ok(
      Math.abs(payments.leadShare - expected.leadShare) < 1e-12 &&
        Math.abs(payments.leadReviewedShare! - expected.leadReviewedShare!) < 1e-12,
    );
    const average =
      payments.repositories.reduce((s, x) => s + x.leadShare, 0) / payments.repositories.length;
    assert.ok(
      Math.abs(average - payments.leadShare) > 0.01,
      'the data must tell a sum from an average',
    );
    assert.deepStrictEqual(payments.leads, ['alice']);
    assert.deepStrictEqual(report.leads.find(l => l.lead === 'alice')!.teams, ['payments']);
    assert.ok(
      fs
        .readFileSync(path.join(dir, 'out/org-report.md'), 'utf8')
        .includes('| payments | alice | 3 |'),
    );
  });

  it('a re-run with nothing new costs one request per repository (plus the listing)', async () => {
    assert.strictEqual((await orgReport('cache', '--out', 'a')).code, 0);
    const before = gh.requests.length;
    const r = await orgReport('cache', '--out', 'b');
    assert.strictEqual(r.code, 0, r.err);
    const report = read('b/org-report.json');
    assert.strictEqual(gh.requests.length - before, 1 + withOwners.length);
    assert.strictEqual(report.apiRequests, 1 + withOwners.length);
    assert.deepStrictEqual(report.teams, read('a/org-report.json').teams);
  });

  it('stops at the rate limit with a resume point; the re-run resumes without refetching what was done', async () => {
    gh.inject({ kind: 'primary-limit', resetInSeconds: 3600, target: 'graphql' });
    assert.strictEqual(
      (await orgReport('cache', '--out', 'x', '--max-wait', '0')).code,
      3,
      'the OWNERS.yaml query is rate limited',
    );
    // Discovery done, then the limit hits the second repository's pull requests.
    const ok = await orgReport('warm', '--out', 'y');
    assert.strictEqual(ok.code, 0, ok.err);
    for (const d of withOwners)
      d.pullRequests.push({
        ...d.pullRequests[d.pullRequests.length - 1],
        number: 900,
        updatedAt: '2026-06-30T13:00:00Z',
        mergedAt: '2026-06-30T13:00:00Z',
      });
    try {
      const probes = () => gh.requests.filter(q => q.url.includes('/pulls')).length;
      const seen = probes();
      gh.inject(
        { kind: 'slow', ms: 0, target: 'graphql' },
        { kind: 'primary-limit', resetInSeconds: 3600, target: 'graphql' },
      );
      const stopped = await orgReport('warm', '--out', 'z', '--max-wait', '0');
      assert.strictEqual(stopped.code, 3, stopped.err);
      assert.match(stopped.err, /rate limited until \d\d:\d\d UTC/);
      assert.match(
        stopped.err,
        /Stopped with 1 of 3 repositories done; run the same command again after \d\d:\d\d UTC to resume from .*\.run\.json/,
      );
      assert.ok(!fs.existsSync(path.join(dir, 'z/org-report.json')));
      const resumed = await orgReport('warm', '--out', 'z');
      assert.strictEqual(resumed.code, 0, resumed.err);
      assert.match(resumed.err, /Resuming: 1 repositories already done/);
      assert.strictEqual(
        probes() - seen,
        2 + 2,
        'stopped run: infra and shop probed; resumed run: shop and web, not infra again',
      );
      const report = read('z/org-report.json');
      assert.strictEqual(report.repositories.length, 3);
      assert.strictEqual(
        report.teams.find(t => t.team === 'payments')!.pullRequests,
        expectedPayments(withOwners).pullRequests,
      );
    } finally {
      for (const d of withOwners) d.pullRequests.pop();
    }
  });

  it('an unreachable API: exit 1 in seconds, and no resume file since nothing was done', async function () {
    this.timeout(20_000);
    const closed = await startFakeGitHub({ data: repos[0] });
    const url = closed.url;
    await closed.close();
    const r = await cli(
      'org-report',
      '--org',
      'acme',
      '--api-url',
      url,
      '--cache-dir',
      'cache',
      ...WINDOW,
      '--out',
      'out',
    );
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.err, /Could not reach 127\.0\.0\.1:\d+: fetch failed: ECONNREFUSED/);
    assert.match(r.err, /Stopped before any repository was done; run the same command again\.\n$/);
    assert.deepStrictEqual(
      fs.readdirSync(path.join(dir, 'cache')).filter(f => f.endsWith('.run.json')),
      [],
    );
    // "In seconds": the waits it announces, not a stopwatch a loaded machine would fail.
    assert.deepStrictEqual(
      [...r.err.matchAll(/retrying in ([\d.]+)s/g)].map(m => Number(m[1])),
      [0.5, 1],
      r.err,
    );
  });

  it('a rate limit before any repository is done keeps no resume file either', async () => {
    gh.inject({ kind: 'primary-limit', resetInSeconds: 3600, target: 'graphql' });
    const r = await orgReport('cache', '--out', 'x', '--max-wait', '0');
    assert.strictEqual(r.code, 3, r.err);
    assert.match(
      r.err,
      /Stopped before any repository was done; run the same command again after \d\d:\d\d UTC\.\n$/,
    );
    assert.deepStrictEqual(
      fs.readdirSync(path.join(dir, 'cache')).filter(f => f.endsWith('.run.json')),
      [],
    );
  });

  it('shards cut the repositories; merge gives the unsharded report', async () => {
    assert.strictEqual((await orgReport('c0', '--out', 'all')).code, 0);
    for (const k of [1, 2, 3]) {
      const r = await orgReport(`c${k}`, '--out', 's', '--shard', `${k}/3`);
      assert.strictEqual(r.code, 0, r.err);
    }
    const slices = [1, 2, 3].map(k => read(`s/org-report-${k}-of-3.json`));
    assert.deepStrictEqual(
      slices.map(s => s.repositories.length).sort(),
      [0, 1, 2],
      'a stable hash spreads the three (shard 3 holds only acme/no-owners)',
    );
    const merged = await cli(
      'org-report',
      'merge',
      's/org-report-3-of-3.json',
      's/org-report-2-of-3.json',
      's/org-report-1-of-3.json',
      '--out',
      'm',
    );
    assert.strictEqual(merged.code, 0, merged.err);
    assert.deepStrictEqual(read('m/org-report.json').teams, read('all/org-report.json').teams);
    const twice = await cli(
      'org-report',
      'merge',
      's/org-report-1-of-3.json',
      's/org-report-1-of-3.json',
    );
    assert.strictEqual(twice.code, 2);
    assert.match(twice.err, /shard 1\/3 given twice/);
    const missing = await cli('org-report', 'merge', 's/org-report-1-of-3.json');
    assert.match(missing.err, /missing shard\(s\) 2\/3, 3\/3/);
  });

  it('writes a self-contained HTML page with every repository value escaped', async () => {
    assert.strictEqual((await orgReport('cache', '--out', 'h')).code, 0);
    const html = fs.readFileSync(path.join(dir, 'h/org-report.html'), 'utf8');
    assert.ok(
      html.includes('x&lt;script&gt;alert(1)&lt;/script&gt;'),
      'the hostile team id is shown, escaped',
    );
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!/<script|<img|onerror=|javascript:/i.test(html.replace(/&lt;[^&]*&gt;/g, '')));
    assert.ok(
      !/\b(src|href)=|url\(|@import/i.test(html.replace(/&lt;.*?&gt;/g, '')),
      'no remote or linked content',
    );
    assert.match(
      html,
      /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"/,
    );
  });

  it('merge checks every field of a shard before merging: a tampered count is refused, nothing of it reaches the HTML (issue 18)', async () => {
    assert.strictEqual((await orgReport('c1', '--out', 's', '--shard', '1/1')).code, 0);
    const good = fs.readFileSync(path.join(dir, 's/org-report-1-of-1.json'), 'utf8');
    const payload =
      '<meta http-equiv="refresh" content="0;url=http://attacker.example/"><form action="http://attacker.example/"><input name=x></form>';
    const tamper = (edit: (r: OrgReport & Record<string, unknown>) => void) => {
      const r = JSON.parse(good);
      edit(r);
      fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(r));
      return cli('org-report', 'merge', 'bad.json', '--out', 'm');
    };
    const cases: [(r: OrgReport & Record<string, unknown>) => void, RegExp][] = [
      [
        r => {
          (r.repositories[0].teams[0] as unknown as Record<string, unknown>).lines = payload;
        },
        /bad\.json: repositories\[0\]\.teams\[0\]\.lines is not a whole number >= 0/,
      ],
      [
        r => {
          (r.repositories[0] as unknown as Record<string, unknown>).pullRequests = 1e400;
        },
        /repositories\[0\]\.pullRequests is not a whole number/,
      ],
      [
        r => {
          (r.repositories[0].thresholds as unknown as Record<string, unknown>).leadShareThreshold =
            'NaN';
        },
        /leadShareThreshold is not a number from 0 to 1/,
      ],
      [
        r => {
          r.apiRequests = -1;
        },
        /apiRequests is not a whole number >= 0/,
      ],
      [
        r => {
          (r.window as unknown as Record<string, unknown>).since = payload;
        },
        /window\.since is not a YYYY-MM-DD date/,
      ],
      [
        r => {
          (r.repositories[0] as unknown as Record<string, unknown>).repo = payload;
        },
        /repositories\[0\]\.repo is not OWNER\/NAME/,
      ],
      [
        r => {
          r.repositories[0].teams[0].leadLines = r.repositories[0].teams[0].lines + 1;
        },
        /lead's counts above the team's/,
      ],
    ];
    for (const [edit, message] of cases) {
      const r = await tamper(edit);
      assert.strictEqual(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.ok(!fs.existsSync(path.join(dir, 'm/org-report.html')));
    }
    // Teams and leads in a shard are never read: the merge computes them again from the checked repositories.
    const r = await tamper(x => {
      (x.teams[0] as unknown as Record<string, unknown>).pullRequests = payload;
      x.leads[0].lead = payload;
    });
    assert.strictEqual(r.code, 0, r.err);
    const html = fs.readFileSync(path.join(dir, 'm/org-report.html'), 'utf8');
    assert.ok(
      !html.includes('<meta http-equiv="refresh"') &&
        !html.includes('<form') &&
        !html.includes('attacker.example'),
      html,
    );
  });

  it('does not write the report through a symbolic link left in the output folder', async function () {
    if (process.platform === 'win32') this.skip();
    fs.mkdirSync(path.join(dir, 'o'));
    const elsewhere = path.join(dir, 'elsewhere.html');
    fs.symlinkSync(elsewhere, path.join(dir, 'o/org-report.html'));
    const r = await orgReport('cache', '--out', 'o');
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.err, /org-report\.html is a symbolic link; it is not written through/);
    assert.ok(!fs.existsSync(elsewhere));
  });

  it('keeps its cache (the OWNERS.yaml text of private repositories) readable by the user only: files 0600 in a 0700 folder', async function () {
    if (process.platform === 'win32') this.skip();
    const r = await orgReport('private-cache', '--out', 'o');
    assert.strictEqual(r.code, 0, r.err);
    const cache = path.join(dir, 'private-cache');
    assert.strictEqual(fs.statSync(cache).mode & 0o777, 0o700);
    const files = fs
      .readdirSync(cache, { recursive: true })
      .map(String)
      .filter(f => fs.statSync(path.join(cache, f)).isFile());
    assert.ok(
      files.some(f => f.endsWith('.owners.json')),
      files.join(', '),
    );
    for (const f of files)
      assert.strictEqual(fs.statSync(path.join(cache, f)).mode & 0o777, 0o600, f);
    for (const d of fs
      .readdirSync(cache, { recursive: true })
      .map(String)
      .filter(f => fs.statSync(path.join(cache, f)).isDirectory())) {
      assert.strictEqual(fs.statSync(path.join(cache, d)).mode & 0o077, 0, d);
    }
  });

  it('says what is wrong with bad usage (exit 2)', async () => {
    for (const [args, message] of [
      [['org-report'], /--org is required/],
      [['org-report', '--org', 'acme', '--shard', '3/2'], /--shard must be K\/N/],
      [['org-report', 'merge'], /merge needs the JSON files/],
      [['org-report', 'merge', 'nope.json'], /nope\.json: no such file/],
    ] as [string[], RegExp][]) {
      const r = await cli(...args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
    }
  });
});
