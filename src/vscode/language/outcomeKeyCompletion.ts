import * as vscode from 'vscode';
import { outcomeKeyCompletions, outcomeKeyContext } from '../../core/language/outcomeKeys';

/** The keys of an outcome or its `source:`, offered where a key is being typed. */
export function outcomeKeyItems(
  doc: vscode.TextDocument,
  pos: vscode.Position,
): vscode.CompletionItem[] | undefined {
  const context = outcomeKeyContext(doc.getText(), doc.offsetAt(pos));
  if (!context) return undefined;
  const range = new vscode.Range(doc.positionAt(context.start), pos);
  return outcomeKeyCompletions(context).map(e => {
    const item = new vscode.CompletionItem(e.label, vscode.CompletionItemKind.Property);
    item.insertText = e.insertText;
    item.documentation = new vscode.MarkdownString(e.documentation);
    item.range = range;
    return item;
  });
}
