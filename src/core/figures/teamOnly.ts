import type { TeamsAcrossRepositories } from '../metrics/acrossRepositories';
import { hideIndividuals, hideInTeam } from '../metrics/teamOnly';
import type { LeadReport } from '../metrics/types';
import type { OwnersModel } from '../owners/model';

/** Team-only mode: OWNERS.yaml's `metrics.teamOnly`, or the user's flag or setting; either one turns it on. */
export function teamOnlyWanted(model: OwnersModel, requested: boolean): boolean {
  return model.metrics.teamOnly || requested;
}

/** One repository's report as the mode wants it: with people, or with no one but each team's lead. */
export function shapeReport(report: LeadReport, teamOnly: boolean): LeadReport {
  return teamOnly ? hideIndividuals(report) : report;
}

/** The same over several repositories: the summed figures and each repository's part. */
export function shapeAcross(
  r: TeamsAcrossRepositories,
  teamOnly: boolean,
): TeamsAcrossRepositories {
  if (!teamOnly) return r;
  return {
    ...r,
    report: hideIndividuals(r.report),
    byRepository: new Map(
      [...r.byRepository].map(([team, list]) => [
        team,
        list.map(x => ({ ...x, figures: hideInTeam(x.figures) })),
      ]),
    ),
  };
}
