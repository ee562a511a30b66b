import {
  RepositoryPart,
  TeamsAcrossRepositories,
  teamsAcrossRepositories,
} from '../metrics/acrossRepositories';
import type { MonthlyShare } from '../metrics/monthly';
import type { ReportWindow } from '../metrics/types';
import { shapeAcross } from './teamOnly';

/** Teams over several repositories: the summed figures in the flags' window, and their months on request. */
export interface AcrossFigures {
  result: TeamsAcrossRepositories;
  /** Per team, its months over the trend window, summed the same way: computed on the first call only. */
  monthly: () => Map<string, MonthlyShare[]>;
  teamOnly: boolean;
}

/**
 * docs/figures.md over several repositories (team ids are organisation-wide): each part
 * attributed with its own OWNERS.yaml and .gitattributes, every team summed over the union.
 * Give each part a `resolutions` map to share path resolutions between the two windows.
 */
export function figuresAcrossRepositories(
  parts: readonly RepositoryPart[],
  windows: { flag: ReportWindow; trend?: ReportWindow },
  teamOnly: boolean,
  warn?: (line: string) => void,
): AcrossFigures {
  const result = shapeAcross(teamsAcrossRepositories(parts, windows.flag, warn), teamOnly);
  let months: Map<string, MonthlyShare[]> | undefined;
  const monthly = () =>
    (months ??= windows.trend
      ? new Map(
          teamsAcrossRepositories(parts, windows.trend).report.teams.map(t => [t.team, t.months]),
        )
      : new Map());
  return { result, monthly, teamOnly };
}
