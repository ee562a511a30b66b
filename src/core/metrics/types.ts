/** One merged pull request as the metrics need it (CONTRACTS.md); logins as GitHub spells them. */
export interface PullRequestRecord {
  number: number;
  author: string;
  authorIsBot: boolean;
  /** ISO 8601. */
  mergedAt: string;
  files: { path: string; additions: number; deletions: number }[];
  reviews: { author: string; state: string }[];
}

export type LeadFlag = 'doing-the-work' | 'watch' | 'absent' | 'ok' | 'insufficient-data';

export interface AuthorFigures {
  login: string;
  pullRequests: number;
  lines: number;
  /** The author's lines / the team's lines. */
  share: number;
}

/** One team's figures, SPEC section 4. */
export interface TeamFigures {
  team: string;
  lead: string;
  pullRequests: number;
  lines: number;
  leadPullRequests: number;
  leadLines: number;
  leadShare: number;
  leadPullRequestShare: number;
  leadReviewedShare: number;
  flag: LeadFlag;
  authors: AuthorFigures[];
}

/** SPEC section 4's `report --json` without `repo` and `apiRequests`. */
export interface LeadReport {
  window: { since: string; until: string };
  pullRequests: number;
  teams: TeamFigures[];
}

/** `since`/`until` as YYYY-MM-DD (UTC); since inclusive, until exclusive. */
export interface ReportWindow {
  since: string;
  until: string;
}
