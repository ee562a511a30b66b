import type { ReportWindow } from '../metrics/types';

// The report's windows, for the CLI and the editor alike. `since` is inclusive, `until` exclusive,
// both UTC days; "now" is always passed in (from core/clock.ts) so that these stay pure.

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The flags' window: `windowDays` back from today, today included (until is tomorrow). */
export function flagWindow(windowDays: number, nowMs: number): ReportWindow {
  const today = Date.parse(iso(nowMs));
  return { since: iso(today - windowDays * DAY), until: iso(today + DAY) };
}

/** The trend chart's window: the current month and the eleven before it, today included. */
export function trendWindow(nowMs: number): ReportWindow {
  const d = new Date(nowMs);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1);
  return { since: iso(first), until: iso(Date.parse(iso(nowMs)) + DAY) };
}

/** Where a fetch starts so that both windows have their changes: the earlier of the two. */
export function fetchSince(windowDays: number, nowMs: number): string {
  return [flagWindow(windowDays, nowMs).since, trendWindow(nowMs).since].sort()[0];
}

/** The CLI's window options as given (text), before any check. */
export interface WindowOptions {
  since?: string;
  until?: string;
  days?: string;
}

/** A window option that cannot be used; the message names the option as the user wrote it. */
export class WindowOptionError extends Error {}

/**
 * `--since` (inclusive) / `--until` (exclusive) as UTC days, or `--days N` back from today;
 * without any, the flags' window of `windowDays`. Throws WindowOptionError.
 */
export function resolveWindow(
  options: WindowOptions,
  windowDays: number,
  nowMs: number,
): ReportWindow {
  const since = dateOption('since', options.since);
  const until = dateOption('until', options.until);
  if (options.days !== undefined && (since || until))
    throw new WindowOptionError('--days cannot be combined with --since/--until');
  let days = windowDays;
  if (options.days !== undefined) {
    if (!/^\d+$/.test(options.days) || Number(options.days) < 1)
      throw new WindowOptionError(`--days must be a positive whole number, not "${options.days}"`);
    days = Number(options.days);
  }
  const flags = flagWindow(days, nowMs);
  const end = until ?? flags.until;
  const start = since ?? (until ? iso(Date.parse(until) - days * DAY) : flags.since);
  if (start >= end)
    throw new WindowOptionError(`empty window: --since ${start} is not before --until ${end}`);
  return { since: start, until: end };
}

/** A YYYY-MM-DD option that names a real day; `--until` of the `knowledge` command uses it too. */
export function dateOption(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
    iso(Date.parse(`${v}T00:00:00Z`)) !== v
  ) {
    throw new WindowOptionError(`--${name} must be a date YYYY-MM-DD, not "${v}"`);
  }
  return v;
}
