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
    let out = '', err = '';
    const code = await main(['report', '--api-url', gh.url, '--cache-dir', path.join(dir, 'cache'), '--since', '2026-06-01', '--until', '2026-07-01', ...args],
      { out: s => { out += s; }, err: s => { err += s; }, env: { GITHUB_TOKEN: TOKEN }, cwd });
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
    const r = await report(dir, '--repo', 'acme/shop', '--repo', 'acme/web', '--repo', 'acme/infra', '--json');
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(json.repositories, ['acme/shop', 'acme/web', 'acme/infra']);
    const payments = team(json, 'payments');
    const expected = expectedTeam(three, paymentsOwns, 'alice');
    assert.deepStrictEqual([payments.pullRequests, payments.lines, payments.leadLines, payments.leadPullRequests],
      [expected.pullRequests, expected.lines, expected.leadLines, expected.leadPullRequests]);
    assert.ok(Math.abs(payments.leadShare - expected.leadShare) < 1e-12);
    assert.ok(Math.abs(payments.leadReviewedShare! - expected.leadReviewedShare!) < 1e-12);
    // Never an average: the mean of the three repositories' own lead shares is another number.
    const shares = [];
    for (const name of ['acme/shop', 'acme/web', 'acme/infra']) {
      const one = expectedTeam(three.filter(d => d.repo === name), paymentsOwns, 'alice');
      shares.push(one.leadShare);
    }
    assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) / 3 - payments.leadShare) > 0.01);
    const search = team(json, 'search');
    assert.strictEqual(search.pullRequests, expectedTeam(three, (_, f) => f.startsWith('services/search/'), 'bob').pullRequests);
    assert.strictEqual(json.pullRequests, three.reduce((s, d) => s + d.pullRequests.filter(p => p.mergedAt && p.authorType !== 'Bot').length, 0));
  });

  it('uses the local checkout\'s OWNERS.yaml for the repository it is a clone of', async () => {
    const clone = path.join(dir, 'shop');
    fs.mkdirSync(clone);
    execFileSync('git', ['init', '-q'], { cwd: clone });
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], { cwd: clone });
    // Locally, payments also owns web/app in acme/shop (not yet pushed); the local .gitattributes is the pushed one.
    fs.writeFileSync(path.join(clone, '.gitattributes'), repos[0].files!['.gitattributes']);
    fs.writeFileSync(path.join(clone, 'OWNERS.yaml'), orgOwners().replace('paths: [/services/checkout/]', 'paths: [/services/checkout/, /web/app/]'));
    const r = await report(clone, '--repo', 'acme/shop', '--repo', 'acme/web', '--repo', 'acme/infra', '--json');
    assert.strictEqual(r.code, 0, r.err);
    const owns = (repo: string, f: string) => paymentsOwns(repo, f) || (repo === 'acme/shop' && f.startsWith('web/app/'));
    assert.strictEqual(team(JSON.parse(r.out), 'payments').lines, expectedTeam(three, owns, 'alice').lines);
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
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], { cwd: clone });
    fs.writeFileSync(path.join(clone, 'OWNERS.yaml'), '');
    fs.truncateSync(path.join(clone, 'OWNERS.yaml'), 11 * 1024 * 1024);
    const r = await report(clone, '--repo', 'acme/shop', '--repo', 'acme/web');
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.err, /OWNERS\.yaml is 11\.0 MB; files over 10 MB \(the file size limit\) are not read/);
  });
});
