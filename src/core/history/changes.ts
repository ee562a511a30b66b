import type { OwnersModel } from '../owners/model';
import type { ChangeRecord, ReportWindow } from '../metrics/types';
import { createAuthorRules } from '../metrics/exclusions';
import { createIdentityMapper, GitIdentity, MappedPerson, parseTrailerAddress } from './identity';
import { RemoteLocation, requestUrl } from './requestRef';

/**
 * One commit of the first-parent line as git gave it, before any OWNERS.yaml rule: what the cache
 * keeps (by hash), so that a change is read from git once whatever the owners file says.
 */
export interface RawChange {
  commit: string;
  parents: string[];
  /** Committer date, seconds since the epoch: the merge date. */
  time: number;
  /** The commit's own author, after `.mailmap`. */
  author: GitIdentity;
  /** The request number and title its message gives (see requestRef). */
  number: number | null;
  title: string;
  /** Co-authored-by, Reviewed-by, Approved-by and Acked-by trailers: key lower-cased, value as written. */
  trailers: [key: string, value: string][];
  /** [path, additions, deletions] against the first parent; a binary file has 0 and 0. */
  files: [string, number, number][];
  /** A merge's branch commits (`P2 … Pn ^P1`). */
  branch?: BranchCommits;
}

export interface BranchCommits {
  /** The author of the first branch commit (`--reverse --topo-order`); null when there is none. */
  first: GitIdentity | null;
  /** Every branch commit's author, distinct, in walk order. */
  authors: GitIdentity[];
  /** The branch commits' Co-authored-by values. */
  coAuthors: string[];
}

export interface GitRecords {
  records: ChangeRecord[];
  /** True when a change of the window carries a review trailer. */
  reviewsKnown: boolean;
  /** Leads (lower-cased) that no author of the window's changes maps to: the whole history must tell. */
  leadsNotSeen: Set<string>;
}

const APPROVING = new Set(['reviewed-by', 'approved-by']);

/**
 * The window's changes as the figures' records (docs/figures.md ("Figures from your git history")): the author (a merge's first branch commit's
 * author), logins from people.<login>.emails and no-reply addresses, bots, credited co-authors that
 * map to logins, reviews from the change's own trailers.
 */
export function gitChangeRecords(
  model: OwnersModel,
  changes: readonly RawChange[],
  window: ReportWindow,
  origin: RemoteLocation | undefined,
): GitRecords {
  const map = createIdentityMapper(model.people);
  const rules = createAuthorRules(model.metrics.ignoreAuthors);
  const since = Date.parse(`${window.since}T00:00:00Z`) / 1000;
  const until = Date.parse(`${window.until}T00:00:00Z`) / 1000;
  const seenLogins = new Set<string>();
  const note = (p: MappedPerson) => {
    if (p.hasLogin) seenLogins.add(p.id.toLowerCase());
    return p;
  };
  let reviewsKnown = false;
  const records: ChangeRecord[] = [];
  for (const c of changes) {
    if (c.parents.length === 0 || c.time < since || c.time >= until) continue;
    const authorIdentity = c.branch ? (c.branch.first ?? c.author) : c.author;
    const author = note(map(authorIdentity));
    note(map(c.author));
    const reviews: ChangeRecord['reviews'] = [];
    const coAuthorValues: string[] = [];
    for (const [key, value] of c.trailers) {
      if (key === 'co-authored-by') {
        coAuthorValues.push(value);
        continue;
      }
      const who = parseTrailerAddress(value);
      if (!who) continue;
      reviewsKnown = true;
      reviews.push({ author: map(who).id, state: APPROVING.has(key) ? 'APPROVED' : 'COMMENTED' });
    }
    const record: ChangeRecord = {
      number: c.number,
      commit: c.commit,
      author: author.id,
      authorIsBot: author.isBot,
      mergedAt: new Date(c.time * 1000).toISOString(),
      files: c.files.map(([path, additions, deletions]) => ({ path, additions, deletions })),
      reviews,
      title: c.title,
      url: requestUrl(origin, c.number),
    };
    if (c.branch) for (const a of c.branch.authors) note(map(a));
    if (model.metrics.creditCoAuthors) {
      // Credited only when the address maps to a login (as GitHub credits only GitHub users); bots never.
      const credited: string[] = [];
      const add = (p: MappedPerson) => {
        if (
          !p.hasLogin ||
          p.isBot ||
          rules.leftOut(p.id) ||
          p.id.toLowerCase() === author.id.toLowerCase()
        )
          return;
        if (!credited.some(x => x.toLowerCase() === p.id.toLowerCase())) credited.push(p.id);
      };
      if (c.branch) for (const a of c.branch.authors) add(map(a));
      for (const v of [...coAuthorValues, ...(c.branch?.coAuthors ?? [])]) {
        const who = parseTrailerAddress(v);
        if (who) add(map(who));
      }
      record.commitAuthors = credited;
    }
    records.push(record);
  }
  const leadsNotSeen = new Set(
    [...model.teams.values()]
      .map(t => t.lead.toLowerCase())
      .filter(l => l !== '' && !seenLogins.has(l)),
  );
  return { records, reviewsKnown, leadsNotSeen };
}

/** Of `logins` (lower-cased), those that one of the history's author addresses maps to. */
export function loginsMappedFrom(
  model: OwnersModel,
  authors: Iterable<GitIdentity>,
  logins: ReadonlySet<string>,
): Set<string> {
  const map = createIdentityMapper(model.people);
  const out = new Set<string>();
  for (const a of authors) {
    const p = map(a);
    if (p.hasLogin && logins.has(p.id.toLowerCase())) out.add(p.id.toLowerCase());
  }
  return out;
}
