/** A replacement of `length` characters at `offset` (0-based, in the text the edit was made for). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** Applies non-overlapping edits (any order) and returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
