/** What a change's message says of the pull or merge request it came from. */

/**
 * The request number the message names, first rule that applies: a subject
 * `Merge pull request #N from …`, a subject ending in `(#N)`, or `See merge request GROUP/NAME!N`
 * anywhere in the message; else null.
 */
export function requestNumber(subject: string, body: string): number | null {
  const m =
    /^Merge pull request #(\d+) from /.exec(subject) ??
    /\(#(\d+)\)\s*$/.exec(subject) ??
    /See merge request [^\s!]+!(\d+)/.exec(`${subject}\n${body}`);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/** The request's title: the first line of a GitHub merge commit's body, else the subject. */
export function requestTitle(subject: string, body: string): string {
  if (/^Merge pull request #\d+ from /.test(subject)) {
    const first = body.split('\n', 1)[0].trim();
    if (first) return first;
  }
  return subject;
}

/** Where `origin` points: its host and path (without `.git` and slashes at either end). */
export interface RemoteLocation {
  host: string;
  path: string;
}

/** Host and path of a remote URL (https, http, ssh or scp-like); undefined for a local path or anything else. */
export function remoteLocation(url: string): RemoteLocation | undefined {
  const u = url.trim();
  let host: string;
  let rest: string;
  const full =
    /^(?:https?|ssh|git\+ssh|ssh\+git):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:]+)(?::\d*)?(\/.*)$/i.exec(
      u,
    );
  if (full) {
    host = full[1];
    rest = full[2];
  } else {
    // scp-like: [user@]host:path, where host has no slash (else it is a local path).
    const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(u);
    if (!scp || /^[a-z]$/i.test(scp[1])) return undefined; // C:\… is a Windows path
    host = scp[1];
    rest = scp[2];
  }
  const path = rest
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '');
  if (!path || path.split('/').some(s => s === '' || s === '.' || s === '..')) return undefined;
  return { host: host.toLowerCase(), path };
}

const isGitLab = (host: string) => host.includes('gitlab');

/** `OWNER/NAME` (or a GitLab `GROUP/…/NAME`) that `origin` names, else undefined. */
export function repoOfRemote(loc: RemoteLocation | undefined): string | undefined {
  if (!loc) return undefined;
  const parts = loc.path.split('/');
  if (parts.length < 2) return undefined;
  return isGitLab(loc.host) ? loc.path : parts.slice(-2).join('/');
}

/** The request's page on github.com or a GitLab host, when there is a number; else null. */
export function requestUrl(loc: RemoteLocation | undefined, n: number | null): string | null {
  if (n === null || !loc) return null;
  const repo = repoOfRemote(loc);
  if (!repo) return null;
  if (loc.host === 'github.com') return `https://github.com/${repo}/pull/${n}`;
  if (isGitLab(loc.host)) return `https://${loc.host}/${repo}/-/merge_requests/${n}`;
  return null;
}
