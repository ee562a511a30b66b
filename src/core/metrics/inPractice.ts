import type { RepositoryKnowledge } from '../knowledge/knowledge';
import { loginOrder } from '../knowledge/truckFactor';
import { AttributedPullRequest, reviewedBy } from './attribute';
import { SIGNAL_ORDER } from './types';
import type { ComponentFigures, ComponentSignal, ReportWindow, TeamFigures } from './types';

/** What the source knows beyond the pull requests (ownership in practice). */
export interface OwnershipOptions {
  /** False when the source has no reviews (git without review trailers); default true. */
  reviewsKnown?: boolean;
  /** False for a login no commit maps to (git source): never read as inactive. Default: every login is seen. */
  seenInHistory?: (login: string) => boolean;
  /** Knowledge from the git history; absent for the GitHub source (every `knowledge` and `backup` is then null). */
  knowledge?: RepositoryKnowledge;
}

/** A component's owner's part in its counted pull requests. */
export class ActivityTally {
  private readonly owner: string;
  credited = 0;
  reviewed = 0;
  /** Newest merge time (ms) credited to the owner, and newest reviewed by them. */
  private lastCredited = -Infinity;
  private lastReviewed = -Infinity;

  constructor(owner: string) {
    this.owner = owner.toLowerCase();
  }

  add(a: AttributedPullRequest): void {
    const isCredited = a.credited.some(p => p.key === this.owner);
    const isReviewed = a.pr.author.toLowerCase() !== this.owner && reviewedBy(a.pr, this.owner);
    if (isCredited) this.credited++;
    if (isReviewed) this.reviewed++;
    if (isCredited || isReviewed) {
      const at = Date.parse(a.pr.mergedAt);
      if (isCredited && at > this.lastCredited) this.lastCredited = at;
      if (isReviewed && at > this.lastReviewed) this.lastReviewed = at;
    }
  }

  /** The merge date (YYYY-MM-DD, UTC) of the newest credited or reviewed one (reviews only when known), or null. */
  lastActive(reviewsKnown: boolean): string | null {
    const last = reviewsKnown ? Math.max(this.lastCredited, this.lastReviewed) : this.lastCredited;
    return last === -Infinity ? null : new Date(last).toISOString().slice(0, 10);
  }
}

/** Who took part (credited, or reviewed when reviews are known) in the counted pull requests of the window's last `inactiveDays`. */
export interface RecentActivity {
  pullRequests: number;
  active: Set<string>;
}

/** The pull requests the report counts merged in [max(since, until - inactiveDays), until), and who took part in them. */
export function recentActivity(
  attributed: readonly AttributedPullRequest[],
  window: ReportWindow,
  inactiveDays: number,
  reviewsKnown: boolean,
): RecentActivity {
  const until = Date.parse(window.until + 'T00:00:00Z');
  const start = Math.max(
    Date.parse(window.since + 'T00:00:00Z'),
    until - inactiveDays * 86_400_000,
  );
  const active = new Set<string>();
  let pullRequests = 0;
  for (const a of attributed) {
    if (a.excluded) continue;
    const at = Date.parse(a.pr.mergedAt);
    if (!(at >= start && at < until)) continue;
    pullRequests++;
    for (const p of a.credited) active.add(p.key);
    if (reviewsKnown)
      for (const r of a.pr.reviews) if (r.state !== 'PENDING') active.add(r.author.toLowerCase());
  }
  return { pullRequests, active };
}

function inactive(login: string, recent: RecentActivity, options: OwnershipOptions): boolean {
  if (!login || recent.pullRequests === 0 || recent.active.has(login.toLowerCase())) return false;
  return options.seenInHistory ? options.seenInHistory(login) : true;
}

/**
 * A team's figures with ownership in practice added: per component the owner's pull requests,
 * reviews and last activity, `nominal-owner` and `owner-inactive`, knowledge and backup; per team
 * `lead-inactive` (after `holds-ownership`) and knowledge.
 */
export function inPractice(
  team: TeamFigures,
  tallies: ReadonlyMap<
    string,
    {
      lines: number;
      people: Map<string, { pullRequests: number; lines: number }>;
      activity?: ActivityTally;
    }
  >,
  minPullRequests: number,
  recent: RecentActivity,
  options: OwnershipOptions,
): TeamFigures {
  const reviewsKnown = options.reviewsKnown !== false;
  const componentFigures = team.componentFigures.map((c): ComponentFigures => {
    const tally = tallies.get(c.component);
    const activity = tally?.activity;
    const ownerPullRequests = activity?.credited ?? 0;
    const ownerReviews = reviewsKnown ? (activity?.reviewed ?? 0) : null;
    const signals: ComponentSignal[] = [];
    if (
      reviewsKnown &&
      c.pullRequests >= minPullRequests &&
      ownerPullRequests === 0 &&
      ownerReviews === 0
    )
      signals.push('nominal-owner');
    if (inactive(c.owner, recent, options)) signals.push('owner-inactive');
    const known = options.knowledge?.components.get(c.component);
    return {
      ...c,
      ownerPullRequests,
      ownerReviews,
      ownerLastActive: activity ? activity.lastActive(reviewsKnown) : null,
      signals,
      knowledge: known?.knowledge ?? null,
      backup: known
        ? backupOf(c.owner, known.filesKnownBy, tally?.people, options.knowledge!.loginOf)
        : null,
    };
  });
  const signals = [...team.signals];
  // After holds-ownership and before the info signals (lead-unmapped, reviews-unknown).
  if (inactive(team.lead, recent, options)) signals.push('lead-inactive');
  signals.sort((a, b) => SIGNAL_ORDER.indexOf(a) - SIGNAL_ORDER.indexOf(b));
  return {
    ...team,
    signals,
    componentFigures,
    knowledge: options.knowledge?.teams.get(team.team) ?? null,
  };
}

/** The person other than the owner who knows the most files (ties: more lines in the window, then login). */
export function backupOf(
  owner: string,
  filesKnownBy: ReadonlyMap<string, number>,
  people: ReadonlyMap<string, { lines: number }> | undefined,
  loginOf: (key: string) => string,
): string | null {
  const o = owner.toLowerCase();
  let best: { login: string; files: number; lines: number } | null = null;
  for (const [key, files] of filesKnownBy) {
    if (key === o) continue;
    const candidate = { login: loginOf(key), files, lines: people?.get(key)?.lines ?? 0 };
    if (
      !best ||
      candidate.files > best.files ||
      (candidate.files === best.files &&
        (candidate.lines > best.lines ||
          (candidate.lines === best.lines && loginOrder(candidate.login, best.login) < 0)))
    )
      best = candidate;
  }
  return best?.login ?? null;
}
