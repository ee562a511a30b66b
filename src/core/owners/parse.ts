import { Composer, CST, Document, isMap, LineCounter, Parser, YAMLMap, YAMLParseError } from 'yaml';
import { parseBlockSubset } from './fastYaml';
import {
  aliasTargets,
  DEFAULT_MAX_BYTES,
  findAliasBomb,
  findDeepNesting,
  MAX_ALIAS_EXPANSION,
  MAX_COMPONENTS,
  MAX_NESTING,
  MAX_PATTERNS,
  refuseText,
} from './inputGuards';
import { OwnersDiagnostic, OwnersModel, DEFAULT_METRICS, PatternEntry } from './model';
import {
  readComponents,
  readMetrics,
  readOutcomes,
  readPeople,
  readPatternList,
  readTeams,
} from './readSections';
import { SourceReader } from './yamlNodes';

/** The text of OWNERS.yaml, its model and the problems found while reading it. */
export interface ParsedOwners {
  text: string;
  model: OwnersModel;
  diagnostics: OwnersDiagnostic[];
}

const TOP_LEVEL_KEYS = new Set([
  'version',
  'people',
  'teams',
  'outcomes',
  'components',
  'unowned',
  'metrics',
]);

export function emptyModel(): OwnersModel {
  return {
    version: null,
    people: new Map(),
    teams: new Map(),
    outcomes: new Map(),
    components: new Map(),
    unowned: [],
    patterns: [],
    metrics: { ...DEFAULT_METRICS },
  };
}

/**
 * Reads OWNERS.yaml text into the model, with a diagnostic (code, line, column) for every
 * structural problem: syntax, duplicate keys, wrong types, unknown keys, oversized or binary
 * input, alias bombs. Never throws; whatever is readable is kept. A leading BOM is ignored
 * (positions are those of the text without it, as in an editor).
 */
export function parseOwners(
  input: string,
  options: {
    maxBytes?: number;
    /** The file's size when the caller did not read an oversized file (`input` is then ''). */
    fileBytes?: number;
    /** false: always the yaml library (tests compare the two) */
    fastPath?: boolean;
    /** Why the caller did not read the file at all (a link outside the repository, a device); `input` is then ''. */
    notRead?: string;
  } = {},
): ParsedOwners {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const model = emptyModel();
  const lines = new LineCounter();
  const refusal =
    options.notRead !== undefined
      ? { code: 'not-text', message: `OWNERS.yaml was not read: ${options.notRead}.`, offset: 0 }
      : refuseText(text, options.maxBytes ?? DEFAULT_MAX_BYTES, options.fileBytes);
  if (refusal) {
    const reader = new SourceReader(text, lines, undefined as never);
    indexLines(text, lines);
    reader.report(
      'error',
      refusal.code,
      refusal.message,
      reader.span(refusal.offset, refusal.offset + 1),
    );
    return { text, model, diagnostics: reader.diagnostics };
  }
  // The plain block subset (nearly every real file) is read directly, five times faster.
  const fast = options.fastPath === false ? undefined : parseBlockSubset(text);
  if (fast) {
    indexLines(text, lines);
    const reader = new SourceReader(text, lines, new Document());
    readTopLevel(reader, fast.contents, model);
    return { text, model, diagnostics: reader.diagnostics };
  }
  // The library's parser is iterative; its composer recurses, so nesting is measured in between.
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deep = findDeepNesting(tokens);
  if (deep !== undefined) {
    const reader = new SourceReader(text, lines, undefined as never);
    reader.report(
      'error',
      'limit-exceeded',
      `OWNERS.yaml nests lists and mappings deeper than ${MAX_NESTING} levels (the nesting limit); the file is refused.`,
      reader.span(deep, deep + 1),
    );
    return { text, model, diagnostics: reader.diagnostics };
  }
  let doc;
  try {
    doc = composeDocument(tokens, text.length);
  } catch (e) {
    // Not expected below the nesting limit; still, report it rather than crash the caller.
    const reader = new SourceReader(text, lines, undefined as never);
    reader.report(
      'error',
      'yaml-syntax',
      `OWNERS.yaml could not be read: ${(e as Error).message}`,
      reader.span(0, 0),
    );
    return { text, model, diagnostics: reader.diagnostics };
  }
  const targets = aliasTargets(doc);
  const reader = new SourceReader(text, lines, doc, targets);
  for (const error of doc.errors) {
    const code = error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    const message =
      error.code === 'DUPLICATE_KEY'
        ? `Duplicate key "${text.slice(error.pos[0], error.pos[1])}": keys must be unique.`
        : firstLine(error.message);
    reader.report('error', code, message, reader.span(error.pos[0], error.pos[1]));
  }
  if (doc.errors.some(e => e.code !== 'DUPLICATE_KEY'))
    return { text, model, diagnostics: reader.diagnostics };

  const bomb = findAliasBomb(doc, targets);
  if (bomb) {
    reader.report(
      'error',
      'alias-bomb',
      `Aliases in OWNERS.yaml expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} extra nodes (the alias expansion limit); the file is refused.`,
      reader.nodeSpan(bomb),
    );
    return { text, model, diagnostics: reader.diagnostics };
  }
  readTopLevel(reader, doc.contents, model);
  return { text, model, diagnostics: reader.diagnostics };
}

/** What the library's `parseDocument` does with the parser's tokens: the first document, an error for a second. */
function composeDocument(tokens: CST.Token[], length: number): Document.Parsed {
  // uniqueKeys: false because the library's check is quadratic per map (seconds for 5,000
  // components); SourceReader.entries finds duplicates with a set instead.
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (doc) {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'OWNERS.yaml holds more than one YAML document (a second `---`); it must be one.',
        ),
      );
      break;
    }
    doc = next;
  }
  return doc!;
}

function readTopLevel(reader: SourceReader, contents: unknown, model: OwnersModel): void {
  const whole = reader.span(0, 0);
  const root = reader.deref(contents);
  if (root === null || root === undefined) {
    reader.report(
      'error',
      'missing-field',
      'OWNERS.yaml is empty: it needs at least `version: 1`, `teams` and `components`.',
      whole,
    );
    return;
  }
  if (!isMap(root)) {
    reader.report(
      'error',
      'wrong-type',
      'OWNERS.yaml must be a mapping with `version`, `teams`, `components`, ...',
      reader.nodeSpan(root, whole),
    );
    return;
  }
  const top = new Map<string, { value: unknown; span: ReturnType<SourceReader['span']> }>();
  for (const { key, keyNode, value } of reader.entries(root)) {
    const span = reader.nodeSpan(keyNode);
    if (!TOP_LEVEL_KEYS.has(key)) {
      if (!key.startsWith('x-'))
        reader.report(
          'warning',
          'unknown-key',
          `Unknown top-level key "${key}" (known: ${[...TOP_LEVEL_KEYS].join(', ')}; prefix your own keys with x-).`,
          span,
        );
      continue;
    }
    top.set(key, { value, span });
  }
  readVersion(reader, top.get('version'), model, root);
  const get = (key: string) => top.get(key);
  const section = (key: string): YAMLMap | undefined => {
    const s = get(key);
    return s ? reader.map(s.value, `\`${key}\``, s.span) : undefined;
  };
  const patterns: PatternEntry[] = [];
  model.people = readPeople(reader, section('people'));
  model.teams = readTeams(reader, section('teams'));
  model.outcomes = readOutcomes(reader, section('outcomes'));
  const components = section('components');
  if (components && components.items.length > MAX_COMPONENTS) {
    reader.report(
      'error',
      'limit-exceeded',
      `OWNERS.yaml has ${components.items.length.toLocaleString('en')} components; more than ${MAX_COMPONENTS.toLocaleString('en')} (the components limit) are refused.`,
      get('components')!.span,
    );
    return;
  }
  model.components = readComponents(reader, components, patterns);
  const unowned = get('unowned');
  if (unowned)
    model.unowned = readPatternList(
      reader,
      unowned.value,
      null,
      '`unowned`',
      unowned.span,
      patterns,
    );
  const metrics = get('metrics');
  if (metrics) {
    model.metricsSpans = { metrics: metrics.span };
    model.metrics = readMetrics(
      reader,
      reader.map(metrics.value, '`metrics`', metrics.span),
      model.metricsSpans,
    );
  }
  if (!get('teams'))
    reader.report(
      'error',
      'missing-field',
      'OWNERS.yaml has no `teams`: every component needs a team with a lead.',
      whole,
    );
  if (!get('components'))
    reader.report(
      'warning',
      'missing-field',
      'OWNERS.yaml has no `components`: nothing is owned yet.',
      whole,
    );
  if (patterns.length > MAX_PATTERNS) {
    reader.report(
      'error',
      'limit-exceeded',
      `OWNERS.yaml has ${patterns.length.toLocaleString('en')} patterns; more than ${MAX_PATTERNS.toLocaleString('en')} (the patterns limit) are refused.`,
      get('components')?.span ?? whole,
    );
    model.components = new Map();
    model.unowned = [];
    return;
  }
  // Last match wins in file order, whichever section a pattern sits in.
  patterns.sort((a, b) => a.span.offset - b.span.offset);
  patterns.forEach((p, i) => {
    p.index = i;
  });
  model.patterns = patterns;
}

function readVersion(
  reader: SourceReader,
  entry: { value: unknown; span: ReturnType<SourceReader['span']> } | undefined,
  model: OwnersModel,
  root: YAMLMap,
): void {
  if (!entry) {
    reader.report(
      'warning',
      'missing-field',
      'OWNERS.yaml should start with `version: 1`; version 1 is assumed.',
      reader.nodeSpan(root.items[0]?.key ?? root),
    );
    model.version = 1;
    return;
  }
  const version = reader.number(entry.value, '`version`', entry.span);
  if (version === undefined) return;
  if (version !== 1) {
    reader.report(
      'error',
      'unsupported-version',
      `OWNERS.yaml version ${version} is not supported; this extension reads version 1.`,
      reader.nodeSpan(reader.deref(entry.value), entry.span),
    );
    return;
  }
  model.version = 1;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function indexLines(text: string, lines: LineCounter): void {
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
}
