/** An outcome's entry from its target and what its source gave: met, missed, or unknown and why. */
import type { Outcome } from '../owners/model';
import { OutcomeEntry, SourceReading } from './model';
import { parseTarget, satisfies } from './target';

/** `reading` is undefined when the outcome has no source. */
export function outcomeEntry(outcome: Outcome, reading: SourceReading | undefined): OutcomeEntry {
  const target = outcome.target ?? null;
  const value = reading?.kind === 'value' ? reading.value : null;
  const asOf = reading?.kind === 'value' ? reading.asOf : null;
  const unknown = (reason: string): OutcomeEntry => ({
    outcome: outcome.id,
    value,
    target,
    status: 'unknown',
    asOf,
    reason,
  });
  if (!reading) return unknown('no source: the outcome does not say where its value lives');
  if (reading.kind === 'failed') return unknown(reading.reason);
  if (target === null) return unknown('no target to compare the value with');
  const parsed = parseTarget(target);
  if (!parsed.ok) return unknown(parsed.reason);
  return {
    outcome: outcome.id,
    value,
    target,
    status: satisfies(parsed.target, reading.value) ? 'met' : 'missed',
    asOf,
    reason: null,
  };
}

/** The outcomes a team answers for: its components in file order, each one's list in order, each outcome once. */
export function teamOutcomeIds(
  components: Iterable<{ team: string; outcomes: readonly string[] }>,
  team: string,
  defined: ReadonlyMap<string, unknown>,
): string[] {
  const out = new Set<string>();
  for (const c of components)
    if (c.team === team) for (const id of c.outcomes) if (defined.has(id)) out.add(id);
  return [...out];
}
