import { isAlias, isMap, isScalar, isSeq, parseDocument, stringify, Pair, YAMLMap } from 'yaml';
import { Component, isGitHubLogin, OwnersModel } from '../owners/model';
import { parseOwners } from '../owners/parse';
import { validateOwners } from '../owners/validate';
import {
  cleanList,
  HANDOFF_LIST_FIELDS,
  HandoffListField,
  listFieldEdit,
  mergeInsertions,
  sameList,
} from './componentFields';
import { applyTextEdits, TextEdit } from './textEdits';

export { applyTextEdits, TextEdit };

/** A deliberate change of owner, with what the new owner must know. */
export interface HandoffRequest {
  component: string;
  to: string;
  /** Defaults to the current owner. */
  from?: string;
  notes?: string;
  decisions: string[];
  stakeholders: string[];
  /** YYYY-MM-DD */
  date: string;
  /** The outcomes (keys of `outcomes`) the new owner answers for; absent: the component's stay. */
  outcomes?: string[];
  /** The decisions the new owner may take without asking; absent: unchanged. */
  authority?: string[];
  /** What the lead commits to give the new owner; absent: unchanged. */
  support?: string[];
}

export type HandoffResult =
  { kind: 'edits'; edits: TextEdit[] } | { kind: 'refused'; reason: string };

/**
 * The edits that hand `request.component` over: its `owner` becomes `request.to`, its `outcomes`,
 * `authority` and `support` become those of the request (when given and different), and a record
 * is appended to its `handoffs`. Only those bytes change: comments, order, quoting and line
 * endings of everything else stay as they were. Refuses (never throws) when the file has
 * errors, the component or login is wrong, nothing would change, or the component is written
 * in a style it cannot edit safely.
 */
export function handoffEdits(text: string, request: HandoffRequest): HandoffResult {
  const refused = (reason: string): HandoffResult => ({ kind: 'refused', reason });
  if (!isGitHubLogin(request.to)) return refused(`"${request.to}" is not a valid GitHub login.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.date))
    return refused(`"${request.date}" is not a YYYY-MM-DD date.`);
  const parsed = parseOwners(text);
  const errors = validateOwners(parsed).filter(d => d.severity === 'error');
  if (errors.length > 0)
    return refused(
      `OWNERS.yaml has ${errors.length} error(s); fix them first (line ${errors[0].span.line}: ${errors[0].message})`,
    );
  const current = parsed.model.components.get(request.component);
  if (!current) return refused(`There is no component "${request.component}" in OWNERS.yaml.`);
  if (current.owner.toLowerCase() === request.to.toLowerCase())
    return refused(`${request.to} already owns "${request.component}"; nothing would change.`);
  const unknown = cleanList(request.outcomes ?? []).filter(o => !parsed.model.outcomes.has(o));
  if (unknown.length)
    return refused(`No outcome "${unknown[0]}" is defined under \`outcomes\`; add it there first.`);
  const lists = changedLists(current, request);

  const doc = parseDocument(text, { keepSourceTokens: false });
  const components = doc.get('components', true);
  const component = isMap(components)
    ? components.items.find(p => isScalar(p.key) && String(p.key.value) === request.component)
    : undefined;
  if (!component || !isMap(component.value) || component.value.flow)
    return refused(`Component "${request.component}" is not a block mapping; edit it by hand.`);
  const map = component.value;
  const ownerPair = map.items.find(p => isScalar(p.key) && p.key.value === 'owner');
  if (!ownerPair || !isScalar(ownerPair.value) || !ownerPair.value.range)
    return refused(`Component "${request.component}" has no plain \`owner\` value to change.`);
  // An anchored node may be repeated elsewhere through an alias: editing it would edit them too.
  const handoffsValue = map.items.find(p => isScalar(p.key) && p.key.value === 'handoffs')?.value;
  const listValues = HANDOFF_LIST_FIELDS.filter(f => lists[f]).map(
    f => [f, map.items.find(p => isScalar(p.key) && p.key.value === f)?.value] as const,
  );
  const shared = [
    ['component', map],
    ['owner', ownerPair.value],
    ['handoffs', handoffsValue],
    ...listValues,
  ] as const;
  for (const [what, node] of shared) {
    if (isAlias(node))
      return refused(
        `The ${what} of "${request.component}" is a YAML alias (*${node.source}) of another part of the file; edit it by hand.`,
      );
    const anchor = (node as { anchor?: string } | undefined)?.anchor;
    if (anchor)
      return refused(
        `The ${what} of "${request.component}" carries the YAML anchor &${anchor}, so other parts of the file may repeat it; a handoff would change them too. Edit it by hand.`,
      );
  }

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const [ownerStart, ownerEnd] = ownerPair.value.range;
  // Quoted when needed: a login such as `null` or `123` must stay text.
  const edits: TextEdit[] = [
    {
      offset: ownerStart,
      length: ownerEnd - ownerStart,
      newText: stringify(request.to, { lineWidth: 0 }).trimEnd(),
    },
  ];
  for (const field of HANDOFF_LIST_FIELDS) {
    const items = lists[field];
    if (!items) continue;
    const edit = listFieldEdit(text, map, field, items, eol);
    if (typeof edit === 'string') return refused(`Component "${request.component}": ${edit}`);
    edits.push(edit);
  }
  const record = handoffRecord(request, current.owner);
  // Where the new item goes: after the last item's last line, or (a `|+` block scalar keeps its
  // trailing blank lines) after everything the last item holds.
  for (const exact of [false, true]) {
    const append = appendHandoff(text, map, record, eol, exact);
    if (typeof append === 'string') return refused(append);
    // The edit must say exactly what was asked and change nothing else; anything else means the text confused us.
    const all = mergeInsertions([...edits, append]);
    const after = parseOwners(applyTextEdits(text, all));
    if (
      !after.diagnostics.some(d => d.severity === 'error') &&
      onlyHandedOver(parsed.model, after.model, request.component, request.to, lists)
    ) {
      return { kind: 'edits', edits: all };
    }
  }
  return refused(
    "The handoff could not be written safely into this file layout (it would change more than this component's owner, outcomes, authority, support and handoffs); edit OWNERS.yaml by hand.",
  );
}

/** The list fields the request changes, cleaned; a field left as it is has no entry. */
function changedLists(
  current: Component,
  request: HandoffRequest,
): Partial<Record<HandoffListField, string[]>> {
  const out: Partial<Record<HandoffListField, string[]>> = {};
  for (const field of HANDOFF_LIST_FIELDS) {
    const wanted = request[field];
    if (wanted && !sameList(cleanList(wanted), current[field])) out[field] = cleanList(wanted);
  }
  return out;
}

/** True when `after` differs from `before` only by the component's new owner, its changed lists and one more handoff to `to`. */
function onlyHandedOver(
  before: OwnersModel,
  after: OwnersModel,
  id: string,
  to: string,
  lists: Partial<Record<HandoffListField, string[]>>,
): boolean {
  const was = before.components.get(id);
  const now = after.components.get(id);
  if (
    !was ||
    !now ||
    now.owner !== to ||
    now.handoffs.length !== was.handoffs.length + 1 ||
    now.handoffs[now.handoffs.length - 1].to !== to
  )
    return false;
  const expected = {
    ...before,
    components: new Map(before.components).set(id, {
      ...was,
      ...lists,
      owner: to,
      handoffs: [...was.handoffs, now.handoffs[now.handoffs.length - 1]],
    }),
  };
  return comparable(expected) === comparable(after);
}

/** The model as text without positions (which move with any edit). */
function comparable(model: OwnersModel): string {
  return JSON.stringify(model, (key, value) =>
    /span$|spans$/i.test(key) ? undefined : value instanceof Map ? [...value] : value,
  );
}

function handoffRecord(request: HandoffRequest, currentOwner: string): Record<string, unknown> {
  const record: Record<string, unknown> = {
    date: request.date,
    from: request.from ?? currentOwner,
    to: request.to,
  };
  if (request.notes?.trim()) record.notes = request.notes.trim();
  const clean = (items: string[]) => items.map(s => s.trim()).filter(Boolean);
  if (clean(request.decisions).length) record.decisions = clean(request.decisions);
  if (clean(request.stakeholders).length) record.stakeholders = clean(request.stakeholders);
  return record;
}

/** An insertion after the last `handoffs` item, or a new `handoffs` key after the last field. */
function appendHandoff(
  text: string,
  map: YAMLMap,
  record: Record<string, unknown>,
  eol: string,
  exact = false,
): TextEdit | string {
  const handoffs = map.items.find(p => isScalar(p.key) && p.key.value === 'handoffs') as
    Pair | undefined;
  const value = handoffs?.value;
  if (handoffs && isSeq(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0] as { range?: [number, number, number] };
    const lastItem = value.items[value.items.length - 1] as { range?: [number, number, number] };
    if (!first.range || !lastItem.range) return 'The handoffs list has an unexpected shape.';
    const dash = text.lastIndexOf('-', first.range[0]);
    const indent = dash - lineStart(text, dash);
    return insertLinesAfter(
      text,
      lastItem.range[exact ? 2 : 1],
      renderItem(record, indent, eol),
      eol,
      exact,
    );
  }
  if (
    handoffs &&
    !(isScalar(value) && value.value === null) &&
    !(isSeq(value) && value.items.length === 0)
  ) {
    return 'The existing `handoffs` value is not a list.';
  }
  const keyIndent = columnOf(
    text,
    (map.items[0].key as { range: [number, number, number] }).range[0],
  );
  const body = renderItem(record, keyIndent + 2, eol);
  if (handoffs) {
    // `handoffs: []` or `handoffs:` with nothing: replace the value with a block list.
    const keyEnd = (handoffs.key as { range: [number, number, number] }).range[1];
    const colon = text.indexOf(':', keyEnd);
    const valueEnd =
      value && (value as { range?: [number, number, number] }).range
        ? (value as { range: [number, number, number] }).range[1]
        : colon + 1;
    return {
      offset: colon + 1,
      length: valueEnd - colon - 1,
      newText: eol + body.replace(new RegExp(`${escapeRe(eol)}$`), ''),
    };
  }
  const lastPair = map.items[map.items.length - 1];
  const lastEnd = ((lastPair.value ?? lastPair.key) as { range: [number, number, number] })
    .range[1];
  return insertLinesAfter(text, lastEnd, ' '.repeat(keyIndent) + 'handoffs:' + eol + body, eol);
}

function renderItem(record: Record<string, unknown>, indent: number, eol: string): string {
  const yaml = stringify([record], { lineWidth: 0, indent: 2 });
  return (
    yaml
      .split('\n')
      .filter(l => l.length > 0)
      .map(l => ' '.repeat(indent) + l)
      .join(eol) + eol
  );
}

/** Inserts whole lines after the line on which `offset` ends (before any trailing comment lines). */
function insertLinesAfter(
  text: string,
  offset: number,
  lines: string,
  eol: string,
  exact = false,
): TextEdit {
  if (exact && (offset === 0 || text[offset - 1] === '\n'))
    return { offset, length: 0, newText: lines };
  // range ends after trailing whitespace/newline of the node; step back to the node's last line.
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const nl = text.indexOf('\n', end);
  if (nl < 0)
    return {
      offset: text.length,
      length: 0,
      newText: eol + lines.replace(new RegExp(`${escapeRe(eol)}$`), ''),
    };
  return { offset: nl + 1, length: 0, newText: lines };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
