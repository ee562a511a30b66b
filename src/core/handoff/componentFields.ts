import { Document, isScalar, isSeq, Pair, stringify, YAMLMap } from 'yaml';
import type { TextEdit } from './textEdits';

/** The component's list fields a handoff may rewrite: what the new owner answers for, may decide, and is given. */
export const HANDOFF_LIST_FIELDS = ['outcomes', 'authority', 'support'] as const;
export type HandoffListField = (typeof HANDOFF_LIST_FIELDS)[number];

/** Where a missing field goes: after the last of these keys the component has (the order the format documents). */
const PRECEDING: Record<HandoffListField, string[]> = {
  outcomes: ['paths', 'owner', 'team', 'name'],
  authority: ['outcomes', 'paths', 'owner', 'team', 'name'],
  support: ['authority', 'outcomes', 'paths', 'owner', 'team', 'name'],
};

type Ranged = { range?: [number, number, number] };

/** Trimmed, empties dropped: the form a list is written and compared in. */
export function cleanList(items: readonly string[]): string[] {
  return items.map(s => s.trim()).filter(Boolean);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The edit that makes `field` of the component `map` read `items`: the value is replaced in its own
 * style (a block list stays a block list, anything else becomes a one-line `[a, b]`), or, when the
 * key is absent, a line `field: [a, b]` is inserted after the key the format puts before it.
 * A string says why it cannot be done.
 */
export function listFieldEdit(
  text: string,
  map: YAMLMap,
  field: HandoffListField,
  items: string[],
  eol: string,
): TextEdit | string {
  const pair = map.items.find(p => isScalar(p.key) && p.key.value === field) as Pair | undefined;
  const value = pair?.value as (Ranged & object) | null | undefined;
  if (pair) {
    if (value && (value as { anchor?: string }).anchor)
      return `The ${field} list carries a YAML anchor; edit it by hand.`;
    if (isSeq(value) && !value.flow && value.items.length > 0) {
      if (!value.range) return `The ${field} list has an unexpected shape.`;
      const start = value.range[0];
      const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
      if (items.length === 0) {
        // `field:` then the block on the next lines: the list becomes `[]` on the key's line.
        const colon = text.indexOf(':', (pair.key as Ranged).range![1]);
        let end = value.range[1];
        while (end > colon && /\s/.test(text[end - 1])) end--;
        return { offset: colon + 1, length: end - colon - 1, newText: ' []' };
      }
      const block = stringify(items, { lineWidth: 0 })
        .split('\n')
        .filter(l => l.length > 0);
      let end = value.range[1];
      while (end > start && /\s/.test(text[end - 1])) end--; // the range takes in the line break after the last item
      return { offset: start, length: end - start, newText: block.join(eol + ' '.repeat(indent)) };
    }
    if (
      isSeq(value) ||
      (isScalar(value) && value.value === null) ||
      value === null ||
      value === undefined
    ) {
      const colon = text.indexOf(':', (pair.key as Ranged).range![1]);
      const end = value?.range ? Math.max(value.range[1], colon + 1) : colon + 1;
      return { offset: colon + 1, length: end - colon - 1, newText: ' ' + flowList(items) };
    }
    return `The ${field} value is not a list; edit it by hand.`;
  }
  if (items.length === 0) return { offset: 0, length: 0, newText: '' };
  const anchorKey = PRECEDING[field]
    .map(k => map.items.find(p => isScalar(p.key) && p.key.value === k))
    .find(Boolean) as Pair | undefined;
  const after = anchorKey ?? map.items[map.items.length - 1];
  const end = ((after.value ?? after.key) as Ranged).range?.[1];
  const keyStart = (map.items[0].key as Ranged).range?.[0];
  if (end === undefined || keyStart === undefined) return `The component has an unexpected shape.`;
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  return insertLineAfter(text, end, `${' '.repeat(indent)}${field}: ${flowList(items)}${eol}`, eol);
}

/** `[a, "b, c"]`: quoted where YAML needs it, so every item reads back as the same text. */
export function flowList(items: string[]): string {
  const doc = new Document(items);
  if (isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** Inserts a whole line after the line on which the node ending at `offset` ends. */
function insertLineAfter(text: string, offset: number, line: string, eol: string): TextEdit {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const nl = text.indexOf('\n', end);
  if (nl < 0)
    return {
      offset: text.length,
      length: 0,
      newText: eol + line.slice(0, line.length - eol.length),
    };
  return { offset: nl + 1, length: 0, newText: line };
}

/** Joins insertions at one offset into one edit, in the order given (VS Code would order them as it likes). */
export function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (e.length === 0 && e.newText === '') continue;
    const same =
      e.length === 0 ? out.find(o => o.length === 0 && o.offset === e.offset) : undefined;
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}
