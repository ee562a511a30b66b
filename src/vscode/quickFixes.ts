import * as vscode from 'vscode';
import { TextEdit } from '../core/handoff/textEdits';
import { addTeamMemberEdit, defineOutcomeEdit, removePatternEdit } from '../core/owners/quickFixEdits';
import { OwnersStore } from './ownersStore';

/** Quick fixes where one is obvious: add the owner to the team, remove a dead pattern, define a missing outcome. */
export class OwnersQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: OwnersStore) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const text = doc.getText();
    const current = this.store.stateFor(doc.uri);
    if (!current || current.ownersUri.toString() !== doc.uri.toString()) return [];
    // A debounced reparse may be pending: offsets must be those of this text.
    const state = current.parsed.text === text ? current : this.store.reparse(doc.uri, text)!;
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'ownership-lens') continue;
      const offset = doc.offsetAt(d.range.start);
      const component = [...state.model.components.values()].find(c => c.span.offset === offset || c.ownerSpan?.offset === offset);
      const add = (title: string, edit: TextEdit | undefined) => {
        if (!edit) return;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length)), edit.newText);
        action.diagnostics = [d];
        action.isPreferred = true;
        actions.push(action);
      };
      switch (d.code) {
        case 'owner-not-in-team':
          if (component) add(`Add ${component.owner} to the members of team ${component.team}`, addTeamMemberEdit(text, component.team, component.owner));
          break;
        case 'pattern-matches-nothing':
        case 'pattern-shadowed':
        case 'duplicate-pattern': {
          const pattern = state.model.patterns.find(p => p.span.offset === offset);
          if (pattern) add(`Remove pattern "${pattern.pattern}"`, removePatternEdit(text, pattern.span.offset));
          break;
        }
        case 'unknown-outcome': {
          // By the id the message names, not by position: the diagnostic may predate the last edit.
          const missing = new Set([...state.model.components.values()].flatMap(c => c.outcomes.filter(o => !state.model.outcomes.has(o))));
          const id = [...missing].find(o => d.message.includes(`outcome "${o}"`));
          if (id) add(`Define outcome "${id}" under outcomes`, defineOutcomeEdit(text, id));
          break;
        }
      }
    }
    return actions;
  }
}
