import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';

/** `ownershipLens.revealActiveFile`: selects the active file's component in the tree. */
export function registerRevealActive(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.revealActive, ctx.log, async () => {
      await ctx.store.ready;
      const uri = vscode.window.activeTextEditor?.document.uri;
      const resolved = uri && ctx.store.resolve(uri);
      if (!resolved || resolved.ownership.kind !== 'owned')
        return void vscode.window.showInformationMessage(
          'The current file has no owner in OWNERS.yaml.',
        );
      const node = ctx.tree.nodeOf(resolved.state, resolved.ownership.component);
      await ctx.treeView.reveal(node, { select: true, focus: true, expand: false });
      return node.id;
    }),
  );
}
