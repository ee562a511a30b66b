import type { ComponentFigures, TeamFigures } from '../metrics/types';
import type { OwnersModel } from '../owners/model';

/**
 * Whom the views suggest for a component (delegation's "could go to", a backup, a rotation), and
 * why in a few words. The report's `delegateTo` and `backup` stay the raw figures (the top writer, the
 * top knowledge holder); this ranking is what the tree, hover cards and team report show: the
 * team's own people before others, those who know the component before those who only wrote some
 * of it, and a lead already doing the work of a team last, whoever they are.
 */
export interface Candidate {
  login: string;
  /** "in the team · knows 12 of 14 files", "wrote 43% of its lines"… */
  why: string;
  inTeam: boolean;
  /** Files of the component the person knows (0 when unknown or none). */
  files: number;
  /** Lines in the component in the window (0 when not among its top authors). */
  lines: number;
  /** Set when the person leads a team flagged `doing-the-work` or `watch`: that team's id. */
  busyIn?: string;
}

/** The component's team as the ranking needs it. */
export interface CandidateTeam {
  id: string;
  lead: string;
  /** Members as written in OWNERS.yaml (the lead counts as in the team either way). */
  members: readonly string[];
}

/** A lead already flagged as writing much of a team's code: login (lowercased) → the team and the lead's share. */
export type BusyLeads = ReadonlyMap<string, { team: string; leadShare: number }>;

/** Leads of teams whose signals say `doing-the-work` or `watch`. */
export function busyLeads(
  teams: readonly Pick<TeamFigures, 'team' | 'lead' | 'signals' | 'leadShare'>[],
): Map<string, { team: string; leadShare: number }> {
  const out = new Map<string, { team: string; leadShare: number }>();
  for (const t of teams) {
    if (!t.lead || !(t.signals.includes('doing-the-work') || t.signals.includes('watch'))) continue;
    const key = t.lead.toLowerCase();
    const seen = out.get(key);
    if (!seen || t.leadShare > seen.leadShare)
      out.set(key, { team: t.team, leadShare: t.leadShare });
  }
  return out;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The people the figures give evidence for (knowledge holders, top authors, the raw `delegateTo`
 * and `backup`), other than the owner, best first. Only people already in the figures are named,
 * so team-only figures (individuals removed) yield only the lead.
 */
export function rankCandidates(
  c: ComponentFigures,
  team: CandidateTeam | undefined,
  busy: BusyLeads = new Map(),
): Candidate[] {
  const owner = c.owner.toLowerCase();
  const inTeam = new Set(
    [team?.lead ?? '', ...(team?.members ?? [])].filter(Boolean).map(l => l.toLowerCase()),
  );
  const pool = new Map<string, { login: string; files: number; lines: number }>();
  const add = (login: string | null, files = 0, lines = 0) => {
    if (!login || login.toLowerCase() === owner) return;
    const key = login.toLowerCase();
    const p = pool.get(key) ?? { login, files: 0, lines: 0 };
    p.files = Math.max(p.files, files);
    p.lines = Math.max(p.lines, lines);
    pool.set(key, p);
  };
  for (const h of c.knowledge?.holders ?? []) add(h.login, h.files);
  for (const a of c.authors) add(a.login, 0, a.lines);
  add(c.delegateTo);
  add(c.backup);
  const ranked = [...pool.entries()].map(([key, p]): Candidate => {
    const b = busy.get(key);
    return {
      login: p.login,
      inTeam: inTeam.has(key),
      files: p.files,
      lines: p.lines,
      why: '',
      ...(b ? { busyIn: b.team } : {}),
    };
  });
  ranked.sort(
    (a, b) =>
      Number(!!a.busyIn) - Number(!!b.busyIn) ||
      Number(b.inTeam) - Number(a.inTeam) ||
      b.files - a.files ||
      b.lines - a.lines ||
      (a.login.toLowerCase() < b.login.toLowerCase()
        ? -1
        : a.login.toLowerCase() > b.login.toLowerCase()
          ? 1
          : 0),
  );
  return ranked.map(x => ({ ...x, why: whyOf(x, c, team, busy) }));
}

/** The first of `rankCandidates`, or undefined when the figures name nobody. */
export function bestCandidate(
  c: ComponentFigures,
  team: CandidateTeam | undefined,
  busy?: BusyLeads,
): Candidate | undefined {
  return rankCandidates(c, team, busy)[0];
}

/** A few words on why this person: membership, then what the history shows, then a lead's load elsewhere. */
function whyOf(
  x: Omit<Candidate, 'why'>,
  c: ComponentFigures,
  team: CandidateTeam | undefined,
  busy: BusyLeads,
): string {
  const parts: string[] = [];
  if (x.inTeam) parts.push('in the team');
  if (x.files > 0 && c.knowledge) parts.push(`knows ${x.files} of ${c.knowledge.files} files`);
  else if (x.lines > 0 && c.lines > 0) parts.push(`wrote ${pct(x.lines / c.lines)} of its lines`);
  const b = busy.get(x.login.toLowerCase());
  if (b)
    parts.push(
      `already writes ${pct(b.leadShare)} of ${b.team === team?.id ? "this team's" : `team ${b.team}'s`} lines as its lead`,
    );
  if (parts.length === 0) parts.push('changed it');
  return parts.join(' · ');
}

/**
 * What a component offers: a delegation (the lead owns it), or a handoff or rotation (knowledge in
 * one place, or the owner on paper only), with the best candidate; undefined when neither applies
 * or nobody is named.
 */
export function suggestedHandoff(
  c: ComponentFigures,
  team: CandidateTeam | undefined,
  busy?: BusyLeads,
): { kind: 'delegate' | 'rotate'; candidate: Candidate } | undefined {
  const leadOwns = !!team?.lead && team.lead.toLowerCase() === c.owner.toLowerCase();
  const atRisk = c.signals.includes('nominal-owner') || c.knowledge?.busFactor === 1;
  if (!leadOwns && !atRisk) return undefined;
  const candidate = bestCandidate(c, team, busy);
  if (!candidate) return undefined;
  return { kind: leadOwns ? 'delegate' : 'rotate', candidate };
}

/** What the views show for one component: "could go to", the backup, and the handoff or rotation offered. */
export interface ComponentSuggestion {
  /** The lead owns it: whom it could go to. */
  delegate?: Candidate;
  /** Knowledge is known (git source) and the lead does not own it: who backs the owner up. */
  backup?: Candidate;
  /** Offered as an action: a delegation, or a rotation when knowledge sits in one place or the owner is on paper only. */
  handoff?: { kind: 'delegate' | 'rotate'; candidate: Candidate };
}

/** The component's team for the ranking, from OWNERS.yaml. */
export function candidateTeam(model: OwnersModel, teamId: string): CandidateTeam | undefined {
  const t = model.teams.get(teamId);
  return t && { id: t.id, lead: t.lead, members: t.members };
}

/** Everything a view shows about candidates for `c`, given every team's figures (for the leads already doing the work). */
export function componentSuggestion(
  c: ComponentFigures,
  team: CandidateTeam | undefined,
  teams: readonly TeamFigures[] = [],
): ComponentSuggestion {
  const busy = busyLeads(teams);
  const best = bestCandidate(c, team, busy);
  if (!best) return {};
  const leadOwns = !!team?.lead && team.lead.toLowerCase() === c.owner.toLowerCase();
  const out: ComponentSuggestion = {};
  if (leadOwns) out.delegate = best;
  else if (c.knowledge) out.backup = best;
  const handoff = suggestedHandoff(c, team, busy);
  if (handoff) out.handoff = handoff;
  return out;
}
