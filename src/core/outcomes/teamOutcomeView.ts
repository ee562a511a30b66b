/** A team's outcomes in the team report: each one's state at the window's end and its history over the window. */
import type { HistoryPoint, OutcomeEntry } from './model';
import { parseTarget, satisfies } from './target';
import { statusLine } from './wording';

export type TeamOutcomeView = OutcomeEntry & {
  name: string;
  unit?: string;
  history: HistoryPoint[];
};

/** The y range a chart of the outcome needs: its points and its target, with a little room. */
export function outcomeScale(o: TeamOutcomeView): { low: number; high: number } {
  const values = o.history.map(p => p.value);
  if (o.value !== null) values.push(o.value);
  const parsed = o.target === null ? undefined : parseTarget(o.target);
  if (parsed?.ok)
    values.push(
      ...(parsed.target.kind === 'range'
        ? [parsed.target.low, parsed.target.high]
        : [parsed.target.value]),
    );
  if (values.length === 0) return { low: 0, high: 1 };
  let low = Math.min(...values),
    high = Math.max(...values);
  if (low === high) {
    low -= Math.abs(low) * 0.05 || 1;
    high += Math.abs(high) * 0.05 || 1;
  }
  const pad = (high - low) * 0.1;
  return { low: low - pad, high: high + pad };
}

/** Where the target sits on the chart: one line, or a band for a range; none when it does not parse. */
export function targetMarks(o: TeamOutcomeView): { line?: number; band?: [number, number] } {
  const parsed = o.target === null ? undefined : parseTarget(o.target);
  if (!parsed?.ok) return {};
  return parsed.target.kind === 'range'
    ? { band: [parsed.target.low, parsed.target.high] }
    : { line: parsed.target.value };
}

/** One sentence a lead can read beside the output chart. */
export function outcomeWords(o: TeamOutcomeView): string {
  const parsed = o.target === null ? undefined : parseTarget(o.target);
  const now = `${o.name}: ${statusLine(o, o.unit)}.`;
  if (!parsed?.ok || o.history.length === 0)
    return o.history.length
      ? `${now} ${o.history.length} points in the window.`
      : `${now} No history in the window.`;
  const met = o.history.filter(p => satisfies(parsed.target, p.value)).length;
  return `${now} Met on ${met} of ${o.history.length} days with a value in the window.`;
}
