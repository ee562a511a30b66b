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
    fixed.push({
      segment,
      literal: isLiteralSegment(segment),
      test: segment === '*' ? (s: string) => s !== '' : compileSegmentGlob(segment),
    });
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

interface TrieNode {
  children: Map<string, TrieNode>;
  endMax: number;
  subMax: number;
}

const trieNode = (): TrieNode => ({ children: new Map(), endMax: -Infinity, subMax: -Infinity });

/** Pairwise proofs tried (patterns with wildcards in their fixed part) before answering "may overlap". */
const MAX_PAIRWISE = 500;

/**
 * Patterns added with a value; answers "the largest value among added patterns that may overlap
 * pattern u" (those `provablyDisjoint` does not separate from u) without testing every pair.
 * Patterns whose fixed segments are all literal sit in a trie (two such overlap exactly when one's
 * segments are a prefix of the other's); unanchored ones overlap everything; the rest are tested
 * pairwise up to a bound, past which the answer is the safe "they all may overlap".
 */
export class OverlapIndex {
  private readonly root = trieNode();
  private readonly pairwise: { i: number; value: number }[] = [];
  private readonly members: { i: number; value: number }[] = [];
  private anyMax = -Infinity;
  private unanchoredMax = -Infinity;
  private pairwiseMax = -Infinity;

  constructor(private readonly keys: readonly DisjointKey[]) {}

  add(i: number, value: number): void {
    const k = this.keys[i];
    if (k.never) return;
    this.members.push({ i, value });
    this.anyMax = Math.max(this.anyMax, value);
    if (!k.fixed) {
      this.unanchoredMax = Math.max(this.unanchoredMax, value);
    } else if (k.fixed.some(s => !s.literal)) {
      this.pairwise.push({ i, value });
      this.pairwiseMax = Math.max(this.pairwiseMax, value);
    } else {
      let at = this.root;
      at.subMax = Math.max(at.subMax, value);
      for (const s of k.fixed) {
        let next = at.children.get(s.segment);
        if (!next) at.children.set(s.segment, (next = trieNode()));
        at = next;
        at.subMax = Math.max(at.subMax, value);
      }
      at.endMax = Math.max(at.endMax, value);
    }
  }

  /** The largest value among added patterns that may overlap pattern `u`; -Infinity when none. */
  maxOverlapping(u: number): number {
    const key = this.keys[u];
    if (key.never) return -Infinity;
    if (!key.fixed) return this.anyMax;
    if (key.fixed.some(s => !s.literal)) {
      // Wildcards in u's fixed part: the trie cannot answer; few such patterns in practice.
      return this.members.length > MAX_PAIRWISE ? this.anyMax : this.pairwiseScan(u, this.members);
    }
    let best = this.unanchoredMax;
    let at: TrieNode | undefined = this.root;
    for (const s of key.fixed) {
      best = Math.max(best, at.endMax);
      at = at.children.get(s.segment);
      if (!at) break;
    }
    if (at) best = Math.max(best, at.subMax);
    return Math.max(
      best,
      this.pairwise.length > MAX_PAIRWISE ? this.pairwiseMax : this.pairwiseScan(u, this.pairwise),
    );
  }

  private pairwiseScan(u: number, candidates: readonly { i: number; value: number }[]): number {
    let best = -Infinity;
    for (const p of candidates) {
      if (p.value > best && !provablyDisjoint(this.keys[u], this.keys[p.i])) best = p.value;
    }
    return best;
  }
}
