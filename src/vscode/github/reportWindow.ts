import type { ReportWindow } from '../../core/metrics/types';
import { nowMs } from '../../core/clock';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The flags' window: `windowDays` back from today, today included (until is exclusive). */
export function flagWindow(windowDays: number, now = nowMs()): ReportWindow {
  const today = Date.parse(iso(now));
  return { since: iso(today - windowDays * DAY), until: iso(today + DAY) };
}

/** The trend chart's window: the current month and the eleven before it. */
export function trendWindow(now = nowMs()): ReportWindow {
  const d = new Date(now);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1);
  return { since: iso(first), until: iso(Date.parse(iso(now)) + DAY) };
}
