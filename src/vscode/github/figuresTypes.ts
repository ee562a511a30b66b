import type { RepositoryFigures } from '../../core/figures/repository';
import type { SyncedPullRequest } from '../../core/github/types';
import type { TeamsAcrossRepositories } from '../../core/metrics/acrossRepositories';
import type { MonthlyShare } from '../../core/metrics/monthly';
import type { ReportWindow } from '../../core/metrics/types';
import type { OwnersModel } from '../../core/owners/model';

// What the editor's figures views (tree, hovers, report panel, status item) are given.

export type FetchStatus =
  { kind: 'never' } | { kind: 'fetching' } | { kind: 'ok' } | { kind: 'failed'; message: string };

/** One repository's pull requests as last fetched, and how the last attempt went. */
export interface RepoPullRequests {
  repo: string;
  pullRequests: SyncedPullRequest[];
  fetchedAt?: string;
  status: FetchStatus;
  apiRequests?: number;
  /** Set when the figures come from the folder's own git history: the commit they were computed at and the changes counted. */
  source?: 'git';
  tip?: string;
  changes?: number;
}

/** Teams over every repository in view, summed per pull request (issue 12: team ids are organisation-wide). */
export interface CrossRepositoryView {
  result: TeamsAcrossRepositories;
  window: ReportWindow;
  teamOnly: boolean;
  /** Repositories in view not fetched yet (a refresh will read them). */
  pending: string[];
  /** Repositories in view that a refresh read and that add nothing, with why (no OWNERS.yaml, not found, fetch failed). */
  leftOut: { repo: string; why: string }[];
  /** The oldest fetch among the summed repositories. */
  fetchedAt: string;
  /** Per team, its months over the trend window, summed the same way: computed when a report asks for them. */
  monthly: () => Map<string, MonthlyShare[]>;
  /** Every summed repository's OWNERS.yaml model, in order (the report lists components from all). */
  models: OwnersModel[];
  thresholds: { leadShare: number; watch: number; minPullRequests: number };
}

/** One repository's figures (core/figures/repository.ts) and the data they were computed from. */
export interface TeamFiguresView extends RepositoryFigures {
  data: RepoPullRequests;
}
