import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands, ContextKeys, GroupBy, GROUPINGS, Settings } from '../ids';
import { command } from '../log';

const LABELS: Record<GroupBy, string> = {
  team: 'Team (with its lead)',
  owner: 'Owner',
  outcome: 'Outcome',
};

/** The picker's rows, the current grouping marked (and the one the picker opens on). */
export function groupByItems(current: GroupBy): (vscode.QuickPickItem & { value: GroupBy })[] {
  return GROUPINGS.map(g => ({
    label: `${g === current ? '$(check)' : '$(blank)'} ${LABELS[g]}`,
    description: g === current ? 'current' : undefined,
    value: g,
  }));
}

/** `ownershipLens.groupBy`: regroups the tree by team, owner or outcome (argument or quick pick). */
export function registerGroupBy(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.groupBy, ctx.log, async (arg?: unknown) => {
      const groupBy = GROUPINGS.includes(arg as GroupBy)
        ? (arg as GroupBy)
        : await pick(ctx.tree.grouping);
      if (!groupBy) return undefined;
      ctx.tree.setGrouping(groupBy);
      await vscode.commands.executeCommand('setContext', ContextKeys.groupBy, groupBy);
      // Written where the value in force comes from: a user-level write under a workspace value would be undone at once.
      const config = vscode.workspace.getConfiguration(Settings.section);
      const target =
        config.inspect(Settings.groupBy)?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
      await config.update(Settings.groupBy, groupBy, target).then(undefined, () => undefined);
      return groupBy;
    }),
  );
}

function pick(current: GroupBy): Promise<GroupBy | undefined> {
  const qp = vscode.window.createQuickPick<ReturnType<typeof groupByItems>[number]>();
  qp.placeholder = 'Group components by';
  qp.items = groupByItems(current);
  qp.activeItems = qp.items.filter(i => i.value === current);
  return new Promise(resolve => {
    qp.onDidAccept(() => {
      resolve(qp.activeItems[0]?.value);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
