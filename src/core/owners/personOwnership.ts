import { Component, OwnersModel, Team, teamMembers } from './model';

/** What one person answers for in OWNERS.yaml. */
export interface PersonOwnership {
  login: string;
  name?: string;
  owns: Component[];
  leads: Team[];
  memberOf: Team[];
}

/** Components `login` owns, teams they lead and teams they belong to (logins compare case-insensitively). */
export function personOwnership(model: OwnersModel, login: string): PersonOwnership {
  const key = login.toLowerCase();
  const owns = [...model.components.values()].filter(c => c.owner.toLowerCase() === key);
  const teams = [...model.teams.values()];
  return {
    login,
    name: model.people.get(key)?.name,
    owns,
    leads: teams.filter(t => t.lead.toLowerCase() === key),
    memberOf: teams.filter(t => teamMembers(t).has(key)),
  };
}

/** Every login the file mentions (people, leads, members, owners), first spelling kept, sorted. */
export function knownLogins(model: OwnersModel): string[] {
  const seen = new Map<string, string>();
  const add = (l: string) => {
    if (l && !seen.has(l.toLowerCase())) seen.set(l.toLowerCase(), l);
  };
  for (const p of model.people.values()) add(p.login);
  for (const t of model.teams.values()) {
    add(t.lead);
    t.members.forEach(add);
  }
  for (const c of model.components.values()) add(c.owner);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
