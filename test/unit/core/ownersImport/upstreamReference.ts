/**
 * The upstream rules, re-implemented independently of src/ (no import from it) so the import can be
 * compared with them path by path:
 * - GitLab: ee/lib/gitlab/code_owners/file.rb (parsed_data, normalize_pattern, entries_for_path) and
 *   Ruby's File.fnmatch with FNM_PATHNAME | FNM_DOTMATCH;
 * - Prow: kubernetes-sigs/prow pkg/repoowners/repoowners.go (ParseAliasesConfig, walkFunc,
 *   applyConfigToPath, entriesForFile) with the default OWNERS directory denylist of pkg/config.
 */
import { parse as parseYaml } from 'yaml';

/** Owners as a sorted, lower-cased, space-joined set ('' = none). */
export const canonical = (owners: Iterable<string>) =>
  [...new Set([...owners].map(o => o.toLowerCase().replace(/^@/, '')))].sort().join(' ');

// ---------------------------------------------------------------- GitLab

/** GitLab's normalize_pattern. */
function gitlabNormalize(pattern: string): string {
  let p = pattern.replace(/^\\#/, '#').replace(/\\\s+/g, ' ');
  if (p === '*') return '/**/*';
  if (!p.startsWith('/')) p = `/**/${p}`;
  if (p.endsWith('/')) p = `${p}**/*`;
  return p;
}

/** Ruby File.fnmatch(pattern, path, FNM_PATHNAME | FNM_DOTMATCH) as a regular expression. */
function fnmatchRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (
      c === '*' &&
      glob[i + 1] === '*' &&
      glob[i + 2] === '/' &&
      (i === 0 || glob[i - 1] === '/')
    ) {
      re += '(?:[^/]*/)*';
      i += 2;
    } else if (c === '*') {
      while (glob[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) re += escapeRe(glob[++i]);
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** GitLab's reference extraction: `@name` (and `@@role`) and e-mail addresses; other words do not count. */
function gitlabReferences(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(w => /^@@?[\w.\-/]+$/.test(w) || /^[^@\s]+@[^@\s]+\.\w+$/.test(w));
}

interface GitlabRef {
  regex: RegExp;
  owners: string[];
  exclusion: boolean;
}

/** What GitLab gives each path: per section the last matching entry (hash order: a repeated pattern keeps its first place), none when an exclusion of that section matches; the union. */
export function gitlabOwners(text: string, paths: readonly string[]): string[] {
  const sections = new Map<string, { defaults: string[]; entries: Map<string, GitlabRef> }>();
  let current = 'codeowners';
  sections.set(current, { defaults: [], entries: new Map() });
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\^?\[([^\]]+)\](?:\[[^\]]*\])?(.*)$/.exec(line);
    if (header) {
      current = header[1].trim().toLowerCase();
      if (!sections.has(current))
        sections.set(current, { defaults: gitlabReferences(header[2]), entries: new Map() });
      continue;
    }
    const m = /^((?:\\\s|\S)+)\s*(.*)$/.exec(line)!;
    const exclusion = m[1].startsWith('!');
    const pattern = gitlabNormalize(exclusion ? m[1].slice(1) : m[1]);
    const section = sections.get(current)!;
    const owners = m[2].trim() === '' ? section.defaults : gitlabReferences(m[2]);
    section.entries.set(pattern, { regex: fnmatchRegex(pattern), owners, exclusion });
  }
  return paths.map(path => {
    const p = `/${path}`;
    const owners: string[] = [];
    for (const { entries } of sections.values()) {
      const list = [...entries.values()];
      if (list.some(e => e.exclusion && e.regex.test(p))) continue;
      const winner = list
        .filter(e => !e.exclusion)
        .reverse()
        .find(e => e.regex.test(p));
      if (winner) owners.push(...winner.owners);
    }
    return canonical(owners);
  });
}

// ---------------------------------------------------------------- Prow

export interface ProwFile {
  path: string;
  text: string;
}

/** pkg/config: OWNERS files in directories matching these are not read (by default). */
const PROW_DENYLIST = [/\.git$/, /_output$/, /vendor\/.*\/.*/];

const norm = (login: string) => login.trim().toLowerCase().replace(/^@/, '');

/** Prow's approvers of each path (repoowners.Approvers): the union of matching configs from the file's directory up, stopping at no_parent_owners once someone was found. */
export function prowApprovers(files: readonly ProwFile[], paths: readonly string[]): string[] {
  const aliases = new Map<string, Set<string>>();
  const aliasFile = files.find(f => f.path === 'OWNERS_ALIASES');
  if (aliasFile) {
    const data = (parseYaml(aliasFile.text) ?? {}).aliases ?? {};
    for (const [name, value] of Object.entries<unknown>(data)) {
      if (Array.isArray(value)) aliases.set(norm(name), new Set(value.map(v => norm(String(v)))));
      else if (value === null) aliases.set(norm(name), new Set());
      else if (typeof value === 'object')
        aliases.set(norm(name), new Set(Object.keys(value as object).map(norm)));
    }
  }
  const expand = (logins: string[]) => {
    const out = new Set<string>();
    for (const l of logins.map(norm)) for (const x of aliases.get(l) ?? [l]) out.add(x);
    return out;
  };
  // dir -> [(regex or null, approvers)], dir -> no_parent_owners
  const approvers = new Map<string, { re: RegExp | null; who: Set<string> }[]>();
  const noParent = new Set<string>();
  for (const f of files) {
    if (!f.path.endsWith('OWNERS') || f.path.endsWith('OWNERS_ALIASES')) continue;
    const dir = f.path.split('/').slice(0, -1).join('/');
    if (
      dir
        .split('/')
        .some((_, k, all) => PROW_DENYLIST.some(re => re.test(all.slice(0, k + 1).join('/'))))
    )
      continue;
    const y = parseYaml(f.text) ?? {};
    const simple = ['approvers', 'reviewers', 'required_reviewers', 'labels'].some(
      k => Array.isArray(y[k]) && y[k].length > 0,
    );
    const list: { re: RegExp | null; who: Set<string> }[] = [];
    if (simple) {
      if (Array.isArray(y.approvers) && y.approvers.length > 0)
        list.push({ re: null, who: expand(y.approvers) });
    } else {
      for (const [pattern, config] of Object.entries<{ approvers?: string[] }>(y.filters ?? {})) {
        if (!config?.approvers?.length) continue;
        const re =
          pattern === '.*'
            ? null
            : new RegExp(pattern.replace(/^\(\?i\)/, ''), pattern.startsWith('(?i)') ? 'i' : '');
        list.push({ re, who: expand(config.approvers) });
      }
    }
    if (list.length > 0) approvers.set(dir, list);
    if (y.options?.no_parent_owners === true) noParent.add(dir);
  }
  return paths.map(path => {
    const out = new Set<string>();
    let d = path;
    for (;;) {
      const relative = d === '' ? path : path.slice(d.length + 1);
      for (const { re, who } of approvers.get(d) ?? [])
        if (re === null || re.test(relative)) for (const w of who) out.add(w);
      if (d === '') break;
      if (noParent.has(d) && out.size > 0) break;
      d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '';
    }
    return canonical(out);
  });
}
