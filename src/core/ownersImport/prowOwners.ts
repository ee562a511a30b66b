import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLMap } from 'yaml';
import { emptyDraft, ImportDraft, slugify } from './draft';

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
  noParentLine: number;
  /** The regular-expression filters that give approvers (not imported). */
  filtered: string[];
}

/** Reads a YAML file with line numbers; `at(node)` is the 1-based line of a node. */
function readYaml(file: SourceFile): {
  root: unknown;
  at(node: unknown): number;
  errors: string[];
} {
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
  return isSeq(node)
    ? node.items.flatMap(i => (isScalar(i) && i.value !== null ? [String(i.value)] : []))
    : [];
}

/** Prow's default OWNERS directory denylist (pkg/config): OWNERS files in matching directories are not read. */
const PROW_DENYLIST = [/\.git$/, /_output$/, /vendor\/.*\/.*/];

/** Whether Prow's default configuration skips a directory (repository-relative), or one above it. */
export function prowIgnoresDir(dir: string): boolean {
  const parts = dir === '' ? [] : dir.split('/');
  return parts.some((_, k) => PROW_DENYLIST.some(re => re.test(parts.slice(0, k + 1).join('/'))));
}

/**
 * A Kubernetes (Prow) OWNERS tree as import rules. Each OWNERS file owns its directory; Prow lets
 * the approvers of every OWNERS file above a path approve it too, up to one with
 * `no_parent_owners` that already gave someone, so a directory's `codeowners` are that union,
 * aliases expanded (names without case, as Prow does). Aliases become teams. Per-file `filters`
 * other than `.*`, and anything that is not about approval, are named in the notes.
 */
export function fromProwOwners(files: readonly SourceFile[]): ImportDraft {
  const draft = emptyDraft('a Kubernetes OWNERS tree');
  const aliases = new Map<string, string[]>();
  const owners: OwnersFile[] = [];
  for (const file of files) {
    const y = readYaml(file);
    if (y.errors.length > 0) {
      draft.notes.push({
        file: file.path,
        line: 1,
        kind: 'not-imported',
        message: `not valid YAML (${y.errors[0]}); Prow does not read it either; nothing imported from it`,
      });
      continue;
    }
    const dir = file.path.split('/').slice(0, -1).join('/');
    if (file.path.split('/').pop() === 'OWNERS_ALIASES') readAliases(y, file, aliases, draft);
    else if (prowIgnoresDir(dir))
      draft.notes.push({
        file: file.path,
        line: 1,
        kind: 'same',
        message: `Prow's default configuration does not read OWNERS files in ${dir}/ (its directory denylist \`vendor/.*/.*\`, \`_output$\`, \`\\.git$\`), so neither does the import`,
      });
    else if (isMap(y.root)) owners.push(readOwners(y, file, draft));
  }
  const expand = (names: readonly string[]) =>
    dedupe(names.flatMap(n => aliases.get(norm(n)) ?? [norm(n)]));
  const isAlias = (name: string) => aliases.has(norm(name));
  for (const [alias, members] of aliases) {
    if (members.length === 0) continue;
    draft.teams.push({
      id: slugify(alias) || alias,
      name: alias,
      members: members.slice(1),
      lead: {
        login: members[0],
        guessed: `first listed in alias ${alias}; Prow aliases have no lead`,
      },
    });
  }
  owners.sort((a, b) => depth(a.dir) - depth(b.dir) || a.dir.localeCompare(b.dir));
  const byDir = new Map(owners.map(o => [o.dir, o]));
  // Prow's walk up from a directory: the union of approvers, stopping after a no_parent_owners directory once someone was found.
  const effective = (dir: string): string[] => {
    const all: string[] = [];
    for (
      let d: string | undefined = dir;
      d !== undefined;
      d = d === '' ? undefined : d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : ''
    ) {
      const o = byDir.get(d);
      if (!o) continue;
      all.push(...expand(o.approvers));
      if (o.noParent && all.length > 0) break;
    }
    return dedupe(all);
  };
  for (const o of owners) {
    const all = effective(o.dir);
    if (o.noParent && expand(o.approvers).length === 0 && o.filtered.length > 0) {
      draft.notes.push({
        file: o.path,
        line: o.noParentLine,
        kind: 'same',
        message: `no_parent_owners stops Prow's walk only where this file gave someone: the files its filters (${o.filtered.join(', ')}) do not match keep the parents' approvers, here as in Prow`,
      });
    }
    // The team: the first alias that has members (an empty alias names no one).
    const alias = [...o.approvers, ...o.reviewers].find(a => isAlias(a) && expand([a]).length > 0);
    const person = o.approvers.find(a => !isAlias(a));
    let team = alias ? slugify(norm(alias)) || norm(alias) : undefined;
    if (!team) {
      team = `${slugify(o.dir.split('/').pop() || 'root')}-owners`;
      const members = dedupe([...o.approvers.map(norm), ...expand(o.reviewers)]);
      if (!draft.teams.some(t => t.id === team)) {
        draft.teams.push({
          id: team,
          name: `Approvers of ${o.dir || 'the repository root'}`,
          members: members.slice(1),
          lead: members[0]
            ? { login: members[0], guessed: `first approver in ${o.path}` }
            : undefined,
        });
      }
    }
    const teamLead = draft.teams.find(t => t.id === team)?.lead;
    const owner = person
      ? {
          login: norm(person),
          guessed:
            o.approvers.length > 1
              ? `first of the ${o.approvers.length} approvers in ${o.path}`
              : undefined,
        }
      : teamLead
        ? {
            login: teamLead.login,
            guessed: `lead of ${team}, itself a guess: ${o.path} names only aliases`,
          }
        : undefined;
    draft.rules.push({
      pattern: o.dir === '' ? '*' : `/${escapeDir(o.dir)}/`,
      owners: all.map(l => `@${l}`),
      file: o.path,
      line: 1,
      team,
      owner,
      name: o.dir === '' ? 'repository' : undefined,
      extra: o.reviewers.length > 0 ? { 'prow-reviewers': o.reviewers } : undefined,
    });
  }
  return draft;
}

/** A directory path as pattern text: characters patterns treat specially are escaped. */
function escapeDir(dir: string): string {
  return dir.replace(/[\\*?[\]\s!#]/g, c => `\\${c}`);
}

/** Prow's login normalisation (github.NormLogin): lower case, without a leading `@`. */
const norm = (login: string) => login.trim().replace(/^@/, '').toLowerCase();

/**
 * OWNERS_ALIASES as Prow reads it (ParseAliasesConfig): names compared without case; members as a
 * list, or as a flow mapping's keys (`team: {alice, bob}`); an empty value is an alias of no one.
 * Anything else makes Prow reject the file, so none of its aliases is imported.
 */
function readAliases(
  y: ReturnType<typeof readYaml>,
  file: SourceFile,
  aliases: Map<string, string[]>,
  draft: ImportDraft,
): void {
  const section = isMap(y.root) ? y.root.get('aliases', true) : undefined;
  if (!isMap(section)) return;
  const read = new Map<string, string[]>();
  for (const pair of (section as YAMLMap).items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    let members: string[] | undefined;
    if (value === null || (isScalar(value) && value.value === null)) members = [];
    else if (isSeq(value))
      members = value.items.every(i => isScalar(i) && typeof i.value === 'string')
        ? value.items.map(i => String((i as { value: unknown }).value))
        : undefined;
    else if (isMap(value))
      members = value.items.map(p => (isScalar(p.key) ? String(p.key.value) : ''));
    if (members === undefined) {
      draft.notes.push({
        file: file.path,
        line: y.at(pair.key),
        kind: 'not-imported',
        message: `alias ${name} is not a list of logins, so Prow rejects ${file.path} (which of its aliases it keeps then depends on map order); none of them is imported. Write \`${name}: [login1, login2]\``,
      });
      aliases.clear();
      return;
    }
    if (members.length === 0)
      draft.notes.push({
        file: file.path,
        line: y.at(pair.key),
        kind: 'same',
        message: `alias ${name} has no members: Prow expands it to no one, and so does the import (not a team)`,
      });
    read.set(norm(name), dedupe(members.map(norm)));
  }
  for (const [k, v] of read) aliases.set(k, v);
}

const KNOWN = new Set([
  'approvers',
  'reviewers',
  'options',
  'filters',
  'emeritus_approvers',
  'emeritus_reviewers',
]);

/**
 * One OWNERS file as Prow reads it: top-level approvers, reviewers, required_reviewers or labels
 * make it a "simple" file whose `filters` Prow ignores; otherwise its `filters` apply (`.*` to
 * every file, any other regular expression to the files whose path below the folder matches).
 */
function readOwners(
  y: ReturnType<typeof readYaml>,
  file: SourceFile,
  draft: ImportDraft,
): OwnersFile {
  const root = y.root as YAMLMap;
  const dir = file.path.split('/').slice(0, -1).join('/');
  const out: OwnersFile = {
    dir,
    path: file.path,
    approvers: strings(root.get('approvers', true)),
    reviewers: strings(root.get('reviewers', true)),
    noParent: false,
    noParentLine: 1,
    filtered: [],
  };
  const options = root.get('options', true);
  if (isMap(options)) {
    out.noParent = options.get('no_parent_owners') === true;
    const pair = options.items.find(p => isScalar(p.key) && p.key.value === 'no_parent_owners');
    if (pair) out.noParentLine = y.at(pair.key);
  }
  const simple = ['approvers', 'reviewers', 'required_reviewers', 'labels'].some(
    k => strings(root.get(k, true)).length > 0,
  );
  const filters = root.get('filters', true);
  if (isMap(filters) && simple) {
    const at = root.items.find(p => isScalar(p.key) && p.key.value === 'filters')!;
    draft.notes.push({
      file: file.path,
      line: y.at(at.key),
      kind: 'same',
      message:
        'Prow ignores `filters` in an OWNERS file that has top-level approvers, reviewers, required_reviewers or labels, and so does the import; to make them count, move the top-level lists under `filters: {".*": ...}`',
    });
  } else if (isMap(filters)) {
    for (const pair of filters.items) {
      const regex = isScalar(pair.key) ? String(pair.key.value) : '';
      const body = pair.value;
      if (!isMap(body)) continue;
      if (regex === '.*') {
        out.approvers.push(...strings(body.get('approvers', true)));
        out.reviewers.push(...strings(body.get('reviewers', true)));
        continue;
      }
      const approvers = strings(body.get('approvers', true));
      const keys = body.items
        .map(p => (isScalar(p.key) ? String(p.key.value) : ''))
        .filter(k => k !== 'labels');
      if (approvers.length > 0) out.filtered.push(`"${regex}"`);
      if (keys.length > 0) {
        draft.notes.push({
          file: file.path,
          line: y.at(pair.key),
          kind: 'not-imported',
          message: `filter "${regex}" gives ${keys.join(', ')} to the files whose path below ${dir || 'the root'} matches a regular expression${out.noParent ? " (and, with no_parent_owners, takes the parents' approvers from them)" : ''}; OWNERS.yaml patterns cannot express a regular expression, so those files keep the directory's approvers here. Add a component for them by hand with a pattern (e.g. "/${dir ? `${dir}/` : ''}**/*.pem" for "\\.pem$")`,
        });
      }
    }
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KNOWN.has(key) && key !== 'labels' && key !== 'required_reviewers') {
      draft.notes.push({
        file: file.path,
        line: y.at(pair.key),
        kind: 'not-imported',
        message: `"${key}" is not about who approves; not imported`,
      });
    } else if (key === 'required_reviewers') {
      draft.notes.push({
        file: file.path,
        line: y.at(pair.key),
        kind: 'not-imported',
        message: 'required_reviewers (reviews that must happen) has no OWNERS.yaml equivalent',
      });
    }
  }
  return out;
}

const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);

function dedupe(logins: readonly string[]): string[] {
  const seen = new Set<string>();
  return logins.filter(l => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}
