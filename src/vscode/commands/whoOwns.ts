import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import type { Resolved } from '../ownersStore';
import { unownedOnPurpose } from '../../core/owners/resolve';
import { onPurposeWords } from '../../core/owners/unownedWords';

/** `ownershipLens.whoOwns`: the owner of the current (or given) file, with a way to the definition. */
export function registerWhoOwns(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.whoOwns, ctx.log, async (uri?: vscode.Uri) => {
      await ctx.store.ready;
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target)
        return void vscode.window.showInformationMessage('Open a file to see who owns it.');
      const resolved = ctx.store.resolve(target);
      if (!resolved)
        return void vscode.window.showInformationMessage(
          'This file is not in a workspace folder with an OWNERS.yaml.',
        );
      void show(resolved);
      return summary(resolved);
    }),
  );
}

/** One line a lead can read: component, owner, team and lead. */
export function summary(r: Resolved): string {
  const o = r.ownership;
  if (o.kind === 'unowned') {
    const pattern = unownedOnPurpose(o);
    return pattern
      ? `${r.path} has no owner: ${onPurposeWords(pattern)}.`
      : `${r.path} has no owner: no component in OWNERS.yaml matches it.`;
  }
  const c = o.component;
  return `${r.path} belongs to ${c.name ?? c.id} (${c.id}), owned by ${c.owner}; team ${o.team?.name ?? c.team}, lead ${o.team?.lead || 'none'}.`;
}

async function show(r: Resolved): Promise<void> {
  const reveal = 'Reveal in OWNERS.yaml';
  const picked = await vscode.window.showInformationMessage(
    summary(r),
    ...(r.ownership.kind === 'owned' ? [reveal] : []),
  );
  if (picked === reveal && r.ownership.kind === 'owned') {
    await vscode.commands.executeCommand(Commands.revealInOwners, {
      component: r.ownership.component.id,
      folder: r.state.folder.uri.toString(),
    });
  }
}
