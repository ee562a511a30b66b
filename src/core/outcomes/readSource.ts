/**
 * Reads an outcome's `source:` mapping while OWNERS.yaml is parsed. Its shape is checked here
 * (a `source` key other than prometheus/query, json/pointer or file is an error), because a
 * repository must not be able to smuggle settings, such as credentials, into a source.
 */
import { isScalar } from 'yaml';
import type { Span } from '../owners/model';
import type { SourceReader } from '../owners/yamlNodes';
import { isValidPointer } from './jsonPointer';
import { OutcomeSource, SOURCE_KEYS } from './model';

const KINDS = ['prometheus', 'json', 'file'] as const;
const COMPANION: Record<string, string | undefined> = {
  prometheus: 'query',
  json: 'pointer',
  file: undefined,
};

export interface ReadSource {
  source?: OutcomeSource;
  /** Why the source cannot be used (already reported as a diagnostic). */
  problem?: string;
  span: Span;
  /** Where the `file` path is written, for "no such file". */
  fileSpan?: Span;
}

export function readOutcomeSource(
  reader: SourceReader,
  outcome: string,
  value: unknown,
  keySpan: Span,
): ReadSource | undefined {
  const node = reader.deref(value);
  if (node === null || node === undefined || (isScalar(node) && node.value === null))
    return undefined;
  const map = reader.map(value, `The \`source\` of outcome "${outcome}"`, keySpan);
  const span = reader.nodeSpan(node, keySpan);
  if (!map) return { problem: 'the source is not a mapping', span };
  const fail = (message: string, at: Span): ReadSource => {
    reader.report('error', 'invalid-source', `Outcome "${outcome}": ${message}`, at);
    return { problem: message, span };
  };
  const values = new Map<string, { text?: string; span: Span; keySpan: Span }>();
  for (const e of reader.entries(map)) {
    const at = reader.nodeSpan(e.keyNode);
    if (!SOURCE_KEYS.includes(e.key)) {
      return fail(
        `\`source\` has the key "${e.key}"; a source has exactly one of prometheus (with query), json (with pointer) or file, and nothing else (credentials come from your own settings, never from the repository).`,
        at,
      );
    }
    values.set(e.key, {
      text: reader.string(e.value, `\`source.${e.key}\``, at),
      span: reader.nodeSpan(reader.deref(e.value), at),
      keySpan: at,
    });
  }
  const kinds = KINDS.filter(k => values.has(k));
  if (kinds.length !== 1) {
    return fail(
      kinds.length === 0
        ? '`source` names no source: give exactly one of prometheus (with query), json (with pointer) or file.'
        : `\`source\` names ${kinds.join(' and ')}; give exactly one.`,
      kinds.length ? values.get(kinds[1])!.keySpan : span,
    );
  }
  const kind = kinds[0];
  for (const key of values.keys()) {
    if (key !== kind && key !== COMPANION[kind])
      return fail(
        `\`source.${key}\` does not belong to a ${kind} source.`,
        values.get(key)!.keySpan,
      );
  }
  const main = values.get(kind)!;
  if (main.text === undefined || main.text.trim() === '')
    return fail(`\`source.${kind}\` is empty.`, main.span);
  const companion = COMPANION[kind];
  const second = companion ? values.get(companion) : undefined;
  if (companion && second?.text === undefined)
    return fail(`a ${kind} source needs \`${companion}\`.`, main.keySpan);
  if (kind === 'file') {
    const file = main.text.trim();
    if (file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.split(/[\\/]/).includes('..')) {
      return fail(
        `\`source.file\` "${file}" must be a path inside the repository, relative to its root.`,
        main.span,
      );
    }
    return {
      source: { kind: 'file', path: file.replace(/\\/g, '/').replace(/^\.\//, '') },
      span,
      fileSpan: main.span,
    };
  }
  if (!/^https?:\/\/[^\s/?#]+/i.test(main.text))
    return fail(`\`source.${kind}\` "${main.text}" is not an http(s) URL.`, main.span);
  if (kind === 'json') {
    if (!isValidPointer(second!.text!))
      return fail(
        `\`source.pointer\` "${second!.text}" is not a JSON pointer (RFC 6901: "/a/0/b", "~1" for "/", "~0" for "~").`,
        second!.span,
      );
    return { source: { kind: 'json', url: main.text, pointer: second!.text! }, span };
  }
  if (second!.text!.trim() === '') return fail('`source.query` is empty.', second!.span);
  return { source: { kind: 'prometheus', url: main.text, query: second!.text! }, span };
}
