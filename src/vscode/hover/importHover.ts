import * as vscode from 'vscode';
import { specifierAt } from '../../core/imports/specifier';
import { resolveSpecifier } from '../../core/imports/resolveSpecifier';
import type { TeamFiguresView } from '../github/pullRequestData';
import { componentFiguresMarkdown, handoffActionMarkdown } from '../github/teamFlag';
import { unownedOnPurpose } from '../../core/owners/resolve';
import { onPurposeWords } from '../../core/owners/unownedWords';
import { code, componentCard, esc, safeMarkdown } from '../markdown';
import { componentName, teamName } from '../../core/owners/displayNames';
import type { OwnersState } from '../ownersState';
import { relativeTo } from '../ownersLocator';
import { OwnersStore } from '../ownersStore';

/**
 * Hover on an import/require/export-from specifier or a path-like string: the owner card of the
 * workspace file it resolves to. Line-local and answered from the cached file list: no I/O.
 */
export class ImportHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: OwnersStore, private readonly figures: (state: OwnersState) => TeamFiguresView | undefined = () => undefined) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const state = this.store.stateFor(doc.uri);
    if (!state || doc.uri.toString() === state.ownersUri.toString()) return undefined;
    const line = doc.lineAt(pos.line).text;
    if (line.length > 2000) return undefined;
    const spec = specifierAt(line, pos.character);
    if (!spec) return undefined;
    const from = relativeTo(state.root, doc.uri) ?? '';
    const target = resolveSpecifier(spec.value, from, p => state.files.has(p), state.aliases);
    if (!target) return undefined;
    const range = new vscode.Range(pos.line, spec.start, pos.line, spec.end);
    const ownership = state.ownerOf(target);
    if (ownership.kind === 'unowned') {
      const md = safeMarkdown();
      const pattern = unownedOnPurpose(ownership);
      md.appendMarkdown(`**No owner** — ${esc(target)} ${pattern ? `is ${onPurposeWords(pattern, code)}` : 'matches no component in OWNERS.yaml'}`);
      return new vscode.Hover(md, range);
    }
    const card = componentCard(state.model, ownership.component, target);
    const figures = this.figures(state);
    if (!figures) return new vscode.Hover(card, range);
    const c = figures.components.get(ownership.component.id);
    componentFiguresMarkdown(card, figures.report.teams.find(t => t.team === ownership.component.team), c, figures.report.window, teamName(state.model, ownership.component.team));
    const action = c && vscode.workspace.isTrusted ? handoffActionMarkdown(c, state.folder.uri.toString(), componentName(state.model, c.component)) : undefined;
    return new vscode.Hover(action ? [card, action] : card, range);
  }
}
