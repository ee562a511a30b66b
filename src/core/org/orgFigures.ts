import { leadFlag } from '../metrics/compute';
import type { LeadFlag, LeadReport, ReportWindow, TeamFigures } from '../metrics/types';
import type { MetricsSettings } from '../owners/model';

type Thresholds = Pick<
  MetricsSettings,
  'minPullRequests' | 'leadShareThreshold' | 'watchThreshold'
>;

/** One team in one repository as counts (never shares), so repositories add up exactly. */
export interface RepoTeamCounts {
  team: string;
  lead: string;
  pullRequests: number;
  lines: number;
  leadPullRequests: number;
  leadLines: number;
  /** The team's pull requests authored by someone other than the lead, and how many of those the lead reviewed. */
  othersPullRequests: number;
  othersReviewedByLead: number;
  authors: { login: string; pullRequests: number; lines: number }[];
}

/** What the org report keeps of one repository. */
export interface RepoResult {
  repo: string;
  ownersPath: string;
  /** Merged, non-bot pull requests in the window. */
  pullRequests: number;
  apiRequests: number;
  cache: string;
  thresholds: Thresholds;
  teams: RepoTeamCounts[];
}

/** A team across every repository it owns components in: docs/figures.md ("Lead authorship") figures over the union of its pull requests. */
export interface OrgTeam extends Pick<
  TeamFigures,
  | 'pullRequests'
  | 'lines'
  | 'leadPullRequests'
  | 'leadLines'
  | 'leadShare'
  | 'leadPullRequestShare'
  | 'leadReviewedShare'
  | 'flag'
  | 'authors'
> {
  team: string;
  /** The lead named in each repository's OWNERS.yaml (one login unless they disagree). */
  leads: string[];
  repositories: {
    repo: string;
    lead: string;
    pullRequests: number;
    lines: number;
    leadLines: number;
    leadShare: number;
  }[];
}

/** A lead across every team they lead. */
export interface OrgLead {
  lead: string;
  teams: string[];
  pullRequests: number;
  lines: number;
  leadLines: number;
  leadShare: number;
  flags: LeadFlag[];
}

/** Turns one repository's lead-authorship report into counts. Shares are exact fractions of integers, so share x n is the count. */
export function repoTeamCounts(report: LeadReport): RepoTeamCounts[] {
  return report.teams.map(t => {
    const others = t.pullRequests - t.leadPullRequests;
    return {
      team: t.team,
      lead: t.lead,
      pullRequests: t.pullRequests,
      lines: t.lines,
      leadPullRequests: t.leadPullRequests,
      leadLines: t.leadLines,
      othersPullRequests: others,
      othersReviewedByLead: Math.round((t.leadReviewedShare ?? 0) * others),
      authors: t.authors.map(a => ({
        login: a.login,
        pullRequests: a.pullRequests,
        lines: a.lines,
      })),
    };
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Teams are organisation-wide: the same team id in several repositories is one team. Each figure
 * is a sum of counts over its repositories (a pull request lives in one repository, so this is
 * the figure over the union of pull requests), and shares are taken of the sums, never averaged.
 * Thresholds come from the first repository (by name) that defines the team.
 */
export function combineTeams(repos: readonly RepoResult[]): OrgTeam[] {
  const byTeam = new Map<
    string,
    { thresholds: Thresholds; parts: { repo: string; t: RepoTeamCounts }[] }
  >();
  for (const r of [...repos].sort((a, b) => a.repo.localeCompare(b.repo))) {
    for (const t of r.teams) {
      const entry = byTeam.get(t.team) ?? { thresholds: r.thresholds, parts: [] };
      entry.parts.push({ repo: r.repo, t });
      byTeam.set(t.team, entry);
    }
  }
  const out: OrgTeam[] = [];
  for (const [team, { thresholds, parts }] of byTeam) {
    const sum = (f: (t: RepoTeamCounts) => number) => parts.reduce((s, p) => s + f(p.t), 0);
    const pullRequests = sum(t => t.pullRequests),
      lines = sum(t => t.lines);
    const leadPullRequests = sum(t => t.leadPullRequests),
      leadLines = sum(t => t.leadLines);
    const leadShare = ratio(leadLines, lines);
    const leadReviewedShare = ratio(
      sum(t => t.othersReviewedByLead),
      sum(t => t.othersPullRequests),
    );
    const authors = new Map<string, { login: string; pullRequests: number; lines: number }>();
    for (const { t } of parts) {
      for (const a of t.authors) {
        const key = a.login.toLowerCase();
        const seen = authors.get(key) ?? { login: a.login, pullRequests: 0, lines: 0 };
        seen.pullRequests += a.pullRequests;
        seen.lines += a.lines;
        authors.set(key, seen);
      }
    }
    out.push({
      team,
      leads: [...new Set(parts.map(p => p.t.lead).filter(Boolean))],
      pullRequests,
      lines,
      leadPullRequests,
      leadLines,
      leadShare,
      leadPullRequestShare: ratio(leadPullRequests, pullRequests),
      leadReviewedShare,
      flag: leadFlag({ pullRequests, leadShare, leadPullRequests, leadReviewedShare }, thresholds),
      authors: [...authors.values()]
        .map(a => ({ ...a, share: ratio(a.lines, lines) }))
        .sort(
          (a, b) =>
            b.lines - a.lines || b.pullRequests - a.pullRequests || a.login.localeCompare(b.login),
        ),
      repositories: parts.map(({ repo, t }) => ({
        repo,
        lead: t.lead,
        pullRequests: t.pullRequests,
        lines: t.lines,
        leadLines: t.leadLines,
        leadShare: ratio(t.leadLines, t.lines),
      })),
    });
  }
  return out.sort((a, b) => a.team.localeCompare(b.team));
}

/** Per lead (compared case-insensitively): the teams they lead and their lines over all of them. */
export function combineLeads(teams: readonly OrgTeam[]): OrgLead[] {
  const byLead = new Map<string, OrgLead>();
  for (const t of teams) {
    for (const r of t.repositories) {
      if (!r.lead) continue;
      const lead = byLead.get(r.lead.toLowerCase()) ?? {
        lead: r.lead,
        teams: [],
        pullRequests: 0,
        lines: 0,
        leadLines: 0,
        leadShare: 0,
        flags: [],
      };
      if (!lead.teams.includes(t.team)) {
        lead.teams.push(t.team);
        lead.flags.push(t.flag);
      }
      lead.lines += r.lines;
      lead.leadLines += r.leadLines;
      lead.pullRequests += r.pullRequests;
      byLead.set(r.lead.toLowerCase(), lead);
    }
  }
  return [...byLead.values()]
    .map(l => ({ ...l, leadShare: ratio(l.leadLines, l.lines) }))
    .sort((a, b) => b.leadShare - a.leadShare || a.lead.localeCompare(b.lead));
}

/** The org report document: one shard's slice, or every shard merged (`shard` null). */
export interface OrgReport {
  kind: 'ownership-lens/org-report';
  version: 1;
  org: string;
  window: ReportWindow;
  shard: { index: number; count: number } | null;
  /** Shards this document holds (1-based); all of 1..count once merged. */
  shards: number[];
  generatedAt: string;
  apiRequests: number;
  pullRequests: number;
  repositories: RepoResult[];
  teams: OrgTeam[];
  leads: OrgLead[];
}

export function buildOrgReport(o: {
  org: string;
  window: ReportWindow;
  shard: { index: number; count: number } | null;
  shards: number[];
  generatedAt: string;
  apiRequests: number;
  repositories: RepoResult[];
}): OrgReport {
  const repositories = [...o.repositories].sort((a, b) => a.repo.localeCompare(b.repo));
  const teams = combineTeams(repositories);
  return {
    kind: 'ownership-lens/org-report',
    version: 1,
    org: o.org,
    window: o.window,
    shard: o.shard,
    shards: o.shards,
    generatedAt: o.generatedAt,
    apiRequests: o.apiRequests,
    pullRequests: repositories.reduce((s, r) => s + r.pullRequests, 0),
    repositories,
    teams,
    leads: combineLeads(teams),
  };
}

/** Which shard (1-based) of `count` a repository belongs to: a stable hash of its name, so adding repositories moves no others. */
export function shardOf(repo: string, count: number): number {
  let h = 0x811c9dc5;
  for (const ch of repo.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  // FNV's low bits follow the last characters; murmur3's finaliser mixes every bit into them.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return (h % count) + 1;
}

/** Combines shard slices into one report; refuses slices of other organisations or windows, and overlaps. */
export function mergeOrgReports(parts: readonly OrgReport[], generatedAt: string): OrgReport {
  if (parts.length === 0) throw new Error('nothing to merge');
  const [first] = parts;
  const repos = new Map<string, RepoResult>();
  const shards = new Set<number>();
  for (const p of parts) {
    if (p.kind !== 'ownership-lens/org-report' || p.version !== 1)
      throw new Error('not an org-report JSON file (version 1)');
    if (p.org.toLowerCase() !== first.org.toLowerCase())
      throw new Error(`slices of different organisations: ${first.org} and ${p.org}`);
    if (p.window.since !== first.window.since || p.window.until !== first.window.until) {
      throw new Error(
        `slices of different windows: ${first.window.since}..${first.window.until} and ${p.window.since}..${p.window.until}; run every shard with the same --since/--until`,
      );
    }
    const count = p.shard?.count ?? first.shard?.count;
    if (p.shard && first.shard && p.shard.count !== first.shard.count)
      throw new Error(`slices cut ${first.shard.count} and ${p.shard.count} ways`);
    for (const s of p.shards) {
      if (shards.has(s)) throw new Error(`shard ${s}/${count} given twice`);
      shards.add(s);
    }
    for (const r of p.repositories) {
      if (repos.has(r.repo.toLowerCase())) throw new Error(`${r.repo} is in two slices`);
      repos.set(r.repo.toLowerCase(), r);
    }
  }
  const count = first.shard?.count ?? 1;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(s => !shards.has(s));
  if (missing.length)
    throw new Error(`missing shard(s) ${missing.map(s => `${s}/${count}`).join(', ')}`);
  return buildOrgReport({
    org: first.org,
    window: first.window,
    shard: null,
    shards: [...shards].sort((a, b) => a - b),
    generatedAt,
    apiRequests: parts.reduce((s, p) => s + p.apiRequests, 0),
    repositories: [...repos.values()],
  });
}
