import type { MetricsSettings } from './model';

/** How a `metrics` setting is written: what the reader accepts and the schema describes. */
export type MetricsKind = 'share' | 'days' | 'count' | 'boolean' | 'logins' | 'patterns';

/**
 * Every key of `metrics` the product reads, with its kind: the one list both the reader
 * (readSections.ts) and the shipped JSON Schema (held to it by test/unit/core/owners/schema.test.ts) follow.
 */
export const METRICS_KEYS: Readonly<Record<keyof MetricsSettings, MetricsKind>> = {
  windowDays: 'days',
  leadShareThreshold: 'share',
  watchThreshold: 'share',
  minPullRequests: 'count',
  ignoreAuthors: 'logins',
  ignorePaths: 'patterns',
  creditCoAuthors: 'boolean',
  bottleneckThreshold: 'share',
  leadOwnershipThreshold: 'share',
  teamOnly: 'boolean',
  inactiveDays: 'days',
};

export type MetricsKey = keyof MetricsSettings;
export const METRICS_KEY_NAMES = Object.keys(METRICS_KEYS) as MetricsKey[];

/** The JSON Schema of one kind (the schema's `metrics.properties` is this for every key). */
export function metricsKindSchema(kind: MetricsKind): Record<string, unknown> {
  switch (kind) {
    case 'share':
      return { type: 'number', minimum: 0, maximum: 1 };
    case 'days':
      return { type: 'integer', minimum: 1 };
    case 'count':
      return { type: 'integer', minimum: 0 };
    case 'boolean':
      return { type: 'boolean' };
    case 'logins':
      return { type: 'array', items: { type: 'string' } };
    case 'patterns':
      return { type: 'array', items: { $ref: '#/definitions/pattern' } };
  }
}

/** `metrics.properties` of the JSON Schema, derived from `METRICS_KEYS`. */
export function metricsSchemaProperties(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(METRICS_KEY_NAMES.map(k => [k, metricsKindSchema(METRICS_KEYS[k])]));
}
