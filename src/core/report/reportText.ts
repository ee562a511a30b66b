import { isPartialMonth } from '../metrics/months';
import { num, pct } from './teamReport';
import type { DelegationRow, MonthlyShare, TeamReportView } from './teamReport';

// The team report's own sentences, shared by the webview and the Markdown export so both say the same.

/** A month as the report names it: "2026-12", or "2026-12, 6 days" when the window holds only part of it. */
export function monthLabel(m: Pick<MonthlyShare, 'month' | 'days'>): string {
  return isPartialMonth(m) ? `${m.month}, ${m.days} ${m.days === 1 ? 'day' : 'days'}` : m.month;
}

/** What the lead's share did over the whole months with data, in words that match the points drawn. */
export function trendWords(r: Pick<TeamReportView, 'monthly' | 'trend'>): string {
  const data = r.monthly.filter(m => m.lines > 0 && !isPartialMonth(m));
  // A partial month is shown, never compared: its share is given apart from the trend.
  const apart = r.monthly.filter(m => m.lines > 0 && isPartialMonth(m));
  const note = apart.length
    ? ` Partial ${apart.length === 1 ? 'month' : 'months'}, not in the trend: ${apart.map(m => `${pct(m.leadShare)} in ${monthLabel(m)}`).join(', ')}.`
    : '';
  if (r.trend === 'unknown' || data.length === 0)
    return `Too few months with data to see a trend.${note}`;
  const low = data.reduce((a, b) => (b.leadShare < a.leadShare ? b : a));
  const high = data.reduce((a, b) => (b.leadShare > a.leadShare ? b : a));
  const first = data[0],
    last = data[data.length - 1];
  switch (r.trend) {
    case 'falling':
    case 'rising':
      return (
        `The lead's share is ${r.trend}: ${pct(first.leadShare)} in ${first.month}, ${pct(last.leadShare)} in ${last.month} ` +
        `(months between ${pct(low.leadShare)} and ${pct(high.leadShare)}).${note}`
      );
    case 'varies':
      return (
        `The lead's share varies from ${pct(low.leadShare)} (${low.month}) to ${pct(high.leadShare)} (${high.month}) ` +
        `with no steady direction; ${pct(last.leadShare)} in ${last.month}.${note}`
      );
    case 'flat':
      return (
        (pct(low.leadShare) === pct(high.leadShare)
          ? `The lead's share holds steady at ${pct(low.leadShare)}.`
          : `The lead's share holds steady, between ${pct(low.leadShare)} and ${pct(high.leadShare)} a month.`) +
        note
      );
  }
}

/**
 * What the output chart draws: the bars (lines merged per month) and the line (the lead's share of
 * them). Whole months are compared with each other; a partial month by its daily rate against theirs.
 */
export function outputWords(monthly: readonly MonthlyShare[]): string {
  if (monthly.length === 0) return 'No months to show.';
  const whole = monthly.filter(m => !isPartialMonth(m));
  const compared = whole.length ? whole : monthly;
  const fewest = compared.reduce((a, b) => (b.lines < a.lines ? b : a));
  const most = compared.reduce((a, b) => (b.lines > a.lines ? b : a));
  const each = whole.length === monthly.length ? 'each month' : 'each whole month';
  let bars =
    compared.length === 1 || fewest.lines === most.lines
      ? `Bars: ${num(most.lines)} lines merged ${compared.length === 1 ? `in ${monthLabel(most)}` : each}.`
      : `Bars: lines merged ${each}, from ${num(fewest.lines)} (${fewest.month}) to ${num(most.lines)} (${most.month}).`;
  const partial = whole.length ? monthly.filter(m => isPartialMonth(m)) : [];
  if (partial.length) {
    const days = whole.reduce((n, m) => n + m.days, 0);
    const rate = (lines: number, d: number) => num(Math.round(lines / d));
    bars +=
      ` ${partial.map(m => `${monthLabel(m)} in the window (a partial month, drawn hatched): ${num(m.lines)} lines, ${rate(m.lines, m.days)} a day`).join('; ')}` +
      ` against ${rate(
        whole.reduce((n, m) => n + m.lines, 0),
        days,
      )} a day in the whole months.`;
  }
  const data = monthly.filter(m => m.lines > 0);
  if (data.length === 0) return `${bars} No lines, so no share of the lead.`;
  const low = data.reduce((a, b) => (b.leadShare < a.leadShare ? b : a));
  const high = data.reduce((a, b) => (b.leadShare > a.leadShare ? b : a));
  const line =
    pct(low.leadShare) === pct(high.leadShare)
      ? `Line: the lead's share of them, ${pct(low.leadShare)}${data.length > 1 ? ' every month' : ''}.`
      : `Line: the lead's share of them, from ${pct(low.leadShare)} (${monthLabel(low)}) to ${pct(high.leadShare)} (${monthLabel(high)}).`;
  return `${bars} ${line}`;
}

/**
 * A scale for a count up to `max`: whole ticks 1, 2, 2.5 or 5 times a power of ten apart, from 0 to
 * the first tick at or above `max`; at most `count + 1` ticks.
 */
export function roundScale(max: number, count = 3): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 2.5, 5, 10].map(f => f * power).find(s => s >= raw && s >= 1 && Number.isInteger(s)) ??
    Math.max(1, Math.ceil(raw));
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

/** A delegation row as two phrases: who owns and who writes the component, and what the lead can do. */
export function delegationWords(d: DelegationRow): { ownership: string; next: string } {
  if (d.kind === 'owned') {
    // Team-only mode names no one but the lead: say the candidate is hidden, never that there is none.
    const next = d.candidate
      ? `could go to ${d.candidate}${d.candidateWhy ? ` (${d.candidateWhy})` : ''}`
      : d.candidateHidden
        ? `candidate not named in team-only mode (others wrote ${d.lines ? pct((d.lines - d.leadLines) / d.lines) : '–'} of its lines)`
        : 'no candidate yet: nobody else changed it';
    return { ownership: 'owned by the lead', next };
  }
  const lead = d.lines ? pct(d.leadLines / d.lines) : '–';
  const owner =
    d.ownerLines !== null && d.lines ? `, ${d.owner} ${pct(d.ownerLines / d.lines)}` : '';
  return {
    ownership: `owned by ${d.owner}; the lead wrote ${lead} of its lines${owner}`,
    next: `let ${d.owner} drive it`,
  };
}

/** A component as the report names it: its display name, with the OWNERS.yaml id when they differ. */
export function componentLabel(name: string, id: string): string {
  return name === id ? id : `${name} (${id})`;
}
