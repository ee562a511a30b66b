export type { AuthorFigures, LeadFlag, LeadReport, PullRequestRecord, ReportWindow, TeamFigures } from './types';
export { computeLeadReport, leadFlag } from './compute';
export { monthlyLeadShare } from './monthly';
export type { MonthlyShare } from './monthly';
export { createBotFilter, createPathFilter, createWindowFilter } from './exclusions';
