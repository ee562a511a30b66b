import { num, wrapText } from '../format';
import type { ComponentFigures } from '../metrics/types';
import { componentName, personName, teamName } from '../owners/displayNames';
import { Component, isGitHubLogin, OwnersModel, sameLogin, teamMembers } from '../owners/model';

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
export function checkNewOwner(
  model: OwnersModel,
  component: Component,
  typed: string,
): NewOwnerCheck {
  const value = typed.trim();
  if (!value) return { kind: 'empty' };
  if (component.owner && sameLogin(value, component.owner)) {
    return {
      kind: 'current-owner',
      message: `${component.owner} already owns ${componentName(model, component.id)}: choose someone else`,
    };
  }
  if (!isGitHubLogin(value))
    return {
      kind: 'invalid',
      message: `"${value}" is not a valid GitHub login: letters, digits and single hyphens (${loginHint(value)})`,
    };
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
export function handoffSummary(
  model: OwnersModel,
  c: Component,
  a: {
    to: string;
    notes: string;
    decisions: string[];
    stakeholders: string[];
    outcomes?: string[];
    authority?: string[];
    support?: string[];
  },
  width = 72,
): HandoffSummary {
  const sections: HandoffSummary['sections'] = [];
  const list = (heading: string, items: string[] | undefined, was: string[], none: string) => {
    if (!items) return; // not asked: the component's stay as they are
    const changed = items.length !== was.length || items.some((x, i) => x !== was[i]);
    sections.push({
      heading: changed ? `${heading} (changed)` : heading,
      lines: items.length ? items.flatMap(x => wrapText(x, width)) : [none],
    });
  };
  list(
    'answers for',
    a.outcomes?.map(o => outcomeLabel(model, o)),
    c.outcomes.map(o => outcomeLabel(model, o)),
    'no outcome',
  );
  list('may decide without asking', a.authority, c.authority, 'nothing listed');
  list(
    'the lead commits to',
    a.support,
    c.support,
    'nothing listed: the new owner gets no stated support',
  );
  const notes = wrapText(a.notes, width);
  if (notes.length) sections.push({ heading: 'notes', lines: notes });
  if (a.decisions.length)
    sections.push({
      heading: a.decisions.length === 1 ? 'open decision' : 'open decisions',
      lines: a.decisions.flatMap(d => wrapText(d, width)),
    });
  if (a.stakeholders.length)
    sections.push({
      heading: 'stakeholders to inform',
      lines: wrapText(a.stakeholders.join('; '), width),
    });
  return {
    title: `Hand off ${componentName(model, c.id)} to ${a.to}`,
    change: `${c.owner || '(no owner)'} → ${a.to}`,
    sections,
  };
}

/** The message once a handoff is written: names, not ids ("Checkout API is now owned by carol (Carol Diaz)."). */
export function handedOffMessage(model: OwnersModel, componentId: string, to: string): string {
  return `${componentName(model, componentId)} is now owned by ${personName(model, to)}. Undo with Ctrl+Z in OWNERS.yaml.`;
}

/** "Checkout conversion (>= 3.5%)": an outcome as a person reads it. */
export function outcomeLabel(model: OwnersModel, id: string): string {
  const o = model.outcomes.get(id);
  if (!o) return id;
  return [o.name ?? o.id, o.target ? `(${o.target})` : ''].filter(Boolean).join(' ');
}

/**
 * What justifies `login` as the new owner of `c`, in one row: in the team or not, what they
 * already own, and (with pull-request figures) their lines in the component over the window
 * ("wrote 830 of its 1,911 changed lines (43%)").
 * Facts only, not a rating: more lines is knowledge of the code, not merit.
 */
export function candidateDetail(
  model: OwnersModel,
  c: Component,
  login: string,
  figures?: ComponentFigures,
): string {
  const key = login.toLowerCase();
  const team = model.teams.get(c.team);
  const parts: string[] = [];
  if (team && team.lead.toLowerCase() === key) parts.push(`lead of ${teamName(model, c.team)}`);
  else if (team && teamMembers(team).has(key)) parts.push(`in ${teamName(model, c.team)}`);
  else parts.push(`not in ${teamName(model, c.team)}`);
  const owns = [...model.components.values()].filter(x => x.owner.toLowerCase() === key);
  const named =
    owns
      .slice(0, 2)
      .map(x => componentName(model, x.id))
      .join(', ') + (owns.length > 2 ? ', …' : '');
  parts.push(
    owns.length === 0
      ? 'owns nothing yet'
      : owns.length === 1
        ? `owns ${named}`
        : `owns ${owns.length}: ${named}`,
  );
  if (figures) {
    // A quick pick row is one line: short words, the window is the one the tree and the report show.
    const author = figures.authors.find(x => x.login.toLowerCase() === key);
    const lines =
      author?.lines ?? (team && team.lead.toLowerCase() === key ? figures.leadLines : undefined);
    if (lines !== undefined && lines > 0 && figures.lines > 0)
      parts.push(
        `wrote ${num(lines)} of its ${num(figures.lines)} changed lines (${Math.round((lines / figures.lines) * 100)}%)`,
      );
    else parts.push('not among its top authors');
  }
  return parts.join(' · ');
}
