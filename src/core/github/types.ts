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
  // An owner is a login (no dots); a name may hold dots but is never `.` or `..` (`../..` would walk up the API path).
  const m = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9_.-]{1,100})$/.exec(text.trim());
  const name = m?.[2].replace(/\.git$/, '');
  return m && name && !/^\.+$/.test(name) ? { owner: m[1], name } : undefined;
}
