import type { Outcome } from '../../core/owners/model';
import { valueText } from '../../core/outcomes/wording';
import { esc } from '../markdownEscape';
import { outcomeBoard } from './outcomeBoard';

/**
 * The outcome's last known value, target and status for a hover card (escaped Markdown), from the
 * board only: a hover never fetches. A missed outcome is bold and says MISSED; an unknown one says why.
 */
export function outcomeStateMarkdown(o: Outcome): string | undefined {
  // Without a source the outcome stays a label (the CLI still lists it as unknown: no source).
  const entry = o.source || o.sourceProblem ? outcomeBoard.peek(o) : undefined;
  if (!entry) return undefined;
  // The target is written just before it (`target >= 3.5%`): here the value and the verdict.
  const value = entry.value === null ? '' : `${esc(valueText(entry.value, o.unit))} `;
  if (entry.status === 'missed') return `**${value}— MISSED**`;
  if (entry.status === 'met') return `${value}— met`;
  return `${value}unknown: ${esc(entry.reason ?? '')}`;
}
