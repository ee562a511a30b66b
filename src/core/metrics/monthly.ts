import type { OwnershipIndex } from '../owners/resolve';
import { attributePullRequests } from './attribute';
import type { PullRequestRecord, ReportWindow } from './types';

/** The lead's share of one team's lines in one calendar month (UTC). */
export interface MonthlyShare {
  month: string; // YYYY-MM
  leadShare: number;
  lines: number;
  pullRequests: number;
}

/**
 * Per team id, the lead's share of lines month by month over the window (same exclusions as
 * `computeLeadReport`), every month of the window present, oldest first; for the trend chart.
 */
export function monthlyLeadShare(index: OwnershipIndex, prs: readonly PullRequestRecord[], window: ReportWindow): Map<string, MonthlyShare[]> {
  const months = monthsOf(window);
  const result = new Map<string, MonthlyShare[]>();
  const slot = new Map<string, Map<string, { lines: number; leadLines: number; pullRequests: number }>>();
  for (const id of index.model.teams.keys()) {
    slot.set(id, new Map(months.map(m => [m, { lines: 0, leadLines: 0, pullRequests: 0 }])));
  }
  for (const { pr, teamLines } of attributePullRequests(index, prs, window)) {
    const month = new Date(pr.mergedAt).toISOString().slice(0, 7);
    for (const [teamId, lines] of teamLines) {
      const s = slot.get(teamId)!.get(month);
      if (!s) continue;
      s.lines += lines;
      s.pullRequests++;
      if (pr.author.toLowerCase() === index.model.teams.get(teamId)!.lead.toLowerCase()) s.leadLines += lines;
    }
  }
  for (const [id, byMonth] of slot) {
    result.set(id, [...byMonth].map(([month, s]) => ({ month, lines: s.lines, pullRequests: s.pullRequests, leadShare: s.lines ? s.leadLines / s.lines : 0 })));
  }
  return result;
}

function monthsOf(window: ReportWindow): string[] {
  const out: string[] = [];
  const end = new Date(`${window.until}T00:00:00Z`);
  const d = new Date(`${window.since.slice(0, 7)}-01T00:00:00Z`);
  while (d < end) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}
