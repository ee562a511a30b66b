import { patternMatches } from '../match/compile';
import { compileSegmentGlob } from '../match/glob';
import { disjointKey, DisjointKey, OverlapIndex, provablyDisjoint } from '../match/disjoint';
import { emptyDraft, ImportDraft, ImportNote } from './draft';
import { commentsAbove } from './githubCodeowners';
import { isGitlabOwner, translateGitlabPattern } from './gitlabPattern';
import {
  differentFileNames,
  differentFloatingDirs,
  intersectPatterns,
  provablyCovers,
} from './patternCover';

/** One line of a GitLab CODEOWNERS file that decides ownership. */
export interface GitlabEntry {
  /** The pattern as written in the GitLab file (without the `!` of an exclusion). */
  written: string;
  /** The same paths as an OWNERS.yaml pattern; '' when it cannot be written (see `refused`). */
  pattern: string;
  /** Paths `pattern` owns that GitLab's does not (below a directory named like a file), to give back. */
  below?: string;
  refused?: string;
  /** Owners as written; for a rule without any, the section's default owners. */
  owners: string[];
  /** Words on the line that are neither `@name` nor e-mail: GitLab ignores them. */
  ignored: string[];
  exclusion: boolean;
  /** A pattern written again later in its section: GitLab keeps the first place and the later line's owners (this line). */
  movedFrom?: number;
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

/** `[Name]`, `^[Name]`, `[Name][N]`, then default owners; only at the start of a line, as GitLab reads them. */
const HEADER = /^(\^)?\[([^\]]+)\](?:\[([^\]]*)\])?(.*)$/;

/** Reads GitLab CODEOWNERS: sections (`[Name]`, optional `^[Name]`, `[Name][N]`, default owners), rules, `!` exclusions. */
export function parseGitlabCodeowners(text: string): {
  entries: GitlabEntry[];
  sections: Map<string, GitlabSection>;
  invalid: { line: number; message: string }[];
} {
  const entries: GitlabEntry[] = [];
  const invalid: { line: number; message: string }[] = [];
  const sections = new Map<string, GitlabSection>([
    ['', { name: '', optional: false, defaults: [], line: 0 }],
  ]);
  let current = '';
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const header = HEADER.exec(line);
    if (header) {
      current = header[2].trim().toLowerCase();
      const defaults = header[4].trim().split(/\s+/).filter(isGitlabOwner);
      const known = sections.get(current);
      // A count that is not a number counts as none (GitLab reads it as 0).
      const approvals =
        header[3] !== undefined && /^\d+$/.test(header[3]) && Number(header[3]) > 0
          ? Number(header[3])
          : undefined;
      // Repeated headers (compared without case) are one section; GitLab keeps the first one's settings.
      if (!known)
        sections.set(current, {
          name: header[2].trim(),
          optional: header[1] === '^',
          approvals,
          defaults,
          line: i + 1,
        });
      return;
    }
    if (/^\^?\[/.test(line)) {
      invalid.push({
        line: i + 1,
        message: `"${line}" is not a section header GitLab accepts (it reports it as an error); write "[Section name]" with a name, optionally "^" before it and "[N]" after it`,
      });
      return;
    }
    let end = 0;
    while (end < line.length && !/\s/.test(line[end])) end += line[end] === '\\' ? 2 : 1;
    const written = line.slice(0, Math.min(end, line.length));
    const words = line
      .slice(end)
      .split(/\s+/)
      .filter(w => w !== '');
    const exclusion = written.startsWith('!');
    const bare = exclusion ? written.slice(1) : written;
    const translated = translateGitlabPattern(bare);
    const owners = words.filter(isGitlabOwner);
    const entry: GitlabEntry = {
      written: bare,
      exclusion,
      section: current,
      line: i + 1,
      pattern: translated.kind === 'ok' ? translated.pattern : '',
      below: translated.kind === 'ok' ? translated.below : undefined,
      refused: translated.kind === 'refused' ? translated.reason : undefined,
      // Words but no owner among them: GitLab takes the line's own (empty) owners, not the section's.
      owners: exclusion ? [] : words.length > 0 ? owners : sections.get(current)!.defaults,
      ignored: words.filter(w => !isGitlabOwner(w)),
    };
    // GitLab keeps a section's rules in a hash by pattern: a repeated pattern takes the new owners at the old place.
    const key = `${current}\u0000${entry.pattern || entry.written}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, entries.length);
      entries.push(entry);
    } else entries[earlier] = { ...entry, movedFrom: entry.line, line: entries[earlier].line };
  });
  return { entries, sections, invalid };
}

/** Latest rules compared pairwise with an ownerless rule before it is kept as it is (keeps huge files n log n). */
const MAX_LATER_CHECKS = 2_000;

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
  const { entries, sections, invalid } = parseGitlabCodeowners(text);
  const comments = commentsAbove(text);
  const note = (line: number, kind: ImportNote['kind'], message: string) =>
    draft.notes.push({ file, line, kind, message });
  for (const bad of invalid) note(bad.line, 'not-imported', bad.message);
  for (const s of sections.values()) {
    if (s.optional)
      note(
        s.line,
        'kept',
        `optional section ^[${s.name}]: GitLab does not require its approval; OWNERS.yaml has no optional owners, so its owners are imported as owners (\`x-gitlab-optional: true\` on its components).`,
      );
    if (s.approvals !== undefined)
      note(
        s.line,
        'kept',
        `[${s.name}][${s.approvals}] asks for ${s.approvals} approvals; OWNERS.yaml has no approval counts (kept as \`x-gitlab-approvals\`).`,
      );
  }
  const plan = new Evaluator(entries, sections);
  entries.forEach((entry, i) => {
    if (entry.refused) {
      note(
        entry.line,
        'not-imported',
        `${entry.refused}. GitLab still applies this line, so the paths it names keep the owners of the rules before it here.`,
      );
      return;
    }
    if (entry.movedFrom !== undefined) {
      note(
        entry.movedFrom,
        'same',
        `"${entry.written}" comes again in its section: GitLab keeps the rule at its first place (line ${entry.line}) with this line's owners, so a rule between the two still wins over it; so does the import`,
      );
    }
    if (entry.ignored.length > 0 && !entry.exclusion) {
      note(
        entry.line,
        'same',
        `${entry.ignored.map(w => `"${w}"`).join(', ')} ${entry.ignored.length > 1 ? 'are' : 'is'} not an owner (neither @name nor e-mail); GitLab ignores ${entry.ignored.length > 1 ? 'them' : 'it'}, and so does the import.`,
      );
    }
    const section = sections.get(entry.section)!;
    const extra = section.name
      ? {
          'gitlab-section': section.name,
          ...(section.optional ? { 'gitlab-optional': true } : {}),
          ...(section.approvals !== undefined ? { 'gitlab-approvals': section.approvals } : {}),
        }
      : undefined;
    const unclear: string[] = [];
    const push = (evaluated: Evaluated[], first: string[] | undefined) => {
      const lastAt = new Map(evaluated.map((r, k) => [r.pattern, k]));
      evaluated.forEach(
        (r, k) =>
          lastAt.get(r.pattern) === k &&
          draft.rules.push({
            pattern: r.pattern,
            owners: r.owners,
            file,
            line: entry.line,
            name: section.name || undefined,
            extra,
            comments:
              k === 0
                ? first
                : [
                    `where "${entry.written}" (line ${entry.line}) meets ${r.because}: owners as GitLab combines them there`,
                  ],
          }),
      );
    };
    push(
      plan.evaluate(
        {
          pattern: entry.pattern,
          own: entry.exclusion ? [] : entry.owners,
          section: entry.section,
          before: i,
          withOwnSection: false,
          fileOnly: entry.below !== undefined,
        },
        unclear,
        0,
      ),
      comments.get(entry.line),
    );
    if (entry.below) {
      // GitLab's `docs` is a file named docs; what is below a directory of that name keeps what the rules before gave it.
      push(
        plan.evaluate(
          {
            pattern: entry.below,
            own: [],
            section: entry.section,
            before: i,
            withOwnSection: true,
            fileOnly: false,
          },
          unclear,
          0,
        ),
        [
          `GitLab matches "${entry.written}" (line ${entry.line}) only as a file name: what is below a directory of that name keeps the owners the rules before give it${entry.exclusion ? '' : ` (for the directory, GitLab wants "${entry.written}/")`}`,
        ],
      );
    }
    plan.done(i);
    if (unclear.length > 0) {
      note(
        entry.line,
        'inexact',
        `"${entry.written}" shares some paths with ${[...new Set(unclear)].join(', ')}, and the import could not write those shared paths as one pattern: there they get this rule's owners plus only what provably applies, where GitLab also adds the other rule's owners. To make it exact, write a rule for the shared paths (with both rules' owners) after line ${entry.line}`,
      );
    }
  });
  draft.rules = dropShadowed(draft.rules);
  return draft;
}

/**
 * Drops rules that decide nothing: one whose exact pattern comes again later (an overlap rule made
 * for a later section), and an ownerless one that a later rule covers entirely.
 */
function dropShadowed<R extends { pattern: string; owners: string[] }>(rules: R[]): R[] {
  const lastAt = new Map(rules.map((r, i) => [r.pattern, i]));
  return rules.filter((r, i) => {
    if (lastAt.get(r.pattern) !== i) return false;
    if (r.owners.length > 0) return true;
    for (let k = i + 1; k < rules.length && k <= i + MAX_LATER_CHECKS; k++)
      if (provablyCovers(rules[k].pattern, r.pattern)) return false;
    return true;
  });
}

/** `fileOnly`: GitLab matches the pattern's last segment as a file name only (its `below` is handled apart). */
interface Target {
  pattern: string;
  own: string[];
  section: string;
  before: number;
  withOwnSection: boolean;
  fileOnly: boolean;
  skip?: ReadonlySet<number>;
  /** Rules whose overlap with the parent target gets its own, later rule: nothing to do for them here. */
  handled?: ReadonlySet<number>;
}

type Evaluated = { pattern: string; owners: string[]; because: string };

/**
 * Evaluates targets entry by entry, in file order (`done(i)` after entry i): each section's rules
 * sit in an overlap index, so a target skips the rules that provably miss it without testing them.
 */
class Evaluator {
  private readonly keys: DisjointKey[];
  private readonly rules = new Map<string, OverlapIndex>();
  private readonly exclusions = new Map<string, number[]>();
  /** Per section, its (non-exclusion) entries in file order. */
  private readonly ordered = new Map<string, number[]>();

  constructor(
    private readonly entries: readonly GitlabEntry[],
    private readonly sections: ReadonlyMap<string, GitlabSection>,
  ) {
    this.keys = entries.map(e => disjointKey(e.pattern || '//'));
    for (const s of sections.keys()) {
      this.rules.set(s, new OverlapIndex(this.keys));
      this.exclusions.set(s, []);
      this.ordered.set(s, []);
    }
  }

  /** Entry i now counts for the targets of later entries. */
  done(i: number): void {
    const e = this.entries[i];
    if (e.refused) return;
    if (e.exclusion) this.exclusions.get(e.section)!.push(i);
    else {
      this.rules.get(e.section)!.add(i, i);
      this.ordered.get(e.section)!.push(i);
    }
  }

  /** The rule for `t`'s paths, then more specific rules for the parts other sections treat differently. */
  evaluate(t: Target, unclear: string[], depth: number): Evaluated[] {
    const entries = this.entries;
    const key = disjointKey(t.pattern);
    this.keys.push(key);
    const at = this.keys.length - 1;
    const refinements: { pattern: string; because: string; order: number; fileOnly: boolean }[] =
      [];
    const partial = (j: number) => {
      if (t.handled?.has(j)) return;
      const e = entries[j];
      const inner = depth < 4 ? intersectPatterns(t.pattern, e.pattern) : undefined;
      const what = `${e.exclusion ? '!' : ''}"${e.written}" (line ${e.line})`;
      if (inner && inner !== t.pattern)
        refinements.push({
          pattern: inner,
          because: what,
          order: j,
          fileOnly: t.fileOnly || e.below !== undefined,
        });
      else unclear.push(what);
    };
    const apart = (j: number) =>
      provablyDisjoint(key, this.keys[j]) ||
      differentFileNames(t.pattern, entries[j].pattern) ||
      namesDiffer(t.pattern, entries[j].pattern) ||
      differentFloatingDirs(t.pattern, entries[j].pattern);
    const covers = (j: number) => coversAsGitlab(entries[j], t);
    // One file (`/docs-locale/ja-jp`, `/go.mod`): every rule either matches it or misses it.
    const file = exactFile(t);
    const hits = (j: number) => file !== undefined && gitlabMatches(entries[j], file);
    const apartOrHit = (j: number) => (file !== undefined ? !hits(j) : apart(j));
    const coversOrHit = (j: number) => (file !== undefined ? hits(j) : covers(j));
    const owners: string[] = [];
    for (const section of this.sections.keys()) {
      const own = section === t.section && !t.withOwnSection;
      if (own && t.own.length === 0) continue;
      // Exclusions are final within their section wherever they stand; later ones come later in the list and win there anyway.
      let excluded = false;
      for (const j of this.exclusions.get(section)!) {
        if (t.skip?.has(j) || apartOrHit(j)) continue;
        if (coversOrHit(j)) {
          excluded = true;
          break;
        }
        partial(j);
      }
      if (excluded) continue;
      if (own) {
        owners.unshift(...t.own);
        continue;
      }
      const latest = this.rules.get(section)!.maxOverlapping(at);
      if (latest === -Infinity) continue;
      const list = this.ordered.get(section)!;
      for (let k = lastAtMost(list, latest); k >= 0; k--) {
        const j = list[k];
        if (t.skip?.has(j) || apartOrHit(j)) continue;
        if (coversOrHit(j)) {
          owners.push(...entries[j].owners);
          break;
        }
        partial(j);
      }
    }
    this.keys.pop();
    const out: Evaluated[] = [{ pattern: t.pattern, owners: dedupe(owners), because: '' }];
    // The later rule of a section wins, so its overlap goes last.
    const last = new Map(refinements.map(r => [r.pattern, r.order]));
    const kept = refinements
      .filter(r => last.get(r.pattern) === r.order)
      .sort((a, b) => a.order - b.order);
    for (const r of kept) {
      // A later rule's overlap comes after this one and wins where both apply, as in GitLab.
      const handled = new Set([
        ...(t.handled ?? []),
        ...kept.filter(x => x.order > r.order).map(x => x.order),
      ]);
      out.push(
        ...this.evaluate(
          { ...t, pattern: r.pattern, fileOnly: r.fileOnly, handled },
          unclear,
          depth + 1,
        ).map(x => ({ ...x, because: x.because || r.because })),
      );
      // GitLab's `e` is a file name there: below a directory of that name, `e` does not apply.
      const e = entries[r.order];
      if (e.below && !t.fileOnly) {
        const skip = new Set([...(t.skip ?? []), r.order]);
        out.push(
          ...this.evaluate(
            { ...t, pattern: `${r.pattern}/**`, fileOnly: false, skip },
            unclear,
            depth + 1,
          ).map(x => ({ ...x, because: x.because || `what is below ${r.because}` })),
        );
      }
    }
    return out;
  }
}

/** Index in the ascending `list` of its last value <= `max`, or -1. */
function lastAtMost(list: readonly number[], max: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= max) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Whether GitLab's rule `e` matches every path of `inner`. A rule GitLab reads as a file name
 * (`docs`, `model/db`) matches nothing below it, so it covers only its own pattern.
 */
function coversAsGitlab(e: GitlabEntry, t: Target): boolean {
  if (e.below) {
    if (e.pattern === t.pattern) return true;
    // `**/model/db` (a file at any depth) covers every file pattern that ends in the same literal names.
    if (!t.fileOnly || e.pattern.startsWith('/')) return false;
    const names = e.pattern.replace(/^\*\*\//, '').split('/');
    const segs = t.pattern.split('/');
    return (
      segs.length >= names.length &&
      names.every((n, k) => segs[segs.length - names.length + k] === n)
    );
  }
  return provablyCovers(e.pattern, t.pattern);
}

/** The one path a target names, when it names one file: anchored, literal, read as a file name. */
function exactFile(t: Target): string | undefined {
  if (!t.pattern.startsWith('/') || t.pattern.endsWith('/') || /[*?\\]/.test(t.pattern))
    return undefined;
  const last = t.pattern.slice(t.pattern.lastIndexOf('/') + 1);
  return t.fileOnly || /\.[A-Za-z0-9]+$/.test(last) ? t.pattern.slice(1) : undefined;
}

/** Whether GitLab's rule matches this file: its pattern does, and not only because the file is below a directory it names. */
function gitlabMatches(e: GitlabEntry, file: string): boolean {
  return (
    patternMatches(e.pattern, file) && !(e.below !== undefined && patternMatches(e.below, file))
  );
}

/** The last segment of a pattern when it is a name (not `*`, `**` or a directory's trailing `/`). */
function lastName(p: string): string | undefined {
  if (p.endsWith('/')) return undefined;
  const last = p.split('/').pop();
  return last === undefined || last === '' || last === '*' || last === '**' ? undefined : last;
}

/**
 * GitLab matches a pattern's last name against the file name only, and the import takes names with
 * a wildcard or an extension to be files: two patterns whose names no file can share are apart.
 */
function namesDiffer(a: string, b: string): boolean {
  const x = lastName(a);
  const y = lastName(b);
  if (x === undefined || y === undefined) return false;
  const literal = (n: string) => !/[*?\\]/.test(n);
  if (literal(x) && literal(y)) return x !== y;
  if (literal(x)) return !compileSegmentGlob(y)(x);
  if (literal(y)) return !compileSegmentGlob(x)(y);
  return false;
}

function dedupe(owners: readonly string[]): string[] {
  const seen = new Set<string>();
  return owners.filter(o => !seen.has(o.toLowerCase()) && seen.add(o.toLowerCase()));
}

/** A GitLab CODEOWNERS file has section headers; GitHub's never does. */
export function looksLikeGitlab(text: string): boolean {
  return text.split('\n').some(l => /^\^?\[[^\]]+\](\[[^\]]*\])?(\s|$)/.test(l.trim()));
}
