import { compileSegmentGlob, SegmentTest } from './glob';
import { checkPattern, isLiteralSegment, patternShape } from './pattern';

/** What `provablyDisjoint` needs of a pattern, computed once per pattern. */
export interface DisjointKey {
  /** Leading segments before any `**`, each with its own test; undefined when not anchored. */
  fixed: { segment: string; literal: boolean; test: SegmentTest }[] | undefined;
  never: boolean;
}

/** Precomputes the fixed leading segments of a pattern for `provablyDisjoint`. */
export function disjointKey(pattern: string): DisjointKey {
  if (checkPattern(pattern).kind === 'invalid') return { fixed: undefined, never: true };
  const shape = patternShape(pattern);
  if (!shape.anchored) return { fixed: undefined, never: false };
  const fixed: NonNullable<DisjointKey['fixed']> = [];
  for (const segment of shape.segments) {
    if (segment === '**') break;
    fixed.push({ segment, literal: isLiteralSegment(segment), test: segment === '*' ? (s: string) => s !== '' : compileSegmentGlob(segment) });
  }
  return { fixed, never: false };
}

/**
 * True only when no path can match both patterns: both anchored at the root and, at some position
 * before either has a `**`, the path segment would have to be two different literals, or a literal
 * the other's glob rejects. False means "not proven", never "overlapping".
 */
export function provablyDisjoint(a: DisjointKey, b: DisjointKey): boolean {
  if (a.never || b.never) return true;
  if (!a.fixed || !b.fixed) return false;
  const n = Math.min(a.fixed.length, b.fixed.length);
  for (let k = 0; k < n; k++) {
    const x = a.fixed[k];
    const y = b.fixed[k];
    if (x.literal && y.literal) {
      if (x.segment !== y.segment) return true;
    } else if (x.literal) {
      if (!y.test(x.segment)) return true;
    } else if (y.literal) {
      if (!x.test(y.segment)) return true;
    }
  }
  return false;
}
