import type { LeadReport, TeamFigures } from './types';

/**
 * Team-only mode: the same figures with no individual named but the team's lead. Other people's
 * author rows are dropped, pull-request authors who are not the lead become null, and so do a
 * component owner's own lines (when the owner is not the lead) and `delegateTo`.
 */
export function hideIndividuals(report: LeadReport): LeadReport {
  return { ...report, teams: report.teams.map(hideInTeam) };
}

/** One team's figures with no individual but its lead. */
export function hideInTeam(t: TeamFigures): TeamFigures {
  const isLead = (login: string | null) => login !== null && t.lead !== '' && login.toLowerCase() === t.lead.toLowerCase();
  return {
    ...t,
    authors: t.authors.filter(a => isLead(a.login)),
    componentFigures: t.componentFigures.map(c => ({
      ...c,
      ownerLines: isLead(c.owner) ? c.ownerLines : null,
      authors: c.authors.filter(a => isLead(a.login)),
      delegateTo: null,
    })),
    topPullRequests: t.topPullRequests.map(p => ({ ...p, author: isLead(p.author) ? p.author : null })),
  };
}
