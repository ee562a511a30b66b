import type { OwnershipIndex } from '../owners/resolve';
import type { AttributionOptions } from './attribute';
import { computeLeadReport } from './compute';
import type { MonthFigures, PullRequestRecord, ReportWindow } from './types';

/** One team's month: pull requests, lines, active authors and the lead's share of the lines. */
export type MonthlyShare = MonthFigures;

/**
 * Per team id, docs/figures.md ("Months") `months` over `window` (same exclusions as `computeLeadReport`), every
 * month of the window present, oldest first; for the trend chart, whose window is longer than the flag's.
 */
export function monthlyLeadShare(
  index: OwnershipIndex,
  prs: readonly PullRequestRecord[],
  window: ReportWindow,
  options?: AttributionOptions,
): Map<string, MonthlyShare[]> {
  return new Map(computeLeadReport(index, prs, window, options).teams.map(t => [t.team, t.months]));
}
