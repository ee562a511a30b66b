import type { PullRequestRecord } from '../metrics/types';

/** A pull request as synced: the metrics record plus when GitHub last updated it (for incremental syncs). */
export interface SyncedPullRequest extends PullRequestRecord {
  updatedAt: string;
}

export interface RepoRef {
  owner: string;
  name: string;
}

/** "owner/name" -> RepoRef, or undefined when malformed. */
export function parseRepo(text: string): RepoRef | undefined {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text.trim());
  return m ? { owner: m[1], name: m[2].replace(/\.git$/, '') } : undefined;
}
