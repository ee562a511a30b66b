import type { Outcome } from '../../core/owners/model';
import { valueText } from '../../core/outcomes/wording';
import { esc } from '../markdown';
import { outcomeBoard } from './outcomeBoard';

/**
 * The outcome's last known value, target and status for a hover card (escaped Markdown), from the
 * board only: a hover never fetches. A missed outcome is bold and says MISSED; an unknown one says why.
 */
export function outcomeStateMarkdown(o: Outcome): string | undefined {
  const entry = outcomeBoard.peek(o);
  if (!entry) return undefined;
  const value = entry.value === null ? '' : `${esc(valueText(entry.value, o.unit))} `;
  const target = entry.target === null ? 'no target' : `target ${esc(entry.target)}`;
  if (entry.status === 'missed') return `**${value}— MISSED** (${target})`;
  if (entry.status === 'met') return `${value}— met (${target})`;
  return `${value}unknown (${target}): ${esc(entry.reason ?? '')}`;
}
