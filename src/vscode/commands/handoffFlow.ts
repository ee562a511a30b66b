import * as vscode from 'vscode';
import { outcomeStateNote } from '../outcomes/handoffOutcomes';
import { checkNewOwner, handoffSummary } from '../../core/handoff/flowWords';
import { componentName, teamName } from '../../core/owners/displayNames';
import { Component, OwnersModel, teamMembers } from '../../core/owners/model';
import { knownLogins } from '../../core/owners/personOwnership';
import { BACK, inputStep, pickStep, StepResult } from './multiStep';

const TITLE = 'Hand Off Component';
const STEPS = 6;

/** What the flow asks the user; the command turns it into a HandoffRequest. */
export interface HandoffAnswers { component: string; to: string; notes: string; decisions: string[]; stakeholders: string[] }
export interface FlowInput {
  model: OwnersModel; preselected?: string; skipComponent?: boolean;
  /** "Could go to X": the new owner already chosen; the flow opens at the notes step, Back goes to the owner step. */
  suggestedTo?: string;
}
/** The seam: tests replace the interactive flow with a function that answers directly. */
export type HandoffFlow = (input: FlowInput) => Promise<HandoffAnswers | undefined>;

type Item = vscode.QuickPickItem & { value?: string; blocked?: boolean };
const split = (v: string) => v.split(';').map(s => s.trim()).filter(Boolean);

/** The multi-step quick input: component, new owner, notes, open decisions, stakeholders, confirm. */
export const interactiveHandoffFlow: HandoffFlow = async ({ model, preselected, skipComponent, suggestedTo }) => {
  const a: Partial<HandoffAnswers> = { component: preselected, to: suggestedTo };
  let step = skipComponent && preselected ? 2 : 1;
  const first = step;
  if (first === 2 && suggestedTo) step = 3;
  while (step <= STEPS) {
    const c = a.component ? model.components.get(a.component) : undefined;
    const r: StepResult<unknown> = await ask(step, model, a, c);
    if (r === undefined) return undefined;
    if (r === BACK) { step = Math.max(first, step - 1); continue; }
    step++;
  }
  return a as HandoffAnswers;
};

async function ask(step: number, model: OwnersModel, a: Partial<HandoffAnswers>, c: Component | undefined): Promise<StepResult<unknown>> {
  const common = { title: TITLE, step, totalSteps: STEPS };
  switch (step) {
    case 1: {
      const items: Item[] = [...model.components.values()].map(x => ({ label: x.name ?? x.id, description: `${x.id} · owner ${x.owner}`, detail: `team ${teamName(model, x.team)}`, value: x.id }));
      const r = await pickStep({ ...common, items, placeholder: 'Which component changes owner?', active: items.find(i => i.value === a.component) });
      if (r && r !== BACK) a.component = r.value;
      return r;
    }
    case 2: {
      const items = ownerItems(model, c!);
      if (a.to && !items.some(i => i.value?.toLowerCase() === a.to!.toLowerCase())) items.unshift({ label: a.to, description: 'could go to: wrote the most of it besides the lead', value: a.to });
      const r = await pickStep({ ...common, items, active: items.find(i => i.value?.toLowerCase() === a.to?.toLowerCase()), placeholder: `New owner of ${componentName(model, c!.id)} (now ${c!.owner}); type any GitHub login`, custom: v => typedOwner(model, c!, v, items) });
      if (r && r !== BACK) a.to = r.value;
      return r;
    }
    case 3: return store(await inputStep({ ...common, prompt: `What must ${a.to} know to own ${c!.name ?? c!.id}?`, value: a.notes ?? outcomeStateNote(model, c!), placeholder: 'Context, risks, where the bodies are buried (optional)' }), v => { a.notes = v; });
    case 4: return store(await inputStep({ ...common, prompt: 'Open decisions, separated by ";"', value: a.decisions?.join('; '), placeholder: 'e.g. Whether to split tax calculation; Retry policy (optional)' }), v => { a.decisions = split(v); });
    case 5: return store(await inputStep({ ...common, prompt: 'Stakeholders to inform, separated by ";"', value: (a.stakeholders ?? c!.stakeholders).join('; ') }), v => { a.stakeholders = split(v); });
    default: {
      const s = handoffSummary(model, c!, { to: a.to!, notes: a.notes ?? '', decisions: a.decisions ?? [], stakeholders: a.stakeholders ?? [] });
      const yes: Item = { label: `$(check) ${s.title}`, detail: s.change, value: 'yes' };
      // Every field whole, a row per line: a quick pick row cuts long text off.
      const lines: Item[] = s.sections.flatMap(section => [
        { label: section.heading, kind: vscode.QuickPickItemKind.Separator },
        ...section.lines.map(line => ({ label: line, blocked: true })),
      ]);
      const no: Item[] = [{ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(close) Cancel', value: 'no' }];
      const r = await pickStep({ ...common, items: [yes, ...lines, ...no], active: yes, placeholder: 'Write this handoff into OWNERS.yaml?' });
      return r === BACK ? BACK : r?.value === 'yes' ? true : undefined;
    }
  }
}

/**
 * The extra row for typed text: another login to pick, or, for the current owner or text GitHub
 * would refuse as a login, a row saying why (instead of "0 results" and an Enter that does nothing).
 */
function typedOwner(model: OwnersModel, c: Component, typed: string, items: Item[]): Item | undefined {
  const check = checkNewOwner(model, c, typed);
  if (check.kind === 'ok') return { label: check.login, description: 'another login', value: check.login };
  if (check.kind === 'empty') return undefined;
  // Someone searching the list by name ("Carol Diaz") finds the person: no complaint then.
  const lower = typed.trim().toLowerCase();
  if (check.kind === 'invalid' && items.some(i => i.value && `${i.label} ${i.description ?? ''}`.toLowerCase().includes(lower))) return undefined;
  return { label: `$(info) ${check.message}`, alwaysShow: true, blocked: true };
}

function store(r: StepResult<string>, set: (v: string) => void): StepResult<string> {
  if (r !== undefined && r !== BACK) set(r);
  return r;
}

/** Members of the component's team first, then everyone else the file knows. */
function ownerItems(model: OwnersModel, c: Component): Item[] {
  const team = model.teams.get(c.team);
  // The lead first, then the members: the likeliest new owners.
  const members = team ? [...new Set([team.lead.toLowerCase(), ...teamMembers(team)].filter(Boolean))] : [];
  const current = c.owner.toLowerCase();
  const spelled = new Map(knownLogins(model).map(l => [l.toLowerCase(), l]));
  const name = (l: string) => model.people.get(l.toLowerCase())?.name;
  const teamItems: Item[] = members.filter(m => m !== current).map(m => spelled.get(m) ?? m)
    .map(l => ({ label: l, description: [name(l), team!.lead.toLowerCase() === l.toLowerCase() ? `lead of ${team!.name ?? team!.id}` : `${team!.name ?? team!.id}`].filter(Boolean).join(' · '), value: l }));
  const others: Item[] = [...spelled.values()].filter(l => l.toLowerCase() !== current && !members.includes(l.toLowerCase()))
    .map(l => ({ label: l, description: name(l), value: l }));
  const sep = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
  return [...(teamItems.length ? [sep(`team ${team!.name ?? team!.id}`), ...teamItems] : []), ...(others.length ? [sep('others'), ...others] : [])];
}
