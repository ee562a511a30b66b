import * as vscode from 'vscode';
import { outcomeKeyAt } from '../../core/language/outcomeKeys';

/** What each outcome and `source:` key means, on hover in OWNERS.yaml (text from core, never from the file). */
export class OutcomeKeysHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const found = outcomeKeyAt(doc.getText(), doc.offsetAt(pos));
    if (!found) return undefined;
    const md = new vscode.MarkdownString(`\`${found.key}\`: ${found.documentation}`);
    md.isTrusted = false;
    return new vscode.Hover(
      md,
      new vscode.Range(doc.positionAt(found.offset), doc.positionAt(found.end)),
    );
  }
}
