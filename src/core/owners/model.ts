/**
 * The OWNERS.yaml model (docs/owners-yaml.md) as plain data, with the source range of every node a
 * diagnostic or an edit may need. Produced by `parseOwners`; never mutated afterwards.
 */

/** A range in the text, 0-based offsets; `line`/`column` are 1-based (the documented diagnostics). */
export interface Span {
  offset: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

import type { OutcomeSource } from '../outcomes/model';

export interface Person {
  login: string;
  name?: string;
  emails: string[];
  span: Span;
}

export interface Team {
  id: string;
  name?: string;
  /** Login of the lead; '' when missing (a diagnostic says so). */
  lead: string;
  /** Logins as written, without the lead unless listed. Use `teamMembers()` for the full set. */
  members: string[];
  github?: string;
  span: Span;
  leadSpan?: Span;
  /** One per entry of `members`, same order. */
  memberSpans?: Span[];
  githubSpan?: Span;
  /** Fields an import guessed (`x-guessed: {lead: why}`), until a person confirms them. */
  guessed?: GuessedField[];
}

/** One `x-guessed` entry: the field, why the import picked its value, where it is written. */
export interface GuessedField {
  field: string;
  reason: string;
  span: Span;
}

export interface Outcome {
  id: string;
  name?: string;
  metric?: string;
  target?: string;
  link?: string;
  span: Span;
  linkSpan?: Span;
  /** Shown after the value (docs/owners-yaml.md, `outcomes.<id>`); no conversion. */
  unit?: string;
  targetSpan?: Span;
  /** Where the value lives, when `source:` is well formed (see core/outcomes/readSource). */
  source?: OutcomeSource;
  /** Why a `source:` that is written cannot be used (reported by the parser). */
  sourceProblem?: string;
  sourceSpan?: Span;
  sourceFileSpan?: Span;
}

export interface HandoffRecord {
  date: string;
  from: string;
  to: string;
  notes?: string;
  decisions: string[];
  stakeholders: string[];
}

/** One pattern as written, in file order across components and `unowned`. */
export interface PatternEntry {
  pattern: string;
  /** Position among all patterns of the file: later wins. */
  index: number;
  /** The component id, or null for a pattern under `unowned`. */
  component: string | null;
  span: Span;
}

export interface Component {
  id: string;
  name?: string;
  team: string;
  owner: string;
  paths: PatternEntry[];
  outcomes: string[];
  authority: string[];
  support: string[];
  stakeholders: string[];
  codeowners?: string[];
  handoffs: HandoffRecord[];
  /** Range of the component's key (`checkout-api:`), where "reveal in OWNERS.yaml" goes. */
  span: Span;
  ownerSpan?: Span;
  guessed?: GuessedField[];
  teamSpan?: Span;
  /** One per entry of `outcomes` / `codeowners`, same order. */
  outcomeSpans?: Span[];
  codeownersSpans?: Span[];
  /** Where each handoff's `date` value is, same order as `handoffs`. */
  handoffDateSpans?: Span[];
  /** Where each handoff's `from` and `to` values are, same order (the handoff itself when absent). */
  handoffFromSpans?: Span[];
  handoffToSpans?: Span[];
}

export interface MetricsSettings {
  windowDays: number;
  leadShareThreshold: number;
  watchThreshold: number;
  minPullRequests: number;
  ignoreAuthors: string[];
  /** the documented default lock files when absent. */
  ignorePaths: string[];
  /** docs/figures.md ("Which changes count"): credit every GitHub user among a pull request's commit authors (Co-authored-by included). */
  creditCoAuthors: boolean;
  /** docs/figures.md ("Signals of a team"): `bottleneck` when the lead alone approved at least this share of others' pull requests. */
  bottleneckThreshold: number;
  /** docs/figures.md ("Signals of a team"): `holds-ownership` when the lead owns at least this share of the team's components. */
  leadOwnershipThreshold: number;
  /** `owner-inactive` / `lead-inactive`: nothing credited or reviewed in the window's last this many days. */
  inactiveDays: number;
  /** Team-only mode: no individual but the lead is named in any figure (views and exports). */
  teamOnly: boolean;
}

export interface OwnersModel {
  version: number | null;
  /** Keyed by lower-cased login (logins compare case-insensitively). */
  people: Map<string, Person>;
  teams: Map<string, Team>;
  outcomes: Map<string, Outcome>;
  components: Map<string, Component>;
  unowned: PatternEntry[];
  /** Every pattern of the file in file order (components' and `unowned`), `index` = position. */
  patterns: PatternEntry[];
  metrics: MetricsSettings;
  /** Where each `metrics` setting's key is written (and `metrics` itself), for diagnostics. */
  metricsSpans?: Record<string, Span>;
}

export type Severity = 'error' | 'warning' | 'info';

export interface OwnersDiagnostic {
  severity: Severity;
  /** Stable identifier, e.g. `unknown-team`; listed in `diagnosticCodes.ts`. */
  code: string;
  message: string;
  span: Span;
}

export const DEFAULT_IGNORE_PATHS = [
  '**/package-lock.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/go.sum',
  '**/Cargo.lock',
  '**/poetry.lock',
  '**/Gemfile.lock',
  '**/composer.lock',
];

export const DEFAULT_METRICS: MetricsSettings = {
  windowDays: 90,
  leadShareThreshold: 0.5,
  watchThreshold: 0.3,
  minPullRequests: 5,
  ignoreAuthors: [],
  ignorePaths: DEFAULT_IGNORE_PATHS,
  creditCoAuthors: false,
  bottleneckThreshold: 0.6,
  leadOwnershipThreshold: 0.5,
  inactiveDays: 90,
  teamOnly: false,
};

/** Per team, the set last built and what it was built from (a team of thousands is asked once per component). */
const memberSets = new WeakMap<
  Team,
  { members: readonly string[]; length: number; lead: string; set: ReadonlySet<string> }
>();

/** The team's members including its lead, lower-cased. */
export function teamMembers(team: Team): ReadonlySet<string> {
  const known = memberSets.get(team);
  if (
    known &&
    known.members === team.members &&
    known.length === team.members.length &&
    known.lead === team.lead
  )
    return known.set;
  const all = new Set(team.members.map(m => m.toLowerCase()));
  if (team.lead) all.add(team.lead.toLowerCase());
  memberSets.set(team, {
    members: team.members,
    length: team.members.length,
    lead: team.lead,
    set: all,
  });
  return all;
}

/** GitHub's login syntax: letters, digits and single inner hyphens, at most 39 characters. */
export function isGitHubLogin(login: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(login);
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
