import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, UsageError } from '../../../../src/cli/io';
import { reportWindow } from '../../../../src/cli/reportOptions';
import { figuresAcrossRepositories } from '../../../../src/core/figures/across';
import { repositoryFigures } from '../../../../src/core/figures/repository';
import { shapeAcross, teamOnlyWanted } from '../../../../src/core/figures/teamOnly';
import {
  fetchSince,
  flagWindow,
  resolveWindow,
  trendWindow,
  WindowOptionError,
} from '../../../../src/core/figures/window';
import { teamsAcrossRepositories } from '../../../../src/core/metrics/acrossRepositories';
import { computeLeadReport } from '../../../../src/core/metrics/compute';
import { parseGitattributes } from '../../../../src/core/metrics/gitattributes';
import { hideIndividuals, hideInTeam } from '../../../../src/core/metrics/teamOnly';
import type { PullRequestRecord } from '../../../../src/core/metrics/types';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { CLUSTER_API_REVIEWERS, historyDir, loadHistory } from '../../../fixtures/history/convert';
import { orgOwners, orgRepositories } from '../../../fixtures/orgData';
import { REPO_ROOT } from '../../../repoRoot';

const ROOT = REPO_ROOT;
const DIR = historyDir(ROOT);
const at = (iso: string) => Date.parse(iso);

describe('the figures pipeline (core/figures)', () => {
  describe('windows', () => {
    it("the flags' window ends tomorrow and starts windowDays before today; the trend starts on the first of the month eleven months back", () => {
      const now = at('2026-08-22T23:59:59Z');
      assert.deepStrictEqual(flagWindow(90, now), { since: '2026-05-24', until: '2026-08-23' });
      assert.deepStrictEqual(trendWindow(now), { since: '2025-09-01', until: '2026-08-23' });
      // Across a year boundary, and a month whose first day is today.
      assert.deepStrictEqual(trendWindow(at('2027-01-01T00:00:00Z')), {
        since: '2026-02-01',
        until: '2027-01-02',
      });
    });

    it("the fetch starts at the earlier window: the trend's, or the flags' when windowDays reaches further back", () => {
      const now = at('2026-08-22T10:00:00Z');
      assert.strictEqual(fetchSince(90, now), '2025-09-01');
      assert.strictEqual(fetchSince(400, now), flagWindow(400, now).since);
      assert.ok(flagWindow(400, now).since < '2025-09-01');
    });

    it("--since/--until/--days resolve as documented; without any, the flags' window", () => {
      const now = at('2026-08-22T10:00:00Z');
      assert.deepStrictEqual(resolveWindow({}, 90, now), flagWindow(90, now));
      assert.deepStrictEqual(resolveWindow({ days: '7' }, 90, now), flagWindow(7, now));
      assert.deepStrictEqual(resolveWindow({ until: '2026-03-01' }, 30, now), {
        since: '2026-01-30',
        until: '2026-03-01',
      });
      assert.deepStrictEqual(resolveWindow({ since: '2026-08-01' }, 30, now), {
        since: '2026-08-01',
        until: '2026-08-23',
      });
    });

    it('the CLI turns each window error into a UsageError with the same message', () => {
      const now = new Date('2026-08-22T10:00:00Z');
      const cases: [string[], RegExp][] = [
        [['--since', '2026-02-30'], /^--since must be a date YYYY-MM-DD, not "2026-02-30"$/],
        [['--until', 'tomorrow'], /^--until must be a date YYYY-MM-DD, not "tomorrow"$/],
        [
          ['--days', '7', '--since', '2026-01-01'],
          /^--days cannot be combined with --since\/--until$/,
        ],
        [['--days', '0'], /^--days must be a positive whole number, not "0"$/],
        [
          ['--since', '2026-03-01', '--until', '2026-03-01'],
          /^empty window: --since 2026-03-01 is not before --until 2026-03-01$/,
        ],
      ];
      for (const [given, message] of cases) {
        const args = parseArgs(['report', ...given]);
        let core: unknown;
        try {
          resolveWindow(
            {
              since: args.values.get('since')?.[0],
              until: args.values.get('until')?.[0],
              days: args.values.get('days')?.[0],
            },
            90,
            now.getTime(),
          );
        } catch (e) {
          core = e;
        }
        assert.ok(core instanceof WindowOptionError, given.join(' '));
        assert.match((core as Error).message, message);
        assert.throws(
          () => reportWindow(args, 90, now),
          (e: unknown) => e instanceof UsageError && e.message === (core as Error).message,
        );
      }
    });
  });

  describe('team-only', () => {
    it('is on when OWNERS.yaml or the user asks, off only when neither does', () => {
      const on = parseOwners(
        'version: 1\nmetrics:\n  teamOnly: true\nteams: {}\ncomponents: {}\n',
      ).model;
      const off = parseOwners('version: 1\nteams: {}\ncomponents: {}\n').model;
      assert.deepStrictEqual(
        [
          teamOnlyWanted(on, false),
          teamOnlyWanted(on, true),
          teamOnlyWanted(off, true),
          teamOnlyWanted(off, false),
        ],
        [true, true, true, false],
      );
    });
  });

  describe('one repository (the cluster-api history)', () => {
    assert.ok(DIR, 'test/fixtures/history is part of the repository');
    const prs = loadHistory(DIR!, 'cluster-api', CLUSTER_API_REVIEWERS) as PullRequestRecord[];
    const index = createOwnershipIndex(
      parseOwners(
        fs.readFileSync(path.join(ROOT, 'test/fixtures/history/cluster-api.OWNERS.yaml'), 'utf8'),
      ).model,
    );
    const now = at('2026-08-22T10:00:00Z');
    const windows = { flag: flagWindow(90, now), trend: trendWindow(now) };

    it("gives the flags' report, the months over the trend window and every component, as computing each directly does", () => {
      const figures = repositoryFigures({ index, changes: prs }, windows);
      const direct = computeLeadReport(index, prs, windows.flag);
      assert.deepStrictEqual(figures.report, direct);
      assert.ok(figures.report.pullRequests > 50, 'the window holds real pull requests');
      const trend = computeLeadReport(index, prs, windows.trend);
      assert.deepStrictEqual(
        [...figures.monthly],
        trend.teams.map(t => [t.team, t.months]),
      );
      assert.strictEqual(figures.monthly.get('core')!.length, 12);
      assert.ok(
        figures.monthly.get('core')!.reduce((s, m) => s + m.pullRequests, 0) >
          direct.teams.find(t => t.team === 'core')!.pullRequests,
      );
      assert.deepStrictEqual(
        [...figures.components.keys()].sort(),
        [...index.model.components.keys()].sort(),
      );
      assert.deepStrictEqual(
        figures.components.get('clusterctl'),
        direct.teams
          .find(t => t.team === 'clusterctl')!
          .componentFigures.find(c => c.component === 'clusterctl'),
      );
      assert.deepStrictEqual(figures.trend, windows.trend);
      assert.strictEqual(figures.teamOnly, false);
    });

    it('in team-only mode names no one but the leads, in the report and in the components map', () => {
      const full = repositoryFigures({ index, changes: prs }, windows);
      const hidden = repositoryFigures({ index, changes: prs }, windows, true);
      assert.strictEqual(hidden.teamOnly, true);
      assert.deepStrictEqual(hidden.report, hideIndividuals(full.report));
      assert.notDeepStrictEqual(
        hidden.report,
        full.report,
        'the history has authors other than the leads',
      );
      for (const [id, c] of hidden.components) {
        const team = hidden.report.teams.find(t =>
          t.componentFigures.some(x => x.component === id),
        )!;
        assert.ok(
          c.authors.every(a => a.login.toLowerCase() === team.lead.toLowerCase()),
          id,
        );
      }
      // The months are counts only: the same either way.
      assert.deepStrictEqual(hidden.monthly, full.monthly);
    });
  });

  describe('several repositories (the organisation dataset)', () => {
    const repos = orgRepositories().filter(d =>
      ['acme/shop', 'acme/web', 'acme/infra'].includes(d.repo),
    );
    const parts = () =>
      repos.map(d => ({
        name: d.repo,
        index: createOwnershipIndex(parseOwners(orgOwners()).model),
        generated: parseGitattributes(d.files?.['.gitattributes'] ?? ''),
        pullRequests: d.pullRequests
          .filter(p => p.state === 'MERGED')
          .map((p): PullRequestRecord => ({
            number: p.number,
            author: p.author!,
            authorIsBot: p.authorType === 'Bot',
            mergedAt: p.mergedAt!,
            files: p.files,
            reviews: p.reviews.map(r => ({ author: r.author!, state: r.state })),
          })),
        resolutions: new Map(),
      }));
    const flag = { since: '2026-06-01', until: '2026-07-01' };
    const trend = { since: '2025-08-01', until: '2026-07-01' };

    it('sums every team over the union, and gives its months on request only', () => {
      const figures = figuresAcrossRepositories(parts(), { flag, trend }, false);
      const direct = teamsAcrossRepositories(parts(), flag);
      assert.deepStrictEqual(figures.result, direct);
      assert.ok(figures.result.report.teams.find(t => t.team === 'payments')!.pullRequests > 0);
      assert.deepStrictEqual(
        [...figures.monthly()],
        teamsAcrossRepositories(parts(), trend).report.teams.map(t => [t.team, t.months]),
      );
      assert.strictEqual(figures.monthly(), figures.monthly(), 'computed once');
    });

    it("team-only hides the individuals in the sum and in each repository's part", () => {
      const figures = figuresAcrossRepositories(parts(), { flag }, true);
      const full = teamsAcrossRepositories(parts(), flag);
      assert.deepStrictEqual(figures.result.report, hideIndividuals(full.report));
      assert.deepStrictEqual(
        figures.result.byRepository.get('payments'),
        full.byRepository.get('payments')!.map(x => ({ ...x, figures: hideInTeam(x.figures) })),
      );
      assert.ok(
        full.byRepository
          .get('payments')!
          .some(x => x.figures.authors.some(a => a.login !== 'alice')),
        'someone else is named without team-only',
      );
      assert.strictEqual(shapeAcross(full, false), full);
      assert.strictEqual(figures.monthly().size, 0, 'no trend window asked for');
    });
  });
});
