import { disjointKey, DisjointKey, OverlapIndex, provablyDisjoint } from '../match/disjoint';
import { ImportRule } from './draft';
import { differentFileNames } from './patternCover';

/** Rules that become one component: same owners, same team and owner hints. */
export interface RuleGroup {
  key: string;
  rules: number[];
}

export type Placement = { where: 'start' | 'end'; inexact: number[] };

export interface GroupedRules {
  groups: RuleGroup[];
  unowned: number[];
  placement: Placement;
}

/** Pairs tested for one unowned rule the overlap index could not clear (keeps huge files linear). */
const MAX_PAIRWISE_PROOFS = 2_000;

/** A rule with no owners, no owner and no team leaves its paths unowned. */
export const isOwned = (r: ImportRule) =>
  r.owners.length > 0 || r.owner !== undefined || r.team !== undefined;

const groupKey = (r: ImportRule) =>
  [
    r.owners.join(' '),
    r.team ?? '',
    r.owner?.login ?? '',
    r.name ?? '',
    JSON.stringify(r.extra ?? {}),
  ].join('\u0000');

/**
 * Groups rules into components without changing any path's winner: a rule joins the latest group
 * with its key only if every rule placed after that group is provably disjoint from it. Rules with
 * no owners go under `unowned`, at the end (or the start) of the file when that keeps every answer.
 */
export function groupRules(rules: readonly ImportRule[]): GroupedRules {
  const keys = rules.map(r => disjointKey(r.pattern));
  const unowned = rules.flatMap((r, i) => (isOwned(r) ? [] : [i]));
  const placement = placeUnowned(rules, keys, unowned);
  const groups: RuleGroup[] = [];
  const latest = new Map<string, number>();
  // Values are group indices: a rule may join group `at` when nothing placed in a later group may overlap it.
  const placed = new OverlapIndex(keys);
  rules.forEach((rule, i) => {
    if (!isOwned(rule)) return;
    const key = groupKey(rule);
    const at = latest.get(key);
    const canJoin = at !== undefined && placed.maxOverlapping(i) <= at;
    if (canJoin) {
      groups[at].rules.push(i);
      placed.add(i, at);
    } else {
      latest.set(key, groups.length);
      placed.add(i, groups.length);
      groups.push({ key, rules: [i] });
    }
  });
  return { groups, unowned, placement };
}

function placeUnowned(
  rules: readonly ImportRule[],
  keys: readonly DisjointKey[],
  unowned: readonly number[],
): Placement {
  // The overlap index rules most rules out at once (values: rule indices, negated for "before");
  // only when it cannot are pairs tested, up to a bound past which the rule counts as stuck (safe).
  const after = new OverlapIndex(keys);
  const before = new OverlapIndex(keys);
  rules.forEach((r, i) => {
    if (isOwned(r)) {
      after.add(i, i);
      before.add(i, -i);
    }
  });
  const blocking = (u: number, step: 1 | -1): boolean => {
    if ((step === 1 ? after.maxOverlapping(u) : -before.maxOverlapping(u)) * step <= u * step)
      return false;
    let proofs = 0;
    for (let i = u + step; i >= 0 && i < rules.length; i += step) {
      const r = rules[i];
      if (!isOwned(r)) continue;
      if (++proofs > MAX_PAIRWISE_PROOFS) return true;
      if (!provablyDisjoint(keys[u], keys[i]) && !differentFileNames(rules[u].pattern, r.pattern))
        return true;
    }
    return false;
  };
  const stuckAtEnd = unowned.filter(u => blocking(u, 1));
  if (stuckAtEnd.length === 0) return { where: 'end', inexact: [] };
  const stuckAtStart = unowned.filter(u => blocking(u, -1));
  if (stuckAtStart.length === 0) return { where: 'start', inexact: [] };
  return stuckAtEnd.length <= stuckAtStart.length
    ? { where: 'end', inexact: stuckAtEnd }
    : { where: 'start', inexact: stuckAtStart };
}
