import { isLiteralSegment, PatternShape } from './pattern';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Patterns whose literal leading segments end at this node, ascending. */
  here: number[];
}

/**
 * A filter that narrows the patterns worth testing against a path. It never misses a pattern that
 * matches; it may offer some that do not (the caller confirms with the pattern's own test).
 * - anchored patterns sit in a trie under their literal leading segments;
 * - `**\/name...` patterns are keyed by `name`, looked up for every segment of the path;
 * - `**\/*suffix...` patterns (`*.proto`, `*_test.go`) are keyed by the literal suffix, looked up
 *   for each suffix length in use, for every segment of the path;
 * - the rest are always candidates.
 */
export class CandidateIndex {
  private readonly root: TrieNode = { children: new Map(), here: [] };
  private readonly bySegment = new Map<string, number[]>();
  private readonly bySuffix = new Map<string, number[]>();
  /** Distinct lengths of the keys of `bySuffix`, ascending. */
  private readonly suffixLengths: number[] = [];
  /** Per suffix length: the first characters of those suffixes, so most segments need no slice at all. */
  private readonly suffixStarts = new Map<number, Set<number>>();
  private readonly always: number[] = [];

  /** Patterns must be added in ascending index order. */
  add(index: number, shape: PatternShape): void {
    const { segments } = shape;
    if (shape.anchored) {
      let node = this.root;
      for (const segment of segments) {
        if (!isLiteralSegment(segment) || segment === '**') break;
        let child = node.children.get(segment);
        if (!child) node.children.set(segment, (child = { children: new Map(), here: [] }));
        node = child;
      }
      node.here.push(index);
      return;
    }
    const first = segments[1];
    if (first === undefined) {
      this.always.push(index);
    } else if (isLiteralSegment(first)) {
      push(this.bySegment, first, index);
    } else if (first.length > 1 && first[0] === '*' && isLiteralSegment(first.slice(1))) {
      const suffix = first.slice(1);
      push(this.bySuffix, suffix, index);
      if (!this.suffixLengths.includes(suffix.length)) {
        this.suffixLengths.push(suffix.length);
        this.suffixLengths.sort((a, b) => a - b);
        this.suffixStarts.set(suffix.length, new Set());
      }
      this.suffixStarts.get(suffix.length)!.add(suffix.charCodeAt(0));
    } else {
      this.always.push(index);
    }
  }

  /** Sorted (ascending) lists whose union holds every pattern that may match the path of these segments; lists may overlap. */
  candidates(segments: readonly string[]): number[][] {
    const lists: number[][] = [];
    if (this.always.length > 0) lists.push(this.always);
    let node: TrieNode | undefined = this.root;
    if (node.here.length > 0) lists.push(node.here);
    for (const segment of segments) {
      node = node.children.get(segment);
      if (!node) break;
      if (node.here.length > 0) lists.push(node.here);
    }
    for (const segment of segments) {
      const named = this.bySegment.get(segment);
      if (named) lists.push(named);
      for (const length of this.suffixLengths) {
        if (length > segment.length) break;
        if (!this.suffixStarts.get(length)!.has(segment.charCodeAt(segment.length - length)))
          continue;
        const typed = this.bySuffix.get(segment.slice(segment.length - length));
        if (typed) lists.push(typed);
      }
    }
    return lists;
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}
