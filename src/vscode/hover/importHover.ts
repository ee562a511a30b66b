import * as vscode from 'vscode';
import { specifierAt } from '../../core/imports/specifier';
import { resolveSpecifier } from '../../core/imports/resolveSpecifier';
import { componentCard, esc, safeMarkdown } from '../markdown';
import { relativeTo } from '../ownersLocator';
import { OwnersStore } from '../ownersStore';

/**
 * Hover on an import/require/export-from specifier or a path-like string: the owner card of the
 * workspace file it resolves to. Line-local and answered from the cached file list: no I/O.
 */
export class ImportHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: OwnersStore) {}

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
      md.appendMarkdown(`**No owner** — ${esc(target)} matches no component in OWNERS.yaml`);
      return new vscode.Hover(md, range);
    }
    return new vscode.Hover(componentCard(state.model, ownership.component, target), range);
  }
}
