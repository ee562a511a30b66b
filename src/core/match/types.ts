/** A compiled set of CODEOWNERS patterns; indices are positions in the list it was built from. */
export interface PatternMatcher {
  /** Index of the last pattern (in list order) that matches `path`, or -1. */
  winner(path: string): number;
  /** Indices of every pattern that matches `path`, ascending. */
  allMatches(path: string): number[];
  /** Number of patterns compiled. */
  readonly size: number;
}

export type PatternProblem = { kind: 'ok' } | { kind: 'invalid'; reason: string };
