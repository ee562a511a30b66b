import * as vscode from 'vscode';
import { count } from '../../core/format';
import { ChangeOwners, ownersOfChanges } from '../../core/owners/changeOwners';
import { componentName, teamName } from '../../core/owners/displayNames';
import type { OwnersModel } from '../../core/owners/model';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { explainRestrictedMode } from '../trust';
import { runGit } from '../../node/git/safeGit';

/** Files changed against HEAD (staged or not) and untracked ones, relative to the repository root; [] outside git. */
function changedFiles(root: vscode.Uri): Promise<string[]> {
  const git = (args: string[]) =>
    runGit(root.fsPath, args, undefined, 1 << 26).then(
      r => (r.code === 0 ? r.stdout.toString('utf8').split('\0').filter(Boolean) : []),
      () => [],
    );
  return Promise.all([
    git(['diff', '--name-only', '--no-ext-diff', '--no-textconv', '-z', 'HEAD']),
    git(['ls-files', '--others', '--exclude-standard', '-z']),
  ]).then(([changed, untracked]) => [...new Set([...changed, ...untracked])]);
}

/**
 * `ownershipLens.ownersOfChanges`: who must review the uncommitted changes of each folder with an
 * OWNERS.yaml: components, owners, teams, and the @mentions to paste (copied on request). Runs git,
 * so only in a trusted workspace (a repository's git config can run programs).
 */
export function registerOwnersOfChanges(ctx: Ctx): void {
  // `{ copy: true }` (from a keybinding or a script) copies every mention without asking.
  ctx.subscriptions.push(
    command(Commands.ownersOfChanges, ctx.log, async (options?: { copy?: boolean }) => {
      if (!vscode.workspace.isTrusted)
        return void explainRestrictedMode('listing the owners of changed files');
      await ctx.store.ready;
      const results: { folder: string; model: OwnersModel; owners: ChangeOwners }[] = [];
      for (const state of ctx.store.states()) {
        const files = await changedFiles(state.root);
        if (files.length > 0)
          results.push({
            folder: state.folder.name,
            model: state.model,
            owners: ownersOfChanges(state.index, files),
          });
      }
      if (results.length === 0)
        return (
          void vscode.window.showInformationMessage(
            'No changed files in the folders that have an OWNERS.yaml.',
          ),
          results
        );
      if (options?.copy) await copy([...new Set(results.flatMap(r => r.owners.mentions))]);
      else void pick(results);
      return results;
    }),
  );
}

type Item = vscode.QuickPickItem & { mentions?: string[] };

/**
 * The picker's rows: the copy-all row, then per folder (a separator when there are several) each
 * component by name with its owner, team and lead, and the unowned files, all of them named or counted.
 */
export function changeOwnerItems(
  results: readonly { folder: string; model: OwnersModel; owners: ChangeOwners }[],
): Item[] {
  const all = [...new Set(results.flatMap(r => r.owners.mentions))];
  const items: Item[] = [
    { label: `$(copy) Copy reviewers to mention: ${all.join(' ')}`, mentions: all },
  ];
  for (const { folder, model, owners } of results) {
    if (results.length > 1)
      items.push({
        label: `${folder}: ${count(owners.files, 'changed file')}`,
        kind: vscode.QuickPickItemKind.Separator,
      });
    for (const c of owners.components) {
      items.push({
        label: componentName(model, c.component),
        description: `owner ${c.owner ?? '?'} · team ${c.team ? teamName(model, c.team) : '?'} · lead ${c.lead ?? '?'}`,
        detail: `${count(c.files.length, 'file')}: ${listed(c.files)}`,
        mentions: c.owner ? [`@${c.owner}`] : c.codeowners,
      });
    }
    if (owners.unowned.length > 0)
      items.push({
        label: 'No owner',
        description: count(owners.unowned.length, 'file'),
        detail: listed(owners.unowned),
      });
  }
  return items;
}

/** "a, b, c and 2 more": the first three files, and how many others. */
function listed(files: readonly string[]): string {
  return files.length <= 4
    ? files.join(', ')
    : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}

async function pick(
  results: { folder: string; model: OwnersModel; owners: ChangeOwners }[],
): Promise<void> {
  const files = results.reduce((n, r) => n + r.owners.files, 0);
  const chosen = await vscode.window.showQuickPick(changeOwnerItems(results), {
    title: `Owners of ${count(files, 'changed file')}${results.length > 1 ? ` in ${results.length} folders` : ''}`,
    placeHolder: 'Pick a component to copy its @mention, or the first row for all',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (chosen?.mentions && chosen.mentions.length > 0) await copy(chosen.mentions);
}

async function copy(mentions: readonly string[]): Promise<void> {
  await vscode.env.clipboard.writeText(mentions.join(' '));
  void vscode.window.showInformationMessage(`Copied ${mentions.join(' ')}`);
}
