import type { MetricsSettings } from '../owners/model';
import type { OwnershipIndex } from '../owners/resolve';
import { attributePullRequests, reviewedBy } from './attribute';
import type { AuthorFigures, LeadFlag, LeadReport, PullRequestRecord, ReportWindow, TeamFigures } from './types';

interface TeamTally {
  pullRequests: number;
  lines: number;
  nonLeadPullRequests: number;
  nonLeadReviewedByLead: number;
  authors: Map<string, { login: string; pullRequests: number; lines: number }>;
}

/**
 * SPEC section 4's figures for every team of the model, teams in OWNERS.yaml file order, authors
 * by lines (then pull requests, then login). Shares are unrounded fractions; 0 when undefined.
 */
export function computeLeadReport(index: OwnershipIndex, prs: readonly PullRequestRecord[], window: ReportWindow): LeadReport {
  const model = index.model;
  const attributed = attributePullRequests(index, prs, window);
  const tallies = new Map<string, TeamTally>();
  for (const id of model.teams.keys()) {
    tallies.set(id, { pullRequests: 0, lines: 0, nonLeadPullRequests: 0, nonLeadReviewedByLead: 0, authors: new Map() });
  }
  for (const { pr, teamLines } of attributed) {
    const authorKey = pr.author.toLowerCase();
    for (const [teamId, lines] of teamLines) {
      const t = tallies.get(teamId)!;
      const lead = model.teams.get(teamId)!.lead;
      t.pullRequests++;
      t.lines += lines;
      const a = t.authors.get(authorKey) ?? { login: pr.author, pullRequests: 0, lines: 0 };
      a.pullRequests++;
      a.lines += lines;
      t.authors.set(authorKey, a);
      if (authorKey !== lead.toLowerCase()) {
        t.nonLeadPullRequests++;
        if (lead && reviewedBy(pr, lead)) t.nonLeadReviewedByLead++;
      }
    }
  }
  const teams: TeamFigures[] = [];
  for (const [id, team] of model.teams) teams.push(teamFigures(id, team.lead, tallies.get(id)!, model.metrics));
  return { window: { since: window.since, until: window.until }, pullRequests: attributed.length, teams };
}

function teamFigures(id: string, lead: string, t: TeamTally, settings: MetricsSettings): TeamFigures {
  const leadTally = lead ? t.authors.get(lead.toLowerCase()) : undefined;
  const leadLines = leadTally?.lines ?? 0;
  const leadPullRequests = leadTally?.pullRequests ?? 0;
  const leadShare = ratio(leadLines, t.lines);
  const leadPullRequestShare = ratio(leadPullRequests, t.pullRequests);
  const leadReviewedShare = ratio(t.nonLeadReviewedByLead, t.nonLeadPullRequests);
  const authors: AuthorFigures[] = [...t.authors.values()]
    .map(a => ({ login: a.login, pullRequests: a.pullRequests, lines: a.lines, share: ratio(a.lines, t.lines) }))
    .sort((a, b) => b.lines - a.lines || b.pullRequests - a.pullRequests || a.login.localeCompare(b.login));
  return {
    team: id, lead, pullRequests: t.pullRequests, lines: t.lines, leadPullRequests, leadLines,
    leadShare, leadPullRequestShare, leadReviewedShare,
    flag: leadFlag({ pullRequests: t.pullRequests, leadShare, leadPullRequests, leadReviewedShare }, settings),
    authors,
  };
}

/** SPEC 4's flag, first rule that applies: insufficient-data, doing-the-work, absent, watch, ok. */
export function leadFlag(f: { pullRequests: number; leadShare: number; leadPullRequests: number; leadReviewedShare: number },
  settings: Pick<MetricsSettings, 'minPullRequests' | 'leadShareThreshold' | 'watchThreshold'>): LeadFlag {
  if (f.pullRequests < settings.minPullRequests) return 'insufficient-data';
  if (f.leadShare >= settings.leadShareThreshold) return 'doing-the-work';
  if (f.leadPullRequests === 0 && f.leadReviewedShare === 0) return 'absent';
  if (f.leadShare >= settings.watchThreshold) return 'watch';
  return 'ok';
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
