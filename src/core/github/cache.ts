import { createHash } from 'crypto';
import type { SyncedPullRequest } from './types';

/**
 * 2 added pull-request titles and links (and commit authors when `commitAuthors`). A version 1 cache
 * is still read, so its figures show at once, but is never brought up to date incrementally: the
 * next sync fetches the whole window again so every pull request gains its title and link.
 */
export const CACHE_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

/** What one repository's cache holds. */
export interface CacheData {
  version: number;
  /** "owner/name" as configured, and the API it came from: a cache never serves another repository. */
  repo: string;
  apiUrl: string;
  /** Every merged pull request updated at or after this instant is in `pullRequests` (as of `checkedUpTo`). */
  coveredSince: string;
  /** Latest `updatedAt` GitHub had shown when the cache was last brought up to date. */
  checkedUpTo: string;
  fetchedAt: string;
  etags: Record<string, { etag: string; body: string }>;
  /** True when every pull request was fetched with its commit authors (co-author credit). */
  commitAuthors?: boolean;
  pullRequests: SyncedPullRequest[];
}

export type CacheRead =
  { kind: 'ok'; data: CacheData } | { kind: 'missing' } | { kind: 'corrupt'; reason: string };

/** Serialises with a checksum over the content, so truncation or hand edits are detected. */
export function encodeCache(data: CacheData): string {
  const body = JSON.stringify(data);
  return `{"checksum":"${sha256(body)}","data":${body}}\n`;
}

/** Parses and checks a cache file's text; anything unexpected is `corrupt` with the reason, never trusted. */
export function decodeCache(text: string, expect: { repo: string; apiUrl: string }): CacheRead {
  let outer: { checksum?: unknown; data?: unknown };
  try {
    outer = JSON.parse(text) as typeof outer;
  } catch (e) {
    return { kind: 'corrupt', reason: `not valid JSON (${(e as Error).message})` };
  }
  if (!isObject(outer) || typeof outer.checksum !== 'string' || !isObject(outer.data))
    return { kind: 'corrupt', reason: 'unexpected layout' };
  if (sha256(JSON.stringify(outer.data)) !== outer.checksum)
    return { kind: 'corrupt', reason: 'checksum mismatch' };
  const d = outer.data as Partial<CacheData>;
  if (!READABLE_VERSIONS.includes(d.version as number))
    return { kind: 'corrupt', reason: `version ${String(d.version)}, expected ${CACHE_VERSION}` };
  if (d.repo !== expect.repo || d.apiUrl !== expect.apiUrl)
    return {
      kind: 'corrupt',
      reason: `holds ${String(d.repo)} from ${String(d.apiUrl)}, not ${expect.repo} from ${expect.apiUrl}`,
    };
  if (
    !isDate(d.coveredSince) ||
    !isDate(d.checkedUpTo) ||
    !isDate(d.fetchedAt) ||
    !isObject(d.etags) ||
    !Array.isArray(d.pullRequests)
  ) {
    return { kind: 'corrupt', reason: 'missing or malformed fields' };
  }
  const bad = d.pullRequests.findIndex(p => !isPullRequest(p));
  if (bad >= 0) return { kind: 'corrupt', reason: `pull request entry ${bad} is malformed` };
  return { kind: 'ok', data: d as CacheData };
}

/** A file name for the repository's cache inside the cache directory. */
export function cacheFileName(repo: string, apiUrl: string): string {
  const host = new URL(apiUrl).host;
  return `${`${host}_${repo}`.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
}

function isPullRequest(p: unknown): boolean {
  if (!isObject(p)) return false;
  const r = p as Record<string, unknown>;
  return (
    Number.isInteger(r.number) &&
    typeof r.author === 'string' &&
    typeof r.authorIsBot === 'boolean' &&
    isDate(r.mergedAt) &&
    isDate(r.updatedAt) &&
    Array.isArray(r.files) &&
    r.files.every(
      f =>
        isObject(f) &&
        typeof f.path === 'string' &&
        Number.isFinite(f.additions) &&
        Number.isFinite(f.deletions),
    ) &&
    Array.isArray(r.reviews) &&
    r.reviews.every(
      v => isObject(v) && typeof v.author === 'string' && typeof v.state === 'string',
    ) &&
    (r.title === undefined || typeof r.title === 'string') &&
    (r.url === undefined || typeof r.url === 'string') &&
    (r.commitAuthors === undefined ||
      (Array.isArray(r.commitAuthors) && r.commitAuthors.every(a => typeof a === 'string')))
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDate(v: unknown): v is string {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
