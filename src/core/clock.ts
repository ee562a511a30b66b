// The one "now" of the product and of the demo data. Every date the CLI, the extension and the demo
// generator compute ("today", a report's window, when data was fetched) comes from here, so a test
// can move it for all of them at once: OWNERSHIP_LENS_NOW=2027-03-01T08:30:00Z starts the clock at
// that instant in each process that reads it, and lets it run (as `faketime -f '@…'` does).
// Durations (how long something took) keep using Date.now(): they must not jump.

/** The environment variable that moves the clock: an ISO date or date-time (UTC when no zone). */
export const CLOCK_ENV = 'OWNERSHIP_LENS_NOW';

let offsetMs = offsetFor(readEnv());

/** Now, as this product sees it. */
export function now(): Date {
  return new Date(nowMs());
}

/** Now in milliseconds since the epoch, as this product sees it. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Today's date (UTC), YYYY-MM-DD. */
export function today(): string {
  return now().toISOString().slice(0, 10);
}

/**
 * Moves the clock so that it reads `start` now and runs on from there; undefined puts it back.
 * Throws on a value that is not a date, so a typo cannot silently test today.
 */
export function setClock(start: string | undefined): void {
  offsetMs = offsetFor(start);
}

function offsetFor(start: string | undefined): number {
  if (start === undefined || start === '') return 0;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(start)
    ? `${start}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(start)
      ? `${start}Z`
      : start;
  const t = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(start) || Number.isNaN(t))
    throw new Error(`${CLOCK_ENV} must be a date such as 2027-03-01T08:30:00Z, not "${start}"`);
  return t - Date.now();
}

// Read, not written: the environment is how a test reaches every process (CLI, extension host, demo server).
function readEnv(): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env?.[CLOCK_ENV];
}
