import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Document,
  Node,
  Pair,
  Scalar,
  YAMLMap,
} from 'yaml';
import type { OwnersDiagnostic, Severity, Span } from './model';

/** Turns offsets into the documentation spans and collects diagnostics while the model is read. */
export class SourceReader {
  readonly diagnostics: OwnersDiagnostic[] = [];
  private readonly checkedMaps = new WeakSet<YAMLMap>();
  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
    private readonly doc: Document,
    /** Alias -> node, computed once (`aliasTargets`): resolving each alias by a walk of the document is quadratic. */
    private readonly aliases?: Map<unknown, unknown>,
  ) {}

  /** Clamped to the text: the parser reports some errors one past the end. */
  span(start: number, end: number): Span {
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(end, this.text.length));
    const a = this.lines.linePos(from);
    const b = this.lines.linePos(to);
    return {
      offset: from,
      end: to,
      line: a.line,
      column: a.col,
      endLine: b.line,
      endColumn: b.col,
    };
  }

  nodeSpan(node: unknown, fallback?: Span): Span {
    const range = (node as Node | undefined)?.range;
    if (range) return this.span(range[0], range[1]);
    return fallback ?? this.span(0, 0);
  }

  report(severity: Severity, code: string, message: string, span: Span): void {
    this.diagnostics.push({ severity, code, message, span });
  }

  /** Follows aliases (already checked against expansion bombs) to the node they stand for. */
  deref(node: unknown): unknown {
    let n = node;
    for (let hops = 0; isAlias(n) && hops < 64; hops++)
      n = this.aliases ? this.aliases.get(n) : n.resolve(this.doc);
    return n;
  }

  /** Entries of a mapping with their key text; reports non-scalar keys. */
  entries(map: YAMLMap): { key: string; keyNode: Scalar; value: unknown; pair: Pair }[] {
    const out = [];
    const seen = new Set<string>();
    const report = !this.checkedMaps.has(map); // an aliased map is read again; report it once
    this.checkedMaps.add(map);
    for (const pair of map.items) {
      const keyNode = this.deref(pair.key);
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.report(
          'error',
          'wrong-type',
          'Keys must be plain names.',
          this.nodeSpan(pair.key ?? pair.value),
        );
        continue;
      }
      const key = this.scalarText(keyNode);
      if (seen.has(key)) {
        if (report)
          this.report(
            'error',
            'duplicate-key',
            `Duplicate key "${key}": keys must be unique.`,
            this.nodeSpan(keyNode),
          );
        continue;
      }
      seen.add(key);
      out.push({ key, keyNode, value: pair.value, pair });
    }
    return out;
  }

  /** A scalar's text as written: `0123` stays `0123` (logins and ids are text, not numbers). */
  scalarText(node: Scalar): string {
    if (typeof node.value === 'string') return node.value;
    if (node.source !== undefined && node.type === 'PLAIN') return String(node.source);
    return String(node.value);
  }

  /** A string value, or undefined with a `wrong-type` diagnostic. Null counts as absent. */
  string(value: unknown, what: string, fallback: Span): string | undefined {
    const node = this.deref(value);
    if (node === null || node === undefined || (isScalar(node) && node.value === null))
      return undefined;
    if (
      isScalar(node) &&
      (typeof node.value === 'string' ||
        typeof node.value === 'number' ||
        typeof node.value === 'boolean')
    ) {
      return this.scalarText(node);
    }
    this.report(
      'error',
      'wrong-type',
      `${what} must be text, not ${describe(node)}.`,
      this.nodeSpan(node, fallback),
    );
    return undefined;
  }

  number(value: unknown, what: string, fallback: Span): number | undefined {
    const node = this.deref(value);
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value))
      return node.value;
    this.report(
      'error',
      'wrong-type',
      `${what} must be a number, not ${describe(node)}.`,
      this.nodeSpan(node, fallback),
    );
    return undefined;
  }

  boolean(value: unknown, what: string, fallback: Span): boolean | undefined {
    const node = this.deref(value);
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report(
      'error',
      'wrong-type',
      `${what} must be true or false, not ${describe(node)}.`,
      this.nodeSpan(node, fallback),
    );
    return undefined;
  }

  /** A list of strings with each item's span; a wrong item is reported and skipped. */
  stringList(value: unknown, what: string, fallback: Span): { value: string; span: Span }[] {
    const node = this.deref(value);
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.report(
        'error',
        'wrong-type',
        `${what} must be a list, e.g. [${isScalar(node) ? String(node.value) : 'item'}], not ${describe(node)}.`,
        this.nodeSpan(node, fallback),
      );
      return [];
    }
    const out: { value: string; span: Span }[] = [];
    for (const item of node.items) {
      const s = this.string(item, `Each item of ${what}`, this.nodeSpan(node, fallback));
      if (s !== undefined)
        out.push({
          value: s,
          span: this.nodeSpan(this.deref(item), this.nodeSpan(node, fallback)),
        });
    }
    return out;
  }

  /** The mapping itself, or undefined with a diagnostic (null = absent, no diagnostic). */
  map(value: unknown, what: string, fallback: Span): YAMLMap | undefined {
    const node = this.deref(value);
    if (node === null || node === undefined || (isScalar(node) && node.value === null))
      return undefined;
    if (isMap(node)) return node;
    this.report(
      'error',
      'wrong-type',
      `${what} must be a mapping of names to settings, not ${describe(node)}.`,
      this.nodeSpan(node, fallback),
    );
    return undefined;
  }

  /** The mappings of a list (handoff records); other items are reported and skipped. */
  mapList(value: unknown, what: string, fallback: Span): YAMLMap[] {
    const node = this.deref(value);
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.report(
        'error',
        'wrong-type',
        `${what} must be a list of records, not ${describe(node)}.`,
        this.nodeSpan(node, fallback),
      );
      return [];
    }
    const out: YAMLMap[] = [];
    for (const item of node.items) {
      const m = this.map(item, `Each item of ${what}`, this.nodeSpan(node, fallback));
      if (m) out.push(m);
    }
    return out;
  }
}

export function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    if (typeof node.value === 'string') return 'text';
    return `${typeof node.value === 'number' ? 'the number' : 'the value'} ${String(node.value)}`;
  }
  return 'nothing';
}
