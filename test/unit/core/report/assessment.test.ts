import * as assert from 'assert';
import type { MonthFigures, TeamFigures } from '../../../../src/core/metrics/types';
import { daysInMonth, daysInWindow } from '../../../../src/core/metrics/months';
import {
  assessTeam,
  isWholeMonth,
  recentTrend,
  SHORT_STEPS,
  teamGlance,
} from '../../../../src/core/report/assessment';

const figures = (over: Partial<TeamFigures>): TeamFigures => ({
  team: 't',
  lead: 'dan',
  pullRequests: 80,
  lines: 10000,
  leadPullRequests: 40,
  leadLines: 6200,
  leadShare: 0.62,
  leadPullRequestShare: 0.5,
  leadReviewedShare: 0.9,
  flag: 'doing-the-work',
  authors: [],
  leadOwnedComponents: 1,
  components: 2,
  leadSoleApprovalShare: 0.9,
  signals: ['doing-the-work', 'bottleneck', 'holds-ownership'],
  componentFigures: [],
  months: [],
  topPullRequests: [],
  excluded: {
    botPullRequests: 0,
    ignoredAuthorPullRequests: 0,
    ignoredPathLines: 0,
    generatedLines: 0,
  },
  knowledge: null,
  ...over,
});
const month = (month: string, leadShare: number, lines = 1000, days?: number): MonthFigures => ({
  month,
  leadShare,
  lines,
  pullRequests: 10,
  authors: 3,
  days: days ?? daysInMonth(month),
});

describe("assessment: signals read for the team's size and trend", () => {
  it('a lead plus one: bottleneck and holding 1 of 2 components are expected; 62% is still doing the work', () => {
    const a = assessTeam(figures({}), 2);
    assert.deepStrictEqual(
      a.readings.map(r => [r.signal, r.standing]),
      [
        ['doing-the-work', 'concern'],
        ['bottleneck', 'expected'],
        ['holds-ownership', 'expected'],
      ],
    );
    assert.deepStrictEqual(a.concerns, ['doing-the-work']);
    assert.match(a.readings[1].why!, /nobody else can approve/);
    assert.strictEqual(a.equalShare, 0.5);
    assert.match(
      a.headline,
      /^Doing the work\. The lead wrote 62% of the team's lines\. Pick one piece of work/,
    );
  });

  it('the same signals in a team of five stay concerns', () => {
    const a = assessTeam(figures({ leadOwnedComponents: 2, components: 2 }), 5);
    assert.deepStrictEqual(a.concerns, ['doing-the-work', 'bottleneck', 'holds-ownership']);
    assert.deepStrictEqual(
      assessTeam(figures({ leadOwnedComponents: 2, components: 2 }), 2).concerns,
      ['doing-the-work', 'holds-ownership'],
      'owning both of 2 is more than a part, at any size',
    );
  });

  it('an equal share is not doing the work: 50% of a team of two, 31% of a team of three', () => {
    const two = assessTeam(figures({ leadShare: 0.5 }), 2);
    assert.deepStrictEqual(
      two.readings.map(r => r.standing),
      ['expected', 'expected', 'expected'],
    );
    assert.match(
      two.headline,
      /^The lead wrote 50% of the team's lines\. Nothing to act on for a team of 2: doing the work \(50% is about an equal share in a team of 2, 50% each\); bottleneck/,
    );
    const three = assessTeam(figures({ leadShare: 0.31, signals: ['watch'], flag: 'watch' }), 3);
    assert.deepStrictEqual(three.concerns, []);
    assert.deepStrictEqual(
      assessTeam(figures({ leadShare: 0.39, signals: ['watch'] }), 3).concerns,
      ['watch'],
      'six points above an equal share is more than one',
    );
  });

  it('the headline gives the direction over whole months, and a falling share is the next step under way', () => {
    const monthly = [
      month('2026-08', 0.3),
      month('2026-09', 0.2),
      month('2026-10', 0.17),
      month('2026-11', 0.14),
      month('2026-12', 0.6, 300, 6),
    ];
    const a = assessTeam(figures({ leadShare: 0.45, signals: ['watch'] }), 5, monthly);
    assert.deepStrictEqual(a.trend, {
      direction: 'falling',
      months: [
        { month: '2026-09', leadShare: 0.2 },
        { month: '2026-10', leadShare: 0.17 },
        { month: '2026-11', leadShare: 0.14 },
      ],
    });
    assert.strictEqual(
      a.headline,
      "Watch. The lead wrote 45% of the team's lines, falling: 20%, 17%, 14% in the last 3 whole months. Keep handing work over: the share is coming down.",
    );
    const rising = assessTeam(figures({ leadShare: 0.45, signals: ['watch'] }), 5, [
      month('2026-09', 0.2),
      month('2026-10', 0.3),
      month('2026-11', 0.4),
    ]);
    assert.match(
      rising.headline,
      /, rising: 20%, 30%, 40% in the last 3 whole months\. Worth a look before it grows/,
    );
  });

  it('never reads a partial month as a fall or a rise', () => {
    // from `days`
    assert.strictEqual(isWholeMonth(month('2026-12', 0.1, 100, 6)), false);
    assert.strictEqual(isWholeMonth(month('2026-02', 0.1, 100, 28)), true);
    // the days of each month inside a window, as the figures give them
    const window = { since: '2026-06-09', until: '2026-12-07' };
    const inWindow = (m: string, share: number) => month(m, share, 1000, daysInWindow(m, window));
    assert.deepStrictEqual(
      ['2026-06', '2026-07', '2026-11', '2026-12'].map(m => isWholeMonth(inWindow(m, 0), window)),
      [false, true, true, false],
    );
    const t = recentTrend(
      [
        inWindow('2026-06', 0.9),
        inWindow('2026-07', 0.5),
        inWindow('2026-08', 0.45),
        inWindow('2026-09', 0.48),
        inWindow('2026-12', 0.1),
      ],
      window,
    );
    assert.deepStrictEqual(t.direction, 'steady');
    assert.deepStrictEqual(
      t.months.map(m => m.month),
      ['2026-07', '2026-08', '2026-09'],
    );
    assert.strictEqual(
      recentTrend([month('2026-07', 0.5), month('2026-08', 0.2), month('2026-09', 0.6)]).direction,
      'unknown',
      'a zigzag has no direction',
    );
    assert.strictEqual(
      recentTrend([month('2026-08', 0.2), month('2026-09', 0.3)]).direction,
      'unknown',
      'two months are too few',
    );
  });

  it('leaves not enough data and a lead not involved as they are', () => {
    assert.match(
      assessTeam(figures({ signals: ['insufficient-data'], flag: 'insufficient-data' }), 2)
        .headline,
      /^Too few merged pull requests/,
    );
    const absent = assessTeam(figures({ leadShare: 0, signals: ['absent'], flag: 'absent' }), 2);
    assert.deepStrictEqual(absent.concerns, ['absent']);
    assert.match(
      absent.headline,
      /^Not involved in pull requests\. The lead wrote 0% of the team's lines\. Check with the team/,
    );
  });

  it('reviews unknown (the git source) is not something to act on: it is said after the verdict', () => {
    const onlyUnknown = assessTeam(figures({ leadShare: 0.2, signals: ['reviews-unknown'] }), 5);
    assert.deepStrictEqual(onlyUnknown.concerns, []);
    assert.strictEqual(onlyUnknown.readings[0].standing, 'info');
    assert.match(
      onlyUnknown.headline,
      /^The lead wrote 20% of the team's lines\. Nothing to act on\. No change in the window carries a Reviewed-by/,
    );
    // Beside a real concern, the concern leads.
    const withConcern = assessTeam(
      figures({
        leadShare: 0.7,
        signals: ['doing-the-work', 'reviews-unknown'],
        flag: 'doing-the-work',
      }),
      5,
    );
    assert.deepStrictEqual(withConcern.concerns, ['doing-the-work']);
  });

  describe('teamGlance: what a team row says at the default sidebar width', () => {
    it('the signal to act on, the share and its direction; the next step names the component that could go', () => {
      const falling = [month('2026-06', 0.2), month('2026-07', 0.17), month('2026-08', 0.14)];
      const g = teamGlance(figures({}), assessTeam(figures({}), 2, falling), {
        component: 'Deployment',
        to: 'erin',
      });
      assert.deepStrictEqual(g, {
        signal: 'doing-the-work',
        state: 'doing the work · 62% ↓',
        next: 'keep handing work over',
      });
      const flat = teamGlance(figures({}), assessTeam(figures({}), 2), {
        component: 'Deployment',
        to: 'erin',
      });
      assert.deepStrictEqual(flat, {
        signal: 'doing-the-work',
        state: 'doing the work · 62%',
        next: 'hand Deployment to erin',
      });
      assert.strictEqual(
        teamGlance(figures({}), assessTeam(figures({}), 2)).next,
        'hand work over',
      );
    });

    it('expected signals only: a check and "nothing to act on"; too few pull requests says so', () => {
      const g = teamGlance(figures({ leadShare: 0.5 }), assessTeam(figures({ leadShare: 0.5 }), 2));
      assert.deepStrictEqual(
        [g.signal, g.state, g.next],
        [undefined, 'ok · 50%', 'nothing to act on'],
      );
      const few = figures({
        signals: ['insufficient-data'],
        pullRequests: 3,
        flag: 'insufficient-data',
      });
      assert.deepStrictEqual(teamGlance(few, assessTeam(few, 4)), {
        signal: 'insufficient-data',
        state: 'not enough data · 3 PRs',
        next: 'widen the window',
      });
    });

    it('fits a row at the default sidebar width (about 24 characters for the state, 22 for the step)', () => {
      const rising = [month('2026-06', 0.5), month('2026-07', 0.55), month('2026-08', 0.6)];
      const g = teamGlance(figures({}), assessTeam(figures({}), 5, rising));
      assert.strictEqual(g.state, 'doing the work · 62% ↑');
      assert.ok(g.state.length <= 24, g.state);
      for (const step of Object.values(SHORT_STEPS)) assert.ok(step.length <= 23, step);
      const absent = figures({ leadShare: 0, signals: ['absent'], flag: 'absent' });
      assert.strictEqual(teamGlance(absent, assessTeam(absent, 3)).state, 'lead not in PRs · 0%');
    });
  });
});
