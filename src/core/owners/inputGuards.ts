import { isAlias, isMap, isPair, isSeq, Document, Node } from 'yaml';

/** 10 MB: a 5,000-component file is about 2 MB; anything far larger is not an ownership file. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Nodes reachable once aliases are expanded; "billion laughs" files reach 10^9 with a few lines. */
export const MAX_EXPANDED_NODES = 1_000_000;

/** Why the text cannot be read as OWNERS.yaml at all, with the offset to point at, or undefined. */
export function refuseText(text: string, maxBytes = DEFAULT_MAX_BYTES): { code: string; message: string; offset: number } | undefined {
  if (text.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { code: 'file-too-large', message: `OWNERS.yaml is ${mb(text.length)} MB; files over ${mb(maxBytes)} MB are refused (is this the right file?).`, offset: 0 };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { code: 'not-text', message: 'OWNERS.yaml contains binary data (a NUL byte); it must be UTF-8 text.', offset: nul };
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0 && countOf(text, '\uFFFD') > 16) {
    return { code: 'not-text', message: 'OWNERS.yaml is not valid UTF-8 text.', offset: replacement };
  }
  return undefined;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0 && n <= 16; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Size of the document with every alias expanded, stopping early past `limit`; returns the
 * first alias node when the limit is exceeded (where the diagnostic goes).
 */
export function findAliasBomb(doc: Document, limit = MAX_EXPANDED_NODES): Node | undefined {
  const sizes = new Map<unknown, number>();
  let firstAlias: Node | undefined;
  const size = (node: unknown, depth: number): number => {
    if (node === null || node === undefined || depth > 500) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (isAlias(node)) {
      firstAlias ??= node;
      sizes.set(node, 1); // a self-referencing alias must not recurse forever
      total = size(node.resolve(doc), depth + 1);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        total += isPair(item) ? size(item.key, depth + 1) + size(item.value, depth + 1) : size(item, depth + 1);
        if (total > limit) break;
      }
    }
    total = Math.min(total, limit + 1);
    sizes.set(node, total);
    return total;
  };
  return size(doc.contents, 0) > limit ? firstAlias : undefined;
}
