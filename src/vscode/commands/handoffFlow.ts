import * as vscode from 'vscode';
import { outcomeStateNote } from '../outcomes/handoffOutcomes';
import {
  candidateDetail,
  checkNewOwner,
  handoffSummary,
  outcomeLabel,
} from '../../core/handoff/flowWords';
import type { ComponentFigures } from '../../core/metrics/types';
import { componentName, teamName } from '../../core/owners/displayNames';
import { Component, OwnersModel, teamMembers } from '../../core/owners/model';
import { knownLogins } from '../../core/owners/personOwnership';
import { BACK, inputStep, pickManyStep, pickStep, StepResult } from './multiStep';

const TITLE = 'Hand Off Component';
const STEPS = 9;
/** Steps: 1 component, 2 new owner, 3 outcomes, 4 authority, 5 support, 6 notes, 7 open decisions, 8 stakeholders, 9 confirm. */
const OUTCOMES_STEP = 3;
/** A step with nothing to ask (no outcomes defined): the flow moves on in the direction it was going. */
const SKIP = Symbol('skip');

/** What the flow asks the user; the command turns it into a HandoffRequest. */
export interface HandoffAnswers {
  component: string;
  to: string;
  notes: string;
  decisions: string[];
  stakeholders: string[];
  /** What the new owner answers for, may decide, and is given; absent: the component's stay as they are. */
  outcomes?: string[];
  authority?: string[];
  support?: string[];
}
export interface FlowInput {
  model: OwnersModel;
  preselected?: string;
  skipComponent?: boolean;
  /** "Could go to X": the new owner already chosen; the flow opens at the outcomes step, Back goes to the owner step. */
  suggestedTo?: string;
  /** Pull-request figures of a component over the window, when loaded: the owner step shows each candidate's lines. */
  figures?: (componentId: string) => ComponentFigures | undefined;
}
/** The seam: tests replace the interactive flow with a function that answers directly. */
export type HandoffFlow = (input: FlowInput) => Promise<HandoffAnswers | undefined>;

type Item = vscode.QuickPickItem & { value?: string; blocked?: boolean };
const split = (v: string) =>
  v
    .split(';')
    .map(s => s.trim())
    .filter(Boolean);

/**
 * The multi-step quick input: component, new owner, the outcomes they answer for, the authority
 * they receive, the support the lead commits to, notes, open decisions, stakeholders, confirm.
 */
export const interactiveHandoffFlow: HandoffFlow = async input => {
  const { model, preselected, skipComponent, suggestedTo } = input;
  const a: Partial<HandoffAnswers> = { component: preselected, to: suggestedTo };
  let step = skipComponent && preselected ? 2 : 1;
  const first = step;
  if (first === 2 && suggestedTo) step = 3;
  let back = false;
  while (step <= STEPS) {
    const c = a.component ? model.components.get(a.component) : undefined;
    const r: StepResult<unknown> | typeof SKIP = await ask(step, input, a, c);
    if (r === undefined) return undefined;
    if (r === SKIP) {
      step = back ? Math.max(first, step - 1) : step + 1;
      continue;
    }
    back = r === BACK;
    if (r === BACK) {
      step = Math.max(first, step - 1);
      continue;
    }
    step++;
  }
  return a as HandoffAnswers;
};

async function ask(
  step: number,
  input: FlowInput,
  a: Partial<HandoffAnswers>,
  c: Component | undefined,
): Promise<StepResult<unknown> | typeof SKIP> {
  const { model } = input;
  const common = { title: TITLE, step, totalSteps: STEPS };
  const name = c ? componentName(model, c.id) : '';
  switch (step) {
    case 1: {
      const items: Item[] = [...model.components.values()].map(x => ({
        label: x.name ?? x.id,
        description: `${x.id} · owner ${x.owner}`,
        detail: `team ${teamName(model, x.team)}`,
        value: x.id,
      }));
      const r = await pickStep({
        ...common,
        items,
        placeholder: 'Which component changes owner?',
        active: items.find(i => i.value === a.component),
      });
      if (r && r !== BACK) a.component = r.value;
      return r;
    }
    case 2: {
      const items = ownerItems(model, c!, input.figures?.(c!.id));
      if (a.to && !items.some(i => i.value?.toLowerCase() === a.to!.toLowerCase()))
        items.unshift({
          label: a.to,
          description: 'suggested from the history (see the tree or hover for why)',
          detail: candidateDetail(model, c!, a.to, input.figures?.(c!.id)),
          value: a.to,
        });
      const r = await pickStep({
        ...common,
        items,
        active: items.find(i => i.value?.toLowerCase() === a.to?.toLowerCase()),
        placeholder: `New owner of ${componentName(model, c!.id)} (now ${c!.owner}); type any GitHub login`,
        custom: v => typedOwner(model, c!, v, items),
      });
      if (r && r !== BACK) a.to = r.value;
      return r;
    }
    case OUTCOMES_STEP: {
      if (model.outcomes.size === 0) return SKIP;
      const chosen = new Set(a.outcomes ?? c!.outcomes);
      const items: Item[] = [...model.outcomes.values()].map(o => ({
        label: outcomeLabel(model, o.id),
        description: o.id,
        detail: o.metric ? `measured as ${o.metric}` : undefined,
        value: o.id,
      }));
      const r = await pickManyStep({
        ...common,
        items,
        selected: items.filter(i => chosen.has(i.value!)),
        placeholder: `Which outcomes will ${a.to} answer for with ${name}? (the current ones are ticked)`,
      });
      if (r && r !== BACK) a.outcomes = r.map(i => i.value!);
      return r;
    }
    case 4:
      return store(
        await inputStep({
          ...common,
          prompt: `Decisions ${a.to} may take on ${name} without asking, separated by ";"`,
          value: (a.authority ?? c!.authority).join('; '),
          placeholder: 'e.g. Choose the technical approach; Change the database schema',
        }),
        v => {
          a.authority = split(v);
        },
      );
    case 5: {
      const listed = (a.support ?? c!.support).length > 0;
      const prompt = listed
        ? `Support the lead commits to give ${a.to}, separated by ";"`
        : `${name} lists no support yet: what will the lead commit to give ${a.to}? Separated by ";"`;
      return store(
        await inputStep({
          ...common,
          prompt,
          value: (a.support ?? c!.support).join('; '),
          placeholder: 'e.g. Weekly 1:1 with the lead; On-call cover for the first month',
        }),
        v => {
          a.support = split(v);
        },
      );
    }
    case 6:
      return store(
        await inputStep({
          ...common,
          prompt: `What must ${a.to} know to own ${name}?`,
          value: a.notes ?? outcomeStateNote(model, c!),
          placeholder: 'Context, known risks, what to watch, where things are (optional)',
        }),
        v => {
          a.notes = v;
        },
      );
    case 7:
      return store(
        await inputStep({
          ...common,
          prompt: 'Open decisions, separated by ";"',
          value: a.decisions?.join('; '),
          placeholder: 'e.g. Whether to split tax calculation; Retry policy (optional)',
        }),
        v => {
          a.decisions = split(v);
        },
      );
    case 8:
      return store(
        await inputStep({
          ...common,
          prompt: 'Stakeholders to inform, separated by ";"',
          value: (a.stakeholders ?? c!.stakeholders).join('; '),
        }),
        v => {
          a.stakeholders = split(v);
        },
      );
    default: {
      const s = handoffSummary(model, c!, {
        to: a.to!,
        notes: a.notes ?? '',
        decisions: a.decisions ?? [],
        stakeholders: a.stakeholders ?? [],
        outcomes: a.outcomes,
        authority: a.authority,
        support: a.support,
      });
      const yes: Item = { label: `$(check) ${s.title}`, detail: s.change, value: 'yes' };
      // Every field whole, a row per line: a quick pick row cuts long text off.
      const lines: Item[] = s.sections.flatMap(section => [
        { label: section.heading, kind: vscode.QuickPickItemKind.Separator },
        ...section.lines.map(line => ({ label: line, blocked: true })),
      ]);
      const no: Item[] = [
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: '$(close) Cancel', value: 'no' },
      ];
      const r = await pickStep({
        ...common,
        items: [yes, ...lines, ...no],
        active: yes,
        placeholder: 'Write this handoff into OWNERS.yaml?',
      });
      return r === BACK ? BACK : r?.value === 'yes' ? true : undefined;
    }
  }
}

/**
 * The extra row for typed text: another login to pick, or, for the current owner or text GitHub
 * would refuse as a login, a row saying why (instead of "0 results" and an Enter that does nothing).
 */
function typedOwner(
  model: OwnersModel,
  c: Component,
  typed: string,
  items: Item[],
): Item | undefined {
  const check = checkNewOwner(model, c, typed);
  if (check.kind === 'ok')
    return { label: check.login, description: 'another login', value: check.login };
  if (check.kind === 'empty') return undefined;
  // Someone searching the list by name ("Carol Diaz") finds the person: no complaint then.
  const lower = typed.trim().toLowerCase();
  if (
    check.kind === 'invalid' &&
    items.some(i => i.value && `${i.label} ${i.description ?? ''}`.toLowerCase().includes(lower))
  )
    return undefined;
  return { label: `$(info) ${check.message}`, alwaysShow: true, blocked: true };
}

function store(r: StepResult<string>, set: (v: string) => void): StepResult<string> {
  if (r !== undefined && r !== BACK) set(r);
  return r;
}

/** Members of the component's team first, then everyone else the file knows; each with the figures that justify them. */
function ownerItems(
  model: OwnersModel,
  c: Component,
  figures: ComponentFigures | undefined,
): Item[] {
  const team = model.teams.get(c.team);
  // The lead first, then the members: the likeliest new owners.
  const members = team
    ? [...new Set([team.lead.toLowerCase(), ...teamMembers(team)].filter(Boolean))]
    : [];
  const current = c.owner.toLowerCase();
  const spelled = new Map(knownLogins(model).map(l => [l.toLowerCase(), l]));
  const name = (l: string) => model.people.get(l.toLowerCase())?.name;
  const teamItems: Item[] = members
    .filter(m => m !== current)
    .map(m => spelled.get(m) ?? m)
    .map(l => ({
      label: l,
      description: name(l),
      detail: candidateDetail(model, c, l, figures),
      value: l,
    }));
  const others: Item[] = [...spelled.values()]
    .filter(l => l.toLowerCase() !== current && !members.includes(l.toLowerCase()))
    .map(l => ({
      label: l,
      description: name(l),
      detail: candidateDetail(model, c, l, figures),
      value: l,
    }));
  const sep = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
  return [
    ...(teamItems.length ? [sep(`team ${team!.name ?? team!.id}`), ...teamItems] : []),
    ...(others.length ? [sep('others'), ...others] : []),
  ];
}
