import * as vscode from 'vscode';
import { TextEdit } from '../core/handoff/textEdits';
import {
  addPersonEdit,
  addTeamMemberEdit,
  closestIds,
  defineOutcomeEdit,
  defineTeamEdit,
  removePatternEdit,
  replaceValueEdit,
} from '../core/owners/quickFixEdits';
import { addTeamCodeownerFix } from '../core/owners/singleCodeowner';
import { OwnersStore } from './ownersStore';

/**
 * Quick fixes where one is obvious: add the owner to the team, remove a dead pattern, change a
 * misspelt team or outcome to the closest defined one, define a missing outcome, add a login under
 * people. Each is a core text edit at a position, so comments and layout stay.
 */
export class OwnersQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: OwnersStore) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const text = doc.getText();
    const current = this.store.stateFor(doc.uri);
    if (!current || current.ownersUri.toString() !== doc.uri.toString()) return [];
    // A debounced reparse may be pending: offsets must be those of this text.
    const state = current.current.text === text ? current : this.store.reparse(doc.uri, text)!;
    // Offsets are those of the text as it is now: a stale state's shown version is an older text.
    const model = state.current.model;
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'ownership-lens') continue;
      const offset = doc.offsetAt(d.range.start);
      const component = [...model.components.values()].find(
        c => c.span.offset === offset || c.ownerSpan?.offset === offset,
      );
      let preferred = false;
      // The first fix offered for a diagnostic is its preferred one (Ctrl+. then Enter, or auto-fix).
      const add = (title: string, edit: TextEdit | undefined) => {
        if (!edit) return;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(
          doc.uri,
          new vscode.Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length)),
          edit.newText,
        );
        action.diagnostics = [d];
        action.isPreferred = !preferred;
        preferred = true;
        actions.push(action);
      };
      switch (d.code) {
        case 'owner-not-in-team':
          if (component)
            add(
              `Add ${component.owner} to the members of team ${component.team}`,
              addTeamMemberEdit(text, component.team, component.owner),
            );
          break;
        case 'single-codeowner': {
          const fix = component ? addTeamCodeownerFix(text, model, component.id) : undefined;
          if (fix) add(fix.title, fix.edit);
          break;
        }
        case 'pattern-matches-nothing':
        case 'pattern-shadowed':
        case 'duplicate-pattern': {
          const pattern = model.patterns.find(p => p.span.offset === offset);
          if (pattern)
            add(
              `Remove pattern "${pattern.pattern}"`,
              removePatternEdit(text, pattern.span.offset),
            );
          break;
        }
        case 'unknown-team': {
          // By the component the message names, not by position: the diagnostic may predate the last edit.
          const c = [...model.components.values()].find(x =>
            d.message.startsWith(`Component "${x.id}" belongs to team "${x.team}"`),
          );
          if (c?.teamSpan && !model.teams.has(c.team))
            for (const id of closestIds(c.team, model.teams.keys()))
              add(`Change to '${id}'`, replaceValueEdit(text, c.teamSpan, id));
          // A new team: its lead is a marked placeholder (the owner), so the file stays valid and says what to fill in.
          if (c && c.team && !model.teams.has(c.team))
            add(`Create team ${c.team}`, defineTeamEdit(text, c.team, c.owner, c.id));
          break;
        }
        case 'unknown-outcome': {
          const c = [...model.components.values()].find(x =>
            d.message.startsWith(`Component "${x.id}" is accountable for outcome "`),
          );
          const i = c
            ? c.outcomes.findIndex(
                o => !model.outcomes.has(o) && d.message.includes(`outcome "${o}"`),
              )
            : -1;
          if (!c || i < 0) break;
          const span = c.outcomeSpans?.[i];
          if (span)
            for (const id of closestIds(c.outcomes[i], model.outcomes.keys()))
              add(`Change to '${id}'`, replaceValueEdit(text, span, id));
          add(
            `Define outcome "${c.outcomes[i]}" under outcomes`,
            defineOutcomeEdit(text, c.outcomes[i]),
          );
          break;
        }
        case 'unknown-person': {
          const login = /^"([^"]+)"/.exec(d.message)?.[1];
          if (login && model.people.size > 0 && !model.people.has(login.toLowerCase()))
            add(`Add ${login} under people`, addPersonEdit(text, login));
          break;
        }
      }
    }
    return actions;
  }
}
