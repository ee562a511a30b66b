import { disjointKey, DisjointKey, provablyDisjoint } from '../match/disjoint';
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

/** A rule with no owners, no owner and no team leaves its paths unowned. */
export const isOwned = (r: ImportRule) => r.owners.length > 0 || r.owner !== undefined || r.team !== undefined;

const groupKey = (r: ImportRule) => [r.owners.join(' '), r.team ?? '', r.owner?.login ?? '', r.name ?? '', JSON.stringify(r.extra ?? {})].join('\u0000');

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
  rules.forEach((rule, i) => {
    if (!isOwned(rule)) return;
    const key = groupKey(rule);
    const at = latest.get(key);
    const canJoin = at !== undefined && groups.slice(at + 1).every(g => g.rules.every(j => provablyDisjoint(keys[i], keys[j])));
    if (canJoin) groups[at].rules.push(i);
    else {
      latest.set(key, groups.length);
      groups.push({ key, rules: [i] });
    }
  });
  return { groups, unowned, placement };
}

function placeUnowned(rules: readonly ImportRule[], keys: readonly DisjointKey[], unowned: readonly number[]): Placement {
  const blocking = (u: number, others: (i: number) => boolean) =>
    rules.some((r, i) => isOwned(r) && others(i) && !provablyDisjoint(keys[u], keys[i]) && !differentFileNames(rules[u].pattern, r.pattern));
  const stuckAtEnd = unowned.filter(u => blocking(u, i => i > u));
  if (stuckAtEnd.length === 0) return { where: 'end', inexact: [] };
  const stuckAtStart = unowned.filter(u => blocking(u, i => i < u));
  if (stuckAtStart.length === 0) return { where: 'start', inexact: [] };
  return stuckAtEnd.length <= stuckAtStart.length ? { where: 'end', inexact: stuckAtEnd } : { where: 'start', inexact: stuckAtStart };
}
