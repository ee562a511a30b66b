/**
 * Completion and hover for the keys of an outcome and of its `source:` mapping (docs/owners-yaml.md, `outcomes.<id>`), read
 * from the lines around the cursor so they work while the file is half typed.
 */

export const OUTCOME_KEY_DOCS: Record<string, string> = {
  name: 'Display name of the outcome.',
  metric: 'How the outcome is measured (free text).',
  target:
    'The target: `OP NUMBER [UNIT]` (OP one of `>=` `>` `<=` `<` `=`, e.g. `">= 3.5%"`) or a range `A..B [UNIT]`, both ends included. The unit is shown and ignored when comparing.',
  unit: 'Shown after the value (`%`, `ms`); nothing is converted.',
  source:
    'Where the current value lives: exactly one of `prometheus` + `query`, `json` + `pointer`, or `file`. Network sources are read only in a trusted workspace, from hosts in your user setting `ownershipLens.outcomes.allowedHosts`.',
  link: 'A dashboard (http or https only).',
  description: 'Free text.',
};

export const SOURCE_KEY_DOCS: Record<string, string> = {
  prometheus:
    'Base URL of a Prometheus HTTP API (`https://prometheus.example.com`); needs `query`.',
  query: 'The PromQL query; it must answer exactly one sample (or a scalar).',
  json: 'URL answering `application/json` with a GET; needs `pointer`.',
  pointer: 'RFC 6901 JSON pointer to a number in the answer (`/last30d/value`).',
  file: 'A CSV in the repository (relative to its root) with a header line and rows `date,outcome,value`; the newest row for this outcome wins.',
};

export type OutcomeKeyPlace = 'outcome' | 'source';

export interface OutcomeKeyContext {
  place: OutcomeKeyPlace;
  prefix: string;
  start: number;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The keys above a line of indentation `indent`, outermost first (block mappings only). */
function parentKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  let end = lineStart - 1;
  let want = indent;
  while (end > 0 && want > 0) {
    const s = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(s, end);
    end = s - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const ind = indentOf(line);
    if (ind >= want) continue;
    const key = /^\s*([^\s:#][^:#]*?)\s*:\s*(#.*)?$/.exec(line)?.[1];
    if (!key) return [];
    keys.unshift(key.replace(/^["']|["']$/g, ''));
    want = ind;
  }
  return want === 0 ? keys : [];
}

function placeOf(parents: string[]): OutcomeKeyPlace | undefined {
  if (parents.length === 2 && parents[0] === 'outcomes') return 'outcome';
  if (parents.length === 3 && parents[0] === 'outcomes' && parents[2] === 'source') return 'source';
  return undefined;
}

/** A key being typed at `offset` directly under an outcome or its `source:`. */
export function outcomeKeyContext(text: string, offset: number): OutcomeKeyContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /^(\s+)([A-Za-z]*)$/.exec(before);
  if (!m) return undefined;
  const place = placeOf(parentKeys(text, lineStart, m[1].length));
  return place ? { place, prefix: m[2], start: offset - m[2].length } : undefined;
}

export function outcomeKeyCompletions(
  context: OutcomeKeyContext,
): Array<{ label: string; documentation: string; insertText: string }> {
  const docs = context.place === 'source' ? SOURCE_KEY_DOCS : OUTCOME_KEY_DOCS;
  return Object.entries(docs)
    .filter(([key]) => key.startsWith(context.prefix))
    .map(([key, documentation]) => ({ label: key, documentation, insertText: `${key}: ` }));
}

/** The outcome or source key under `offset`, with its documentation. */
export function outcomeKeyAt(
  text: string,
  offset: number,
): { key: string; offset: number; end: number; documentation: string } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd);
  const m = /^(\s+)([A-Za-z]+)\s*:/.exec(line);
  if (!m) return undefined;
  const keyStart = lineStart + m[1].length;
  const keyEnd = keyStart + m[2].length;
  if (offset < keyStart || offset > keyEnd) return undefined;
  const place = placeOf(parentKeys(text, lineStart, m[1].length));
  const documentation =
    place === 'source'
      ? SOURCE_KEY_DOCS[m[2]]
      : place === 'outcome'
        ? OUTCOME_KEY_DOCS[m[2]]
        : undefined;
  return documentation ? { key: m[2], offset: keyStart, end: keyEnd, documentation } : undefined;
}
