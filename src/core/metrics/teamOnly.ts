import type { KnowledgeFigures, LeadReport, TeamFigures } from './types';

/**
 * Team-only mode: the same figures with no individual named but the team's lead. Other people's
 * author rows are dropped, pull-request authors who are not the lead become null, and so do a
 * component owner's own lines, pull requests, reviews and last activity (when the owner is not the
 * lead), `delegateTo`, `backup` and knowledge holders other than the lead.
 */
export function hideIndividuals(report: LeadReport): LeadReport {
  return {
    ...report,
    teams: report.teams.map(hideInTeam),
    knowledge: withHolders(report.knowledge, () => false),
  };
}

/** Knowledge with only the holders `keep` allows (the counts and the bus factor stay). */
function withHolders(
  k: KnowledgeFigures | null,
  keep: (login: string) => boolean,
): KnowledgeFigures | null {
  return k && { ...k, holders: k.holders.filter(h => keep(h.login)) };
}

/** One team's figures with no individual but its lead. */
export function hideInTeam(t: TeamFigures): TeamFigures {
  const isLead = (login: string | null) =>
    login !== null && t.lead !== '' && login.toLowerCase() === t.lead.toLowerCase();
  return {
    ...t,
    authors: t.authors.filter(a => isLead(a.login)),
    componentFigures: t.componentFigures.map(c => ({
      ...c,
      ownerLines: isLead(c.owner) ? c.ownerLines : null,
      authors: c.authors.filter(a => isLead(a.login)),
      delegateTo: null,
      ownerPullRequests: isLead(c.owner) ? c.ownerPullRequests : null,
      ownerReviews: isLead(c.owner) ? c.ownerReviews : null,
      ownerLastActive: isLead(c.owner) ? c.ownerLastActive : null,
      knowledge: withHolders(c.knowledge, isLead),
      backup: isLead(c.backup) ? c.backup : null,
    })),
    knowledge: withHolders(t.knowledge, isLead),
    topPullRequests: t.topPullRequests.map(p => ({
      ...p,
      author: isLead(p.author) ? p.author : null,
    })),
  };
}
