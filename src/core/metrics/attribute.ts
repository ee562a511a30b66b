import type { OwnershipIndex } from '../owners/resolve';
import { createBotFilter, createPathFilter, createWindowFilter } from './exclusions';
import type { PullRequestRecord, ReportWindow } from './types';

/** A counted pull request and the lines of its remaining files per team id. */
export interface AttributedPullRequest {
  pr: PullRequestRecord;
  teamLines: Map<string, number>;
}

/**
 * The window's merged, non-bot pull requests with their remaining (not ignored) files' lines
 * summed per owning team. A pull request appears even when none of its files belongs to a team.
 */
export function attributePullRequests(index: OwnershipIndex, prs: readonly PullRequestRecord[], window: ReportWindow): AttributedPullRequest[] {
  const settings = index.model.metrics;
  const isBot = createBotFilter(settings.ignoreAuthors);
  const inWindow = createWindowFilter(window);
  const ignored = createPathFilter(settings);
  // Paths repeat across pull requests; resolving each once keeps 50,000 PRs well under a second.
  const teamOfPath = new Map<string, string | null>();
  const resolveTeam = (path: string): string | null => {
    if (ignored(path)) return null;
    const o = index.ownerOf(path);
    return o.kind === 'owned' && index.model.teams.has(o.component.team) ? o.component.team : null;
  };
  const teamOf = (path: string): string | null => {
    const known = teamOfPath.get(path);
    if (known !== undefined) return known;
    const team = resolveTeam(path);
    teamOfPath.set(path, team);
    return team;
  };
  const out: AttributedPullRequest[] = [];
  for (const pr of prs) {
    if (!inWindow(pr) || isBot(pr)) continue;
    const teamLines = new Map<string, number>();
    for (const f of pr.files) {
      const team = teamOf(f.path);
      if (team !== null) teamLines.set(team, (teamLines.get(team) ?? 0) + f.additions + f.deletions);
    }
    out.push({ pr, teamLines });
  }
  return out;
}

/** True when `login` submitted at least one review on `pr` in a state other than PENDING. */
export function reviewedBy(pr: PullRequestRecord, login: string): boolean {
  const l = login.toLowerCase();
  return pr.reviews.some(r => r.state !== 'PENDING' && r.author.toLowerCase() === l);
}
