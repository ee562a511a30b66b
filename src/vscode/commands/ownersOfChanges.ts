import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { ChangeOwners, ownersOfChanges } from '../../core/owners/changeOwners';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { explainRestrictedMode } from '../trust';

/** Files changed against HEAD (staged or not) and untracked ones, relative to the repository root; [] outside git. */
function changedFiles(root: vscode.Uri): Promise<string[]> {
  const git = (args: string[]) => new Promise<string[]>(resolve => {
    execFile('git', args, { cwd: root.fsPath, maxBuffer: 1 << 26 }, (error, stdout) => resolve(error ? [] : stdout.split('\0').filter(Boolean)));
  });
  return Promise.all([git(['diff', '--name-only', '-z', 'HEAD']), git(['ls-files', '--others', '--exclude-standard', '-z'])])
    .then(([changed, untracked]) => [...new Set([...changed, ...untracked])]);
}

/**
 * `ownershipLens.ownersOfChanges`: who must review the uncommitted changes of each folder with an
 * OWNERS.yaml: components, owners, teams, and the @mentions to paste (copied on request). Runs git,
 * so only in a trusted workspace (a repository's git config can run programs).
 */
export function registerOwnersOfChanges(ctx: Ctx): void {
  // `{ copy: true }` (from a keybinding or a script) copies every mention without asking.
  ctx.subscriptions.push(command(Commands.ownersOfChanges, ctx.log, async (options?: { copy?: boolean }) => {
    if (!vscode.workspace.isTrusted) return void explainRestrictedMode('listing the owners of changed files');
    await ctx.store.ready;
    const results: { folder: string; owners: ChangeOwners }[] = [];
    for (const state of ctx.store.states()) {
      const files = await changedFiles(state.root);
      if (files.length > 0) results.push({ folder: state.folder.name, owners: ownersOfChanges(state.index, files) });
    }
    if (results.length === 0) return void vscode.window.showInformationMessage('No changed files in the folders that have an OWNERS.yaml.'), results;
    if (options?.copy) await copy([...new Set(results.flatMap(r => r.owners.mentions))]);
    else void pick(results);
    return results;
  }));
}

type Item = vscode.QuickPickItem & { mentions?: string[] };

async function pick(results: { folder: string; owners: ChangeOwners }[]): Promise<void> {
  const all = [...new Set(results.flatMap(r => r.owners.mentions))];
  const items: Item[] = [{ label: `$(copy) Copy reviewers to mention: ${all.join(' ')}`, mentions: all }];
  for (const { folder, owners } of results) {
    items.push({ label: results.length > 1 ? folder : `${owners.files} changed file(s)`, kind: vscode.QuickPickItemKind.Separator });
    for (const c of owners.components) {
      items.push({
        label: c.component, description: `owner ${c.owner ?? '?'} · team ${c.team ?? '?'} · lead ${c.lead ?? '?'}`,
        detail: `${c.files.length} file(s): ${c.files.slice(0, 3).join(', ')}${c.files.length > 3 ? ', …' : ''}`, mentions: c.owner ? [`@${c.owner}`] : c.codeowners,
      });
    }
    if (owners.unowned.length > 0) items.push({ label: 'unowned', description: `${owners.unowned.length} file(s) no component owns`, detail: owners.unowned.slice(0, 3).join(', ') });
  }
  const chosen = await vscode.window.showQuickPick(items, { title: 'Owners of the changed files', placeHolder: 'Pick to copy the @mentions' });
  if (chosen?.mentions && chosen.mentions.length > 0) await copy(chosen.mentions);
}

async function copy(mentions: readonly string[]): Promise<void> {
  await vscode.env.clipboard.writeText(mentions.join(' '));
  void vscode.window.showInformationMessage(`Copied ${mentions.join(' ')}`);
}
