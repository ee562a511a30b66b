import * as assert from 'assert';
import {
  aggregateTeams,
  attributePullRequests,
  computeLeadReport,
  hideIndividuals,
  parseGitattributes,
  teamCatalogue,
  teamSignals,
} from '../../../../src/core/metrics';
import type { PullRequestRecord } from '../../../../src/core/metrics/types';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { validateOwners } from '../../../../src/core/owners/validate';

const OWNERS = (metrics = '') => `version: 1
teams:
  payments:
    lead: Alice
    members: [bob, carol]
  search:
    lead: dave
components:
  checkout:
    team: payments
    owner: alice
    paths: [/checkout/]
  ledger:
    team: payments
    owner: bob
    paths: [/ledger/]
  refunds:
    team: payments
    owner: ALICE
    paths: [/refunds/]
  search-api:
    team: search
    owner: dave
    paths: [/search/]
metrics:
  minPullRequests: 2
${metrics}`;

function indexOf(yaml: string) {
  const parsed = parseOwners(yaml);
  assert.deepStrictEqual(
    parsed.diagnostics.filter(d => d.severity === 'error'),
    [],
  );
  return createOwnershipIndex(parsed.model);
}

let next = 100;
function pr(
  author: string,
  files: [string, number][],
  extra: Partial<PullRequestRecord> = {},
): PullRequestRecord {
  return {
    number: next++,
    author,
    authorIsBot: false,
    mergedAt: '2026-02-10T12:00:00Z',
    title: `t${next}`,
    url: `https://github.com/acme/shop/pull/${next}`,
    files: files.map(([path, lines]) => ({ path, additions: lines, deletions: 0 })),
    reviews: [],
    ...extra,
  };
}
const WINDOW = { since: '2026-01-15', until: '2026-04-01' };
const team = (r: ReturnType<typeof computeLeadReport>, id: string) =>
  r.teams.find(t => t.team === id)!;

describe('metrics: docs/figures.md ("Signals of a team")', () => {
  it('new settings are read and validated like the others', () => {
    const parsed = parseOwners(
      OWNERS(
        '  creditCoAuthors: true\n  bottleneckThreshold: 0.75\n  leadOwnershipThreshold: 1.5\n  teamOnly: yes\n',
      ),
    );
    assert.strictEqual(parsed.model.metrics.creditCoAuthors, true);
    assert.strictEqual(parsed.model.metrics.bottleneckThreshold, 0.75);
    const problems = [...parsed.diagnostics, ...validateOwners(parsed)];
    assert.ok(
      problems.some(d => d.code === 'invalid-metric' && /leadOwnershipThreshold/.test(d.message)),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.some(
        d => d.code === 'wrong-type' && /teamOnly/.test(d.message) && d.span.line === 30,
      ),
    );
    const defaults = parseOwners(OWNERS()).model.metrics;
    assert.deepStrictEqual(
      [
        defaults.creditCoAuthors,
        defaults.bottleneckThreshold,
        defaults.leadOwnershipThreshold,
        defaults.teamOnly,
      ],
      [false, 0.6, 0.5, false],
    );
  });

  it('co-authors: each credited person gets the whole pull request once; bots, ignoreAuthors and case duplicates left out; team totals once', () => {
    const prs = [
      pr(
        'bob',
        [
          ['checkout/a', 10],
          ['ledger/b', 5],
        ],
        { commitAuthors: ['bob', 'ALICE', 'alice', 'renovate[bot]', 'release-robot', 'carol'] },
      ),
      pr('carol', [['checkout/a', 20]], { commitAuthors: ['carol'] }),
    ];
    const off = team(
      computeLeadReport(indexOf(OWNERS('  ignoreAuthors: [release-robot]\n')), prs, WINDOW),
      'payments',
    );
    assert.deepStrictEqual(
      [off.leadLines, off.leadPullRequests, off.lines, off.pullRequests],
      [0, 0, 35, 2],
    );
    const on = team(
      computeLeadReport(
        indexOf(OWNERS('  ignoreAuthors: [release-robot]\n  creditCoAuthors: true\n')),
        prs,
        WINDOW,
      ),
      'payments',
    );
    assert.deepStrictEqual(
      [on.leadLines, on.leadPullRequests, on.lines, on.pullRequests, on.leadShare],
      [15, 1, 35, 2, 15 / 35],
    );
    assert.deepStrictEqual(
      on.authors.map(a => [a.login, a.pullRequests, a.lines]),
      [
        ['carol', 2, 35],
        ['ALICE', 1, 15],
        ['bob', 1, 15],
      ],
    );
    assert.ok(on.authors.reduce((s, a) => s + a.share, 0) > 1);
    // "Authored by someone other than the lead" stays the pull request's author.
    assert.strictEqual(on.months.find(m => m.month === '2026-02')!.authors, 3);
  });

  it('leadSoleApprovalShare: the lead approved and nobody else but the author; other states do not matter', () => {
    const ok = { author: 'alice', state: 'APPROVED' };
    const prs = [
      pr('bob', [['checkout/a', 1]], {
        reviews: [
          ok,
          { author: 'carol', state: 'COMMENTED' },
          { author: 'bob', state: 'APPROVED' },
        ],
      }), // sole
      pr('bob', [['checkout/a', 1]], { reviews: [ok, { author: 'carol', state: 'APPROVED' }] }), // not sole
      pr('carol', [['checkout/a', 1]], {
        reviews: [{ author: 'alice', state: 'CHANGES_REQUESTED' }],
      }), // lead did not approve
      pr('carol', [['checkout/a', 1]], {
        reviews: [
          { author: 'Alice', state: 'APPROVED' },
          { author: 'alice', state: 'DISMISSED' },
        ],
      }), // sole
      pr('alice', [['checkout/a', 1]], { reviews: [ok] }), // the lead's own: not in the fraction
    ];
    const t = team(
      computeLeadReport(indexOf(OWNERS('  bottleneckThreshold: 0.5\n')), prs, WINDOW),
      'payments',
    );
    assert.strictEqual(t.leadSoleApprovalShare, 2 / 4);
    assert.ok(t.signals.includes('bottleneck'));
    const higher = team(
      computeLeadReport(indexOf(OWNERS('  bottleneckThreshold: 0.51\n')), prs, WINDOW),
      'payments',
    );
    assert.ok(!higher.signals.includes('bottleneck'));
  });

  it('signals: every one that holds, in order; insufficient-data hides the next four but not holds-ownership', () => {
    const s = {
      minPullRequests: 5,
      leadShareThreshold: 0.5,
      watchThreshold: 0.3,
      bottleneckThreshold: 0.6,
      leadOwnershipThreshold: 0.5,
    };
    const base = {
      pullRequests: 10,
      leadShare: 0.6,
      leadPullRequests: 3,
      leadReviewedShare: 0.5,
      nonLeadPullRequests: 7,
      leadSoleApprovalShare: 0.6,
      components: 2,
      leadOwnedComponents: 1,
    };
    assert.deepStrictEqual(teamSignals(base, s), [
      'doing-the-work',
      'bottleneck',
      'holds-ownership',
    ]);
    assert.deepStrictEqual(teamSignals({ ...base, leadShare: 0.3 }, s), [
      'watch',
      'bottleneck',
      'holds-ownership',
    ]);
    assert.deepStrictEqual(
      teamSignals(
        {
          ...base,
          leadShare: 0,
          leadPullRequests: 0,
          leadReviewedShare: 0,
          leadSoleApprovalShare: 0,
          components: 1,
        },
        s,
      ),
      ['absent'],
    );
    assert.deepStrictEqual(teamSignals({ ...base, nonLeadPullRequests: 4 }, s), [
      'doing-the-work',
      'holds-ownership',
    ]);
    assert.deepStrictEqual(teamSignals({ ...base, pullRequests: 4 }, s), [
      'insufficient-data',
      'holds-ownership',
    ]);
    assert.deepStrictEqual(
      teamSignals(
        { ...base, leadShare: 0.2, leadSoleApprovalShare: 0.59, leadOwnedComponents: 0 },
        s,
      ),
      [],
    );
  });

  it('leadOwnedComponents and holds-ownership come from OWNERS.yaml alone (no pull requests)', () => {
    const r = computeLeadReport(indexOf(OWNERS()), [], WINDOW);
    const p = team(r, 'payments');
    assert.deepStrictEqual(
      [p.leadOwnedComponents, p.components, p.signals],
      [2, 3, ['insufficient-data', 'holds-ownership']],
    );
    assert.deepStrictEqual(
      [team(r, 'search').components, team(r, 'search').signals],
      [1, ['insufficient-data']],
    );
  });

  it("componentFigures: file order, top 3 by lines then PRs then login, delegateTo only on the lead's components (ties: PRs, then login ignoring case)", () => {
    const prs = [
      pr('Zed', [['checkout/a', 10]]),
      pr('bob', [['checkout/a', 5]]),
      pr('bob', [['checkout/a', 5]]),
      pr('amy', [['checkout/a', 10]]),
      pr('alice', [
        ['checkout/a', 30],
        ['ledger/x', 1],
      ]),
      pr('carol', [['ledger/x', 4]]),
      pr('carol', [['refunds/r', 2]]),
      pr('Bea', [['refunds/r', 2]]),
    ];
    const t = team(computeLeadReport(indexOf(OWNERS()), prs, WINDOW), 'payments');
    assert.deepStrictEqual(
      t.componentFigures.map(c => c.component),
      ['checkout', 'ledger', 'refunds'],
    );
    const [checkout, ledger, refunds] = t.componentFigures;
    assert.deepStrictEqual(checkout, {
      component: 'checkout',
      owner: 'alice',
      pullRequests: 5,
      lines: 60,
      ownerLines: 30,
      leadLines: 30,
      authors: [
        { login: 'alice', pullRequests: 1, lines: 30, share: 0.5 },
        { login: 'bob', pullRequests: 2, lines: 10, share: 10 / 60 },
        { login: 'amy', pullRequests: 1, lines: 10, share: 10 / 60 },
      ],
      delegateTo: 'bob',
      // Ownership in practice: alice authored one of the five; no reviews; the last on the pull request's merge day.
      ownerPullRequests: 1,
      ownerReviews: 0,
      ownerLastActive: checkout.ownerLastActive,
      signals: [],
      knowledge: null,
      backup: null,
    });
    assert.match(checkout.ownerLastActive!, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepStrictEqual([ledger.delegateTo, ledger.ownerLines, ledger.leadLines], [null, 0, 1]);
    assert.strictEqual(refunds.delegateTo, 'Bea');
  });

  it('months (with empty ones), topPullRequests (ties: newer, then higher number) and excluded', () => {
    const generated = parseGitattributes(
      'checkout/gen/** linguist-generated\n*.lock linguist-generated\n',
    );
    const prs = [
      pr(
        'bob',
        [
          ['checkout/a', 7],
          ['checkout/gen/x', 100],
          ['checkout/package-lock.json', 50],
          ['checkout/y.lock', 3],
        ],
        { number: 1, mergedAt: '2026-01-20T00:00:00Z' },
      ),
      pr('carol', [['checkout/a', 7]], { number: 2, mergedAt: '2026-01-20T00:00:00Z' }),
      pr('carol', [['checkout/a', 7]], { number: 3, mergedAt: '2026-03-31T23:59:59Z' }),
      pr('dependabot[bot]', [['checkout/a', 1]], { number: 4 }),
      pr('renovate', [['checkout/gen/x', 9]], { number: 5, authorIsBot: true }), // only generated files: not counted in excluded
      pr('release-robot', [['ledger/a', 1]], { number: 6 }),
      pr(
        'carol',
        [
          ['search/z', 1],
          ['checkout/gen/y', 2],
        ],
        { number: 7 },
      ), // does not count for payments; its generated lines do
      pr('bob', [['checkout/a', 7]], { number: 8, mergedAt: '2026-01-14T23:59:59Z' }), // before the window
    ];
    const r = computeLeadReport(
      indexOf(OWNERS('  ignoreAuthors: [release-robot]\n')),
      prs,
      WINDOW,
      { generated },
    );
    const t = team(r, 'payments');
    assert.deepStrictEqual(t.months, [
      // January from the 15th: 17 days of it are in the window.
      { month: '2026-01', days: 17, pullRequests: 2, lines: 14, authors: 2, leadShare: 0 },
      { month: '2026-02', days: 28, pullRequests: 0, lines: 0, authors: 0, leadShare: 0 },
      { month: '2026-03', days: 31, pullRequests: 1, lines: 7, authors: 1, leadShare: 0 },
    ]);
    assert.deepStrictEqual(
      Object.keys(t.months[0]),
      ['month', 'days', 'pullRequests', 'lines', 'authors', 'leadShare'],
      'docs/figures.md ("Months") order',
    );
    assert.deepStrictEqual(
      t.topPullRequests.map(p => p.number),
      [3, 2, 1],
    );
    assert.deepStrictEqual(t.topPullRequests[2], {
      number: 1,
      title: prs[0].title,
      url: prs[0].url,
      author: 'bob',
      lines: 7,
    });
    assert.deepStrictEqual(t.excluded, {
      botPullRequests: 1,
      ignoredAuthorPullRequests: 1,
      ignoredPathLines: 50,
      generatedLines: 105,
    });
    assert.strictEqual(r.pullRequests, 4);
  });

  it('aggregateTeams sums attributed pull requests of several repositories (a sum over the union, not an average)', () => {
    const a = indexOf(OWNERS());
    const b = indexOf(OWNERS().replace('/checkout/', '/web/checkout/'));
    const one = attributePullRequests(
      a,
      [pr('alice', [['checkout/a', 30]]), pr('bob', [['checkout/a', 10]])],
      WINDOW,
      { repo: 'acme/a' },
    );
    const two = attributePullRequests(b, [pr('bob', [['web/checkout/a', 60]])], WINDOW, {
      repo: 'acme/b',
    });
    const sum = team(aggregateTeams(teamCatalogue(a.model), [...one, ...two], WINDOW), 'payments');
    assert.deepStrictEqual(
      [sum.pullRequests, sum.lines, sum.leadLines, sum.leadShare],
      [3, 100, 30, 0.3],
    );
    assert.strictEqual(sum.componentFigures[0].lines, 100);
  });

  it('team-only mode keeps every figure but names no one except the lead', () => {
    const prs = [
      pr('alice', [['checkout/a', 30]]),
      pr('bob', [
        ['checkout/a', 10],
        ['ledger/l', 3],
      ]),
    ];
    const full = computeLeadReport(indexOf(OWNERS()), prs, WINDOW);
    const hidden = team(hideIndividuals(full), 'payments');
    assert.deepStrictEqual(
      hidden.authors.map(a => a.login),
      ['alice'],
    );
    assert.deepStrictEqual(
      hidden.componentFigures.map(c => [c.ownerLines, c.delegateTo, c.authors.map(a => a.login)]),
      [
        [30, null, ['alice']],
        [null, null, []],
        [0, null, []],
      ],
    );
    assert.deepStrictEqual(
      hidden.topPullRequests.map(p => p.author),
      ['alice', null],
    );
    assert.strictEqual(hidden.leadShare, team(full, 'payments').leadShare);
  });
});
