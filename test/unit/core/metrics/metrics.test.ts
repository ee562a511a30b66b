import * as assert from 'assert';
import { compilePatterns } from '../../../../src/core/match/compile';
import { computeLeadReport, leadFlag } from '../../../../src/core/metrics/compute';
import { createPathFilter } from '../../../../src/core/metrics/exclusions';
import { monthlyLeadShare } from '../../../../src/core/metrics/monthly';
import type { PullRequestRecord } from '../../../../src/core/metrics/types';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';

function indexOf(yaml: string) {
  const parsed = parseOwners(yaml);
  assert.deepStrictEqual(
    parsed.diagnostics.filter(d => d.severity === 'error'),
    [],
  );
  return createOwnershipIndex(parsed.model);
}

const OWNERS = (metrics = 'minPullRequests: 1') => `version: 1
teams:
  search:
    lead: Dave
    members: [erin]
  payments:
    lead: alice
    members: [bob, carol]
components:
  checkout:
    team: payments
    owner: bob
    paths: [/services/checkout/]
  search-api:
    team: search
    owner: erin
    paths: [/services/search/]
metrics:
  ${metrics}
`;

let next = 1;
function pr(
  author: string,
  files: [string, number, number][],
  extra: Partial<PullRequestRecord> = {},
): PullRequestRecord {
  return {
    number: next++,
    author,
    authorIsBot: false,
    mergedAt: '2026-02-10T12:00:00Z',
    files: files.map(([path, additions, deletions]) => ({ path, additions, deletions })),
    reviews: [],
    ...extra,
  };
}
const WINDOW = { since: '2026-01-01', until: '2026-04-01' };
const team = (r: ReturnType<typeof computeLeadReport>, id: string) =>
  r.teams.find(t => t.team === id)!;

describe('metrics: docs/figures.md ("Lead authorship")', () => {
  it("prints the documentation's JSON keys, teams in OWNERS.yaml file order, authors by lines", () => {
    const r = computeLeadReport(
      indexOf(OWNERS()),
      [
        pr('bob', [['services/checkout/a.ts', 10, 0]]),
        pr('alice', [['services/checkout/b.ts', 30, 10]]),
        pr('carol', [['services/checkout/c.ts', 5, 0]]),
      ],
      WINDOW,
    );
    assert.deepStrictEqual(Object.keys(r), ['window', 'pullRequests', 'teams', 'knowledge']);
    assert.deepStrictEqual(
      r.teams.map(t => t.team),
      ['search', 'payments'],
    );
    const p = team(r, 'payments');
    assert.deepStrictEqual(Object.keys(p), [
      'team',
      'lead',
      'pullRequests',
      'lines',
      'leadPullRequests',
      'leadLines',
      'leadShare',
      'leadPullRequestShare',
      'leadReviewedShare',
      'flag',
      'authors',
      'leadOwnedComponents',
      'components',
      'leadSoleApprovalShare',
      'signals',
      'componentFigures',
      'months',
      'topPullRequests',
      'excluded',
      'knowledge',
    ]);
    assert.deepStrictEqual(p.authors, [
      { login: 'alice', pullRequests: 1, lines: 40, share: 40 / 55 },
      { login: 'bob', pullRequests: 1, lines: 10, share: 10 / 55 },
      { login: 'carol', pullRequests: 1, lines: 5, share: 5 / 55 },
    ]);
    assert.strictEqual(p.lines, 55);
    assert.strictEqual(p.leadLines, 40);
    assert.strictEqual(p.leadShare, 40 / 55);
    assert.strictEqual(p.leadPullRequestShare, 1 / 3);
  });

  it('leaves out bots: GitHub Bot type, a login ending in [bot], metrics.ignoreAuthors (case-insensitive)', () => {
    const r = computeLeadReport(
      indexOf(OWNERS('ignoreAuthors: [Release-Robot]')),
      [
        pr('bob', [['services/checkout/a.ts', 1, 0]]),
        pr('renovate', [['services/checkout/a.ts', 100, 0]], { authorIsBot: true }),
        pr('dependabot[bot]', [['services/checkout/a.ts', 100, 0]]),
        pr('Some-App[BOT]', [['services/checkout/a.ts', 100, 0]]),
        pr('release-robot', [['services/checkout/a.ts', 100, 0]]),
      ],
      WINDOW,
    );
    assert.strictEqual(r.pullRequests, 1);
    assert.deepStrictEqual(
      team(r, 'payments').authors.map(a => a.login),
      ['bob'],
    );
    assert.strictEqual(team(r, 'payments').lines, 1);
  });

  it('takes pull requests merged at or after since and before until (UTC days)', () => {
    const r = computeLeadReport(
      indexOf(OWNERS()),
      [
        pr('bob', [['services/checkout/a.ts', 1, 0]], { mergedAt: '2026-01-01T00:00:00Z' }),
        pr('bob', [['services/checkout/a.ts', 2, 0]], { mergedAt: '2025-12-31T23:59:59Z' }),
        pr('bob', [['services/checkout/a.ts', 4, 0]], { mergedAt: '2026-03-31T23:59:59Z' }),
        pr('bob', [['services/checkout/a.ts', 8, 0]], { mergedAt: '2026-04-01T00:00:00Z' }),
        pr('bob', [['services/checkout/a.ts', 16, 0]], { mergedAt: '2026-01-01T01:00:00+02:00' }), // 2025-12-31T23:00Z
      ],
      WINDOW,
    );
    assert.strictEqual(r.pullRequests, 2);
    assert.strictEqual(team(r, 'payments').lines, 5);
  });

  it('ignores the default lock files at any depth when metrics.ignorePaths is absent', () => {
    const r = computeLeadReport(
      indexOf(OWNERS()),
      [
        pr('bob', [
          ['services/checkout/package-lock.json', 1000, 0],
          ['services/checkout/x/go.sum', 50, 50],
          ['services/checkout/yarn.lock', 7, 0],
          ['services/checkout/Cargo.lock', 1, 1],
          ['services/checkout/pnpm-lock.yaml', 1, 0],
          ['services/checkout/poetry.lock', 1, 0],
          ['services/checkout/Gemfile.lock', 1, 0],
          ['services/checkout/composer.lock', 1, 0],
          ['services/checkout/a.ts', 3, 0],
        ]),
        pr('carol', [['services/checkout/deep/er/package-lock.json', 500, 0]]),
      ],
      WINDOW,
    );
    const p = team(r, 'payments');
    assert.strictEqual(p.lines, 3);
    // carol's pull request has no remaining file: it counts overall but not for the team.
    assert.strictEqual(p.pullRequests, 1);
    assert.strictEqual(r.pullRequests, 2);
  });

  it('replaces the default with metrics.ignorePaths when given', () => {
    const r = computeLeadReport(
      indexOf(OWNERS('ignorePaths: ["**/*.snap", "services/checkout/gen/**"]')),
      [
        pr('bob', [
          ['services/checkout/package-lock.json', 1000, 0],
          ['services/checkout/ui/a.snap', 40, 0],
          ['services/checkout/gen/x/y.ts', 9, 9],
          ['services/checkout/a.ts', 3, 0],
        ]),
      ],
      WINDOW,
    );
    assert.strictEqual(team(r, 'payments').lines, 1003);
  });

  it('the path filter agrees with the pattern matcher (its literal-name shortcut included)', () => {
    const patterns = [
      '**/go.sum',
      'yarn.lock',
      'vendor/**',
      '**/zz_generated.*',
      '/root.lock',
      'build/',
      'gen/*.ts',
    ];
    const filter = createPathFilter({ ignorePaths: patterns });
    const matcher = compilePatterns(patterns);
    const paths = [
      'go.sum',
      'a/b/go.sum',
      'go.sum/x',
      'go.summary',
      'yarn.lock',
      'web/yarn.lock',
      'yarn.lock.bak',
      'vendor/x/y.go',
      'a/vendor/x.go',
      'api/zz_generated.deepcopy.go',
      'zz_generated.go',
      'root.lock',
      'a/root.lock',
      'build/out.js',
      'x/build/y',
      'gen/a.ts',
      'gen/a/b.ts',
      'src/main.go',
    ];
    for (const p of paths) assert.strictEqual(filter(p), matcher.winner(p) >= 0, p);
  });

  it("counts a pull request touching two teams for both, each with its own files' lines; unowned files for neither", () => {
    const r = computeLeadReport(
      indexOf(OWNERS()),
      [
        pr('erin', [
          ['services/checkout/a.ts', 10, 2],
          ['services/search/q.ts', 5, 5],
          ['README.md', 100, 0],
        ]),
      ],
      WINDOW,
    );
    assert.deepStrictEqual([team(r, 'payments').pullRequests, team(r, 'payments').lines], [1, 12]);
    assert.deepStrictEqual([team(r, 'search').pullRequests, team(r, 'search').lines], [1, 10]);
    assert.strictEqual(r.pullRequests, 1);
  });

  it('leadReviewedShare: non-lead pull requests the lead reviewed in any state but PENDING; logins case-insensitive', () => {
    const f: [string, number, number][] = [['services/search/q.ts', 1, 0]];
    const r = computeLeadReport(
      indexOf(OWNERS()),
      [
        pr('erin', f, { reviews: [{ author: 'dave', state: 'APPROVED' }] }),
        pr('erin', f, {
          reviews: [
            { author: 'DAVE', state: 'COMMENTED' },
            { author: 'dave', state: 'PENDING' },
          ],
        }),
        pr('erin', f, { reviews: [{ author: 'Dave', state: 'CHANGES_REQUESTED' }] }),
        pr('erin', f, { reviews: [{ author: 'Dave', state: 'DISMISSED' }] }),
        pr('erin', f, { reviews: [{ author: 'Dave', state: 'PENDING' }] }),
        pr('frank', f, { reviews: [{ author: 'erin', state: 'APPROVED' }] }),
        pr('dave', f, { reviews: [] }), // the lead's own: not in the denominator
      ],
      WINDOW,
    );
    const s = team(r, 'search');
    assert.strictEqual(s.leadReviewedShare, 4 / 6);
    assert.strictEqual(s.leadPullRequests, 1);
    assert.strictEqual(s.leadLines, 1);
    assert.strictEqual(s.authors.find(a => a.login === 'dave')!.pullRequests, 1);
  });

  it('a team with no pull requests has zero shares', () => {
    const s = team(computeLeadReport(indexOf(OWNERS('minPullRequests: 0')), [], WINDOW), 'search');
    assert.deepStrictEqual(
      [
        s.pullRequests,
        s.lines,
        s.leadShare,
        s.leadPullRequestShare,
        s.leadReviewedShare,
        s.authors,
      ],
      [0, 0, 0, 0, 0, []],
    );
    assert.strictEqual(s.flag, 'absent');
  });

  describe('flag, first rule that applies', () => {
    const settings = { minPullRequests: 5, leadShareThreshold: 0.5, watchThreshold: 0.3 };
    const base = { pullRequests: 5, leadShare: 0.1, leadPullRequests: 1, leadReviewedShare: 0.5 };
    it('insufficient-data below minPullRequests, whatever else', () => {
      assert.strictEqual(
        leadFlag({ ...base, pullRequests: 4, leadShare: 0.9 }, settings),
        'insufficient-data',
      );
    });
    it('doing-the-work at leadShare >= leadShareThreshold (boundary included)', () => {
      assert.strictEqual(leadFlag({ ...base, leadShare: 0.5 }, settings), 'doing-the-work');
    });
    it('absent when the lead authored none and reviewed none', () => {
      assert.strictEqual(
        leadFlag({ ...base, leadShare: 0, leadPullRequests: 0, leadReviewedShare: 0 }, settings),
        'absent',
      );
      assert.strictEqual(
        leadFlag({ ...base, leadShare: 0, leadPullRequests: 0, leadReviewedShare: 0.2 }, settings),
        'ok',
      );
    });
    it('watch at leadShare >= watchThreshold, else ok', () => {
      assert.strictEqual(leadFlag({ ...base, leadShare: 0.3 }, settings), 'watch');
      assert.strictEqual(leadFlag({ ...base, leadShare: 0.2999 }, settings), 'ok');
    });
    it('computeLeadReport applies the thresholds of OWNERS.yaml', () => {
      const yaml = OWNERS('minPullRequests: 2\n  leadShareThreshold: 0.8\n  watchThreshold: 0.6');
      const mk = (leadLines: number, other: number) => [
        pr('alice', [['services/checkout/a', leadLines, 0]]),
        pr('bob', [['services/checkout/b', other, 0]]),
      ];
      assert.strictEqual(
        team(computeLeadReport(indexOf(yaml), mk(80, 20), WINDOW), 'payments').flag,
        'doing-the-work',
      );
      assert.strictEqual(
        team(computeLeadReport(indexOf(yaml), mk(70, 30), WINDOW), 'payments').flag,
        'watch',
      );
      assert.strictEqual(
        team(computeLeadReport(indexOf(yaml), mk(50, 50), WINDOW), 'payments').flag,
        'ok',
      );
      assert.strictEqual(
        team(
          computeLeadReport(
            indexOf(yaml),
            [
              pr('bob', [['services/checkout/b', 1, 0]]),
              pr('carol', [['services/checkout/b', 1, 0]]),
            ],
            WINDOW,
          ),
          'payments',
        ).flag,
        'absent',
      );
      assert.strictEqual(
        team(
          computeLeadReport(indexOf(yaml), [pr('bob', [['services/checkout/b', 1, 0]])], WINDOW),
          'payments',
        ).flag,
        'insufficient-data',
      );
    });
  });

  it('monthlyLeadShare: per team and UTC month, every month of the window', () => {
    const index = indexOf(OWNERS());
    const m = monthlyLeadShare(
      index,
      [
        pr('alice', [['services/checkout/a', 30, 0]], { mergedAt: '2026-01-31T23:30:00Z' }),
        pr('bob', [['services/checkout/a', 10, 0]], { mergedAt: '2026-01-05T00:00:00Z' }),
        pr('bob', [['services/checkout/a', 10, 0]], { mergedAt: '2026-03-02T00:00:00Z' }),
      ],
      WINDOW,
    ).get('payments')!;
    assert.deepStrictEqual(m, [
      { month: '2026-01', days: 31, lines: 40, pullRequests: 2, authors: 2, leadShare: 0.75 },
      { month: '2026-02', days: 28, lines: 0, pullRequests: 0, authors: 0, leadShare: 0 },
      { month: '2026-03', days: 31, lines: 10, pullRequests: 1, authors: 1, leadShare: 0 },
    ]);
  });
});
