import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands, ContextKeys, GroupBy, GROUPINGS, Settings } from '../ids';
import { command } from '../log';

const LABELS: Record<GroupBy, string> = { team: 'Team (with its lead)', owner: 'Owner', outcome: 'Outcome' };

/** `ownershipLens.groupBy`: regroups the tree by team, owner or outcome (argument or quick pick). */
export function registerGroupBy(ctx: Ctx): void {
  ctx.subscriptions.push(command(Commands.groupBy, ctx.log, async (arg?: unknown) => {
    let groupBy = GROUPINGS.includes(arg as GroupBy) ? arg as GroupBy : undefined;
    if (!groupBy) {
      const picked = await vscode.window.showQuickPick(GROUPINGS.map(g => ({ label: LABELS[g], value: g, picked: g === ctx.tree.grouping })), { placeHolder: 'Group components by' });
      groupBy = picked?.value;
    }
    if (!groupBy) return undefined;
    ctx.tree.setGrouping(groupBy);
    await vscode.commands.executeCommand('setContext', ContextKeys.groupBy, groupBy);
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.groupBy, groupBy, vscode.ConfigurationTarget.Global).then(undefined, () => undefined);
    return groupBy;
  }));
}
