import { ownerKind } from '../owners/codeownersFile';
import { ImportRule, ImportTeam, slugify, uniqueId } from './draft';

export const SHARED_TEAM = 'code-owners';

export interface TeamPlan {
  teams: Map<string, ImportTeam>;
  /** The team id of a rule: the one the source names, else its first `@org/team` handle's, else the shared team. */
  teamOf(rule: ImportRule): string;
}

/**
 * Teams for the rules: those the source defines, plus one per `@org/team` handle (id = its slug)
 * and a shared team for rules that name no team. A drafted team's lead is a guess: the person most
 * often listed with it.
 */
export function planTeams(
  rules: readonly ImportRule[],
  given: readonly ImportTeam[],
  suggested?: ReadonlyMap<string, { login: string; guessed: string }>,
): TeamPlan {
  const teams = new Map<string, ImportTeam>(given.map(t => [t.id, t]));
  const idOfHandle = new Map<string, string>();
  // Grows with every id handed out (one set, not rebuilt per handle: that was quadratic).
  const takenIds = new Set<string>([SHARED_TEAM]);
  const handleOf = (owners: readonly string[]) => owners.find(o => ownerKind(o) === 'team');
  const teamOf = (rule: ImportRule): string => {
    if (rule.team) return rule.team;
    // GitHub handles are case-insensitive: @DataDog/x and @datadog/x are one team.
    const handle = handleOf(rule.owners)?.toLowerCase();
    if (!handle) return SHARED_TEAM;
    let id = idOfHandle.get(handle);
    if (!id) {
      const parts = handle.slice(1).split('/');
      for (const known of teams.keys()) takenIds.add(known);
      id = uniqueId(
        slugify(parts[parts.length - 1]) || 'team',
        takenIds,
        slugify(parts.join('-')) || 'team',
      );
      idOfHandle.set(handle, id);
      takenIds.add(id);
    }
    return id;
  };
  const coListed = new Map<string, Map<string, number>>();
  const ruleCount = new Map<string, number>();
  for (const rule of rules) {
    if (rule.owners.length === 0 || rule.team) continue;
    const id = teamOf(rule);
    ruleCount.set(id, (ruleCount.get(id) ?? 0) + 1);
    const counts = coListed.get(id) ?? new Map<string, number>();
    coListed.set(id, counts);
    for (const o of rule.owners)
      if (ownerKind(o) === 'user') counts.set(o.slice(1), (counts.get(o.slice(1)) ?? 0) + 1);
    if (!teams.has(id)) {
      const handle = id === SHARED_TEAM ? undefined : handleOf(rule.owners)?.slice(1);
      teams.set(id, {
        id,
        name: id === SHARED_TEAM ? 'Code owners named individually' : handle,
        members: [],
        github: handle,
      });
    }
  }
  for (const [id, counts] of coListed) {
    const team = teams.get(id)!;
    // Most often co-listed first; ties keep first appearance (Map order).
    const best = [...counts].reduce<[string, number] | undefined>(
      (b, c) => (!b || c[1] > b[1] ? c : b),
      undefined,
    );
    if (best && !team.lead) {
      const with_ = id === SHARED_TEAM ? 'in the most rules' : `most often with @${team.github}`;
      team.lead = {
        login: best[0],
        guessed: `listed ${with_} (${best[1]} of ${ruleCount.get(id)} rules)`,
      };
    }
    if (!team.lead && team.github) team.lead = suggested?.get(`@${team.github.toLowerCase()}`);
    const listed = new Set(team.members);
    for (const login of counts.keys())
      if (login !== team.lead?.login && !listed.has(login)) {
        team.members.push(login);
        listed.add(login);
      }
  }
  return { teams, teamOf };
}
