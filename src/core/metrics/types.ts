/**
 * One change as the metrics need it: a merged pull request of GitHub (`PullRequestRecord`), or a
 * change on the first-parent line of the git source, whose `number` is the request number its
 * message names (or null) and `commit` its hash. Logins as GitHub spells them.
 */
export interface ChangeRecord {
  number: number | null;
  /** The full hash of the change (git source only). */
  commit?: string;
  author: string;
  authorIsBot: boolean;
  /** ISO 8601. */
  mergedAt: string;
  files: { path: string; additions: number; deletions: number }[];
  reviews: { author: string; state: string }[];
  /** docs/figures.md ("Evidence and what was left out") evidence; absent in data fetched before they were asked for. */
  title?: string;
  url?: string | null;
  /**
   * Logins of the GitHub users among the authors of its commits (`Co-authored-by:` included), as
   * GitHub spells them; absent when they were not fetched (co-author credit off).
   */
  commitAuthors?: string[];
}

/** One merged pull request as the metrics need it (docs/architecture.md, "How the figures are made"). */
export interface PullRequestRecord extends ChangeRecord {
  number: number;
}

export type LeadFlag = 'doing-the-work' | 'watch' | 'absent' | 'ok' | 'insufficient-data';

/**
 * docs/figures.md ("Signals of a team") signals, in the order they are listed, `lead-inactive` (docs/figures.md ("Ownership in practice")) after them, then the info
 * signals of the git source: `lead-unmapped` (no commit maps to the lead's login) and `reviews-unknown`.
 */
export type TeamSignal =
  | 'insufficient-data'
  | 'doing-the-work'
  | 'watch'
  | 'absent'
  | 'bottleneck'
  | 'holds-ownership'
  | 'lead-inactive'
  | 'lead-unmapped'
  | 'reviews-unknown';
export const SIGNAL_ORDER: readonly TeamSignal[] = [
  'insufficient-data',
  'doing-the-work',
  'watch',
  'absent',
  'bottleneck',
  'holds-ownership',
  'lead-inactive',
  'lead-unmapped',
  'reviews-unknown',
];
/** Signals that describe the data rather than the team. */
export const INFO_SIGNALS: ReadonlySet<TeamSignal> = new Set<TeamSignal>([
  'lead-unmapped',
  'reviews-unknown',
]);

/** A component's signals (ownership in practice), in the order inPractice.ts decides them. */
export type ComponentSignal = 'nominal-owner' | 'owner-inactive';

export type { KnowledgeFigures } from '../knowledge/types';
import type { KnowledgeFigures } from '../knowledge/types';

/** One component's figures (docs/figures.md ("Components") `componentFigures`). */
export interface ComponentFigures {
  component: string;
  owner: string;
  pullRequests: number;
  lines: number;
  /** The owner's lines in the component; null in team-only mode when the owner is not the lead. */
  ownerLines: number | null;
  leadLines: number;
  /** The top 3 authors; `share` = of the component's lines. */
  authors: AuthorFigures[];
  /** Only on a component the lead owns: who else wrote the most of it (null: nobody, or another owner). */
  delegateTo: string | null;
  // Ownership in practice.
  /** The component's pull requests credited to the owner; null in team-only mode when the owner is not the lead. */
  ownerPullRequests: number | null;
  /** Its pull requests authored by someone else that the owner reviewed; null when reviews are unknown (or hidden, as above). */
  ownerReviews: number | null;
  /** Merge date (YYYY-MM-DD) of the newest of either; null when none (or hidden). */
  ownerLastActive: string | null;
  signals: ComponentSignal[];
  /** Who knows its files, from the git history; null for the GitHub source. */
  knowledge: KnowledgeFigures | null;
  /** The person other than the owner who knows the most of its files; null when none, or for the GitHub source. */
  backup: string | null;
}

/** One calendar month (UTC) of a team (docs/figures.md ("Months") `months`). */
export interface MonthFigures {
  month: string;
  /** Days of the month inside the window: under the month's length at a window's edge (a partial month). */
  days: number;
  pullRequests: number;
  lines: number;
  /** Distinct people credited with the team's pull requests that month. */
  authors: number;
  leadShare: number;
}

/** One pull request behind the figures (docs/figures.md ("Evidence and what was left out") `topPullRequests`). */
export interface TopPullRequest {
  /** null: a change of the git source whose message names no request. */
  number: number | null;
  title: string;
  url: string | null;
  /** The pull request's author; null in team-only mode when it is not the lead. */
  author: string | null;
  lines: number;
  /** The change's full hash (git source only). */
  commit?: string;
}

/** What was left out that would otherwise have counted for the team (docs/figures.md ("Evidence and what was left out") `excluded`). */
export interface ExcludedFigures {
  botPullRequests: number;
  ignoredAuthorPullRequests: number;
  ignoredPathLines: number;
  generatedLines: number;
}

export interface AuthorFigures {
  login: string;
  pullRequests: number;
  lines: number;
  /** The author's lines / the team's lines. */
  share: number;
}

/** One team's figures, docs/figures.md ("Lead authorship"). */
export interface TeamFigures {
  team: string;
  lead: string;
  pullRequests: number;
  lines: number;
  leadPullRequests: number;
  leadLines: number;
  leadShare: number;
  leadPullRequestShare: number;
  /** null when reviews are unknown (the git source on a history without review trailers). */
  leadReviewedShare: number | null;
  flag: LeadFlag;
  authors: AuthorFigures[];
  // Report v2: added after the lead-authorship fields so old readers keep working.
  leadOwnedComponents: number;
  components: number;
  leadSoleApprovalShare: number | null;
  signals: TeamSignal[];
  componentFigures: ComponentFigures[];
  months: MonthFigures[];
  topPullRequests: TopPullRequest[];
  excluded: ExcludedFigures;
  /** Knowledge over the union of its components' files; null for the GitHub source. */
  knowledge: KnowledgeFigures | null;
}

/** docs/figures.md ("The report as JSON") `report --json` without `repo` and `apiRequests`. */
export interface LeadReport {
  window: { since: string; until: string };
  pullRequests: number;
  teams: TeamFigures[];
  /** Knowledge over every file a component owns; null for the GitHub source. */
  knowledge: KnowledgeFigures | null;
}

/** Where the figures came from: GitHub's pull requests or the repository's own history. */
export type FiguresSource = 'github' | 'git';

/** What the git source knows of the whole history, beyond the changes of the window. */
export interface HistoryFacts {
  /** False when no change of the window carries a review trailer: review figures are null. */
  reviewsKnown: boolean;
  /** Leads (lower-cased logins) that no commit author of the history maps to. */
  unmappedLeads: ReadonlySet<string>;
}

/** `since`/`until` as YYYY-MM-DD (UTC); since inclusive, until exclusive. */
export interface ReportWindow {
  since: string;
  until: string;
}
