import { isAlias, isMap, isPair, isSeq, CST, Document, Node } from 'yaml';

/** 10 MB: a 5,000-component file is about 2 MB; anything far larger is not an ownership file. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Nodes that aliases may add once expanded: ordinary sharing (a members list, a few settings)
 * adds hundreds; "billion laughs" files reach 10^9 with a few lines, and a legal 59 KB file
 * expanding to a million patterns took 28 s and 357 MB.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Why the text cannot be read as OWNERS.yaml at all, with the offset to point at, or undefined.
 * The size is in UTF-8 bytes everywhere (the disk's, an editor buffer's, an API answer's): the
 * same file is refused or read alike, whether it is open in a tab or not.
 */
export function refuseText(
  text: string,
  maxBytes = DEFAULT_MAX_BYTES,
  fileBytes?: number,
): { code: string; message: string; offset: number } | undefined {
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes: count exactly only when the answer depends on it.
  const bytes = Math.max(
    fileBytes ?? 0,
    text.length * 3 <= maxBytes ? text.length : utf8Bytes(text),
  );
  if (bytes > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      code: 'file-too-large',
      message: `OWNERS.yaml is ${mb(bytes)} MB; files over ${mb(maxBytes)} MB are refused (is this the right file?).`,
      offset: 0,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return {
      code: 'not-text',
      message: 'OWNERS.yaml contains binary data (a NUL byte); it must be UTF-8 text.',
      offset: nul,
    };
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0 && countOf(text, '\uFFFD') > 16) {
    return {
      code: 'not-text',
      message: 'OWNERS.yaml is not valid UTF-8 text.',
      offset: replacement,
    };
  }
  return undefined;
}

/** The length of `text` in UTF-8 bytes, without encoding it (a lone surrogate counts as U+FFFD does: 3). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0 && n <= 16; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Components per file: the largest real files have a few thousand; 20,000 is four times the bench's 5,000. */
export const MAX_COMPONENTS = 20_000;
/** Patterns per file (components' and `unowned`), after alias expansion. */
export const MAX_PATTERNS = 100_000;

/**
 * Lists and mappings nested in one another: real files nest 6 or 7 deep. The yaml library's
 * composer recurses once per level and exhausts a default stack near 2,000 levels (near 300 on a
 * third of it), so deeper files are refused before it runs, with a message that names the limit.
 */
export const MAX_NESTING = 100;

/**
 * The offset of the first collection (in document order) nested deeper than `limit`, in the
 * parser's CST, or undefined. Iterative: the depth it measures cannot overflow the stack.
 */
export function findDeepNesting(
  tokens: readonly CST.Token[],
  limit = MAX_NESTING,
): number | undefined {
  const stack: [CST.Token, number][] = [];
  for (let k = tokens.length - 1; k >= 0; k--) stack.push([tokens[k], 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (
      token.type === 'block-map' ||
      token.type === 'block-seq' ||
      token.type === 'flow-collection'
    ) {
      if (depth + 1 > limit)
        return token.type === 'flow-collection' ? token.start.offset : token.offset;
      for (let k = token.items.length - 1; k >= 0; k--) {
        const item = token.items[k];
        if (item.value) stack.push([item.value, depth + 1]);
        if (item.key) stack.push([item.key, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Which node each alias stands for: the last node with that anchor before it (YAML 1.2), found in one pass. */
export function aliasTargets(doc: Document): Map<unknown, unknown> {
  const targets = new Map<unknown, unknown>();
  const anchors = new Map<string, unknown>();
  // Iterative, in document order (children pushed in reverse): nesting depth cannot overflow the stack.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      continue;
    }
    const anchor = (node as { anchor?: string } | null | undefined)?.anchor;
    if (anchor) anchors.set(anchor, node);
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      for (let k = items.length - 1; k >= 0; k--) stack.push(items[k]);
    }
  }
  return targets;
}

/**
 * Nodes that aliases add when expanded (the document's size with every alias expanded, minus its
 * size as written), stopping early past `limit`; returns the first alias when the limit is
 * exceeded (where the diagnostic goes). Linear in the document: each node's expanded size is
 * computed once.
 */
export function findAliasBomb(
  doc: Document,
  targets = aliasTargets(doc),
  limit = MAX_ALIAS_EXPANSION,
): Node | undefined {
  if (targets.size === 0) return undefined;
  const sizes = new Map<unknown, number>();
  let firstAlias: Node | undefined;
  let written = 0;
  const cap = limit + 1_000_000_000;
  const size = (node: unknown, depth: number, inAlias: boolean): number => {
    if (!inAlias) written++;
    if (node === null || node === undefined || depth > 500) return 1;
    const known = sizes.get(node);
    if (known !== undefined && inAlias) return known;
    let total = 1;
    if (isAlias(node)) {
      firstAlias ??= node;
      sizes.set(node, 1); // a self-referencing alias must not recurse forever
      const target = targets.get(node);
      total = target === undefined ? 1 : (sizes.get(target) ?? size(target, depth + 1, true));
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        total += isPair(item)
          ? size(item.key, depth + 1, inAlias) + size(item.value, depth + 1, inAlias)
          : size(item, depth + 1, inAlias);
        if (total > cap) break;
      }
    }
    total = Math.min(total, cap);
    sizes.set(node, total);
    return total;
  };
  const expanded = size(doc.contents, 0, false);
  return expanded - written > limit ? firstAlias : undefined;
}
