import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli';
import type { TeamFigures } from '../../../src/core/metrics/types';
import { FakeGitHub, startFakeGitHub } from '../../fake-github/server';
import { expectedTeam, orgOwners, orgRepositories, paymentsOwns } from '../../fixtures/orgData';

const TOKEN = 'repos-test-token';

/** `report` over several repositories: one team (payments) spread over three, on the fake GitHub over real HTTP. */
describe('report --repo A --repo B --repo C', () => {
  let gh: FakeGitHub;
  let dir: string;
  const repos = orgRepositories();
  const three = repos.filter(d => ['acme/shop', 'acme/web', 'acme/infra'].includes(d.repo));

  async function report(cwd: string, ...args: string[]) {
    let out = '',
      err = '';
    const code = await main(
      [
        'report',
        '--api-url',
        gh.url,
        '--cache-dir',
        path.join(dir, 'cache'),
        '--since',
        '2026-06-01',
        '--until',
        '2026-07-01',
        ...args,
      ],
      {
        out: s => {
          out += s;
        },
        err: s => {
          err += s;
        },
        env: { GITHUB_TOKEN: TOKEN },
        cwd,
      },
    );
    return { code, out, err };
  }
  const team = (json: { teams: TeamFigures[] }, id: string) => json.teams.find(t => t.team === id)!;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-repos-'));
    gh = await startFakeGitHub({ data: repos[0], repositories: repos.slice(1), token: TOKEN });
  });
  after(async () => {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads every OWNERS.yaml from the API and sums each team over the union of the pull requests', async () => {
    const r = await report(
      dir,
      '--repo',
      'acme/shop',
      '--repo',
      'acme/web',
      '--repo',
      'acme/infra',
      '--json',
    );
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(json.repositories, ['acme/shop', 'acme/web', 'acme/infra']);
    const payments = team(json, 'payments');
    const expected = expectedTeam(three, paymentsOwns, 'alice');
    assert.deepStrictEqual(
      [payments.pullRequests, payments.lines, payments.leadLines, payments.leadPullRequests],
      [expected.pullRequests, expected.lines, expected.leadLines, expected.leadPullRequests],
    );
    assert.ok(Math.abs(payments.leadShare - expected.leadShare) < 1e-12);
    assert.ok(Math.abs(payments.leadReviewedShare! - expected.leadReviewedShare!) < 1e-12);
    // Never an average: the mean of the three repositories' own lead shares is another number.
    const shares = [];
    for (const name of ['acme/shop', 'acme/web', 'acme/infra']) {
      const one = expectedTeam(
        three.filter(d => d.repo === name),
        paymentsOwns,
        'alice',
      );
      shares.push(one.leadShare);
    }
    assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) / 3 - payments.leadShare) > 0.01);
    const search = team(json, 'search');
    assert.strictEqual(
      search.pullRequests,
      expectedTeam(three, (_, f) => f.startsWith('services/search/'), 'bob').pullRequests,
    );
    assert.strictEqual(
      json.pullRequests,
      three.reduce(
        (s, d) => s + d.pullRequests.filter(p => p.mergedAt && p.authorType !== 'Bot').length,
        0,
      ),
    );
  });

  it("uses the local checkout's OWNERS.yaml for the repository it is a clone of", async () => {
    const clone = path.join(dir, 'shop');
    fs.mkdirSync(clone);
    execFileSync('git', ['init', '-q'], { cwd: clone });
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], {
      cwd: clone,
    });
    // Locally, payments also owns web/app in acme/shop (not yet pushed); the local .gitattributes is the pushed one.
    fs.writeFileSync(path.join(clone, '.gitattributes'), repos[0].files!['.gitattributes']);
    fs.writeFileSync(
      path.join(clone, 'OWNERS.yaml'),
      orgOwners().replace(
        'paths: [/services/checkout/]',
        'paths: [/services/checkout/, /web/app/]',
      ),
    );
    const r = await report(
      clone,
      '--repo',
      'acme/shop',
      '--repo',
      'acme/web',
      '--repo',
      'acme/infra',
      '--json',
    );
    assert.strictEqual(r.code, 0, r.err);
    const owns = (repo: string, f: string) =>
      paymentsOwns(repo, f) || (repo === 'acme/shop' && f.startsWith('web/app/'));
    assert.strictEqual(
      team(JSON.parse(r.out), 'payments').lines,
      expectedTeam(three, owns, 'alice').lines,
    );
  });

  it('says source github like the single report, and gives each team its outcomes (a file source only from the local checkout)', async () => {
    const clone = path.join(dir, 'shop-outcomes');
    fs.mkdirSync(path.join(clone, 'metrics'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: clone });
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], {
      cwd: clone,
    });
    fs.writeFileSync(
      path.join(clone, 'OWNERS.yaml'),
      orgOwners().replace(
        'paths: [/services/checkout/] }',
        'paths: [/services/checkout/], outcomes: [conversion] }',
      ) +
        'outcomes:\n  conversion: { target: ">= 3.5", unit: "%", source: { file: metrics/outcomes.csv } }\n',
    );
    fs.writeFileSync(
      path.join(clone, 'metrics/outcomes.csv'),
      'date,outcome,value\n2026-06-10,conversion,3.2\n2026-06-20,conversion,3.9\n',
    );
    const r = await report(clone, '--repo', 'acme/shop', '--repo', 'acme/web', '--json');
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.strictEqual(json.source, 'github');
    assert.deepStrictEqual(Object.keys(json), [
      'repo',
      'repositories',
      'source',
      'window',
      'pullRequests',
      'teams',
      'knowledge',
      'apiRequests',
    ]);
    const payments = team(json, 'payments') as TeamFigures & {
      outcomes: { outcome: string; value: number; status: string; history: unknown[] }[];
    };
    assert.deepStrictEqual(
      payments.outcomes.map(o => [o.outcome, o.value, o.status]),
      [['conversion', 3.9, 'met']],
    );
    assert.deepStrictEqual(payments.outcomes[0].history, [
      { date: '2026-06-10', value: 3.2 },
      { date: '2026-06-20', value: 3.9 },
    ]);
    assert.deepStrictEqual(
      (team(json, 'search') as unknown as { outcomes: unknown[] }).outcomes,
      [],
    );
    const text = await report(clone, '--repo', 'acme/shop', '--repo', 'acme/web');
    assert.strictEqual(text.code, 0, text.err);
    assert.ok(text.out.includes('  outcome conversion: 3.9% · met (target >= 3.5)\n'), text.out);
  });

  it('says which repository has no OWNERS.yaml, and refuses a repository given twice', async () => {
    const missing = await report(dir, '--repo', 'acme/shop', '--repo', 'acme/no-owners');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /acme\/no-owners has no OWNERS\.yaml/);
    const twice = await report(dir, '--repo', 'acme/shop', '--repo', 'ACME/shop');
    assert.strictEqual(twice.code, 2);
    assert.match(twice.err, /given twice/);
  });

  it('refuses a local OWNERS.yaml over the size limit as unreadable input (exit 2), before reading it', async () => {
    const clone = path.join(dir, 'big');
    fs.mkdirSync(clone);
    execFileSync('git', ['init', '-q'], { cwd: clone });
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], {
      cwd: clone,
    });
    fs.writeFileSync(path.join(clone, 'OWNERS.yaml'), '');
    fs.truncateSync(path.join(clone, 'OWNERS.yaml'), 11 * 1024 * 1024);
    const r = await report(clone, '--repo', 'acme/shop', '--repo', 'acme/web');
    assert.strictEqual(r.code, 2, r.err);
    assert.match(
      r.err,
      /OWNERS\.yaml is 11\.0 MB; files over 10 MB \(the file size limit\) are not read/,
    );
  });
});
