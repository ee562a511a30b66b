import { CandidateIndex } from './candidateIndex';
import { checkPattern, patternShape } from './pattern';
import { compilePathTest, PathTest } from './segmentMatcher';
import { PatternMatcher } from './types';

export { checkPattern } from './pattern';

/**
 * Compiles CODEOWNERS patterns once into a matcher that answers "which pattern wins this path"
 * without testing every pattern: an index proposes candidates, each confirmed by its segment-wise
 * test (linear in pattern × path, no backtracking), highest index first. Invalid patterns (see
 * `checkPattern`) never match.
 */
export function compilePatterns(patterns: readonly string[]): PatternMatcher {
  const tests: PathTest[] = [];
  const index = new CandidateIndex();
  patterns.forEach((pattern, i) => {
    tests.push(compilePathTest(pattern));
    if (checkPattern(pattern).kind === 'ok') index.add(i, patternShape(pattern));
  });

  function winner(path: string): number {
    const segments = path.split('/');
    const lists = index.candidates(segments);
    if (lists.length === 1) {
      const list = lists[0];
      for (let k = list.length - 1; k >= 0; k--) if (tests[list[k]](segments)) return list[k];
      return -1;
    }
    // Merge the sorted lists from the top: the first confirmed candidate is the winner.
    const cursor = lists.map(l => l.length - 1);
    let tested = -1;
    for (;;) {
      let best = -1;
      let from = -1;
      for (let k = 0; k < lists.length; k++) {
        const at = cursor[k];
        if (at >= 0 && lists[k][at] > best) {
          best = lists[k][at];
          from = k;
        }
      }
      if (best < 0) return -1;
      cursor[from]--;
      if (best === tested) continue;
      tested = best;
      if (tests[best](segments)) return best;
    }
  }

  function allMatches(path: string): number[] {
    const segments = path.split('/');
    const found: number[] = [];
    for (const list of index.candidates(segments)) {
      for (const i of list) if (tests[i](segments)) found.push(i);
    }
    found.sort((a, b) => a - b);
    return found.filter((v, k) => k === 0 || found[k - 1] !== v);
  }

  return { winner, allMatches, size: patterns.length };
}

/** Whether one pattern matches one path (for a single test; compile with `compilePatterns` for many). */
export function patternMatches(pattern: string, path: string): boolean {
  return compilePathTest(pattern)(path.split('/'));
}
