import { OwnersModel, teamMembers } from '../owners/model';

/** What the cursor is writing: which list of names fits there, and the word typed so far. */
export interface CompletionContext {
  kind: 'team' | 'outcome' | 'login' | 'path';
  /** The word typed so far and where it starts (it is replaced by the completion). */
  prefix: string;
  start: number;
}

export interface CompletionEntry {
  label: string;
  kind: 'team' | 'outcome' | 'login' | 'folder' | 'file';
  detail?: string;
  /** Replaces the typed word. */
  insertText: string;
  /** Orders the list (editors sort by it): a login of the team being edited comes first. */
  sortText?: string;
}

const VALUE_KINDS: Record<string, CompletionContext['kind']> = {
  team: 'team',
  owner: 'login',
  lead: 'login',
  from: 'login',
  to: 'login',
  members: 'login',
  ignoreAuthors: 'login',
  outcomes: 'outcome',
  paths: 'path',
  unowned: 'path',
  ignorePaths: 'path',
};
/** Keys whose value is a list (the kind applies to its items). */
const LIST_KEYS = new Set([
  'members',
  'ignoreAuthors',
  'outcomes',
  'paths',
  'unowned',
  'ignorePaths',
]);

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * The completion context at `offset`, read from the lines around it (it works while the file is
 * half typed and not valid YAML): a `key: value` on the cursor's line, a flow list `key: [a, b`,
 * or a `- item` under a list key. Top-level `outcomes:` is a section, not a reference list.
 */
export function completionContext(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/#/.test(before.replace(/(["'])(?:(?!\1).)*\1/g, ''))) return undefined;
  const word = /[^\s[\],:"']*$/.exec(before)![0];
  const start = offset - word.length;
  const keyed = /^(\s*)(?:-\s+)?([A-Za-z][\w-]*)\s*:\s*(\[[^\]]*)?[^:]*$/.exec(before);
  if (keyed) {
    const [, indent, key, flow] = keyed;
    const kind = VALUE_KINDS[key];
    if (!kind || (LIST_KEYS.has(key) && !flow) || (indent.length === 0 && key !== 'unowned'))
      return undefined;
    if (!LIST_KEYS.has(key) && flow) return undefined;
    return { kind, prefix: word, start };
  }
  const item = /^(\s*)-\s+[^:]*$/.exec(before);
  if (!item) return undefined;
  // The list's key: the nearest line above with a smaller indent (or the same indent, for `key:\n- item`).
  const itemIndent = item[1].length;
  let end = lineStart - 1;
  while (end > 0) {
    const s = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(s, end);
    end = s - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const ind = indentOf(line);
    if (ind > itemIndent || (ind === itemIndent && line.trimStart().startsWith('-'))) continue;
    const key = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:\s*$/.exec(line)?.[1];
    if (!key || !LIST_KEYS.has(key)) return undefined;
    if (key === 'outcomes' && ind === 0) return undefined;
    return { kind: VALUE_KINDS[key], prefix: word, start };
  }
  return undefined;
}

/**
 * The team whose entry, or whose component's entry, is the last to start at or before `offset`:
 * the team a login typed there most likely belongs to.
 */
export function teamAt(model: OwnersModel, offset: number): string | undefined {
  let best: { at: number; team: string } | undefined;
  for (const t of model.teams.values())
    if (t.span.offset <= offset && (!best || t.span.offset > best.at))
      best = { at: t.span.offset, team: t.id };
  for (const c of model.components.values())
    if (c.span.offset <= offset && (!best || c.span.offset > best.at))
      best = { at: c.span.offset, team: c.team };
  return best?.team;
}

/**
 * The teams, outcomes or logins the file defines and uses, for a context. Logins typed at
 * `offset` list the members of the team being edited there first (its lead first of all).
 */
export function nameCompletions(
  model: OwnersModel,
  kind: 'team' | 'outcome' | 'login',
  offset?: number,
): CompletionEntry[] {
  if (kind === 'team') {
    const count = new Map<string, number>();
    for (const c of model.components.values()) count.set(c.team, (count.get(c.team) ?? 0) + 1);
    return [...model.teams.values()].map(t => ({
      label: t.id,
      kind,
      insertText: t.id,
      detail: [t.name, t.lead && `lead ${t.lead}`, `${count.get(t.id) ?? 0} components`]
        .filter(Boolean)
        .join(' · '),
    }));
  }
  if (kind === 'outcome')
    return [...model.outcomes.values()].map(o => ({
      label: o.id,
      kind,
      insertText: o.id,
      detail: [o.name, o.target].filter(Boolean).join(' · ') || undefined,
    }));
  const logins = new Map<string, { login: string; roles: Set<string> }>();
  const note = (login: string, role: string) => {
    if (!login) return;
    const e = logins.get(login.toLowerCase()) ?? { login, roles: new Set<string>() };
    e.roles.add(role);
    logins.set(login.toLowerCase(), e);
  };
  for (const p of model.people.values()) note(p.login, p.name ?? 'person');
  for (const t of model.teams.values()) {
    note(t.lead, `lead of ${t.id}`);
    for (const m of t.members) note(m, `member of ${t.id}`);
  }
  for (const c of model.components.values()) note(c.owner, 'owner');
  const team = offset === undefined ? undefined : model.teams.get(teamAt(model, offset) ?? '');
  const members = team ? teamMembers(team) : new Set<string>();
  const rank = (login: string) =>
    team && team.lead.toLowerCase() === login.toLowerCase()
      ? 0
      : members.has(login.toLowerCase())
        ? 1
        : 2;
  return [...logins.values()].map(e => {
    const r = rank(e.login);
    const roles = [...e.roles].slice(0, 3).join(', ');
    return {
      label: e.login,
      kind: 'login' as const,
      insertText: e.login,
      detail: r < 2 ? `in ${team!.name ?? team!.id} · ${roles}` : roles,
      sortText: `${r} ${e.login.toLowerCase()}`,
    };
  });
}

/**
 * The next path segment for what is typed inside `paths`: the folders (with a trailing `/`) and
 * files directly inside the typed folder, from the repository's file list. `/` anchors, as typed.
 */
export function pathCompletions(
  files: readonly string[],
  typed: string,
  limit = 200,
): CompletionEntry[] {
  const anchored = typed.startsWith('/');
  const rel = anchored ? typed.slice(1) : typed;
  const dir = rel.slice(0, rel.lastIndexOf('/') + 1);
  const seen = new Map<string, boolean>();
  for (const f of files) {
    if (!f.startsWith(dir)) continue;
    const rest = f.slice(dir.length);
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash + 1);
    if (!seen.has(name)) seen.set(name, slash >= 0);
    if (seen.size >= limit * 4) break;
  }
  const lead = anchored || dir === '' ? '/' : '';
  return [...seen]
    .sort(([a, da], [b, db]) => Number(db) - Number(da) || a.localeCompare(b))
    .slice(0, limit)
    .map(([name, folder]) => ({
      label: `${lead}${dir}${name}`,
      kind: folder ? ('folder' as const) : ('file' as const),
      insertText: `${lead}${dir}${name}`,
    }));
}
