import type { MonthlyShare } from '../metrics/monthly';
import { monthsWindow } from './monthsWindow';
import { assessTeam, Assessment } from './assessment';
import type { TeamFigures } from '../metrics/types';
import { teamMembers } from '../owners/model';
import type { Component, HandoffRecord, OwnersModel } from '../owners/model';
import { mergeModels } from '../metrics/acrossRepositories';
import { isPartialMonth } from '../metrics/months';
import type { TeamOutcomeView } from '../outcomes/teamOutcomeView';
import { candidateTeam, componentSuggestion, ComponentSuggestion } from './candidates';

export type { MonthlyShare, TeamFigures };

/**
 * `falling`/`rising`: a steady slope that stands out of the month-to-month noise; `varies`: no steady
 * direction but months far apart; `flat`: months close together; `unknown`: under three months with data.
 */
export type Trend = 'falling' | 'rising' | 'flat' | 'varies' | 'unknown';

/**
 * A component the lead owns (`owned`: docs/figures.md ("Components") `delegateTo` is the `candidate`, null when nobody else
 * worked on it) or carries (`carried`: someone else owns it and the lead wrote at least
 * `thresholds.leadShare` of its lines). A carried component already has its owner: there is nobody to
 * hand it to, the owner should drive it; `ownerLines` is null in team-only mode.
 */
export type DelegationRow = {
  component: string;
  name: string;
  owner: string;
  lines: number;
  leadLines: number;
} &
  // `candidateHidden`: team-only mode, and others changed it: there is a candidate, it is not named.
  (
    | { kind: 'owned'; candidate: string | null; candidateHidden?: boolean; candidateWhy?: string }
    | { kind: 'carried'; ownerLines: number | null }
  );

/** Everything the team report shows, computed once; the webview and the exports only format it. */
export interface TeamReportView {
  team: { id: string; name: string; lead: string; members: string[] };
  /** `since` inclusive, `until` exclusive (UTC dates); show it with `windowLabel`. */
  window: { since: string; until: string };
  /** False until pull requests were fetched: the figures are then absent, not zero. */
  hasData: boolean;
  figures: TeamFigures | undefined;
  monthly: MonthlyShare[];
  /** The lead's share over the months shown: see `trendOf`. */
  trend: Trend;
  thresholds: { leadShare: number; watch: number; minPullRequests: number };
  components: {
    id: string;
    name: string;
    owner: string;
    outcomes: { id: string; name: string; target?: string; link?: string }[];
  }[];
  /** `component` is the id, `componentName` its display name (the id when it has none). */
  handoffs: (HandoffRecord & { component: string; componentName: string })[];
  fetchedAt?: string;
  /** Components the lead owns or carries, in file order. */
  delegation: DelegationRow[];
  /** Team-only mode: no individual but the lead is named. */
  teamOnly: boolean;
  /** Per component id, whom the report suggests (could go to, backup, handoff or rotation) and why; see candidates.ts. */
  suggestions: Record<string, ComponentSuggestion>;
  /** A team across repositories: each repository's part of the summed figures (absent for one repository). */
  repositories?: { repo: string; pullRequests: number; lines: number; leadLines: number }[];
  /** The outcomes the team's components answer for, as at the window's end, with their history (editor only). */
  outcomeValues?: TeamOutcomeView[];
  /** The signals read for the team's size and the direction over whole months, with the next step (absent without figures). */
  assessment?: Assessment;
}

/** Builds the report of `teamId` from the model, its figures and its monthly series. */
export function buildTeamReport(
  model: OwnersModel,
  teamId: string,
  figures: TeamFigures | undefined,
  monthly: MonthlyShare[],
  window: { since: string; until: string },
  fetchedAt?: string,
  hasData = figures !== undefined || fetchedAt !== undefined,
  teamOnly = false,
  allTeams: readonly TeamFigures[] = figures ? [figures] : [],
): TeamReportView {
  const team = model.teams.get(teamId);
  const components = [...model.components.values()].filter(c => c.team === teamId);
  const suggestions: Record<string, ComponentSuggestion> = {};
  for (const f of figures?.componentFigures ?? [])
    suggestions[f.component] = componentSuggestion(f, candidateTeam(model, teamId), allTeams);
  return {
    delegation: delegationOf(model, teamId, figures, teamOnly, suggestions),
    teamOnly,
    suggestions,
    team: {
      id: teamId,
      name: team?.name ?? teamId,
      lead: team?.lead ?? figures?.lead ?? '',
      members: team?.members ?? [],
    },
    window,
    hasData,
    figures,
    monthly,
    trend: trendOf(monthly),
    // The months run over the trend window, which ends where the report's does.
    assessment:
      figures &&
      assessTeam(
        figures,
        team ? teamMembers(team).size : 1,
        monthly,
        monthly.length ? monthsWindow({ monthly, window }) : undefined,
      ),
    thresholds: {
      leadShare: model.metrics.leadShareThreshold,
      watch: model.metrics.watchThreshold,
      minPullRequests: model.metrics.minPullRequests,
    },
    components: components.map(c => ({
      id: c.id,
      name: c.name ?? c.id,
      owner: c.owner,
      outcomes: outcomesOf(model, c),
    })),
    handoffs: components
      .flatMap(c =>
        c.handoffs
          .filter(h => h.date >= window.since && h.date < window.until)
          .map(h => ({ ...h, component: c.id, componentName: c.name ?? c.id })),
      )
      .sort((a, b) => a.date.localeCompare(b.date)),
    fetchedAt,
  };
}

function delegationOf(
  model: OwnersModel,
  teamId: string,
  figures: TeamFigures | undefined,
  teamOnly: boolean,
  suggestions: Record<string, ComponentSuggestion>,
): TeamReportView['delegation'] {
  const lead = (model.teams.get(teamId)?.lead ?? '').toLowerCase();
  if (!lead) return [];
  const out: TeamReportView['delegation'] = [];
  for (const c of model.components.values()) {
    if (c.team !== teamId) continue;
    const f = figures?.componentFigures.find(x => x.component === c.id);
    const name = c.name ?? c.id;
    if (c.owner.toLowerCase() === lead) {
      const othersWrote = !!f && f.lines > f.leadLines;
      out.push({
        component: c.id,
        name,
        owner: c.owner,
        kind: 'owned',
        lines: f?.lines ?? 0,
        leadLines: f?.leadLines ?? 0,
        ...(teamOnly
          ? { candidate: null, candidateHidden: othersWrote }
          : {
              candidate: suggestions[c.id]?.delegate?.login ?? null,
              ...(suggestions[c.id]?.delegate
                ? { candidateWhy: suggestions[c.id].delegate!.why }
                : {}),
            }),
      });
    } else if (f && f.lines > 0 && f.leadLines / f.lines >= model.metrics.leadShareThreshold) {
      // The lead does the work of someone else's component: its owner should drive it, nobody needs to be handed it.
      out.push({
        component: c.id,
        name,
        owner: c.owner,
        kind: 'carried',
        lines: f.lines,
        leadLines: f.leadLines,
        ownerLines: f.ownerLines,
      });
    }
  }
  return out;
}

function outcomesOf(model: OwnersModel, c: Component) {
  return c.outcomes.map(id => {
    const o = model.outcomes.get(id);
    return { id, name: o?.name ?? id, target: o?.target, link: o?.link };
  });
}

/** The window's last day, included (the day before the exclusive `until`). */
export function lastDay(window: { until: string }): string {
  return new Date(Date.parse(`${window.until}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The window as people read it: both days included ("2026-09-01 to 2026-11-29"). */
export function windowLabel(window: { since: string; until: string }): string {
  return `${window.since} to ${lastDay(window)}`;
}

export const NO_DATA_WORDS =
  'No pull-request data yet. Run "Ownership: Refresh Pull Request Data" (the cloud button in the Ownership view) to fetch the merged pull requests from GitHub.';

/**
 * The lead's share over the whole months with data, from a least-squares line: a direction only when the
 * slope is at least two share points a month and the change along the line is at least twice the
 * months' scatter around it; otherwise `varies` when the months span 20 share points or more, else `flat`.
 */
export function trendOf(monthly: MonthlyShare[]): Trend {
  // Whole months only: a month the window holds a few days of is no fall or rise (docs/figures.md ("Months")).
  const points = monthly
    .filter(m => m.lines > 0 && !isPartialMonth(m))
    .map((m, i) => [i, m.leadShare] as const);
  if (points.length < 3) return 'unknown';
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const slope =
    points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) /
    points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  const scatter = Math.sqrt(
    points.reduce((s, p) => s + (p[1] - (my + slope * (p[0] - mx))) ** 2, 0) / (n - 2),
  );
  // Two share points a month is a visible change over a quarter; a slope the monthly swings could draw by chance is no direction.
  if (Math.abs(slope) >= 0.02 && Math.abs(slope) * (n - 1) >= 2 * scatter)
    return slope < 0 ? 'falling' : 'rising';
  const shares = points.map(p => p[1]);
  return Math.max(...shares) - Math.min(...shares) >= 0.2 ? 'varies' : 'flat';
}

export const FLAG_WORDS: Record<TeamFigures['flag'], string> = {
  'doing-the-work': 'Doing the work: the lead writes most of the code',
  watch: 'Watch: the lead writes a large share of the code',
  // Said of the pull requests, not of the person (the id stays `absent` in JSON and the CLI).
  absent: 'Not involved in pull requests: the lead neither wrote nor reviewed any in this window',
  ok: 'OK: the team carries the work',
  'insufficient-data': 'Not enough pull requests to judge',
};

/** A share as a percentage; null (reviews unknown to the git source) reads "unknown", never 0%. */
export const pct = (share: number | null) =>
  share === null ? 'unknown' : `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

/** Counts as every view shows them ("17,462"); re-exported for the report's modules. */
export { num } from '../format';

/**
 * The report of a team across repositories: `figures` and `monthly` summed over all of them
 * (teamsAcrossRepositories), components, outcomes and handoffs from every repository's OWNERS.yaml.
 */
export function buildTeamReportAcross(
  models: readonly OwnersModel[],
  teamId: string,
  figures: TeamFigures | undefined,
  monthly: MonthlyShare[],
  parts: readonly { repo: string; figures: TeamFigures }[],
  window: { since: string; until: string },
  fetchedAt: string | undefined,
  teamOnly: boolean,
): TeamReportView {
  const view = buildTeamReport(
    mergeModels(models),
    teamId,
    figures,
    monthly,
    window,
    fetchedAt,
    true,
    teamOnly,
  );
  return {
    ...view,
    repositories: parts.map(p => ({
      repo: p.repo,
      pullRequests: p.figures.pullRequests,
      lines: p.figures.lines,
      leadLines: p.figures.leadLines,
    })),
  };
}
