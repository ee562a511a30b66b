import type { RepoRef } from './types';

/**
 * OWNER/NAME from a git remote URL (https, ssh, scp-like `git@host:owner/name.git`), or undefined.
 * Any host is accepted: GitHub Enterprise remotes look the same.
 */
export function repoFromRemoteUrl(url: string): RepoRef | undefined {
  const m = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?[^/]+(?::\d+)?\/|[^@\s]+@[^:\s]+:)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? { owner: m[1], name: m[2] } : undefined;
}
