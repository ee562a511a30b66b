import { compileSegmentGlob, SegmentTest } from './glob';
import { checkPattern, patternShape } from './pattern';

/** Tests a path, given as its '/'-separated segments, against one compiled pattern. */
export type PathTest = (segments: readonly string[]) => boolean;

/**
 * One CODEOWNERS pattern compiled into a path test over segments, in O(pattern × path) at worst:
 * no regular expression, no backtracking. Semantics (GitHub's, as docs/owners-yaml.md describes):
 * - `*` alone is one non-empty segment; any other glob is one segment (`*`, `?` never cross `/`);
 * - `**` first or in the middle is zero or more segments (not a single empty one);
 *   `**` last is one or more segments; `**` alone is any non-empty path;
 * - a last segment other than `*` and `**` also matches everything below it.
 * Invalid patterns never match.
 */
export function compilePathTest(pattern: string): PathTest {
  if (checkPattern(pattern).kind === 'invalid') return () => false;
  const { segments } = patternShape(pattern);
  if (segments.length === 1 && segments[0] === '**') return s => s.length > 1 || s[0] !== '';

  // Segment tests; `undefined` stands for `**`.
  const tests: (SegmentTest | undefined)[] = segments.map(s =>
    s === '**' ? undefined : s === '*' ? nonEmpty : compileSegmentGlob(s),
  );
  const last = segments[segments.length - 1];
  const trailingStars = last === '**';
  if (trailingStars) tests.pop();
  // After the last segment test: exactly the end, one or more segments (`**`), or any (a name also owns what is below it).
  const tail: Tail = trailingStars ? 'some' : last === '*' ? 'end' : 'any';
  const inner = tests.indexOf(undefined, 1);

  if (tests[0] !== undefined && inner < 0) return fixed(tests as SegmentTest[], tail);
  if (tests[0] === undefined && inner < 0) return floating(tests.slice(1) as SegmentTest[], tail);
  return general(tests, tail);
}

type Tail = 'end' | 'some' | 'any';

const nonEmpty: SegmentTest = s => s !== '';

function tailOk(tail: Tail, rest: number): boolean {
  return tail === 'any' || (tail === 'end' ? rest === 0 : rest > 0);
}

/** No `**` before the tail: one segment test per leading path segment. */
function fixed(tests: readonly SegmentTest[], tail: Tail): PathTest {
  const n = tests.length;
  return s => {
    if (s.length < n || !tailOk(tail, s.length - n)) return false;
    for (let k = 0; k < n; k++) if (!tests[k](s[k])) return false;
    return true;
  };
}

/** A leading `**` then fixed tests: try every start, O(path × tests). */
function floating(tests: readonly SegmentTest[], tail: Tail): PathTest {
  const n = tests.length;
  return s => {
    for (let start = 0; start + n <= s.length; start++) {
      // The leading `**` may not stand for one empty segment (a path starting with '/').
      if (start === 1 && s[0] === '') continue;
      if (!tailOk(tail, s.length - start - n)) continue;
      let k = 0;
      while (k < n && tests[k](s[start + k])) k++;
      if (k === n) return true;
    }
    return false;
  };
}

/**
 * Any mix of tests and `**`: dynamic programming over (pattern position, path position), one row of
 * path positions per pattern position computed from the next, so O(pattern × path) steps.
 */
function general(tests: readonly (SegmentTest | undefined)[], tail: Tail): PathTest {
  return s => {
    const n = s.length;
    // next[j]: tests[i+1..] (and the tail) match s[j..].
    let next = new Uint8Array(n + 2);
    let row = new Uint8Array(n + 2);
    for (let j = 0; j <= n; j++) next[j] = tailOk(tail, n - j) ? 1 : 0;
    for (let i = tests.length - 1; i >= 0; i--) {
      const test = tests[i];
      row.fill(0);
      if (test === undefined) {
        // Zero segments, or k >= 1 segments that are not one empty segment.
        let anyFrom = 0; // OR of next[m] for m >= j + 2 while scanning down
        for (let j = n; j >= 0; j--) {
          const fromNext = j + 1 <= n && next[j + 1] === 1;
          const oneOrMore =
            (s[j] !== '' && j < n && (fromNext || anyFrom === 1)) || (j < n && anyFrom === 1);
          row[j] = next[j] === 1 || oneOrMore ? 1 : 0;
          if (j + 1 <= n && next[j + 1] === 1) anyFrom = 1;
        }
      } else {
        for (let j = 0; j < n; j++) row[j] = next[j + 1] === 1 && test(s[j]) ? 1 : 0;
      }
      [next, row] = [row, next];
    }
    return next[0] === 1;
  };
}
