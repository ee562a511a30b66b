import type { FiguresSource, LeadReport, TeamFigures } from '../metrics/types';
import type { HistoryPoint, OutcomeEntry } from '../outcomes/model';

/** An outcome of a team in `report --json`: its entry as at the window's end, with its history over the window. */
export type TeamOutcome = OutcomeEntry & { history: HistoryPoint[] };

/** docs/figures.md ("The report as JSON") `report --json`: one repository, or several (`repositories`). */
export interface ReportJson {
  repo: string;
  repositories?: string[];
  source: FiguresSource;
  window: LeadReport['window'];
  pullRequests: number;
  teams: (TeamFigures & { outcomes: TeamOutcome[] })[];
  knowledge: LeadReport['knowledge'];
  apiRequests: number;
}

/** The JSON of `report`, whatever the source: each team with its outcomes (none when it answers for none). */
export function reportJson(
  head: { repo: string; repositories?: string[]; source: FiguresSource },
  report: LeadReport,
  outcomes: ReadonlyMap<string, TeamOutcome[]>,
  apiRequests: number,
): ReportJson {
  return {
    repo: head.repo,
    ...(head.repositories ? { repositories: head.repositories } : {}),
    source: head.source,
    window: report.window,
    pullRequests: report.pullRequests,
    teams: report.teams.map(t => ({ ...t, outcomes: outcomes.get(t.team) ?? [] })),
    knowledge: report.knowledge,
    apiRequests,
  };
}
