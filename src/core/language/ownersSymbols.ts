import { isMap, isScalar, isSeq, parseDocument, YAMLMap } from 'yaml';
import { parseBlockSubset } from '../owners/fastYaml';
import { isGitHubLogin } from '../owners/model';

export type SymbolKind = 'team' | 'outcome' | 'login' | 'component';

/** One place a team, outcome, login or component id is written: its definition (a key) or a reference. */
export interface SymbolOccurrence {
  kind: SymbolKind;
  name: string;
  /** Source range of the scalar, quotes included. */
  offset: number;
  end: number;
  definition: boolean;
}

/** A section or entry of the file, for the outline. */
export interface OwnersSymbol {
  name: string;
  detail?: string;
  kind: 'section' | SymbolKind | 'pattern';
  /** The whole entry (key and value) and the part to select (the key). */
  range: { offset: number; end: number };
  selection: { offset: number; end: number };
  children: OwnersSymbol[];
}

interface Node {
  range?: [number, number, number];
}

const rangeOf = (n: unknown) => (n as Node | undefined)?.range;

function contentsOf(text: string): unknown {
  // The fast reader covers what OWNERS.yaml files are written in; the library reads the rest (and broken text) as far as it can.
  return parseBlockSubset(text)?.contents ?? parseDocument(text, { uniqueKeys: false }).contents;
}

/** Every occurrence of a team, outcome, login or component id in the file, in text order. */
export function indexSymbols(text: string): SymbolOccurrence[] {
  const out: SymbolOccurrence[] = [];
  const root = contentsOf(text);
  if (!isMap(root)) return out;
  const add = (kind: SymbolKind, node: unknown, definition: boolean) => {
    const r = rangeOf(node);
    if (
      !isScalar(node) ||
      !r ||
      node.value === null ||
      node.value === undefined ||
      typeof node.value === 'object'
    )
      return;
    out.push({ kind, name: String(node.value), offset: r[0], end: r[1], definition });
  };
  const each = (map: unknown, fn: (key: unknown, value: unknown) => void) => {
    if (isMap(map)) for (const p of map.items) fn(p.key, p.value);
  };
  const field = (map: unknown, key: string) =>
    isMap(map) ? (map as YAMLMap).get(key, true) : undefined;
  const items = (seq: unknown) => (isSeq(seq) ? seq.items : []);
  each(root, (key, section) => {
    const name = isScalar(key) ? String(key.value) : '';
    if (name === 'people') each(section, k => add('login', k, true));
    if (name === 'teams')
      each(section, (k, team) => {
        add('team', k, true);
        add('login', field(team, 'lead'), false);
        for (const m of items(field(team, 'members'))) add('login', m, false);
      });
    if (name === 'outcomes') each(section, k => add('outcome', k, true));
    if (name === 'components')
      each(section, (k, c) => {
        add('component', k, true);
        add('team', field(c, 'team'), false);
        add('login', field(c, 'owner'), false);
        for (const o of items(field(c, 'outcomes'))) add('outcome', o, false);
        for (const h of items(field(c, 'handoffs'))) {
          add('login', field(h, 'from'), false);
          add('login', field(h, 'to'), false);
        }
      });
    if (name === 'metrics')
      for (const a of items(field(section, 'ignoreAuthors'))) add('login', a, false);
  });
  return out.sort((a, b) => a.offset - b.offset);
}

/** Logins compare without case; ids exactly. */
const keyOf = (o: { kind: SymbolKind; name: string }) =>
  `${o.kind}:${o.kind === 'login' ? o.name.toLowerCase() : o.name}`;

/** The occurrence under `offset` (inside or at the end of it), if any. */
export function symbolAt(
  index: readonly SymbolOccurrence[],
  offset: number,
): SymbolOccurrence | undefined {
  let lo = 0;
  let hi = index.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = index[mid];
    if (offset < o.offset) hi = mid - 1;
    else if (offset > o.end) lo = mid + 1;
    else return o;
  }
  return undefined;
}

/** Where the symbol is defined (a key under `teams`, `outcomes`, `people` or `components`). */
export function definitionsOf(
  index: readonly SymbolOccurrence[],
  symbol: SymbolOccurrence,
): SymbolOccurrence[] {
  const key = keyOf(symbol);
  return index.filter(o => o.definition && keyOf(o) === key);
}

/** Every occurrence of the symbol, the definition included or not. */
export function referencesOf(
  index: readonly SymbolOccurrence[],
  symbol: SymbolOccurrence,
  includeDefinition: boolean,
): SymbolOccurrence[] {
  const key = keyOf(symbol);
  return index.filter(o => keyOf(o) === key && (includeDefinition || !o.definition));
}

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export type RenameResult =
  | { kind: 'edits'; edits: TextEdit[]; symbol: SymbolOccurrence }
  | { kind: 'refused'; reason: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NOT_A_PLAIN_STRING =
  /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?|[-+]?\.(inf|nan)|0x[0-9a-f]+|0o[0-7]+)$/i;

/**
 * Edits that rename the team, outcome or login under `offset` everywhere in the file: only the
 * scalars change (quotes kept), so comments and every other byte stay, and the editor applies them
 * as one undoable edit. Refuses a name that is not valid or already taken.
 */
export function renameEdits(
  text: string,
  index: readonly SymbolOccurrence[],
  offset: number,
  newName: string,
): RenameResult {
  const symbol = symbolAt(index, offset);
  if (!symbol)
    return {
      kind: 'refused',
      reason: 'Put the cursor on a team id, an outcome id or a login to rename it.',
    };
  if (symbol.kind === 'component')
    return {
      kind: 'refused',
      reason: 'A component id is referred to nowhere else in the file; edit the key itself.',
    };
  const valid = symbol.kind === 'login' ? isGitHubLogin(newName) : ID.test(newName);
  if (!valid)
    return {
      kind: 'refused',
      reason:
        symbol.kind === 'login'
          ? `"${newName}" is not a valid GitHub login.`
          : `"${newName}" is not a valid ${symbol.kind} id (letters, digits, ".", "_", "-").`,
    };
  const taken = index.some(
    o =>
      o.definition &&
      o.kind === symbol.kind &&
      keyOf(o) === keyOf({ kind: symbol.kind, name: newName }) &&
      keyOf(o) !== keyOf(symbol),
  );
  if (taken)
    return {
      kind: 'refused',
      reason: `${symbol.kind === 'login' ? 'A person' : `A ${symbol.kind}`} named "${newName}" already exists.`,
    };
  const edits = referencesOf(index, symbol, true).map(o => {
    const source = text.slice(o.offset, o.end);
    const quote =
      source[0] === '"' || source[0] === "'"
        ? source[0]
        : NOT_A_PLAIN_STRING.test(newName)
          ? '"'
          : '';
    return { offset: o.offset, length: o.end - o.offset, newText: `${quote}${newName}${quote}` };
  });
  return { kind: 'edits', edits, symbol };
}

/** The outline: each top-level section, with its teams, outcomes, people, components (and their patterns). */
export function documentSymbols(text: string): OwnersSymbol[] {
  const root = contentsOf(text);
  if (!isMap(root)) return [];
  const span = (a: unknown, b: unknown) => ({
    offset: rangeOf(a)?.[0] ?? 0,
    end: rangeOf(b)?.[2] ?? rangeOf(a)?.[1] ?? 0,
  });
  const kinds: Record<string, OwnersSymbol['kind']> = {
    teams: 'team',
    outcomes: 'outcome',
    people: 'login',
    components: 'component',
  };
  return root.items
    .filter(p => isScalar(p.key))
    .map(p => {
      const name = String((p.key as { value: unknown }).value);
      const children: OwnersSymbol[] = [];
      const kind = kinds[name];
      if (kind && isMap(p.value)) {
        for (const e of p.value.items) {
          if (!isScalar(e.key)) continue;
          const v = e.value;
          const detail = isMap(v) ? describe(kind, v) : undefined;
          const patterns: OwnersSymbol[] = [];
          const paths = isMap(v) ? v.get('paths', true) : undefined;
          if (kind === 'component' && isSeq(paths)) {
            for (const item of paths.items) {
              if (isScalar(item) && rangeOf(item))
                patterns.push({
                  name: String(item.value),
                  kind: 'pattern',
                  range: span(item, item),
                  selection: span(item, item),
                  children: [],
                });
            }
          }
          children.push({
            name: String(e.key.value),
            detail,
            kind,
            range: span(e.key, v ?? e.key),
            selection: span(e.key, e.key),
            children: patterns,
          });
        }
      } else if (name === 'unowned' && isSeq(p.value)) {
        for (const item of p.value.items) {
          if (isScalar(item) && rangeOf(item))
            children.push({
              name: String(item.value),
              kind: 'pattern',
              range: span(item, item),
              selection: span(item, item),
              children: [],
            });
        }
      }
      return {
        name,
        kind: 'section' as const,
        detail: children.length > 0 ? `${children.length}` : undefined,
        range: span(p.key, p.value ?? p.key),
        selection: span(p.key, p.key),
        children,
      };
    });
}

function describe(kind: OwnersSymbol['kind'], v: YAMLMap): string | undefined {
  const s = (k: string) => {
    const n = v.get(k, true);
    return isScalar(n) && n.value !== null ? String(n.value) : undefined;
  };
  if (kind === 'team')
    return [s('name'), s('lead') && `lead ${s('lead')}`].filter(Boolean).join(' · ') || undefined;
  if (kind === 'component')
    return (
      [s('name'), s('owner') && `owner ${s('owner')}`, s('team') && `team ${s('team')}`]
        .filter(Boolean)
        .join(' · ') || undefined
    );
  return s('name');
}
