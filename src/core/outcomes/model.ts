/**
 * Outcome values (docs/figures.md ("Outcome values")): where an outcome's current value lives and what the product
 * says about it. Plain data, shared by the CLI, the report and the editor.
 */

/** `source:` of an outcome; exactly one kind. URLs and paths are as written (untrusted). */
export type OutcomeSource =
  | { kind: 'prometheus'; url: string; query: string }
  | { kind: 'json'; url: string; pointer: string }
  | { kind: 'file'; path: string };

export type OutcomeStatus = 'met' | 'missed' | 'unknown';

/** One line of `outcomes --json` and of a team's `outcomes` in `report --json`. */
export interface OutcomeEntry {
  outcome: string;
  value: number | null;
  /** The target as written, or null when the outcome has none. */
  target: string | null;
  status: OutcomeStatus;
  /** ISO 8601 UTC (`2026-03-01T00:00:00Z`), or null without a value. */
  asOf: string | null;
  /** Why the status is `unknown`; null otherwise. */
  reason: string | null;
}

export interface HistoryPoint {
  /** YYYY-MM-DD (UTC). */
  date: string;
  value: number;
}

/** A value read from a source, or why there is none. */
export type SourceReading =
  { kind: 'value'; value: number; asOf: string } | { kind: 'failed'; reason: string };

/** The keys a `source` may have; any other is a `validate` error. */
export const SOURCE_KEYS: readonly string[] = ['prometheus', 'query', 'json', 'pointer', 'file'];

/** ISO 8601 UTC to the second, the form `asOf` takes. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
