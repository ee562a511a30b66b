import type { OwnershipIndex } from '../owners/resolve';
import { createAuthorRules, createPathFilter, createWindowFilter } from './exclusions';
import { GeneratedFiles, NO_GENERATED_FILES } from './gitattributes';
import type { ChangeRecord as PullRequestRecord, ReportWindow } from './types';

/** Why the author rules left a pull request out (docs/figures.md ("Which changes count")): a bot, or a person in `ignoreAuthors`. */
export type AuthorExclusion = 'bot' | 'ignored-author';

/**
 * One merged pull request of the window, attributed with its own repository's OWNERS.yaml and
 * `.gitattributes`. Everything the team figures need is here, so pull requests of several
 * repositories can be summed by `aggregateTeams` (a sum over the union, never an average).
 */
export interface AttributedPullRequest {
  /** Which repository it came from (`AttributionOptions.repo`); '' for a single repository. */
  repo: string;
  pr: PullRequestRecord;
  /** Set when the author rules leave it out of every figure but `excluded`. */
  excluded?: AuthorExclusion;
  /** The people credited with it: the author, plus co-authors when credited. Shared between pull requests; never modify. */
  credited: readonly CreditedPerson[];
  /** Lines of the remaining files (not ignored, not generated) per team id; a key = it counts for that team. */
  teamLines: Map<string, number>;
  /** The same per component id (the component that wins each file). */
  componentLines: Map<string, number>;
  /** Per team id: lines of its files left out by `ignorePaths`. */
  ignoredPathLines: ReadonlyMap<string, number>;
  /** Per team id: lines of its files left out by `.gitattributes` (and not already by `ignorePaths`). */
  generatedLines: ReadonlyMap<string, number>;
}

export interface AttributionOptions {
  /** `linguist-generated` of the repository root's `.gitattributes`; none by default. */
  generated?: GeneratedFiles;
  /** A label for the repository when several are summed. */
  repo?: string;
  /**
   * Where each path resolved (team, component, counted/ignored/generated), kept between calls that
   * share the index and `generated` (the flags' window and the trend's): resolving is most of the cost.
   */
  resolutions?: PathResolutions;
}

/** Opaque to callers: make one with `new Map()` per index and .gitattributes, and pass it to each call. */
export type PathResolutions = Map<string, unknown>;

/** A person credited with a pull request: `key` is the lower-cased login, `login` its spelling. */
export interface CreditedPerson {
  readonly key: string;
  readonly login: string;
}

const NONE: ReadonlyMap<string, number> = new Map();
const UNOWNED = { team: null, component: null } as const;

interface PathInfo {
  team: string | null;
  component: string | null;
  kind: 'counted' | 'ignored' | 'generated';
}

/**
 * Every merged pull request of the window (those the author rules leave out included, marked
 * `excluded`), each file resolved once per path to its team and component and sorted into
 * counted, ignored (`ignorePaths`) or generated (`.gitattributes`) lines.
 */
export function attributePullRequests(
  index: OwnershipIndex,
  prs: readonly PullRequestRecord[],
  window: ReportWindow,
  options: AttributionOptions = {},
): AttributedPullRequest[] {
  const settings = index.model.metrics;
  const authors = createAuthorRules(settings.ignoreAuthors);
  const inWindow = createWindowFilter(window);
  const ignored = createPathFilter(settings);
  const generated = options.generated ?? NO_GENERATED_FILES;
  const repo = options.repo ?? '';
  // Without co-author credit, every pull request of an author shares one list (no allocation per pull request).
  const soloCredit = new Map<string, readonly CreditedPerson[]>();
  const creditOf = (pr: PullRequestRecord): readonly CreditedPerson[] => {
    if (settings.creditCoAuthors) return withCoAuthors(pr, authors.leftOut);
    let list = soloCredit.get(pr.author);
    if (!list)
      soloCredit.set(pr.author, (list = [{ key: pr.author.toLowerCase(), login: pr.author }]));
    return list;
  };
  // Paths repeat across pull requests, and across calls when the caller passes `resolutions`.
  const infoOfPath = (options.resolutions ?? new Map()) as Map<string, PathInfo>;
  // What each pattern's win means (team and component, or nothing), worked out once, not once per path.
  const model = index.model;
  const ownerOfPattern = model.patterns.map(p => {
    const component = p.component === null ? undefined : model.components.get(p.component);
    return component && model.teams.has(component.team)
      ? { team: component.team, component: component.id }
      : UNOWNED;
  });
  const infoOf = (path: string): PathInfo => {
    let info = infoOfPath.get(path);
    if (info) return info;
    const winner = index.matcher.winner(path);
    const owner = winner < 0 ? UNOWNED : ownerOfPattern[winner];
    info = {
      team: owner.team,
      component: owner.component,
      kind: ignored(path) ? 'ignored' : generated.isGenerated(path) ? 'generated' : 'counted',
    };
    infoOfPath.set(path, info);
    return info;
  };
  const out: AttributedPullRequest[] = [];
  for (const pr of prs) {
    if (!inWindow(pr)) continue;
    const excluded = authors.exclusion(pr);
    const a: AttributedPullRequest = {
      repo,
      pr,
      credited: creditOf(pr),
      teamLines: new Map(),
      componentLines: new Map(),
      ignoredPathLines: NONE,
      generatedLines: NONE,
    };
    if (excluded) a.excluded = excluded;
    for (const f of pr.files) {
      const info = infoOf(f.path);
      if (info.team === null) continue;
      const lines = f.additions + f.deletions;
      if (info.kind === 'counted') {
        a.teamLines.set(info.team, (a.teamLines.get(info.team) ?? 0) + lines);
        a.componentLines.set(info.component!, (a.componentLines.get(info.component!) ?? 0) + lines);
      } else {
        // Most pull requests have no ignored or generated team file: their maps are made only when needed.
        const key = info.kind === 'ignored' ? 'ignoredPathLines' : 'generatedLines';
        const into =
          a[key] === NONE
            ? ((a[key] = new Map<string, number>()) as Map<string, number>)
            : (a[key] as Map<string, number>);
        into.set(info.team, (into.get(info.team) ?? 0) + lines);
      }
    }
    out.push(a);
  }
  return out;
}

/** The author, then every distinct commit author left after the bot and ignore rules (co-author credit). */
function withCoAuthors(
  pr: PullRequestRecord,
  leftOut: (login: string) => boolean,
): CreditedPerson[] {
  const people: CreditedPerson[] = [{ key: pr.author.toLowerCase(), login: pr.author }];
  for (const login of pr.commitAuthors ?? []) {
    const key = login.toLowerCase();
    if (!people.some(p => p.key === key) && !leftOut(login)) people.push({ key, login });
  }
  return people;
}

/** True when `login` submitted at least one review on `pr` in a state other than PENDING. */
export function reviewedBy(pr: PullRequestRecord, login: string): boolean {
  const l = login.toLowerCase();
  return pr.reviews.some(r => r.state !== 'PENDING' && r.author.toLowerCase() === l);
}

/** docs/figures.md ("Lead authorship") `leadSoleApprovalShare`: the lead submitted an APPROVED review and nobody else but the author did. */
export function approvedByLeadAlone(pr: PullRequestRecord, lead: string): boolean {
  const l = lead.toLowerCase();
  const author = pr.author.toLowerCase();
  let leadApproved = false;
  for (const r of pr.reviews) {
    if (r.state !== 'APPROVED') continue;
    const who = r.author.toLowerCase();
    if (who === l) leadApproved = true;
    else if (who !== author) return false;
  }
  return leadApproved;
}
