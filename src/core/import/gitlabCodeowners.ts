import { disjointKey, DisjointKey, provablyDisjoint } from '../match/disjoint';
import { emptyDraft, ImportDraft, ImportNote } from './draft';
import { commentsAbove } from './githubCodeowners';
import { differentFileNames, intersectPatterns, provablyCovers } from './patternCover';

/** One line of a GitLab CODEOWNERS file that decides ownership. */
export interface GitlabEntry {
  pattern: string;
  /** Owners as written; for a rule without any, the section's default owners. */
  owners: string[];
  exclusion: boolean;
  /** Lower-cased section name; '' before the first section header. */
  section: string;
  line: number;
}

export interface GitlabSection {
  name: string;
  optional: boolean;
  approvals?: number;
  defaults: string[];
  line: number;
}

const HEADER = /^(\^)?\[([^\]]+)\](?:\[(\d+)\])?\s*(.*)$/;

/** Reads GitLab CODEOWNERS: sections (`[Name]`, optional `^[Name]`, `[Name][N]`, default owners), rules, `!` exclusions. */
export function parseGitlabCodeowners(text: string): { entries: GitlabEntry[]; sections: Map<string, GitlabSection> } {
  const entries: GitlabEntry[] = [];
  const sections = new Map<string, GitlabSection>([['', { name: '', optional: false, defaults: [], line: 0 }]]);
  let current = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const header = HEADER.exec(line);
    if (header) {
      current = header[2].trim().toLowerCase();
      const defaults = header[4].split(/\s+/).filter(w => w !== '' && !w.startsWith('#'));
      const known = sections.get(current);
      // Repeated headers (compared without case) are one section; GitLab keeps the first one's settings.
      if (!known) sections.set(current, { name: header[2].trim(), optional: header[1] === '^', approvals: header[3] ? Number(header[3]) : undefined, defaults, line: i + 1 });
      return;
    }
    let end = 0;
    while (end < line.length && !/\s/.test(line[end])) end += line[end] === '\\' ? 2 : 1;
    const written = line.slice(0, Math.min(end, line.length));
    const owners = line.slice(end).split(/\s+/).filter(w => w !== '');
    const hash = owners.findIndex(w => w.startsWith('#'));
    if (hash >= 0) owners.length = hash;
    const exclusion = written.startsWith('!');
    entries.push({
      pattern: exclusion ? written.slice(1) : written, exclusion, section: current, line: i + 1,
      owners: exclusion ? [] : owners.length > 0 ? owners : sections.get(current)!.defaults,
    });
  });
  return { entries, sections };
}

/**
 * GitLab CODEOWNERS as one last-match-wins list. GitLab gives a path the owners of the last
 * matching rule of every section (minus sections whose `!` exclusions match it). Here each rule
 * carries what every section gives to all of its paths; where another section's rule (or an
 * exclusion) covers only some of them, a more specific rule for the overlap follows it (`/doc/`
 * then `/doc/**\/*.md`). Where no pattern can say the overlap, the rule is imported with a note
 * naming both lines: those paths' owners differ from GitLab's.
 */
export function fromGitlabCodeowners(text: string, file: string): ImportDraft {
  const draft = emptyDraft(`the GitLab CODEOWNERS file ${file}`);
  const { entries, sections } = parseGitlabCodeowners(text);
  const comments = commentsAbove(text);
  const keys = entries.map(e => disjointKey(e.pattern));
  const note = (line: number, kind: ImportNote['kind'], message: string) => draft.notes.push({ file, line, kind, message });
  for (const s of sections.values()) {
    if (s.optional) note(s.line, 'kept', `optional section ^[${s.name}]: GitLab does not require its approval; OWNERS.yaml has no optional owners, so its owners are imported as owners (\`x-gitlab-optional: true\` on its components).`);
    if (s.approvals !== undefined) note(s.line, 'kept', `[${s.name}][${s.approvals}] asks for ${s.approvals} approvals; OWNERS.yaml has no approval counts (kept as \`x-gitlab-approvals\`).`);
  }
  entries.forEach((entry, i) => {
    const section = sections.get(entry.section)!;
    const extra = section.name ? {
      'gitlab-section': section.name,
      ...(section.optional ? { 'gitlab-optional': true } : {}),
      ...(section.approvals !== undefined ? { 'gitlab-approvals': section.approvals } : {}),
    } : undefined;
    const unclear: string[] = [];
    const evaluated = evaluate({ pattern: entry.pattern, own: entry.exclusion ? [] : entry.owners, section: entry.section, before: i }, entries, keys, sections, unclear, 0);
    const lastAt = new Map(evaluated.map((r, k) => [r.pattern, k]));
    evaluated.forEach((r, k) => lastAt.get(r.pattern) === k && draft.rules.push({
      pattern: r.pattern, owners: r.owners, file, line: entry.line, name: section.name || undefined, extra,
      comments: k === 0 ? comments.get(entry.line) : [`where "${entry.pattern}" (line ${entry.line}) meets ${r.because}: owners as GitLab combines them there`],
    }));
    if (unclear.length > 0) note(entry.line, 'inexact', `"${entry.pattern}" overlaps ${[...new Set(unclear)].join(', ')} in part, and no pattern says where: those paths get this rule's owners plus only what provably applies, while GitLab adds the other section's owners`);
  });
  // An exclusion that leaves its paths to no one, but that a later rule covers entirely, decides nothing.
  // So does any rule whose exact pattern comes again later (an overlap rule made for a later section).
  draft.rules = draft.rules.filter((r, i) => !draft.rules.slice(i + 1).some(later => later.pattern === r.pattern || (r.owners.length === 0 && provablyCovers(later.pattern, r.pattern))));
  return draft;
}

interface Target { pattern: string; own: string[]; section: string; before: number }

type Evaluated = { pattern: string; owners: string[]; because: string };

/** The rule for `t`'s paths, then more specific rules for the parts other sections treat differently. */
function evaluate(t: Target, entries: readonly GitlabEntry[], keys: readonly DisjointKey[], sections: ReadonlyMap<string, GitlabSection>,
  unclear: string[], depth: number): Evaluated[] {
  const key = disjointKey(t.pattern);
  const refinements: { pattern: string; because: string; order: number }[] = [];
  const partial = (j: number) => {
    const e = entries[j];
    const inner = depth < 4 ? intersectPatterns(t.pattern, e.pattern) : undefined;
    const what = `${e.exclusion ? '!' : ''}"${e.pattern}" (line ${e.line})`;
    if (inner && inner !== t.pattern) refinements.push({ pattern: inner, because: what, order: j });
    else unclear.push(what);
  };
  const owners: string[] = [];
  const apart = (j: number) => provablyDisjoint(key, keys[j]) || differentFileNames(t.pattern, entries[j].pattern);
  for (const section of sections.keys()) {
    if (section === t.section && t.own.length === 0) continue;
    // Exclusions are final within their section wherever they stand; later ones come later in the list and win there anyway.
    let excluded = false;
    for (let j = 0; j < t.before && !excluded; j++) {
      const e = entries[j];
      if (e.section !== section || !e.exclusion || apart(j)) continue;
      if (provablyCovers(e.pattern, t.pattern)) excluded = true;
      else partial(j);
    }
    if (excluded) continue;
    if (section === t.section) { owners.unshift(...t.own); continue; }
    for (let j = t.before - 1; j >= 0; j--) {
      const e = entries[j];
      if (e.section !== section || e.exclusion || apart(j)) continue;
      if (provablyCovers(e.pattern, t.pattern)) { owners.push(...e.owners); break; }
      partial(j);
    }
  }
  const out: Evaluated[] = [{ pattern: t.pattern, owners: dedupe(owners), because: '' }];
  // The later rule of a section wins, so its overlap goes last.
  const last = new Map(refinements.map(r => [r.pattern, r.order]));
  for (const r of refinements.filter(r => last.get(r.pattern) === r.order).sort((a, b) => a.order - b.order)) {
    out.push(...evaluate({ ...t, pattern: r.pattern }, entries, keys, sections, unclear, depth + 1).map(x => ({ ...x, because: x.because || r.because })));
  }
  return out;
}

function dedupe(owners: readonly string[]): string[] {
  const seen = new Set<string>();
  return owners.filter(o => !seen.has(o.toLowerCase()) && seen.add(o.toLowerCase()));
}

/** A GitLab CODEOWNERS file has section headers; GitHub's never does. */
export function looksLikeGitlab(text: string): boolean {
  return text.split('\n').some(l => /^\^?\[[^\]]+\](\[\d+\])?(\s|$)/.test(l.trim()));
}
