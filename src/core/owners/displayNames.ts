import type { OwnersModel } from './model';

type Named = { id: string; name?: string };

/**
 * How the views name a team or a component: its display name, with the id in parentheses only
 * where the name alone is ambiguous (another entry of the same kind has the same name). Ids not
 * defined in the model are shown as they are.
 */
export function teamName(model: OwnersModel, id: string): string {
  return nameAmong(model.teams, id);
}

export function componentName(model: OwnersModel, id: string): string {
  return nameAmong(model.components, id);
}

/** A login with the person's name when `people` gives one: "carol (Carol Diaz)". */
export function personName(model: OwnersModel, login: string): string {
  const name = model.people.get(login.toLowerCase())?.name;
  return name && name !== login ? `${login} (${name})` : login;
}

function nameAmong(all: ReadonlyMap<string, Named>, id: string): string {
  const self = all.get(id);
  if (!self?.name) return id;
  return (namesIn(all).get(key(self.name)) ?? 0) > 1 ? `${self.name} (${id})` : self.name;
}

const key = (name: string) => name.trim().toLowerCase();

// How many entries bear each name, counted once per map (a parse makes new maps), not on every
// hover or picker row: a 5,000-component file would otherwise be scanned for each name shown.
const nameCounts = new WeakMap<ReadonlyMap<string, Named>, Map<string, number>>();

function namesIn(all: ReadonlyMap<string, Named>): Map<string, number> {
  let counts = nameCounts.get(all);
  if (!counts) {
    counts = new Map();
    for (const x of all.values())
      counts.set(key(x.name ?? x.id), (counts.get(key(x.name ?? x.id)) ?? 0) + 1);
    nameCounts.set(all, counts);
  }
  return counts;
}
