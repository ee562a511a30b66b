/**
 * The `file` source: a CSV in the repository with a header line and rows `date,outcome,value`
 * (a CI job can write it). Columns are found by the header's names, so extra columns are fine.
 */
import { HistoryPoint, isoSeconds, SourceReading } from './model';

export interface CsvRow {
  date: string;
  outcome: string;
  value: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** One CSV line's fields (RFC 4180 quotes allowed within the line). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '',
    quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map(f => f.trim());
}

export type ParsedCsv =
  { ok: true; rows: CsvRow[]; byOutcome: Map<string, CsvRow[]> } | { ok: false; reason: string };

export function parseOutcomeCsv(text: string): ParsedCsv {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(l => l.trim() !== '');
  if (lines.length === 0)
    return { ok: false, reason: 'the file is empty (it needs a header line date,outcome,value)' };
  const header = fields(lines[0]).map(h => h.toLowerCase());
  const col = {
    date: header.indexOf('date'),
    outcome: header.indexOf('outcome'),
    value: header.indexOf('value'),
  };
  if (col.date < 0 || col.outcome < 0 || col.value < 0)
    return { ok: false, reason: 'the first line is not the header date,outcome,value' };
  const rows = lines
    .slice(1)
    .map(fields)
    .map(f => ({
      date: f[col.date] ?? '',
      outcome: f[col.outcome] ?? '',
      value: f[col.value] ?? '',
    }));
  // Grouped once, in file order: a file shared by many outcomes is not scanned once per outcome.
  const byOutcome = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const list = byOutcome.get(row.outcome);
    if (list) list.push(row);
    else byOutcome.set(row.outcome, [row]);
  }
  return { ok: true, rows, byOutcome };
}

/** The row of `outcome` with the newest date before `until` (YYYY-MM-DD or ISO time); the later one on a tie. */
export function latestRow(
  rows: readonly CsvRow[],
  outcome: string,
  untilMs: number,
): SourceReading {
  let best: CsvRow | undefined;
  for (const row of rows) {
    if (
      row.outcome !== outcome ||
      !DATE.test(row.date) ||
      Date.parse(`${row.date}T00:00:00Z`) >= untilMs
    )
      continue;
    if (!best || row.date >= best.date) best = row;
  }
  if (!best)
    return {
      kind: 'failed',
      reason: `no row for "${outcome}" dated before ${isoSeconds(untilMs)}`,
    };
  if (!NUMBER.test(best.value) || !Number.isFinite(Number(best.value)))
    return {
      kind: 'failed',
      reason: `the row of ${best.date} has no number (value "${best.value.slice(0, 40)}")`,
    };
  return { kind: 'value', value: Number(best.value), asOf: `${best.date}T00:00:00Z` };
}

/** The outcome's rows dated in [since, until), one per date (the last on a tie), oldest first. */
export function rowsInWindow(
  rows: readonly CsvRow[],
  outcome: string,
  since: string,
  until: string,
): HistoryPoint[] {
  const byDate = new Map<string, number>();
  for (const row of rows) {
    if (
      row.outcome !== outcome ||
      !DATE.test(row.date) ||
      row.date < since ||
      row.date >= until ||
      !NUMBER.test(row.value)
    )
      continue;
    byDate.set(row.date, Number(row.value));
  }
  return [...byDate]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([date, value]) => ({ date, value }));
}
