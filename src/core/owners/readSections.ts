import { isMap, isScalar, YAMLMap } from 'yaml';
import {
  Component,
  DEFAULT_METRICS,
  GuessedField,
  HandoffRecord,
  MetricsSettings,
  Outcome,
  PatternEntry,
  Person,
  Span,
  Team,
} from './model';
import { SourceReader } from './yamlNodes';
import { METRICS_KEY_NAMES, METRICS_KEYS, MetricsKey } from './metricsKeys';
import { readOutcomeSource } from '../outcomes/readSource';

type Entry = ReturnType<SourceReader['entries']>[number];

/** Reads each `id: {settings}` entry of a section, warning on keys the format does not know. */
function eachItem(
  reader: SourceReader,
  section: YAMLMap | undefined,
  what: string,
  known: Set<string>,
  read: (id: string, idSpan: Span, fields: Map<string, Entry>) => void,
): void {
  if (!section) return;
  for (const { key, keyNode, value } of reader.entries(section)) {
    const idSpan = reader.nodeSpan(keyNode);
    const node = reader.deref(value);
    const fields = new Map<string, Entry>();
    if (node !== null && node !== undefined && !(isScalar(node) && node.value === null)) {
      if (!isMap(node)) {
        reader.report(
          'error',
          'wrong-type',
          `${what} "${key}" must be a mapping of settings.`,
          reader.nodeSpan(node, idSpan),
        );
        continue;
      }
      for (const field of reader.entries(node)) {
        if (known.has(field.key) || field.key === GUESSED) fields.set(field.key, field);
        else if (!field.key.startsWith('x-')) {
          reader.report(
            'warning',
            'unknown-key',
            `Unknown key "${field.key}" in ${what.toLowerCase()} "${key}" (known: ${[...known].join(', ')}).`,
            reader.nodeSpan(field.keyNode),
          );
        }
      }
    }
    read(key, idSpan, fields);
  }
}

const GUESSED = 'x-guessed';

/** `x-guessed: {field: reason}`, written by imports; anything else under that key is left alone. */
function guessed(reader: SourceReader, fields: Map<string, Entry>): GuessedField[] | undefined {
  const node = reader.deref(fields.get(GUESSED)?.value);
  if (!isMap(node)) return undefined;
  return reader.entries(node).map(e => {
    const value = reader.deref(e.value);
    return {
      field: e.key,
      reason: isScalar(value) ? String(value.value ?? '') : '',
      span: reader.nodeSpan(e.keyNode),
    };
  });
}

function text(
  reader: SourceReader,
  fields: Map<string, Entry>,
  key: string,
  what: string,
): string | undefined {
  const f = fields.get(key);
  return f ? reader.string(f.value, what, reader.nodeSpan(f.keyNode)) : undefined;
}

function list(
  reader: SourceReader,
  fields: Map<string, Entry>,
  key: string,
  what: string,
): string[] {
  const f = fields.get(key);
  return f ? reader.stringList(f.value, what, reader.nodeSpan(f.keyNode)).map(i => i.value) : [];
}

function listWithSpans(
  reader: SourceReader,
  fields: Map<string, Entry>,
  key: string,
  what: string,
): { values: string[]; spans: Span[] } {
  const f = fields.get(key);
  const items = f ? reader.stringList(f.value, what, reader.nodeSpan(f.keyNode)) : [];
  return { values: items.map(i => i.value), spans: items.map(i => i.span) };
}

function valueSpan(
  reader: SourceReader,
  fields: Map<string, Entry>,
  key: string,
): Span | undefined {
  const f = fields.get(key);
  return f ? reader.nodeSpan(reader.deref(f.value), reader.nodeSpan(f.keyNode)) : undefined;
}

export function readPeople(
  reader: SourceReader,
  section: YAMLMap | undefined,
): Map<string, Person> {
  const people = new Map<string, Person>();
  eachItem(reader, section, 'Person', new Set(['name', 'emails']), (login, span, f) => {
    people.set(login.toLowerCase(), {
      login,
      name: text(reader, f, 'name', '`name`'),
      emails: list(reader, f, 'emails', '`emails`'),
      span,
    });
  });
  return people;
}

export function readTeams(reader: SourceReader, section: YAMLMap | undefined): Map<string, Team> {
  const teams = new Map<string, Team>();
  eachItem(
    reader,
    section,
    'Team',
    new Set(['name', 'lead', 'members', 'github', 'description']),
    (id, span, f) => {
      const members = listWithSpans(reader, f, 'members', '`members`');
      teams.set(id, {
        id,
        span,
        name: text(reader, f, 'name', '`name`'),
        lead: text(reader, f, 'lead', '`lead`') ?? '',
        members: members.values,
        github: text(reader, f, 'github', '`github`'),
        leadSpan: valueSpan(reader, f, 'lead'),
        guessed: guessed(reader, f),
        memberSpans: members.spans,
        githubSpan: valueSpan(reader, f, 'github'),
      });
    },
  );
  return teams;
}

export function readOutcomes(
  reader: SourceReader,
  section: YAMLMap | undefined,
): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  eachItem(
    reader,
    section,
    'Outcome',
    new Set(['name', 'metric', 'target', 'unit', 'source', 'link', 'description']),
    (id, span, f) => {
      const sourceField = f.get('source');
      const source = sourceField
        ? readOutcomeSource(reader, id, sourceField.value, reader.nodeSpan(sourceField.keyNode))
        : undefined;
      outcomes.set(id, {
        id,
        span,
        name: text(reader, f, 'name', '`name`'),
        metric: text(reader, f, 'metric', '`metric`'),
        target: text(reader, f, 'target', '`target`'),
        link: text(reader, f, 'link', '`link`'),
        linkSpan: valueSpan(reader, f, 'link'),
        unit: text(reader, f, 'unit', '`unit`'),
        targetSpan: valueSpan(reader, f, 'target'),
        source: source?.source,
        sourceProblem: source?.problem,
        sourceSpan: source?.span,
        sourceFileSpan: source?.fileSpan,
      });
    },
  );
  return outcomes;
}

const COMPONENT_KEYS = new Set([
  'name',
  'description',
  'team',
  'owner',
  'paths',
  'outcomes',
  'authority',
  'support',
  'stakeholders',
  'codeowners',
  'handoffs',
]);

export function readComponents(
  reader: SourceReader,
  section: YAMLMap | undefined,
  patterns: PatternEntry[],
): Map<string, Component> {
  const components = new Map<string, Component>();
  eachItem(reader, section, 'Component', COMPONENT_KEYS, (id, span, f) => {
    const pathsField = f.get('paths');
    const paths = pathsField
      ? readPatternList(
          reader,
          pathsField.value,
          id,
          '`paths`',
          reader.nodeSpan(pathsField.keyNode),
          patterns,
        )
      : [];
    if (!pathsField)
      reader.report(
        'error',
        'missing-field',
        `Component "${id}" has no \`paths\`: list the patterns it owns.`,
        span,
      );
    else if (paths.length === 0)
      reader.report(
        'error',
        'missing-field',
        `Component "${id}" has an empty \`paths\` list.`,
        reader.nodeSpan(pathsField.keyNode),
      );
    const outcomes = listWithSpans(reader, f, 'outcomes', '`outcomes`');
    const handoffDateSpans: Span[] = [],
      handoffFromSpans: Span[] = [],
      handoffToSpans: Span[] = [];
    const codeowners = f.has('codeowners')
      ? listWithSpans(reader, f, 'codeowners', '`codeowners`')
      : undefined;
    const component: Component = {
      id,
      span,
      name: text(reader, f, 'name', '`name`'),
      team: text(reader, f, 'team', '`team`') ?? '',
      owner: text(reader, f, 'owner', '`owner`') ?? '',
      paths,
      outcomes: outcomes.values,
      authority: list(reader, f, 'authority', '`authority`'),
      support: list(reader, f, 'support', '`support`'),
      stakeholders: list(reader, f, 'stakeholders', '`stakeholders`'),
      codeowners: codeowners?.values,
      handoffs: readHandoffs(reader, f.get('handoffs'), {
        date: handoffDateSpans,
        from: handoffFromSpans,
        to: handoffToSpans,
      }),
      handoffDateSpans,
      handoffFromSpans,
      handoffToSpans,
      ownerSpan: valueSpan(reader, f, 'owner'),
      guessed: guessed(reader, f),
      teamSpan: valueSpan(reader, f, 'team'),
      outcomeSpans: outcomes.spans,
      codeownersSpans: codeowners?.spans,
    };
    if (!f.has('team'))
      reader.report('error', 'missing-field', `Component "${id}" has no \`team\`.`, span);
    if (!f.has('owner'))
      reader.report(
        'error',
        'missing-field',
        `Component "${id}" has no \`owner\`: name the one accountable person.`,
        span,
      );
    components.set(id, component);
  });
  return components;
}

const HANDOFF_KEYS = new Set(['date', 'from', 'to', 'notes', 'decisions', 'stakeholders']);

function readHandoffs(
  reader: SourceReader,
  field: Entry | undefined,
  spans: Record<'date' | 'from' | 'to', Span[]>,
): HandoffRecord[] {
  if (!field) return [];
  const items = reader.deref(field.value);
  const out: HandoffRecord[] = [];
  const seq = reader.mapList(items, '`handoffs`', reader.nodeSpan(field.keyNode));
  for (const item of seq) {
    const f = new Map<string, Entry>();
    for (const e of reader.entries(item)) {
      if (HANDOFF_KEYS.has(e.key)) f.set(e.key, e);
      else if (!e.key.startsWith('x-'))
        reader.report(
          'warning',
          'unknown-key',
          `Unknown key "${e.key}" in a handoff (known: ${[...HANDOFF_KEYS].join(', ')}).`,
          reader.nodeSpan(e.keyNode),
        );
    }
    out.push({
      date: text(reader, f, 'date', '`date`') ?? '',
      from: text(reader, f, 'from', '`from`') ?? '',
      to: text(reader, f, 'to', '`to`') ?? '',
      notes: text(reader, f, 'notes', '`notes`'),
      decisions: list(reader, f, 'decisions', '`decisions`'),
      stakeholders: list(reader, f, 'stakeholders', '`stakeholders`'),
    });
    for (const key of ['date', 'from', 'to'] as const)
      spans[key].push(valueSpan(reader, f, key) ?? reader.nodeSpan(item));
  }
  return out;
}

/** Reads a list of patterns, appending each to `patterns` (file order is fixed later). */
export function readPatternList(
  reader: SourceReader,
  value: unknown,
  component: string | null,
  what: string,
  fallback: Span,
  patterns: PatternEntry[],
): PatternEntry[] {
  const entries = reader
    .stringList(value, what, fallback)
    .map(i => ({ pattern: i.value, index: -1, component, span: i.span }));
  patterns.push(...entries);
  return entries;
}

export function readMetrics(
  reader: SourceReader,
  section: YAMLMap | undefined,
  spans: Record<string, Span> = {},
): MetricsSettings {
  const metrics: MetricsSettings = { ...DEFAULT_METRICS };
  if (!section) return metrics;
  const set = metrics as unknown as Record<MetricsKey, unknown>;
  for (const { key, keyNode, value } of reader.entries(section)) {
    const span = reader.nodeSpan(keyNode);
    spans[key] = span;
    const kind = Object.prototype.hasOwnProperty.call(METRICS_KEYS, key)
      ? METRICS_KEYS[key as MetricsKey]
      : undefined;
    const what = `\`metrics.${key}\``;
    if (kind === 'boolean') {
      const b = reader.boolean(value, what, span);
      if (b !== undefined) set[key as MetricsKey] = b;
    } else if (kind === 'logins' || kind === 'patterns') {
      set[key as MetricsKey] = reader.stringList(value, what, span).map(i => i.value);
    } else if (kind) {
      const n = reader.number(value, what, span);
      if (n !== undefined) set[key as MetricsKey] = n;
    } else if (!key.startsWith('x-')) {
      reader.report(
        'warning',
        'unknown-key',
        `Unknown key "${key}" in \`metrics\` (known: ${METRICS_KEY_NAMES.join(', ')}).`,
        span,
      );
    }
  }
  return metrics;
}
