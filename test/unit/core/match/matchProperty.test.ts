import * as assert from 'assert';
import fc from 'fast-check';
import { patternToRegExp } from '../../../oracles/regexReference';
import { compilePatterns } from '../../../../src/core/match/compile';

// Small alphabets so that random patterns and random paths actually meet.
const name = fc.constantFrom('a', 'b', 'ab', 'a.js', 'b.go', 'x_test.go', 'A', 'logs', 'docs');
const globSegment = fc.constantFrom(
  '*',
  '**',
  '**',
  '*.',
  '*.js',
  '*.go',
  '*_test.go',
  'a*',
  '?',
  'a?',
  '*b',
  '***',
  '[ab]',
  'a\\ b',
  '\\*',
);
const segment = fc.oneof({ weight: 3, arbitrary: name }, { weight: 2, arbitrary: globSegment });
const pattern = fc
  .tuple(
    fc.boolean(),
    fc.array(segment, { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.constantFrom('', '', '!'),
  )
  .map(
    ([lead, segs, trail, neg]) => `${neg}${lead ? '/' : ''}${segs.join('/')}${trail ? '/' : ''}`,
  );
const path = fc.array(name, { minLength: 1, maxLength: 5 }).map(s => s.join('/'));

function naiveWinner(regexes: readonly RegExp[], p: string): number {
  for (let i = regexes.length - 1; i >= 0; i--) if (regexes[i].test(p)) return i;
  return -1;
}

describe('indexed matcher = naive loop over patternToRegExp (property)', () => {
  it('winner and allMatches agree on random patterns and paths', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { maxLength: 30 }),
        fc.array(path, { minLength: 1, maxLength: 20 }),
        (patterns, paths) => {
          const m = compilePatterns(patterns);
          const regexes = patterns.map(patternToRegExp);
          for (const p of paths) {
            assert.strictEqual(m.winner(p), naiveWinner(regexes, p), p);
            assert.deepStrictEqual(
              m.allMatches(p),
              regexes.flatMap((r, i) => (r.test(p) ? [i] : [])),
              p,
            );
          }
        },
      ),
      { numRuns: 2000, seed: 20261124 },
    );
  });
});
