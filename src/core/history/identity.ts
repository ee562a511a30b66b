import type { Person } from '../owners/model';

/** A commit author or trailer address as git gives it (after `.mailmap` for authors). */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Who a git identity is for the figures: a login, or (no login) its lower-cased email. */
export interface MappedPerson {
  /** The login, or the lower-cased email of a person with no login. */
  id: string;
  /** True when `id` is a login (from people.<login>.emails or a GitHub no-reply address). */
  hasLogin: boolean;
  /** A name, an email's local part or a login ending in `[bot]`. */
  isBot: boolean;
}

const NO_REPLY = /^(?:\d+\+)?([^@\s]+)@users\.noreply\.github\.com$/i;

/** LOGIN of `ID+LOGIN@users.noreply.github.com` or `LOGIN@users.noreply.github.com`, else undefined. */
export function noReplyLogin(email: string): string | undefined {
  return NO_REPLY.exec(email.trim())?.[1];
}

const endsInBot = (s: string) => s.toLowerCase().endsWith('[bot]');

/**
 * Maps git identities to logins, first rule that applies: an address in `people.<login>.emails`
 * (case-insensitive), a GitHub no-reply address, else the lower-cased email (a person with no login).
 */
export function createIdentityMapper(
  people: ReadonlyMap<string, Pick<Person, 'login' | 'emails'>>,
): (who: GitIdentity) => MappedPerson {
  const byEmail = new Map<string, string>();
  for (const p of people.values()) {
    for (const e of p.emails) {
      const key = e.trim().toLowerCase();
      // The first person in the file that lists an address keeps it.
      if (key && !byEmail.has(key)) byEmail.set(key, p.login);
    }
  }
  const memo = new Map<string, MappedPerson>();
  return who => {
    const memoKey = `${who.name}\u0000${who.email}`;
    let found = memo.get(memoKey);
    if (found) return found;
    const email = who.email.trim().toLowerCase();
    const login = byEmail.get(email) ?? noReplyLogin(email === '' ? '' : who.email.trim());
    const local = email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email;
    found = {
      id: login ?? email,
      hasLogin: login !== undefined,
      isBot:
        endsInBot(who.name.trim()) || endsInBot(local) || (login !== undefined && endsInBot(login)),
    };
    memo.set(memoKey, found);
    return found;
  };
}

/** `Name <address>` of a trailer value; undefined when it has no `<address>`. */
export function parseTrailerAddress(value: string): GitIdentity | undefined {
  const m = /^(.*?)<([^<>]*)>\s*$/.exec(value.trim());
  if (!m || m[2].trim() === '') return undefined;
  return { name: m[1].trim(), email: m[2].trim() };
}
