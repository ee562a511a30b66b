/**
 * What every importer produces before OWNERS.yaml is written: rules in the order their owners are
 * decided (last match wins), teams and people the source defines, and notes on what did not map.
 */

/** One ownership rule: a CODEOWNERS-style pattern and who the source says owns its paths. */
export interface ImportRule {
  pattern: string;
  /** Handles as CODEOWNERS writes them (`@org/team`, `@login`, e-mail); [] = explicitly unowned. */
  owners: string[];
  /** Where the rule comes from, for notes: repository-relative file and 1-based line. */
  file: string;
  line: number;
  /** Comment lines just above the rule in the source, without `#`. */
  comments?: string[];
  /** The team the source names for these paths (an alias, a group, a section), when it does. */
  team?: string;
  /** The accountable person when the source names one; `guessed` when picked among several. */
  owner?: { login: string; guessed?: string };
  /** A name for the component the source gives (a section, a catalog entity). */
  name?: string;
  /** Keys kept verbatim on the component under `x-` (e.g. GitLab approval counts). */
  extra?: Record<string, unknown>;
}

export interface ImportTeam {
  id: string;
  name?: string;
  /** The lead, when known; `guessed` says how it was picked (the validator reports it until confirmed). */
  lead?: { login: string; guessed?: string };
  members: string[];
  /** GitHub (or GitLab) group slug without `@`, for the CODEOWNERS export. */
  github?: string;
}

export interface ImportPerson {
  login: string;
  name?: string;
  emails: string[];
}

/** Something in the source that OWNERS.yaml version 1 does not hold exactly. */
export interface ImportNote {
  file: string;
  line: number;
  /**
   * `not-imported`: left out; `inexact`: imported, but some paths' owners differ; `kept`: data kept
   * under an `x-` key; `same`: the source tool reads it the same surprising way, and so does the import.
   */
  kind: 'not-imported' | 'inexact' | 'kept' | 'same';
  message: string;
}

export interface ImportDraft {
  /** Human name of the source format, for the header comment. */
  source: string;
  rules: ImportRule[];
  teams: ImportTeam[];
  people: ImportPerson[];
  notes: ImportNote[];
  /** Leads suggested for teams the source names only by handle (`@org/team`, lower-cased), used when nothing better is known. */
  suggestedLeads?: Map<string, { login: string; guessed: string }>;
}

export function emptyDraft(source: string): ImportDraft {
  return { source, rules: [], teams: [], people: [], notes: [] };
}

/** Team ids and component ids: lower-case words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/** Where the numbered search of each fallback resumes, per set of taken ids (ids are only ever added): linear, not quadratic. */
const nextNumber = new WeakMap<ReadonlySet<string>, Map<string, number>>();

export function uniqueId(preferred: string, taken: ReadonlySet<string>, fallback: string): string {
  if (!taken.has(preferred)) return preferred;
  if (!taken.has(fallback)) return fallback;
  let counters = nextNumber.get(taken);
  if (!counters) nextNumber.set(taken, (counters = new Map()));
  let n = counters.get(fallback) ?? 2;
  while (taken.has(`${fallback}-${n}`)) n++;
  counters.set(fallback, n);
  return `${fallback}-${n}`;
}
