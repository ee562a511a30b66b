import { isMap, isScalar, isSeq, parseDocument, stringify, Node, Pair, YAMLMap } from 'yaml';
import type { TextEdit } from '../handoff/textEdits';

type Ranged = { range?: [number, number, number] | null };

/** Adds `login` to `teams.<teamId>.members` (flow or block list, or a new `members` key). */
export function addTeamMemberEdit(
  text: string,
  teamId: string,
  login: string,
): TextEdit | undefined {
  return addListItemEdit(text, ['teams', teamId], 'members', login);
}

/** Adds `value` to the list under `key` of the mapping at `path` (flow or block list, or a new key with a flow list). */
export function addListItemEdit(
  text: string,
  path: string[],
  key: string,
  item: string,
): TextEdit | undefined {
  const team = mapAt(text, path);
  if (!team) return undefined;
  const scalar = stringify(item, { lineWidth: 0 }).trimEnd();
  const members = pairOf(team, key);
  const value = members?.value as (Node & Ranged) | null | undefined;
  if (members && isSeq(value) && value.range) {
    if (value.flow) {
      const close = text.lastIndexOf(']', value.range[1]);
      const before = text.slice(value.range[0] + 1, close).trim();
      return { offset: close, length: 0, newText: before ? `, ${scalar}` : scalar };
    }
    const first = value.items[0] as Ranged;
    const last = value.items[value.items.length - 1] as Ranged;
    if (!first?.range || !last?.range) return undefined;
    const dash = text.lastIndexOf('-', first.range[0]);
    return insertLineAfter(
      text,
      last.range[1],
      `${' '.repeat(dash - lineStart(text, dash))}- ${scalar}`,
    );
  }
  if (members) return undefined;
  return appendKey(text, team, `${key}: [${scalar}]`);
}

/** Adds `key: value` to the (block) mapping at `path`, after its last entry. */
export function addKeyEdit(
  text: string,
  path: string[],
  key: string,
  value: string,
): TextEdit | undefined {
  const map = mapAt(text, path);
  if (!map || pairOf(map, key)) return undefined;
  return appendKey(text, map, `${key}: ${stringify(value, { lineWidth: 0 }).trimEnd()}`);
}

/** Removes the pattern item at `offset` (a block `- pattern` line or a flow-list entry). */
export function removePatternEdit(text: string, offset: number): TextEdit | undefined {
  const start = lineStart(text, offset);
  const lineEnd = endOfLine(text, offset);
  const line = text.slice(start, lineEnd);
  if (/^\s*-\s+\S/.test(line) && text.slice(start, offset).trim() === '-') {
    return { offset: start, length: Math.min(text.length, lineEnd + 1) - start, newText: '' };
  }
  // Flow list `[a, b]`: remove the item and one neighbouring comma.
  const m = /^("[^"]*"|'[^']*'|[^,\]\s]+)\s*/.exec(text.slice(offset));
  if (!m) return undefined;
  let from = offset,
    to = offset + m[0].length;
  if (text[to] === ',') to = skipSpaces(text, to + 1);
  else {
    const comma = text.lastIndexOf(',', offset);
    if (comma > text.lastIndexOf('[', offset)) from = comma;
  }
  return { offset: from, length: to - from, newText: '' };
}

/** Defines `outcomes.<id>` with a name to fill in, creating the `outcomes` section when missing. */
export function defineOutcomeEdit(text: string, id: string): TextEdit | undefined {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return undefined;
  const key = stringify(id, { lineWidth: 0 }).trimEnd();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const outcomes = pairOf(doc.contents, 'outcomes');
  if (outcomes && isMap(outcomes.value) && !outcomes.value.flow && outcomes.value.items.length) {
    const firstKey = outcomes.value.items[0].key as Ranged;
    const indent = firstKey.range ? firstKey.range[0] - lineStart(text, firstKey.range[0]) : 2;
    const pad = ' '.repeat(indent);
    return insertLineAfter(
      text,
      (outcomes.value as Ranged).range![1],
      `${pad}${key}:${eol}${pad}${pad}name: ${key}`,
    );
  }
  if (outcomes) return undefined;
  const components = pairOf(doc.contents, 'components');
  const at = components ? lineStart(text, (components.key as Ranged).range![0]) : text.length;
  const block = `outcomes:${eol}  ${key}:${eol}    name: ${key}${eol}${eol}`;
  return {
    offset: at,
    length: 0,
    newText: at === text.length && !text.endsWith('\n') ? eol + block : block,
  };
}

/**
 * Defines `teams.<id>` for a component that names it: a display name from the id, the component's
 * owner as a placeholder lead (and member), marked under `x-guessed` so the file stays valid and
 * shows one info until a person names the real lead. Creates the `teams` section when missing.
 */
export function defineTeamEdit(
  text: string,
  id: string,
  owner: string,
  componentId: string,
): TextEdit | undefined {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const scalar = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();
  const name =
    id
      .split(/[-_\s]+/)
      .filter(Boolean)
      .map(w => w[0].toUpperCase() + w.slice(1))
      .join(' ') || id;
  const body = (pad: string, step: string) =>
    [
      `${pad}${scalar(id)}:`,
      `${pad}${step}name: ${scalar(name)}`,
      `${pad}${step}lead: ${scalar(owner)}`,
      `${pad}${step}members: [${scalar(owner)}]`,
      `${pad}${step}x-guessed:`,
      `${pad}${step}${step}lead: ${scalar(`a placeholder, ${owner} owns ${componentId}, the component that names this team; name the team's lead`)}`,
    ].join(eol);
  const teams = pairOf(doc.contents, 'teams');
  if (teams && isMap(teams.value) && !teams.value.flow && teams.value.items.length) {
    const firstKey = teams.value.items[0].key as Ranged;
    const indent = firstKey.range ? firstKey.range[0] - lineStart(text, firstKey.range[0]) : 2;
    return insertLineAfter(
      text,
      (teams.value as Ranged).range![1],
      body(' '.repeat(indent), ' '.repeat(indent)),
    );
  }
  if (teams && !(isScalar(teams.value) && teams.value.value === null)) return undefined;
  if (teams) {
    // `teams:` with nothing under it
    const keyEnd = (teams.key as Ranged).range![1];
    return { offset: endOfLine(text, keyEnd), length: 0, newText: eol + body('  ', '  ') };
  }
  const components = pairOf(doc.contents, 'components');
  const at = components ? lineStart(text, (components.key as Ranged).range![0]) : text.length;
  const block = `teams:${eol}${body('  ', '  ')}${eol}${eol}`;
  return {
    offset: at,
    length: 0,
    newText: at === text.length && !text.endsWith('\n') ? eol + block : block,
  };
}

/**
 * The defined ids closest to a misspelt one (`paymnts` → `payments`): those at the smallest edit
 * distance (case ignored, a swap of two neighbours counts once), if it is small for their length;
 * at most `max`, by id. Empty when nothing is close.
 */
export function closestIds(value: string, candidates: Iterable<string>, max = 3): string[] {
  const typed = value.toLowerCase();
  let best = Infinity;
  let found: string[] = [];
  for (const id of new Set(candidates)) {
    if (id === value) continue;
    const d = editDistance(typed, id.toLowerCase());
    if (d > Math.max(1, Math.floor(Math.max(typed.length, id.length) / 3))) continue;
    if (d < best) {
      best = d;
      found = [id];
    } else if (d === best) found.push(id);
  }
  return found.sort().slice(0, max);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Replaces the scalar at `span` (a value such as `team: paymnts` or one item of a flow list) with `value`, quoted if YAML needs it. */
export function replaceValueEdit(
  text: string,
  span: { offset: number; end: number },
  value: string,
): TextEdit | undefined {
  if (span.offset < 0 || span.end > text.length || span.end <= span.offset) return undefined;
  return {
    offset: span.offset,
    length: span.end - span.offset,
    newText: stringify(value, { lineWidth: 0 }).trimEnd(),
  };
}

/** Adds `login: {}` under `people` (a block mapping), after its last entry: the login becomes known, its name can follow. */
export function addPersonEdit(text: string, login: string): TextEdit | undefined {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return undefined;
  const people = pairOf(doc.contents, 'people');
  if (!people || !isMap(people.value) || people.value.flow || !people.value.items.length)
    return undefined;
  const key = stringify(login, { lineWidth: 0 }).trimEnd();
  const firstKey = people.value.items[0].key as Ranged;
  const indent = firstKey.range ? firstKey.range[0] - lineStart(text, firstKey.range[0]) : 2;
  return insertLineAfter(
    text,
    (people.value as Ranged).range![1],
    `${' '.repeat(indent)}${key}: {}`,
  );
}

function mapAt(text: string, path: string[]): YAMLMap | undefined {
  const node = parseDocument(text).getIn(path, true);
  return isMap(node) && !node.flow ? node : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find(p => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function appendKey(text: string, map: YAMLMap, line: string): TextEdit | undefined {
  const firstKey = map.items[0]?.key as Ranged | undefined;
  const last = map.items[map.items.length - 1] as Pair | undefined;
  const end = ((last?.value ?? last?.key) as Ranged | undefined)?.range;
  if (!firstKey?.range || !end) return undefined;
  return insertLineAfter(
    text,
    end[1],
    ' '.repeat(firstKey.range[0] - lineStart(text, firstKey.range[0])) + line,
  );
}

/** Inserts a whole line after the line on which the node ending at `offset` ends. */
function insertLineAfter(text: string, offset: number, line: string): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const nl = text.indexOf('\n', end);
  if (nl < 0) return { offset: text.length, length: 0, newText: eol + line };
  return { offset: nl + 1, length: 0, newText: line + eol };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}
