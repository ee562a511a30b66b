import * as assert from 'assert';
import { generateHostileMatches, ISSUE_MATCH_CASES } from '../../../oracles/hostileInputs';
import { patternToRegExp } from '../../../oracles/regexReference';
import { compilePatterns, patternMatches } from '../../../../src/core/match/compile';

// The time per call on these inputs (the regex matcher took seconds to minutes) is printed by
// `npm run bench` (matcher); a test asserts answers, which hold on a machine under any load.
describe('matcher answers on hostile patterns (property)', () => {
  it('answers the cases reproduced in issue 9 correctly', () => {
    for (const c of ISSUE_MATCH_CASES)
      assert.strictEqual(compilePatterns([c.pattern]).winner(c.path), -1, c.label);
  });

  it('answers 3,000 generated hostile pattern/path pairs as the one-pattern check does, and the same with the path extended', () => {
    let matched = 0;
    for (const c of generateHostileMatches(3000)) {
      const compiled = compilePatterns([c.pattern]);
      for (const p of [c.path, `${c.path}b`, `${c.path}/b`, `${c.path}Z`]) {
        const winner = compiled.winner(p);
        assert.strictEqual(
          winner,
          patternMatches(c.pattern, p) ? 0 : -1,
          `${c.pattern} vs ${p.length} chars`,
        );
        if (winner === 0) matched++;
      }
    }
    assert.ok(matched > 0, 'no generated pair matched: the property tested only misses');
  });

  it('gives the regex reference answers on short hostile inputs (where the regex still finishes)', () => {
    for (const c of generateHostileMatches(1500, 3, 14, 24)) {
      const variants = [
        c.path,
        `${c.path}b`,
        `${c.path}/b`,
        `b/${c.path}`,
        `${c.path}Z`,
        `a/${c.path}/`,
        `/${c.path}`,
        `${c.path}//b`,
      ];
      for (const p of variants)
        assert.strictEqual(
          patternMatches(c.pattern, p),
          patternToRegExp(c.pattern).test(p),
          `${c.pattern} vs ${p}`,
        );
    }
  });
});
