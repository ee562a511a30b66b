import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { computeLeadReport } from '../../../../src/core/metrics/compute';
import type { PullRequestRecord } from '../../../../src/core/metrics/types';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { CLUSTER_API_REVIEWERS, historyDir, loadHistory } from '../../../fixtures/history/convert';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

const DIR = historyDir(ROOT);
const WINDOW = { since: '2024-01-01', until: '2027-01-01' };

/**
 * A second, deliberately plain implementation for the cluster-api OWNERS.yaml of the fixtures:
 * prefix rules in file order (the last match wins), ignorePaths by file name. No shared code.
 */
const RULES: [string, string | null][] = [
  ['api/', 'core'],
  ['webhooks/', 'core'],
  ['config/', 'core'],
  ...['internal/', 'controllers/', 'core/', 'exp/', 'util/', 'feature/', 'errors/'].map(
    p => [p, 'core'] as [string, string],
  ),
  ['bootstrap/', 'kubeadm'],
  ['controlplane/', 'kubeadm'],
  ['cmd/', 'clusterctl'],
  ['test/', 'testing'],
  ['docs/', 'docs-release'],
  ['CHANGELOG/', 'docs-release'],
  ['hack/', 'docs-release'],
  ['.github/', 'docs-release'],
  ['scripts/', 'docs-release'],
  ['Makefile', 'docs-release'],
  ['internal/controllers/topology/', 'testing'],
  ['docs/proposals/', null],
];
const LEADS: Record<string, string> = {
  core: 'fabriziopandini',
  kubeadm: 'neolit123',
  clusterctl: 'vincepri',
  testing: 'chrischdi',
  'docs-release': 'sbueringer',
};

function naiveTeam(file: string): string | null {
  const base = file.split('/').pop()!;
  if (base.startsWith('zz_generated.') || base === 'go.sum') return null;
  let team: string | null = null;
  for (const [prefix, t] of RULES)
    if (file === prefix || file.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) team = t;
  return team;
}

function naive(prs: PullRequestRecord[]) {
  const out: Record<
    string,
    {
      pullRequests: number;
      lines: number;
      leadPullRequests: number;
      leadLines: number;
      nonLead: number;
      reviewed: number;
    }
  > = {};
  for (const t of Object.keys(LEADS))
    out[t] = {
      pullRequests: 0,
      lines: 0,
      leadPullRequests: 0,
      leadLines: 0,
      nonLead: 0,
      reviewed: 0,
    };
  for (const pr of prs) {
    if (pr.author.endsWith('[bot]')) continue;
    const touched = new Set<string>();
    for (const f of pr.files) {
      const t = naiveTeam(f.path);
      if (!t) continue;
      touched.add(t);
      out[t].lines += f.additions + f.deletions;
      if (pr.author.toLowerCase() === LEADS[t]) out[t].leadLines += f.additions + f.deletions;
    }
    for (const t of touched) {
      out[t].pullRequests++;
      if (pr.author.toLowerCase() === LEADS[t]) out[t].leadPullRequests++;
      else {
        out[t].nonLead++;
        if (pr.reviews.some(r => r.author.toLowerCase() === LEADS[t] && r.state !== 'PENDING'))
          out[t].reviewed++;
      }
    }
  }
  return out;
}

(DIR ? describe : describe.skip)('metrics on two years of real cluster-api history', function () {
  this.timeout(60_000);
  const prs = DIR ? loadHistory(DIR, 'cluster-api', CLUSTER_API_REVIEWERS) : [];
  const yaml = fs.readFileSync(
    path.join(ROOT, 'test/fixtures/history/cluster-api.OWNERS.yaml'),
    'utf8',
  );
  const parsed = parseOwners(yaml);
  const report = computeLeadReport(createOwnershipIndex(parsed.model), prs, WINDOW);
  const byTeam = Object.fromEntries(report.teams.map(t => [t.team, t]));

  it('loads 1,746 merged pull requests, 1,590 by humans (156 dependabot)', () => {
    assert.deepStrictEqual(
      parsed.diagnostics.filter(d => d.severity === 'error'),
      [],
    );
    assert.strictEqual(prs.length, 1746);
    assert.strictEqual(report.pullRequests, 1590);
  });

  it('matches an awk pass over the TSVs (figures computed outside TypeScript)', () => {
    // awk -f test/fixtures/history/cluster-api.teams.awk test/fixtures/history/cluster-api.{commits,prs,numstat}.tsv
    const awk = {
      core: [618, 311465, 134, 132756],
      kubeadm: [316, 100469, 0, 0],
      clusterctl: [160, 17924, 0, 0],
      testing: [521, 90579, 41, 4278],
      'docs-release': [735, 65535, 173, 14584],
    };
    for (const [t, [n, lines, leadN, leadLines]] of Object.entries(awk)) {
      const f = byTeam[t];
      assert.deepStrictEqual(
        [f.pullRequests, f.lines, f.leadPullRequests, f.leadLines],
        [n, lines, leadN, leadLines],
        t,
      );
    }
  });

  it('matches a second, plain implementation on every figure, reviews included', () => {
    const expected = naive(prs);
    for (const [t, e] of Object.entries(expected)) {
      const f = byTeam[t];
      assert.strictEqual(f.pullRequests, e.pullRequests, t);
      assert.strictEqual(f.lines, e.lines, t);
      assert.strictEqual(f.leadShare, e.lines ? e.leadLines / e.lines : 0, t);
      assert.strictEqual(
        f.leadPullRequestShare,
        e.pullRequests ? e.leadPullRequests / e.pullRequests : 0,
        t,
      );
      assert.strictEqual(f.leadReviewedShare, e.nonLead ? e.reviewed / e.nonLead : 0, t);
      assert.strictEqual(
        f.authors.reduce((s, a) => s + a.lines, 0),
        f.lines,
        t,
      );
    }
  });

  it("flags: the titular kubeadm lead is absent; core's lead is watch; the rest ok", () => {
    assert.deepStrictEqual(Object.fromEntries(report.teams.map(t => [t.team, t.flag])), {
      core: 'watch',
      kubeadm: 'absent',
      clusterctl: 'ok',
      testing: 'ok',
      'docs-release': 'ok',
    });
    // fabriziopandini 132,756 of 311,465 core lines once generated files and go.sum are left out.
    assert.ok(Math.abs(byTeam.core.leadShare - 0.4262) < 1e-4);
    assert.strictEqual(byTeam.core.authors[0].login, 'fabriziopandini');
    // The lead is spelled SBueringer in OWNERS.yaml and sbueringer in the data.
    assert.strictEqual(byTeam['docs-release'].leadPullRequests, 173);
  });
});

(DIR ? describe : describe.skip)(
  'metrics on two years of real elastic-package history (bots are 75% of PRs)',
  () => {
    const prs = DIR
      ? loadHistory(DIR, 'elastic-package', ['h:752d6f475198', 'h:6ab4769dbe7b'])
      : [];
    const owners = (extra: string) => `version: 1
teams:
  ecosystem:
    lead: h:752d6f475198
components:
  everything:
    team: ecosystem
    owner: h:752d6f475198
    paths: ["*"]
${extra}`;

    it('leaves out github-actions[bot], dependabot[bot] and the rest: 344 of 1,381 PRs remain', () => {
      const r = computeLeadReport(createOwnershipIndex(parseOwners(owners('')).model), prs, WINDOW);
      assert.strictEqual(prs.length, 1381);
      assert.strictEqual(r.pullRequests, 344);
    });

    it('with ignoreAuthors [copilot]: 342 PRs, lines and lead lines equal to an awk pass (lock files left out)', () => {
      const r = computeLeadReport(
        createOwnershipIndex(parseOwners(owners('metrics:\n  ignoreAuthors: [copilot]\n')).model),
        prs,
        WINDOW,
      );
      const t = r.teams[0];
      // awk over elastic-package.{commits,prs,numstat}.tsv: non-bot, non-Copilot PRs, lock-file segments skipped.
      assert.deepStrictEqual(
        [r.pullRequests, t.pullRequests, t.lines, t.leadLines],
        [342, 342, 220407, 94801],
      );
      assert.strictEqual(t.flag, 'watch');
    });
  },
);
