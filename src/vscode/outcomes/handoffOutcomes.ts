import { handoffOutcomeNote } from '../../core/outcomes/wording';
import type { Component, OwnersModel } from '../../core/owners/model';
import { outcomeBoard } from './outcomeBoard';

/**
 * The state of the component's outcomes at the time of the handoff, offered as the start of its
 * notes (the person handing off edits or clears it): the new owner knows what they inherit.
 * Empty when no value is known yet.
 */
export function outcomeStateNote(model: OwnersModel, component: Component): string {
  const lines = component.outcomes.flatMap(id => {
    const outcome = model.outcomes.get(id);
    const entry = outcome && outcomeBoard.peek(outcome);
    return outcome && entry
      ? [handoffOutcomeNote(outcome.name ?? outcome.id, entry, outcome.unit)]
      : [];
  });
  return lines.length ? `Outcomes at handoff: ${lines.join('; ')}.` : '';
}
