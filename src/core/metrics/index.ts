export type {
  AuthorFigures,
  ChangeRecord,
  ComponentFigures,
  ExcludedFigures,
  FiguresSource,
  HistoryFacts,
  LeadFlag,
  LeadReport,
  MonthFigures,
  PullRequestRecord,
  ReportWindow,
  TeamFigures,
  TeamSignal,
  TopPullRequest,
} from './types';
export { INFO_SIGNALS, SIGNAL_ORDER } from './types';
export {
  aggregateTeams,
  computeLeadReport,
  leadFlag,
  leadOwnership,
  teamCatalogue,
  teamSignals,
} from './compute';
export type { TeamCatalogue } from './compute';
export { attributePullRequests } from './attribute';
export type { AttributedPullRequest, AttributionOptions } from './attribute';
export { monthlyLeadShare } from './monthly';
export type { MonthlyShare } from './monthly';
export {
  createAuthorRules,
  createBotFilter,
  createPathFilter,
  createWindowFilter,
} from './exclusions';
export { NO_GENERATED_FILES, parseGitattributes } from './gitattributes';
export type { GeneratedFiles } from './gitattributes';
export { hideIndividuals } from './teamOnly';
