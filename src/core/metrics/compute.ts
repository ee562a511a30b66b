import type { MetricsSettings, OwnersModel } from '../owners/model';
import type { OwnershipIndex } from '../owners/resolve';
import {
  approvedByLeadAlone,
  AttributedPullRequest,
  attributePullRequests,
  AttributionOptions,
  CreditedPerson,
  reviewedBy,
} from './attribute';
import { daysInWindow, monthsOf } from './months';
import { ActivityTally, inPractice, OwnershipOptions, recentActivity } from './inPractice';
import type {
  AuthorFigures,
  ComponentFigures,
  HistoryFacts,
  LeadFlag,
  LeadReport,
  ChangeRecord as PullRequestRecord,
  ReportWindow,
  TeamFigures,
  TeamSignal,
  TopPullRequest,
} from './types';

/** The teams and components figures are computed for, and the thresholds; several repositories may share one. */
export interface TeamCatalogue {
  /** In report order (OWNERS.yaml file order). */
  teams: { id: string; lead: string }[];
  /** In file order; `id` is the key of `AttributedPullRequest.componentLines`. */
  components: { id: string; team: string; owner: string }[];
  settings: Pick<
    MetricsSettings,
    | 'minPullRequests'
    | 'leadShareThreshold'
    | 'watchThreshold'
    | 'bottleneckThreshold'
    | 'leadOwnershipThreshold'
  > &
    Partial<Pick<MetricsSettings, 'inactiveDays'>>;
}

/** The catalogue of one OWNERS.yaml. */
export function teamCatalogue(model: OwnersModel): TeamCatalogue {
  return {
    teams: [...model.teams.values()].map(t => ({ id: t.id, lead: t.lead })),
    components: [...model.components.values()].map(c => ({
      id: c.id,
      team: c.team,
      owner: c.owner,
    })),
    settings: model.metrics,
  };
}

/**
 * docs/figures.md for one repository: `attributePullRequests` then `aggregateTeams`.
 * Teams in OWNERS.yaml file order; shares are unrounded fractions, 0 when undefined.
 */
export function computeLeadReport(
  index: OwnershipIndex,
  prs: readonly PullRequestRecord[],
  window: ReportWindow,
  options?: AttributionOptions & OwnershipOptions,
  facts?: HistoryFacts,
): LeadReport {
  return aggregateTeams(
    teamCatalogue(index.model),
    attributePullRequests(index, prs, window, options),
    window,
    facts,
    options,
  );
}

/** The GitHub source: reviews are known and every lead is a GitHub user. */
const GITHUB_FACTS: HistoryFacts = { reviewsKnown: true, unmappedLeads: new Set() };

interface Person {
  login: string;
  pullRequests: number;
  lines: number;
}

class Tally {
  pullRequests = 0;
  lines = 0;
  readonly people = new Map<string, Person>();

  add(credited: readonly CreditedPerson[], lines: number): void {
    this.pullRequests++;
    this.lines += lines;
    // An indexed loop: half a million calls, no iterator or closure each.
    for (let i = 0; i < credited.length; i++) {
      const { key, login } = credited[i];
      const p = this.people.get(key);
      if (p) {
        p.pullRequests++;
        p.lines += lines;
      } else {
        this.people.set(key, { login, pullRequests: 1, lines });
      }
    }
  }

  linesOf(login: string): number {
    return this.people.get(login.toLowerCase())?.lines ?? 0;
  }
}

/** YYYY-MM of a merge time (UTC): GitHub's "…Z" timestamps are read as they are, others through Date. */
function monthOf(mergedAt: string): string {
  return /^\d{4}-\d{2}-\d{2}T[^+]*Z$/.test(mergedAt)
    ? mergedAt.slice(0, 7)
    : new Date(mergedAt).toISOString().slice(0, 7);
}

interface TeamTally {
  /** The lead's login, lower-cased ('' when none). */
  lead: string;
  all: Tally;
  nonLead: number;
  reviewedByLead: number;
  soleApprovalByLead: number;
  months: Map<string, Tally & { leadLines?: number }>;
  top: { a: AttributedPullRequest; lines: number }[];
  components: Map<string, Tally & { activity?: ActivityTally }>;
  excluded: TeamFigures['excluded'];
}

/**
 * Team figures over attributed pull requests, which may come from several repositories: every
 * figure is a sum over the union of the pull requests, shares are taken from those sums.
 */
export function aggregateTeams(
  catalogue: TeamCatalogue,
  attributed: readonly AttributedPullRequest[],
  window: ReportWindow,
  facts: HistoryFacts = GITHUB_FACTS,
  ownership: OwnershipOptions = {},
): LeadReport {
  const months = monthsOf(window);
  const tallies = new Map<string, TeamTally>();
  for (const t of catalogue.teams) {
    tallies.set(t.id, {
      lead: t.lead.toLowerCase(),
      all: new Tally(),
      nonLead: 0,
      reviewedByLead: 0,
      soleApprovalByLead: 0,
      top: [],
      months: new Map(months.map(m => [m, new Tally()])),
      components: new Map(),
      excluded: {
        botPullRequests: 0,
        ignoredAuthorPullRequests: 0,
        ignoredPathLines: 0,
        generatedLines: 0,
      },
    });
  }
  // One lookup per component line instead of three (component -> team -> tally -> component tally).
  const componentTally = new Map<string, Tally & { activity?: ActivityTally }>();
  for (const c of catalogue.components) {
    const t = tallies.get(c.team);
    if (!t) continue;
    const tally: Tally & { activity?: ActivityTally } = new Tally();
    tally.activity = new ActivityTally(c.owner);
    t.components.set(c.id, tally);
    componentTally.set(c.id, tally);
  }
  let counted = 0;
  for (const a of attributed) {
    if (a.excluded) {
      for (const teamId of a.teamLines.keys()) {
        const t = tallies.get(teamId);
        if (!t) continue;
        if (a.excluded === 'bot') t.excluded.botPullRequests++;
        else t.excluded.ignoredAuthorPullRequests++;
      }
      continue;
    }
    counted++;
    for (const [teamId, lines] of a.ignoredPathLines) {
      const t = tallies.get(teamId);
      if (t) t.excluded.ignoredPathLines += lines;
    }
    for (const [teamId, lines] of a.generatedLines) {
      const t = tallies.get(teamId);
      if (t) t.excluded.generatedLines += lines;
    }
    const month = monthOf(a.pr.mergedAt);
    const author = a.pr.author.toLowerCase();
    a.teamLines.forEach((lines, teamId) => {
      const t = tallies.get(teamId);
      if (!t) return;
      const lead = t.lead;
      t.all.add(a.credited, lines);
      t.months.get(month)?.add(a.credited, lines);
      keepTop(t.top, a, lines);
      if (author !== lead) {
        t.nonLead++;
        if (lead && reviewedBy(a.pr, lead)) t.reviewedByLead++;
        if (lead && approvedByLeadAlone(a.pr, lead)) t.soleApprovalByLead++;
      }
    });
    a.componentLines.forEach((lines, componentId) => {
      const tally = componentTally.get(componentId);
      if (!tally) return;
      tally.add(a.credited, lines);
      tally.activity!.add(a);
    });
  }
  // Ownership in practice (docs/figures.md ("Ownership in practice")): reviews are unknown when the source says so, and a lead no commit maps to is never inactive.
  const options: OwnershipOptions = {
    ...ownership,
    reviewsKnown: facts.reviewsKnown && ownership.reviewsKnown !== false,
    seenInHistory:
      ownership.seenInHistory ??
      (facts.unmappedLeads.size
        ? (login: string) => !facts.unmappedLeads.has(login.toLowerCase())
        : undefined),
  };
  const recent = recentActivity(
    attributed,
    window,
    catalogue.settings.inactiveDays ?? 90,
    options.reviewsKnown !== false,
  );
  const teams = catalogue.teams.map(team =>
    inPractice(
      teamFigures(team, tallies.get(team.id)!, catalogue, facts, window),
      tallies.get(team.id)!.components,
      catalogue.settings.minPullRequests,
      recent,
      options,
    ),
  );
  return {
    window: { since: window.since, until: window.until },
    pullRequests: counted,
    teams,
    knowledge: options.knowledge?.repository ?? null,
  };
}

function teamFigures(
  team: { id: string; lead: string },
  t: TeamTally,
  catalogue: TeamCatalogue,
  facts: HistoryFacts,
  window: ReportWindow,
): TeamFigures {
  const settings = catalogue.settings;
  const leadKey = team.lead.toLowerCase();
  const leadTally = team.lead ? t.all.people.get(leadKey) : undefined;
  const leadLines = leadTally?.lines ?? 0;
  const leadPullRequests = leadTally?.pullRequests ?? 0;
  const leadShare = ratio(leadLines, t.all.lines);
  const leadPullRequestShare = ratio(leadPullRequests, t.all.pullRequests);
  const leadReviewedShare = facts.reviewsKnown ? ratio(t.reviewedByLead, t.nonLead) : null;
  const leadSoleApprovalShare = facts.reviewsKnown ? ratio(t.soleApprovalByLead, t.nonLead) : null;
  // A lead no commit maps to is unknown to the history, not absent from it.
  const leadUnmapped = team.lead !== '' && facts.unmappedLeads.has(leadKey);
  const own = catalogue.components.filter(c => c.team === team.id);
  const leadOwnedComponents = team.lead
    ? own.filter(c => c.owner.toLowerCase() === leadKey).length
    : 0;
  const figures = {
    pullRequests: t.all.pullRequests,
    leadShare,
    leadPullRequests,
    leadReviewedShare,
    leadUnmapped,
  };
  return {
    team: team.id,
    lead: team.lead,
    pullRequests: t.all.pullRequests,
    lines: t.all.lines,
    leadPullRequests,
    leadLines,
    leadShare,
    leadPullRequestShare,
    leadReviewedShare,
    flag: leadFlag(figures, settings),
    authors: authorsOf(t.all),
    leadOwnedComponents,
    components: own.length,
    leadSoleApprovalShare,
    signals: teamSignals(
      {
        ...figures,
        nonLeadPullRequests: t.nonLead,
        leadSoleApprovalShare,
        components: own.length,
        leadOwnedComponents,
        reviewsUnknown: !facts.reviewsKnown,
      },
      settings,
    ),
    componentFigures: own.map(c => componentFigures(c, team.lead, t.components.get(c.id)!)),
    months: [...t.months].map(([month, m]) => ({
      month,
      days: daysInWindow(month, window),
      pullRequests: m.pullRequests,
      lines: m.lines,
      authors: m.people.size,
      leadShare: ratio(team.lead ? m.linesOf(team.lead) : 0, m.lines),
    })),
    topPullRequests: topPullRequests(t.top),
    excluded: t.excluded,
    knowledge: null,
  };
}

/** Authors by lines, then pull requests (both descending), then login; `share` of the tally's lines. */
function authorsOf(t: Tally): AuthorFigures[] {
  return [...t.people.values()]
    .map(a => ({
      login: a.login,
      pullRequests: a.pullRequests,
      lines: a.lines,
      share: ratio(a.lines, t.lines),
    }))
    .sort(
      (a, b) =>
        b.lines - a.lines || b.pullRequests - a.pullRequests || a.login.localeCompare(b.login),
    );
}

function componentFigures(
  c: { id: string; owner: string },
  lead: string,
  t: Tally,
): ComponentFigures {
  const leadOwns = lead !== '' && c.owner.toLowerCase() === lead.toLowerCase();
  let delegateTo: string | null = null;
  if (leadOwns) {
    const others = [...t.people.entries()]
      .filter(([key]) => key !== lead.toLowerCase())
      .map(([, p]) => p);
    others.sort(
      (a, b) =>
        b.lines - a.lines || b.pullRequests - a.pullRequests || compareCaseless(a.login, b.login),
    );
    delegateTo = others[0]?.login ?? null;
  }
  return {
    component: c.id,
    owner: c.owner,
    pullRequests: t.pullRequests,
    lines: t.lines,
    ownerLines: t.linesOf(c.owner),
    leadLines: lead ? t.linesOf(lead) : 0,
    authors: authorsOf(t).slice(0, 3),
    delegateTo,
    // Filled by inPractice (docs/figures.md ("Ownership in practice")).
    ownerPullRequests: 0,
    ownerReviews: null,
    ownerLastActive: null,
    signals: [],
    knowledge: null,
    backup: null,
  };
}

const TOP = 10;

/** Before: more team lines, then the newer merge, then the higher number. */
function ranksBefore(
  x: { a: AttributedPullRequest; lines: number },
  y: { a: AttributedPullRequest; lines: number },
): boolean {
  if (x.lines !== y.lines) return x.lines > y.lines;
  const dx = Date.parse(x.a.pr.mergedAt);
  const dy = Date.parse(y.a.pr.mergedAt);
  if (dx !== dy) return dx > dy;
  const nx = x.a.pr.number ?? -1;
  const ny = y.a.pr.number ?? -1;
  if (nx !== ny) return nx > ny;
  // Two changes of the git source merged in the same second without numbers: any fixed order will do.
  return (x.a.pr.commit ?? '') > (y.a.pr.commit ?? '');
}

/** Keeps the best TOP entries in order (an insertion into a short list instead of sorting every pull request). */
function keepTop(
  top: { a: AttributedPullRequest; lines: number }[],
  a: AttributedPullRequest,
  lines: number,
): void {
  // Most pull requests rank below the tenth by lines alone: no entry is made for them.
  if (top.length === TOP && lines < top[TOP - 1].lines) return;
  const entry = { a, lines };
  if (top.length === TOP && !ranksBefore(entry, top[TOP - 1])) return;
  let i = top.length;
  while (i > 0 && ranksBefore(entry, top[i - 1])) i--;
  top.splice(i, 0, entry);
  if (top.length > TOP) top.pop();
}

/** docs/figures.md ("Evidence and what was left out") topPullRequests: the 10 with the most team lines; ties: newer merge first, then the higher number. */
function topPullRequests(list: { a: AttributedPullRequest; lines: number }[]): TopPullRequest[] {
  return list.map(({ a, lines }) => {
    const entry: TopPullRequest = {
      number: a.pr.number,
      title: a.pr.title ?? '',
      url: a.pr.url ?? '',
      author: a.pr.author,
      lines,
    };
    if (a.pr.commit !== undefined) {
      // The git source: no number or page is null (never ''), and the commit lets anyone check the figure.
      entry.url = a.pr.url ?? null;
      entry.commit = a.pr.commit;
    }
    return entry;
  });
}

/** docs/figures.md ("Lead authorship") flag, first rule that applies: insufficient-data, doing-the-work, absent, watch, ok. */
export function leadFlag(
  f: {
    pullRequests: number;
    leadShare: number;
    leadPullRequests: number;
    leadReviewedShare: number | null;
    leadUnmapped?: boolean;
  },
  settings: Pick<MetricsSettings, 'minPullRequests' | 'leadShareThreshold' | 'watchThreshold'>,
): LeadFlag {
  if (f.pullRequests < settings.minPullRequests) return 'insufficient-data';
  if (f.leadShare >= settings.leadShareThreshold) return 'doing-the-work';
  if (f.leadPullRequests === 0 && f.leadReviewedShare === 0 && !f.leadUnmapped) return 'absent';
  if (f.leadShare >= settings.watchThreshold) return 'watch';
  return 'ok';
}

/** docs/figures.md ("Signals of a team") signals: every one that holds, in the documented order; thresholds compare unrounded fractions. */
export function teamSignals(
  f: {
    pullRequests: number;
    leadShare: number;
    leadPullRequests: number;
    leadReviewedShare: number | null;
    nonLeadPullRequests: number;
    leadSoleApprovalShare: number | null;
    components: number;
    leadOwnedComponents: number;
    leadUnmapped?: boolean;
    reviewsUnknown?: boolean;
  },
  settings: TeamCatalogue['settings'],
): TeamSignal[] {
  const out: TeamSignal[] = [];
  if (f.pullRequests < settings.minPullRequests) {
    out.push('insufficient-data');
  } else {
    if (f.leadShare >= settings.leadShareThreshold) out.push('doing-the-work');
    if (f.leadShare >= settings.watchThreshold && f.leadShare < settings.leadShareThreshold)
      out.push('watch');
    // Unknown reviews (null) never make `absent` or `bottleneck`; nor does a lead the history cannot name.
    if (f.leadPullRequests === 0 && f.leadReviewedShare === 0 && !f.leadUnmapped)
      out.push('absent');
    if (
      f.nonLeadPullRequests >= settings.minPullRequests &&
      f.leadSoleApprovalShare !== null &&
      f.leadSoleApprovalShare >= settings.bottleneckThreshold
    ) {
      out.push('bottleneck');
    }
  }
  if (f.components >= 2 && f.leadOwnedComponents / f.components >= settings.leadOwnershipThreshold)
    out.push('holds-ownership');
  // The info signals come last.
  if (f.leadUnmapped) out.push('lead-unmapped');
  if (f.reviewsUnknown) out.push('reviews-unknown');
  return out;
}

/** How many of the team's components its lead owns, and whether that is `holds-ownership`: OWNERS.yaml alone, no pull requests. */
export function leadOwnership(
  model: OwnersModel,
  teamId: string,
): { leadOwnedComponents: number; components: number; holdsOwnership: boolean } {
  const lead = model.teams.get(teamId)?.lead.toLowerCase() ?? '';
  const own = [...model.components.values()].filter(c => c.team === teamId);
  const leadOwnedComponents = lead ? own.filter(c => c.owner.toLowerCase() === lead).length : 0;
  const holdsOwnership =
    own.length >= 2 && leadOwnedComponents / own.length >= model.metrics.leadOwnershipThreshold;
  return { leadOwnedComponents, components: own.length, holdsOwnership };
}

function compareCaseless(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
