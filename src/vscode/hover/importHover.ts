import * as vscode from 'vscode';
import { specifierAt } from '../../core/moduleImports/specifier';
import { resolveSpecifier } from '../../core/moduleImports/resolveSpecifier';
import type { TeamFiguresView } from '../github/pullRequestData';
import { componentFiguresMarkdown, handoffActionMarkdown, suggestionFor } from '../tree/teamFlag';
import { unownedOnPurpose } from '../../core/owners/resolve';
import { onPurposeWords } from '../../core/owners/unownedWords';
import { code, esc, safeMarkdown } from '../markdown';
import { Settings } from '../ids';
import { importCardActions, importCardDetails, importCardTop } from './importCard';
import { componentName, teamName } from '../../core/owners/displayNames';
import type { OwnersState } from '../ownersState';
import { relativeTo } from '../ownersLocator';
import { OwnersStore } from '../ownersStore';

/**
 * Hover on an import/require/export-from specifier or a path-like string: the owner card of the
 * workspace file it resolves to, what every developer needs first (owner, team, outcome, how to
 * reach them); the team's pull-request figures only with `ownershipLens.hover.showTeamFigures`.
 * Line-local and answered from the cached file list: no I/O.
 */
export class ImportHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: OwnersStore,
    private readonly figures: (state: OwnersState) => TeamFiguresView | undefined = () => undefined,
  ) {}

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
      md.appendMarkdown(
        `**No owner** — ${esc(target)} ${pattern ? `is ${onPurposeWords(pattern, code)}` : 'matches no component in OWNERS.yaml'}`,
      );
      return new vscode.Hover(md, range);
    }
    const c = ownership.component;
    const figures = this.figures(state);
    const folder = state.folder.uri.toString();
    const parts: vscode.MarkdownString[] = [
      importCardTop(state.model, c, target),
      importCardActions(c, folder, figures !== undefined),
    ];
    const details = importCardDetails(c);
    if (details) parts.push(details);
    // The lead's analytics are for the lead and their manager: one click away (Team figures…), or here with the setting on.
    if (
      figures &&
      vscode.workspace
        .getConfiguration(Settings.section, doc.uri)
        .get<boolean>(Settings.hoverTeamFigures, false)
    ) {
      const f = figures.components.get(c.id);
      const card = safeMarkdown();
      const s = f && suggestionFor(state.model, figures.report.teams, f);
      componentFiguresMarkdown(
        card,
        figures.report.teams.find(t => t.team === c.team),
        f,
        figures.report.window,
        teamName(state.model, c.team),
        s,
      );
      parts.push(card);
      const action =
        f && vscode.workspace.isTrusted
          ? handoffActionMarkdown(f, folder, componentName(state.model, f.component), s)
          : undefined;
      if (action) parts.push(action);
    }
    return new vscode.Hover(parts, range);
  }
}
