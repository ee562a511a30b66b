import * as assert from 'assert';
import { generateHostileMatches, ISSUE_MATCH_CASES, millis } from '../../src/bench/hostileInputs';
import { patternToRegExp } from '../../src/bench/regexReference';
import { compilePatterns, patternMatches } from '../../src/core/match/compile';

/**
 * A time budget per call, far above what a linear matcher needs (tens of microseconds for these
 * sizes: `npm run bench` prints the worst case measured) and far below what the regex matcher took
 * on the same inputs (seconds to minutes), so a machine under load does not make it flaky.
 */
const BUDGET_MS = 100;

describe('matcher time on hostile patterns (property)', () => {
  it('answers the cases reproduced in issue 9 within the budget, correctly', () => {
    for (const c of ISSUE_MATCH_CASES) {
      let winner = 0;
      const ms = millis(() => { winner = compilePatterns([c.pattern]).winner(c.path); });
      assert.ok(ms < BUDGET_MS, `${c.label}: ${ms.toFixed(1)} ms`);
      assert.strictEqual(winner, -1, c.label);
    }
  });

  it('answers 3,000 generated hostile pattern/path pairs each within the budget', () => {
    let worst = { ms: 0, label: '' };
    for (const c of generateHostileMatches(3000)) {
      // The faster of two runs: a garbage-collection pause is not the matcher's time.
      const ms = Math.min(millis(() => compilePatterns([c.pattern]).winner(c.path)), millis(() => compilePatterns([c.pattern]).winner(c.path)));
      if (ms > worst.ms) worst = { ms, label: `${c.label} ${c.pattern} / ${c.path.length} chars` };
    }
    assert.ok(worst.ms < BUDGET_MS, `${worst.label}: ${worst.ms.toFixed(1)} ms`);
  });

  it('gives the regex reference answers on short hostile inputs (where the regex still finishes)', () => {
    for (const c of generateHostileMatches(1500, 3, 14, 24)) {
      const variants = [c.path, `${c.path}b`, `${c.path}/b`, `b/${c.path}`, `${c.path}Z`, `a/${c.path}/`, `/${c.path}`, `${c.path}//b`];
      for (const p of variants) assert.strictEqual(patternMatches(c.pattern, p), patternToRegExp(c.pattern).test(p), `${c.pattern} vs ${p}`);
    }
  });
});
