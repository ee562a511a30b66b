import { parseRepo, RepoRef } from './types';

/**
 * OWNER/NAME from a git remote URL (https, ssh, scp-like `git@host:owner/name.git`), or undefined.
 * Any host is accepted: GitHub Enterprise remotes look the same.
 */
export function repoFromRemoteUrl(url: string): RepoRef | undefined {
  const m =
    /^(?:[a-z+]+:\/\/(?:[^@/]+@)?[^/]+(?::\d+)?\/|[^@\s]+@[^:\s]+:)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(
      url.trim(),
    );
  // Held to the same rules as --repo: a remote `../..` must not become an API path.
  return m ? parseRepo(`${m[1]}/${m[2]}`) : undefined;
}
