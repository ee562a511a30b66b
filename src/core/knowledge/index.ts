export type { KnowledgeCommit, KnowledgeFigures, PathChange } from './types';
export { AUTHORSHIP_THRESHOLD, degreeOfAuthorship, knowersOf } from './degreeOfAuthorship';
export type { FileAuthor } from './degreeOfAuthorship';
export { HistoryIndex } from './fileHistories';
export { knowledgeOver, loginOrder } from './truckFactor';
export { computeKnowledge } from './knowledge';
export type { ComponentKnowledge, RepositoryKnowledge } from './knowledge';
