import { wrapText } from '../format';
import { componentName, personName } from '../owners/displayNames';
import { Component, isGitHubLogin, OwnersModel, sameLogin } from '../owners/model';

/** What the handoff's new-owner step makes of typed text: a login to offer, or why it cannot be one. */
export type NewOwnerCheck =
  | { kind: 'empty' }
  | { kind: 'ok'; login: string }
  | { kind: 'current-owner'; message: string }
  | { kind: 'invalid'; message: string };

/**
 * Checks text typed as the new owner of `component`: a valid GitHub login other than the current
 * owner is offered; the current owner and anything GitHub would refuse get a message saying why,
 * so the step never just shows no results.
 */
export function checkNewOwner(model: OwnersModel, component: Component, typed: string): NewOwnerCheck {
  const value = typed.trim();
  if (!value) return { kind: 'empty' };
  if (component.owner && sameLogin(value, component.owner)) {
    return { kind: 'current-owner', message: `${component.owner} already owns ${componentName(model, component.id)}: choose someone else` };
  }
  if (!isGitHubLogin(value)) return { kind: 'invalid', message: `"${value}" is not a valid GitHub login: letters, digits and single hyphens (${loginHint(value)})` };
  return { kind: 'ok', login: value };
}

/** The first rule a typed login breaks, in words. */
function loginHint(value: string): string {
  if (/\s/.test(value)) return 'no spaces';
  const other = /[^A-Za-z0-9-]/.exec(value);
  if (other) return `no "${other[0]}"`;
  if (value.startsWith('-') || value.endsWith('-')) return 'not at the start or end';
  if (value.includes('--')) return 'never two in a row';
  return 'at most 39 characters';
}

export interface HandoffSummary {
  /** The accepting item: "Hand off Checkout API to carol". */
  title: string;
  /** "bob → carol". */
  change: string;
  /** Each field that will be written, its text broken into lines that fit one row each. */
  sections: { heading: string; lines: string[] }[];
}

/**
 * The confirm step's summary of a handoff: every field, whole, a row per line of at most `width`
 * characters (a quick pick row cuts longer text off), so nothing is written unread.
 */
export function handoffSummary(model: OwnersModel, c: Component, a: { to: string; notes: string; decisions: string[]; stakeholders: string[] }, width = 72): HandoffSummary {
  const sections: HandoffSummary['sections'] = [];
  const notes = wrapText(a.notes, width);
  if (notes.length) sections.push({ heading: 'notes', lines: notes });
  if (a.decisions.length) sections.push({ heading: a.decisions.length === 1 ? 'open decision' : 'open decisions', lines: a.decisions.flatMap(d => wrapText(d, width)) });
  if (a.stakeholders.length) sections.push({ heading: 'stakeholders to inform', lines: wrapText(a.stakeholders.join('; '), width) });
  return { title: `Hand off ${componentName(model, c.id)} to ${a.to}`, change: `${c.owner || '(no owner)'} → ${a.to}`, sections };
}

/** The message once a handoff is written: names, not ids ("Checkout API is now owned by carol (Carol Diaz)."). */
export function handedOffMessage(model: OwnersModel, componentId: string, to: string): string {
  return `${componentName(model, componentId)} is now owned by ${personName(model, to)}. Undo with Ctrl+Z in OWNERS.yaml.`;
}
