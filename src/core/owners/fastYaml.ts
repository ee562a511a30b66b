import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * A fast reader for the plain block subset of YAML that OWNERS.yaml files are written in: block
 * maps and lists, plain and quoted one-line scalars, comments, one-line flow lists and maps. It
 * builds the yaml library's own node classes with the same ranges, so the model reader does not
 * care which parser ran. Anything outside the subset (anchors, aliases, tags, block scalars,
 * multi-line values, tabs, directives, odd keys) returns undefined and the yaml library reads the
 * file instead: this is an optimisation, never a second dialect (a differential test holds it to
 * the library). Why: the library needs ~0.5 s for a 5,000-component file; this needs a fraction.
 */
export function parseBlockSubset(text: string): { contents: unknown } | undefined {
  const lines = splitLines(text);
  if (!lines) return undefined;
  const reader = new BlockReader(text, lines);
  try {
    if (lines.length === 0) return { contents: null };
    const contents = reader.block(lines[0].indent);
    return reader.done() ? { contents } : undefined;
  } catch {
    // Outside the subset, or anything unexpected (absurd nesting): the library decides and reports.
    return undefined;
  }
}

const OUTSIDE_SUBSET = Symbol('outside the subset');
const outside = (): never => {
  throw OUTSIDE_SUBSET;
};

interface Line {
  indent: number;
  start: number;
  content: string;
  next: number;
}

/** Content lines (comments and blank lines dropped) with their offsets; undefined outside the subset. */
function splitLines(text: string): Line[] | undefined {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(pos, end).replace(/\r$/, '');
    if (raw.includes('\t')) return undefined;
    const indent = raw.length - raw.trimStart().length;
    const body = stripComment(raw.slice(indent));
    if (body === undefined) return undefined;
    if (body.length) {
      if (/^(---|\.\.\.|%)/.test(body) && indent === 0) return undefined;
      out.push({ indent, start: pos + indent, content: body, next: nl < 0 ? text.length : nl + 1 });
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return out;
}

/** The line without its comment and trailing spaces; undefined when quotes do not close on the line. */
function stripComment(s: string): string | undefined {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && s[i + 1] === "'") i++;
        else quote = '';
      }
    } else if (c === '#' && (i === 0 || s[i - 1] === ' ')) {
      return s.slice(0, i).trimEnd();
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(s[i - 1]))) {
      quote = c;
    }
  }
  return quote ? undefined : s.trimEnd();
}

const KEY = /^([^\s"'#\-?:,[\]{}&*!|>%@`](?:[^:]|:(?=\S))*?)[ ]*:(?:[ ]+|$)/;
const SEQ_ITEM = /^-(?:[ ]+|$)/;

class BlockReader {
  private i = 0;
  constructor(
    private readonly text: string,
    private lines: Line[],
  ) {}

  done(): boolean {
    return this.i >= this.lines.length;
  }

  /** Collections open around the current line, flow ones included (see MAX_DEPTH). */
  private depth = 0;

  block(indent: number): YAMLMap | YAMLSeq {
    const line = this.lines[this.i];
    if (line.indent !== indent) outside();
    return SEQ_ITEM.test(line.content) ? this.seq(indent) : this.map(indent);
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) outside();
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private map(indent: number): YAMLMap {
    return this.nested(() => this.readMap(indent));
  }

  private seq(indent: number): YAMLSeq {
    return this.nested(() => this.readSeq(indent));
  }

  private readMap(indent: number): YAMLMap {
    const map = new YAMLMap();
    const start = this.lines[this.i].start;
    while (
      this.i < this.lines.length &&
      this.lines[this.i].indent === indent &&
      !SEQ_ITEM.test(this.lines[this.i].content)
    ) {
      const line = this.lines[this.i];
      const m = KEY.exec(line.content) ?? outside();
      const key = plainScalar(m[1], line.start);
      const rest = line.content.slice(m[0].length);
      const restAt = line.start + m[0].length;
      this.i++;
      let value: unknown;
      if (rest) {
        if (this.i < this.lines.length && this.lines[this.i].indent > indent) outside(); // multi-line value
        value = inlineValue(rest, restAt, this.depth);
      } else {
        const next = this.lines[this.i];
        const afterColon = line.start + line.content.indexOf(':', m[1].length) + 1;
        if (next && next.indent > indent) value = this.block(next.indent);
        else if (next && next.indent === indent && SEQ_ITEM.test(next.content))
          value = this.seq(indent);
        else value = nullScalar(skipSpaces(this.text, afterColon));
      }
      map.items.push(new Pair(key, value));
    }
    map.range = [start, this.end(), this.end()];
    return map;
  }

  private readSeq(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    const start = this.lines[this.i].start;
    while (
      this.i < this.lines.length &&
      this.lines[this.i].indent === indent &&
      SEQ_ITEM.test(this.lines[this.i].content)
    ) {
      const line = this.lines[this.i];
      const dash = SEQ_ITEM.exec(line.content)![0];
      const rest = line.content.slice(dash.length);
      const restAt = line.start + dash.length;
      if (!rest) {
        this.i++;
        const next = this.lines[this.i];
        seq.items.push(
          next && next.indent > indent
            ? this.block(next.indent)
            : nullScalar(skipSpaces(this.text, line.start + 1)),
        );
      } else if (KEY.test(rest) && !/^["'[{]/.test(rest)) {
        // `- key: value` opens a map whose keys line up with `key`.
        const column = indent + dash.length;
        this.lines[this.i] = { ...line, indent: column, start: restAt, content: rest };
        seq.items.push(this.map(column));
      } else {
        if (SEQ_ITEM.test(rest)) outside();
        this.i++;
        if (this.i < this.lines.length && this.lines[this.i].indent > indent) outside();
        seq.items.push(inlineValue(rest, restAt, this.depth));
      }
    }
    seq.range = [start, this.end(), this.end()];
    return seq;
  }

  /** Where a block that ended on the previous content line ends: the start of the next line. */
  private end(): number {
    return this.lines[this.i - 1]?.next ?? this.text.length;
  }
}

function nullScalar(at: number): Scalar {
  const s = new Scalar(null);
  s.type = 'PLAIN';
  s.range = [at, at, at];
  return s;
}

/** A one-line value inside `depth` collections: a quoted or plain scalar, or a flow list or map. */
function inlineValue(s: string, at: number, depth: number): unknown {
  if (s[0] === '[' || s[0] === '{') {
    const parsed = flow(s, 0, at, depth + 1);
    if (parsed.end !== s.length) outside();
    return parsed.node;
  }
  if (s[0] === '"' || s[0] === "'") {
    const q = quoted(s, 0, at);
    if (q.end !== s.length) outside();
    return q.node;
  }
  if (/^[&*!|>%@`?\]},:]/.test(s) || /: |:$/.test(s) || SEQ_ITEM.test(s)) outside();
  return plainScalar(s, at);
}

/**
 * Collections nested in one another, block and flow together. Kept below MAX_NESTING (inputGuards),
 * where the library path refuses a file, so that the two paths never disagree about a file.
 */
const MAX_DEPTH = 64;

/** A flow list or map that is the `depth`-th collection from the top. */
function flow(
  s: string,
  i: number,
  at: number,
  depth: number,
): { node: YAMLSeq | YAMLMap; end: number } {
  if (depth > MAX_DEPTH) outside();
  const isMap = s[i] === '{';
  const node = isMap ? new YAMLMap() : new YAMLSeq();
  node.flow = true;
  const close = isMap ? '}' : ']';
  let j = skipSpaces(s, i + 1);
  while (s[j] !== close) {
    const item = flowItem(s, j, at, depth);
    j = skipSpaces(s, item.end);
    if (isMap) {
      if (s[j] !== ':' || !(item.node instanceof Scalar)) outside();
      j = skipSpaces(s, j + 1);
      const value = flowItem(s, j, at, depth);
      (node as YAMLMap).items.push(new Pair(item.node, value.node));
      j = skipSpaces(s, value.end);
    } else {
      (node as YAMLSeq).items.push(item.node);
    }
    if (s[j] === ',') j = skipSpaces(s, j + 1);
    else if (s[j] !== close) outside();
  }
  node.range = [at + i, at + j + 1, at + j + 1];
  return { node, end: j + 1 };
}

function flowItem(s: string, i: number, at: number, depth: number): { node: unknown; end: number } {
  if (s[i] === '[' || s[i] === '{') return flow(s, i, at, depth + 1);
  if (s[i] === '"' || s[i] === "'") return quoted(s, i, at);
  // A plain scalar starts with '-' only when a safe character follows ("-x"); "[-]" or "[x, - ]" is a
  // block sequence inside a flow list, which the library reports as an error.
  if (s[i] === '-' && (i + 1 >= s.length || /[\s,[\]{}]/.test(s[i + 1]))) outside();
  const m =
    /^[^,[\]{}:#\s&*!|>%@`?'"](?:[^,[\]{}:]|:(?=[^\s,[\]{}]))*/.exec(s.slice(i)) ?? outside();
  const text = m[0].trimEnd();
  return { node: plainScalar(text, at + i), end: i + text.length };
}

function quoted(s: string, i: number, at: number): { node: Scalar; end: number } {
  const q = s[i];
  let j = i + 1;
  for (; j < s.length; j++) {
    if (q === '"' && s[j] === '\\') j++;
    else if (s[j] === q) {
      if (q === "'" && s[j + 1] === "'") j++;
      else break;
    }
  }
  if (j >= s.length) outside();
  const raw = s.slice(i + 1, j);
  let value: string;
  if (q === "'") value = raw.replace(/''/g, "'");
  else {
    // JSON's escapes are a subset of YAML's; anything else (\x41, \e, \N, ...) goes to the library.
    if (/\\[^"\\/bfnrtu]/.test(raw)) outside();
    try {
      value = JSON.parse(`"${raw}"`) as string;
    } catch {
      return outside();
    }
  }
  const node = new Scalar(value);
  node.type = q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  node.range = [at + i, at + j + 1, at + j + 1];
  return { node, end: j + 1 };
}

/** A plain scalar resolved as YAML 1.2's core schema does (null, bool, int, float, else text). */
function plainScalar(text: string, at: number): Scalar {
  let value: unknown = text;
  if (/^(?:~|null|Null|NULL)$/.test(text)) value = null;
  else if (/^(?:true|True|TRUE)$/.test(text)) value = true;
  else if (/^(?:false|False|FALSE)$/.test(text)) value = false;
  else if (/^[-+]?[0-9]+$/.test(text)) value = Number(text);
  else if (/^0o[0-7]+$/.test(text)) value = parseInt(text.slice(2), 8);
  else if (/^0x[0-9a-fA-F]+$/.test(text)) value = parseInt(text.slice(2), 16);
  else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text))
    value = Number(text);
  else if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text))
    value = text.startsWith('-') ? -Infinity : Infinity;
  else if (/^\.(?:nan|NaN|NAN)$/.test(text)) value = NaN;
  const node = new Scalar(value);
  node.type = 'PLAIN';
  node.source = text;
  node.range = [at, at + text.length, at + text.length];
  return node;
}

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ') i++;
  return i;
}
