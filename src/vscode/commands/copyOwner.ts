import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { targetOf } from './target';

/** `ownershipLens.copyOwner`: the component owner's login to the clipboard. */
export function registerCopyOwner(ctx: Ctx): void {
  ctx.subscriptions.push(command(Commands.copyOwner, ctx.log, async (arg?: unknown) => {
    const target = targetOf(ctx, arg);
    if (!target?.component) return undefined;
    await vscode.env.clipboard.writeText(target.component.owner);
    vscode.window.setStatusBarMessage(`Copied ${target.component.owner}`, 2000);
    return target.component.owner;
  }));
}
