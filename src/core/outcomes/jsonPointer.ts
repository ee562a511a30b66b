/** RFC 6901 JSON pointers: `""` is the whole document, `/a/0/b~1c~0d` walks keys and indexes. */

export type PointerResult = { found: true; value: unknown } | { found: false; reason: string };

export function isValidPointer(pointer: string): boolean {
  return pointer === '' || (pointer.startsWith('/') && !/~(?![01])/.test(pointer));
}

export function resolvePointer(doc: unknown, pointer: string): PointerResult {
  if (!isValidPointer(pointer))
    return {
      found: false,
      reason: `"${pointer}" is not a JSON pointer (it starts with "/", "~" only as ~0 or ~1)`,
    };
  if (pointer === '') return { found: true, value: doc };
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      // An array index is 0 or digits without a leading zero; `-` (past the end) names no value.
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= node.length)
        return { found: false, reason: `nothing at ${pointer}` };
      node = node[Number(token)];
    } else if (
      node !== null &&
      typeof node === 'object' &&
      Object.prototype.hasOwnProperty.call(node, token)
    ) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false, reason: `nothing at ${pointer}` };
    }
  }
  return { found: true, value: node };
}
