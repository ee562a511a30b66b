import type { OwnersModel } from './model';

type Named = { id: string; name?: string };

/**
 * How the views name a team or a component: its display name, with the id in parentheses only
 * where the name alone is ambiguous (another entry of the same kind has the same name). Ids not
 * defined in the model are shown as they are.
 */
export function teamName(model: OwnersModel, id: string): string {
  return nameAmong(model.teams.values(), id);
}

export function componentName(model: OwnersModel, id: string): string {
  return nameAmong(model.components.values(), id);
}

/** A login with the person's name when `people` gives one: "carol (Carol Diaz)". */
export function personName(model: OwnersModel, login: string): string {
  const name = model.people.get(login.toLowerCase())?.name;
  return name && name !== login ? `${login} (${name})` : login;
}

function nameAmong(all: Iterable<Named>, id: string): string {
  const list = [...all];
  const self = list.find(x => x.id === id);
  if (!self?.name) return id;
  const key = self.name.trim().toLowerCase();
  const clash = list.some(x => x.id !== id && (x.name ?? x.id).trim().toLowerCase() === key);
  return clash ? `${self.name} (${id})` : self.name;
}
