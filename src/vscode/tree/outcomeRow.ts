import * as vscode from 'vscode';
import type { OutcomeEntry } from '../../core/outcomes/model';
import { statusLine, statusShort } from '../../core/outcomes/wording';
import type { Component, Outcome, OwnersModel } from '../../core/owners/model';
import { outcomeBoard } from '../outcomes/outcomeBoard';
import { outcomeLine } from '../markdown';

const ICONS: Record<OutcomeEntry['status'], vscode.ThemeIcon> = {
  met: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  missed: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  unknown: new vscode.ThemeIcon('question'),
};

/** An outcome row (under a component, or a group when grouped by outcome) with its last known value and status. */
export function showOutcomeState(item: vscode.TreeItem, outcome: Outcome, folder: string): void {
  // An outcome that names no source stays a label: "unknown" on every row would only be noise.
  const entry =
    outcome.source || outcome.sourceProblem ? outcomeBoard.peek(outcome, folder) : undefined;
  if (!entry) return;
  item.iconPath = ICONS[entry.status];
  const rest =
    typeof item.description === 'string' ? item.description.replace(/^target [^·]*(· )?/, '') : '';
  item.description = [
    statusShort(entry, outcome.unit),
    entry.target !== null && `target ${entry.target}`,
    rest,
  ]
    .filter(Boolean)
    .join(' · ');
  const tooltip = outcomeLine(outcome);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(
    `${statusLine(entry, outcome.unit)}${entry.asOf ? `\nAs of ${entry.asOf.replace('T', ' ').replace('Z', ' UTC')}` : ''}`,
  );
  item.tooltip = tooltip;
  item.contextValue = `${item.contextValue ?? ''} outcome-${entry.status}`.trim();
}

/** A component row says when an outcome it answers for is missed. */
export function showComponentOutcomes(
  item: vscode.TreeItem,
  model: OwnersModel,
  component: Component,
  folder: string,
): void {
  const missed = component.outcomes
    .map(id => model.outcomes.get(id))
    .filter((o): o is Outcome => !!o && outcomeBoard.peek(o, folder)?.status === 'missed');
  if (!missed.length) return;
  item.description = `${item.description ?? ''} · ${missed.length === 1 ? `${missed[0].name ?? missed[0].id} missed` : `${missed.length} outcomes missed`}`;
  item.iconPath = new vscode.ThemeIcon('package', new vscode.ThemeColor('list.errorForeground'));
  item.contextValue = `${item.contextValue ?? ''} outcome-missed`.trim();
}
