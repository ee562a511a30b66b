import type { ReportWindow } from './types';

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
