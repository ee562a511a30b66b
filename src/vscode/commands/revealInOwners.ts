import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { targetOf } from './target';

/** `ownershipLens.revealInOwners`: opens OWNERS.yaml with the component's key selected. */
export function registerRevealInOwners(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.revealInOwners, ctx.log, async (arg?: unknown) => {
      await ctx.store.ready;
      const target = targetOf(ctx, arg);
      if (!target?.component)
        return void vscode.window.showInformationMessage(
          'No component to reveal: the current file is unowned.',
        );
      const doc = await vscode.workspace.openTextDocument(target.state.ownersUri);
      const { span } = target.component;
      const range = new vscode.Range(doc.positionAt(span.offset), doc.positionAt(span.end));
      const editor = await vscode.window.showTextDocument(doc, {
        selection: range,
        preserveFocus: false,
      });
      // At the top: the whole component, down to its latest handoff, is in view.
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
      return range;
    }),
  );
}
