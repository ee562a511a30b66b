import type { OwnersModel } from '../owners/model';

/** A commit author as git prints it after `.mailmap` (`%aN`, `%aE`). */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Who a commit author is for the figures: a login, or the lowercased email of a person with no login. */
export interface MappedAuthor {
  /** The login (as OWNERS.yaml or the no-reply address spells it), or the lowercased email. */
  login: string;
  /** True when `login` is an email: the author maps to no login. */
  unmapped: boolean;
  isBot: boolean;
}

const NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/**
 * The People rules of the git source, first that applies: an address in `people.<login>.emails`
 * (case-insensitive), a GitHub no-reply address, else the lowercased email. A bot: the name, the
 * email's local part or the login ends in `[bot]`.
 */
export function createAuthorMapper(
  model: Pick<OwnersModel, 'people'>,
): (who: GitIdentity) => MappedAuthor {
  const byEmail = new Map<string, string>();
  for (const person of model.people.values()) {
    for (const e of person.emails)
      if (!byEmail.has(e.toLowerCase())) byEmail.set(e.toLowerCase(), person.login);
  }
  const cache = new Map<string, MappedAuthor>();
  return who => {
    const key = who.name + '\0' + who.email;
    let found = cache.get(key);
    if (found) return found;
    const email = who.email.trim().toLowerCase();
    const local = email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email;
    const fromPeople = byEmail.get(email);
    const noreply = fromPeople === undefined ? NOREPLY.exec(who.email.trim())?.[1] : undefined;
    const login = fromPeople ?? noreply ?? email;
    const isBot =
      who.name.trim().toLowerCase().endsWith('[bot]') ||
      local.endsWith('[bot]') ||
      login.toLowerCase().endsWith('[bot]');
    found = { login, unmapped: fromPeople === undefined && noreply === undefined, isBot };
    cache.set(key, found);
    return found;
  };
}
