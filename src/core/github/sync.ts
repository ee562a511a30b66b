import { CACHE_VERSION, CacheData } from './cache';
import { readCache, writeCache } from './cacheStore';
import { createGitHubClient } from './client';
import type { EtagStore, TransportOptions } from './transport';
import type { RepoRef, SyncedPullRequest } from './types';
import { now as clockNow } from '../clock';

/** Re-read pull requests updated this long before the last high-water mark (clock skew, same-second updates). */
const OVERLAP_MS = 5 * 60_000;

export interface SyncOptions {
  github: Omit<TransportOptions, 'etags'> & { pageSize?: number };
  repo: RepoRef;
  /** Earliest merge instant the caller needs (ISO); older pull requests may be fetched but are not required. */
  since: string;
  /** Also fetch commit authors (docs/figures.md ("Which changes count"): co-author credit); a cache without them is then fetched again. */
  commitAuthors?: boolean;
  /** The repository cache lives here; without it every sync is a full one. */
  cacheDir?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface SyncResult {
  pullRequests: SyncedPullRequest[];
  apiRequests: number;
  /** How the cache served: `unchanged` = nothing new (1-2 requests); `rebuilt` = a corrupt cache was discarded. */
  cache: 'none' | 'created' | 'updated' | 'unchanged' | 'rebuilt';
  /** Why a cache was not trusted, when it was not. */
  cacheProblem?: string;
  fetchedAt: string;
}

/**
 * Brings the repository's merged pull requests up to date: a full fetch back to `since` the first
 * time, then only what GitHub updated since the last sync, guarded by a free conditional REST probe.
 */
export async function syncPullRequests(o: SyncOptions): Promise<SyncResult> {
  const repo = `${o.repo.owner}/${o.repo.name}`;
  const apiUrl = o.github.apiUrl.replace(/\/+$/, '');
  const now = o.now ?? clockNow;
  const log = o.log ?? (() => undefined);
  const read = o.cacheDir ? readCache(o.cacheDir, { repo, apiUrl }) : { kind: 'missing' as const };
  let cacheProblem: string | undefined;
  if (read.kind === 'corrupt') {
    cacheProblem = read.reason;
    log(`Pull-request cache for ${repo} is corrupt (${read.reason}); rebuilding it.`);
  }
  const old = read.kind === 'ok' ? read.data : undefined;
  // A cache that lacks fields this run needs is kept (its entries, its ETag) but read again back to `since`.
  const stale = !old
    ? undefined
    : old.version !== CACHE_VERSION
      ? 'was written by an older version (no titles or links)'
      : o.commitAuthors && !old.commitAuthors
        ? 'has no commit authors (co-author credit was off)'
        : undefined;
  if (stale) log(`Pull-request cache for ${repo} ${stale}; fetching the window again.`);
  // Once a cache holds commit authors, updates keep fetching them so every entry stays complete.
  const withCommits = o.commitAuthors === true || (!stale && old?.commitAuthors === true);
  const etags: Record<string, { etag: string; body: string }> = { ...(old?.etags ?? {}) };
  const etagStore: EtagStore = {
    get: url => etags[url],
    set: (url, etag, body) => {
      etags[url] = { etag, body };
    },
  };
  const client = createGitHubClient({ ...o.github, etags: etagStore });
  const fetchedAt = now().toISOString();
  const byNumber = new Map<number, SyncedPullRequest>(
    (old?.pullRequests ?? []).map(p => [p.number, p]),
  );

  let coveredSince = o.since;
  let checkedUpTo = old?.checkedUpTo ?? new Date(0).toISOString();
  let status: SyncResult['cache'];
  if (old && !stale && Date.parse(old.coveredSince) <= Date.parse(o.since)) {
    coveredSince = old.coveredSince;
    const latest = await client.latestClosedUpdate(o.repo);
    if (latest === undefined || Date.parse(latest) <= Date.parse(old.checkedUpTo)) {
      status = 'unchanged';
    } else {
      const stop = new Date(Date.parse(old.checkedUpTo) - OVERLAP_MS).toISOString();
      for (const pr of await client.mergedPullRequests(o.repo, stop, {
        commitAuthors: withCommits,
      }))
        byNumber.set(pr.number, pr);
      checkedUpTo = maxIso(checkedUpTo, latest);
      status = 'updated';
    }
  } else {
    // No usable cache, or one that does not reach back to `since`: read back to `since`.
    const latest = old ? await client.latestClosedUpdate(o.repo) : undefined;
    for (const pr of await client.mergedPullRequests(o.repo, o.since, {
      commitAuthors: withCommits,
    }))
      byNumber.set(pr.number, pr);
    if (latest) checkedUpTo = maxIso(checkedUpTo, latest);
    status = old ? 'updated' : cacheProblem ? 'rebuilt' : o.cacheDir ? 'created' : 'none';
  }
  const pullRequests = [...byNumber.values()].sort(
    (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.number - a.number,
  );
  for (const pr of pullRequests) checkedUpTo = maxIso(checkedUpTo, pr.updatedAt);

  const data: CacheData = {
    version: CACHE_VERSION,
    repo,
    apiUrl,
    coveredSince,
    checkedUpTo,
    fetchedAt,
    etags,
    commitAuthors: withCommits,
    pullRequests,
  };
  if (
    o.cacheDir &&
    (status !== 'unchanged' || JSON.stringify(etags) !== JSON.stringify(old?.etags ?? {}))
  ) {
    try {
      writeCache(o.cacheDir, data);
    } catch (e) {
      log(`Could not write the pull-request cache: ${(e as Error).message}`);
    }
  }
  return {
    pullRequests,
    apiRequests: client.transport.requests,
    cache: status,
    cacheProblem,
    fetchedAt,
  };
}

function maxIso(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
