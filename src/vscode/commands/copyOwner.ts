import * as vscode from 'vscode';
import { unownedOnPurpose } from '../../core/owners/resolve';
import { onPurposeWords } from '../../core/owners/unownedWords';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { targetOf } from './target';

/** `ownershipLens.copyOwner`: the component owner's login (or `@login`, with `mention: true`) to the clipboard; from the palette, the active file's. */
export function registerCopyOwner(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.copyOwner, ctx.log, async (arg?: unknown) => {
      await ctx.store.ready;
      const target = targetOf(ctx, arg);
      if (!target?.component) return void vscode.window.showInformationMessage(nothingToCopy(ctx));
      // `mention: true` (the import hover's link): "@login", ready to paste into a review or a chat.
      const text =
        (arg as { mention?: unknown } | undefined)?.mention === true
          ? `@${target.component.owner}`
          : target.component.owner;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied ${text}`, 2000);
      return text;
    }),
  );
}

/** Says why nothing was copied and what to do instead, rather than doing nothing. */
function nothingToCopy(ctx: Ctx): string {
  const how =
    'Right-click a component in the Ownership view, or open a file a component owns, then run Copy Owner again.';
  const uri = vscode.window.activeTextEditor?.document.uri;
  const resolved = uri && ctx.store.resolve(uri);
  if (!resolved || resolved.state.ownersUri.toString() === uri!.toString())
    return `No component to copy the owner of. ${how}`;
  const pattern = unownedOnPurpose(resolved.ownership);
  return `${resolved.path} has no owner to copy: ${pattern ? `it is ${onPurposeWords(pattern)}` : 'no component in OWNERS.yaml matches it'}. ${how}`;
}
