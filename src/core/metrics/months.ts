import type { ReportWindow } from './types';

const DAY = 86_400_000;

/** Every calendar month (UTC, YYYY-MM) that `[since, until)` touches, oldest first. */
export function monthsOf(window: ReportWindow): string[] {
  const out: string[] = [];
  const end = new Date(`${window.until}T00:00:00Z`);
  const d = new Date(`${window.since.slice(0, 7)}-01T00:00:00Z`);
  while (d < end) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** The days of `month` (YYYY-MM): 28 to 31. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** docs/figures.md ("Months") `days`: how many days of `month` lie inside `[since, until)`. */
export function daysInWindow(month: string, window: ReportWindow): number {
  const first = Date.parse(`${month}-01T00:00:00Z`);
  const next = first + daysInMonth(month) * DAY;
  const from = Math.max(first, Date.parse(`${window.since}T00:00:00Z`));
  const to = Math.min(next, Date.parse(`${window.until}T00:00:00Z`));
  return Math.max(0, Math.round((to - from) / DAY));
}

/** A month the window holds only part of: at either edge of it, usually. */
export function isPartialMonth(m: { month: string; days: number }): boolean {
  return m.days < daysInMonth(m.month);
}
