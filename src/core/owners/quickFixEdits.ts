import { isMap, isScalar, isSeq, parseDocument, stringify, Node, Pair, YAMLMap } from 'yaml';
import type { TextEdit } from '../handoff/textEdits';

type Ranged = { range?: [number, number, number] | null };

/** Adds `login` to `teams.<teamId>.members` (flow or block list, or a new `members` key). */
export function addTeamMemberEdit(text: string, teamId: string, login: string): TextEdit | undefined {
  const team = mapAt(text, ['teams', teamId]);
  if (!team) return undefined;
  const scalar = stringify(login, { lineWidth: 0 }).trimEnd();
  const members = pairOf(team, 'members');
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
    return insertLineAfter(text, last.range[1], `${' '.repeat(dash - lineStart(text, dash))}- ${scalar}`);
  }
  if (members) return undefined;
  return appendKey(text, team, `members: [${scalar}]`);
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
  let from = offset, to = offset + m[0].length;
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
    return insertLineAfter(text, (outcomes.value as Ranged).range![1], `${pad}${key}:${eol}${pad}${pad}name: ${key}`);
  }
  if (outcomes) return undefined;
  const components = pairOf(doc.contents, 'components');
  const at = components ? lineStart(text, (components.key as Ranged).range![0]) : text.length;
  const block = `outcomes:${eol}  ${key}:${eol}    name: ${key}${eol}${eol}`;
  return { offset: at, length: 0, newText: at === text.length && !text.endsWith('\n') ? eol + block : block };
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
  return insertLineAfter(text, end[1], ' '.repeat(firstKey.range[0] - lineStart(text, firstKey.range[0])) + line);
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

