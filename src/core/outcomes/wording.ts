/** How an outcome's state reads in the tree, hovers, the report and handoff notes (plain text; callers escape). */
import type { OutcomeEntry } from './model';

/** `3.2 %`, or `—` without a value. */
export function valueText(value: number | null, unit: string | undefined): string {
  if (value === null) return '—';
  const shown = Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return unit ? `${shown}${/^[%‰]$/.test(unit) ? '' : ' '}${unit}` : shown;
}

/** `3.2% · missed (target >= 3.5%)`; unknown says why. */
export function statusLine(entry: OutcomeEntry, unit: string | undefined): string {
  const target = entry.target === null ? 'no target' : `target ${entry.target}`;
  if (entry.status === 'unknown')
    return `${entry.value === null ? '' : `${valueText(entry.value, unit)} · `}unknown (${target}): ${entry.reason ?? ''}`;
  return `${valueText(entry.value, unit)} · ${entry.status} (${target})`;
}

/** The short form for a tree row's description. */
export function statusShort(entry: OutcomeEntry, unit: string | undefined): string {
  if (entry.status === 'unknown')
    return entry.value === null ? 'unknown' : `${valueText(entry.value, unit)} · unknown`;
  return `${valueText(entry.value, unit)} · ${entry.status === 'missed' ? 'MISSED' : 'met'}`;
}

/** One line per outcome for a handoff's notes: the state at the time of the handoff. */
export function handoffOutcomeNote(
  name: string,
  entry: OutcomeEntry,
  unit: string | undefined,
): string {
  const when = entry.asOf ? ` as of ${entry.asOf.slice(0, 10)}` : '';
  return `${name}: ${entry.status === 'unknown' ? `unknown (${entry.reason ?? 'no value'})` : `${valueText(entry.value, unit)}, ${entry.status}${entry.target ? ` (target ${entry.target})` : ''}${when}`}`;
}
