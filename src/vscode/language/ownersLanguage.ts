import * as vscode from 'vscode';
import {
  completionContext,
  nameCompletions,
  pathCompletions,
} from '../../core/language/ownersCompletion';
import {
  definitionsOf,
  documentSymbols,
  indexSymbols,
  OwnersSymbol,
  referencesOf,
  renameEdits,
  SymbolOccurrence,
  symbolAt,
} from '../../core/language/ownersSymbols';
import { parseOwners } from '../../core/owners/parse';
import { outcomeKeyItems } from './outcomeKeyCompletion';
import type { OwnersStore } from '../ownersStore';

const SYMBOL_KINDS: Record<OwnersSymbol['kind'], vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  team: vscode.SymbolKind.Class,
  outcome: vscode.SymbolKind.Event,
  login: vscode.SymbolKind.Constant,
  component: vscode.SymbolKind.Module,
  pattern: vscode.SymbolKind.File,
};
const COMPLETION_KINDS = {
  team: vscode.CompletionItemKind.Class,
  outcome: vscode.CompletionItemKind.Event,
  login: vscode.CompletionItemKind.User,
  folder: vscode.CompletionItemKind.Folder,
  file: vscode.CompletionItemKind.File,
};

/**
 * Completion, go to definition, references, rename and the outline for OWNERS.yaml, as thin
 * adapters over `core/language`. The symbol index is computed once per document version.
 */
export class OwnersLanguage
  implements
    vscode.CompletionItemProvider,
    vscode.DefinitionProvider,
    vscode.ReferenceProvider,
    vscode.RenameProvider,
    vscode.DocumentSymbolProvider
{
  private cache = new WeakMap<
    vscode.TextDocument,
    { version: number; index: SymbolOccurrence[] }
  >();

  constructor(private readonly store: OwnersStore) {}

  private index(doc: vscode.TextDocument): SymbolOccurrence[] {
    const hit = this.cache.get(doc);
    if (hit?.version === doc.version) return hit.index;
    const index = indexSymbols(doc.getText());
    this.cache.set(doc, { version: doc.version, index });
    return index;
  }

  private at(doc: vscode.TextDocument, pos: vscode.Position): SymbolOccurrence | undefined {
    return symbolAt(this.index(doc), doc.offsetAt(pos));
  }

  private location(doc: vscode.TextDocument, o: { offset: number; end: number }): vscode.Location {
    return new vscode.Location(
      doc.uri,
      new vscode.Range(doc.positionAt(o.offset), doc.positionAt(o.end)),
    );
  }

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location[] | undefined {
    const symbol = this.at(doc, pos);
    return symbol && definitionsOf(this.index(doc), symbol).map(o => this.location(doc, o));
  }

  provideReferences(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const symbol = this.at(doc, pos);
    return (
      symbol &&
      referencesOf(this.index(doc), symbol, context.includeDeclaration).map(o =>
        this.location(doc, o),
      )
    );
  }

  prepareRename(
    doc: vscode.TextDocument,
    pos: vscode.Position,
  ): vscode.Range | { range: vscode.Range; placeholder: string } {
    const symbol = this.at(doc, pos);
    if (!symbol || symbol.kind === 'component')
      throw new Error('Put the cursor on a team id, an outcome id or a login to rename it.');
    return { range: this.location(doc, symbol).range, placeholder: symbol.name };
  }

  provideRenameEdits(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    newName: string,
  ): vscode.WorkspaceEdit {
    const result = renameEdits(doc.getText(), this.index(doc), doc.offsetAt(pos), newName.trim());
    if (result.kind === 'refused') throw new Error(result.reason);
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits)
      edit.replace(
        doc.uri,
        new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)),
        e.newText,
      );
    return edit;
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const convert = (s: OwnersSymbol): vscode.DocumentSymbol => {
      const range = new vscode.Range(
        doc.positionAt(s.range.offset),
        doc.positionAt(Math.max(s.range.end, s.selection.end)),
      );
      const selection = new vscode.Range(
        doc.positionAt(s.selection.offset),
        doc.positionAt(s.selection.end),
      );
      const symbol = new vscode.DocumentSymbol(
        s.name,
        s.detail ?? '',
        SYMBOL_KINDS[s.kind],
        range,
        range.contains(selection) ? selection : range,
      );
      symbol.children = s.children.map(convert);
      return symbol;
    };
    return documentSymbols(doc.getText()).map(convert);
  }

  provideCompletionItems(
    doc: vscode.TextDocument,
    pos: vscode.Position,
  ): vscode.CompletionItem[] | undefined {
    const context = completionContext(doc.getText(), doc.offsetAt(pos));
    if (!context) return outcomeKeyItems(doc, pos);
    const state = this.store.states().find(s => s.ownersUri.toString() === doc.uri.toString());
    const entries =
      context.kind === 'path'
        ? pathCompletions(state?.files.all() ?? [], context.prefix)
        : nameCompletions(
            state?.model ?? parseOwners(doc.getText()).model,
            context.kind,
            doc.offsetAt(pos),
          );
    const range = new vscode.Range(doc.positionAt(context.start), pos);
    return entries.map(e => {
      const item = new vscode.CompletionItem(e.label, COMPLETION_KINDS[e.kind]);
      item.insertText = e.insertText;
      item.detail = e.detail;
      item.sortText = e.sortText;
      item.range = range;
      // A folder completes to the next level: ask again right away.
      if (e.kind === 'folder')
        item.command = { command: 'editor.action.triggerSuggest', title: 'More' };
      return item;
    });
  }
}
