import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLMap } from 'yaml';
import { emptyDraft, ImportDraft, ImportTeam, slugify } from './draft';

/** A source file: its repository-relative path and text. */
export interface SourceFile {
  path: string;
  text: string;
}

interface OwnersFile {
  dir: string;
  path: string;
  approvers: string[];
  reviewers: string[];
  noParent: boolean;
}

/** Reads a YAML file with line numbers; `at(node)` is the 1-based line of a node. */
function readYaml(file: SourceFile): { root: unknown; at(node: unknown): number; errors: string[] } {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: false });
  return {
    root: doc.contents,
    at: node => {
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      return range ? lines.linePos(range[0]).line : 1;
    },
    errors: doc.errors.map(e => e.message.split('\n')[0]),
  };
}

function strings(node: unknown): string[] {
  return isSeq(node) ? node.items.flatMap(i => (isScalar(i) && i.value !== null ? [String(i.value)] : [])) : [];
}

/**
 * A Kubernetes (Prow) OWNERS tree as import rules. Each OWNERS file owns its directory; Prow lets
 * the approvers of every OWNERS file above a path approve it too, unless `no_parent_owners`, so a
 * directory's `codeowners` are its approvers plus its parents', aliases expanded. Aliases become
 * teams. Per-file `filters` other than `.*`, and anything that is not about approval, are named in
 * the notes rather than approximated.
 */
export function fromProwOwners(files: readonly SourceFile[]): ImportDraft {
  const draft = emptyDraft('a Kubernetes OWNERS tree');
  const aliases = new Map<string, string[]>();
  const owners: OwnersFile[] = [];
  for (const file of files) {
    const y = readYaml(file);
    if (y.errors.length > 0) {
      draft.notes.push({ file: file.path, line: 1, kind: 'not-imported', message: `not valid YAML (${y.errors[0]}); nothing imported from it` });
      continue;
    }
    if (file.path.split('/').pop() === 'OWNERS_ALIASES') readAliases(y, file, aliases, draft);
    else if (isMap(y.root)) owners.push(readOwners(y, file, draft));
  }
  for (const [alias, members] of aliases) {
    if (members.length === 0) continue;
    const team: ImportTeam = { id: slugify(alias) || alias, name: alias, members: members.slice(1) };
    if (members.length > 0) team.lead = { login: members[0], guessed: `first listed in alias ${alias}; Prow aliases have no lead` };
    draft.teams.push(team);
  }
  const isAlias = (name: string) => aliases.has(name.toLowerCase()) || aliases.has(name);
  const expand = (names: readonly string[]) => names.flatMap(n => aliases.get(n) ?? aliases.get(n.toLowerCase()) ?? [n]);
  owners.sort((a, b) => depth(a.dir) - depth(b.dir) || a.dir.localeCompare(b.dir));
  const effective = new Map<string, string[]>();
  for (const o of owners) {
    const parent = o.noParent ? [] : effective.get(nearestAncestor(o.dir, effective)) ?? [];
    const all = dedupe([...expand(o.approvers), ...parent]);
    effective.set(o.dir, all);
    // The team: the first alias that has members (an empty alias names no one).
    const alias = [...o.approvers, ...o.reviewers].find(a => isAlias(a) && expand([a]).length > 0);
    const person = o.approvers.find(a => !isAlias(a));
    let team = alias ? slugify(alias) || alias : undefined;
    if (!team) {
      team = `${slugify(o.dir.split('/').pop() || 'root')}-owners`;
      const members = dedupe([...o.approvers, ...expand(o.reviewers)]);
      if (!draft.teams.some(t => t.id === team)) {
        draft.teams.push({ id: team, name: `Approvers of ${o.dir || 'the repository root'}`, members: members.slice(1), lead: members[0] ? { login: members[0], guessed: `first approver in ${o.path}` } : undefined });
      }
    }
    const teamLead = draft.teams.find(t => t.id === team)?.lead;
    const owner = person ? { login: person, guessed: o.approvers.length > 1 ? `first of the ${o.approvers.length} approvers in ${o.path}` : undefined }
      : teamLead ? { login: teamLead.login, guessed: `lead of ${team}, itself a guess: ${o.path} names only aliases` } : undefined;
    draft.rules.push({
      pattern: o.dir === '' ? '*' : `/${o.dir}/`, owners: all.map(l => `@${l}`), file: o.path, line: 1,
      team, owner, name: o.dir === '' ? 'repository' : undefined,
      extra: o.reviewers.length > 0 ? { 'prow-reviewers': o.reviewers } : undefined,
    });
  }
  return draft;
}

function readAliases(y: ReturnType<typeof readYaml>, file: SourceFile, aliases: Map<string, string[]>, draft: ImportDraft): void {
  const section = isMap(y.root) ? y.root.get('aliases', true) : undefined;
  if (!isMap(section)) return;
  for (const pair of (section as YAMLMap).items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const members = strings(pair.value);
    if (members.length === 0) draft.notes.push({ file: file.path, line: y.at(pair.key), kind: 'not-imported', message: `alias ${name} has no members, so it approves nothing; not a team` });
    aliases.set(name, dedupe(members));
  }
}

const KNOWN = new Set(['approvers', 'reviewers', 'options', 'filters', 'emeritus_approvers', 'emeritus_reviewers']);

function readOwners(y: ReturnType<typeof readYaml>, file: SourceFile, draft: ImportDraft): OwnersFile {
  const root = y.root as YAMLMap;
  const dir = file.path.split('/').slice(0, -1).join('/');
  const out: OwnersFile = { dir, path: file.path, approvers: strings(root.get('approvers', true)), reviewers: strings(root.get('reviewers', true)), noParent: false };
  const options = root.get('options', true);
  if (isMap(options)) out.noParent = options.get('no_parent_owners') === true;
  const filters = root.get('filters', true);
  if (isMap(filters)) {
    for (const pair of filters.items) {
      const regex = isScalar(pair.key) ? String(pair.key.value) : '';
      const body = pair.value;
      if (!isMap(body)) continue;
      if (regex === '.*') {
        out.approvers.push(...strings(body.get('approvers', true)));
        out.reviewers.push(...strings(body.get('reviewers', true)));
        continue;
      }
      const keys = body.items.map(p => (isScalar(p.key) ? String(p.key.value) : '')).filter(k => k !== 'labels');
      if (keys.length > 0) {
        draft.notes.push({ file: file.path, line: y.at(pair.key), kind: 'not-imported', message: `filter "${regex}" gives ${keys.join(', ')} to the files whose names match a regular expression; OWNERS.yaml patterns cannot express it, so those files keep the directory's approvers` });
      }
    }
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KNOWN.has(key) && key !== 'labels' && key !== 'required_reviewers') {
      draft.notes.push({ file: file.path, line: y.at(pair.key), kind: 'not-imported', message: `"${key}" is not about who approves; not imported` });
    } else if (key === 'required_reviewers') {
      draft.notes.push({ file: file.path, line: y.at(pair.key), kind: 'not-imported', message: 'required_reviewers (reviews that must happen) has no OWNERS.yaml equivalent' });
    }
  }
  return out;
}

const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);

function nearestAncestor(dir: string, known: Map<string, unknown>): string {
  const parts = dir === '' ? [] : dir.split('/');
  for (let n = parts.length - 1; n >= 0; n--) {
    const candidate = parts.slice(0, n).join('/');
    if (known.has(candidate)) return candidate;
  }
  return '';
}

function dedupe(logins: readonly string[]): string[] {
  const seen = new Set<string>();
  return logins.filter(l => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}
