export * from './types';
export { computeLeadReport, leadFlag } from './compute';
export { monthlyLeadShare, MonthlyShare } from './monthly';
export { createBotFilter, createPathFilter, createWindowFilter } from './exclusions';
