import * as vscode from 'vscode';
import { explainRestrictedMode } from '../trust';
import { draftFromSources } from '../../core/ownersImport/fromSources';
import { finishImport, ImportSummary } from '../../core/ownersImport/summary';
import type { Ctx } from '../context';
import type { OwnersState } from '../ownersState';
import { Commands } from '../ids';
import { command } from '../log';
import { readImportSources } from './importSources';
import { writeWorkspaceFile } from '../workspaceRead';

const TEMPLATE = `# Who owns what, and what they are accountable for. See the Ownership Lens README.
version: 1

teams:
  my-team:
    name: My team
    lead: your-login
    members: []

outcomes:
  my-outcome:
    name: What this team moves
    target: ">= 99%"

components:
  everything:
    name: Everything
    team: my-team
    owner: your-login
    paths:
      - /
    outcomes: [my-outcome]
    authority: [Choose the technical approach]
    support: [Weekly 1:1 with the lead]
`;

/**
 * `ownershipLens.createOwnersFile`: writes OWNERS.yaml and opens it: imported, as `ownership-lens
 * import` does, from the CODEOWNERS, OWNERS tree or Backstage catalog the folder has, else a template.
 */
export function registerCreateOwnersFile(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.createOwnersFile, ctx.log, async (folderArg?: vscode.Uri) => {
      if (!vscode.workspace.isTrusted) return void explainRestrictedMode('creating OWNERS.yaml');
      await ctx.store.ready;
      const folders = vscode.workspace.workspaceFolders ?? [];
      const existing = (f: vscode.WorkspaceFolder) =>
        ctx.store.states().find(s => s.folder.uri.toString() === f.uri.toString());
      const given = folderArg && vscode.workspace.getWorkspaceFolder(folderArg);
      const without = folders.filter(f => !existing(f));
      // The palette hides the command once every folder has one; a keybinding or a script may still ask.
      if ((given && existing(given)) || (!given && folders.length > 0 && without.length === 0))
        return openExisting(existing(given ?? folders[0])!);
      const folder = given ?? (without.length > 1 ? await pickFolder(without) : without[0]);
      if (!folder) return undefined;
      const source = ctx.store.codeownersOf(folder);
      const root = ctx.store.rootOf(folder) ?? folder.uri;
      const imported = source
        ? finishImport(draftFromSources(await readImportSources(folder, root, source)))
        : undefined;
      const text = imported?.yaml ?? TEMPLATE;
      const uri = vscode.Uri.joinPath(folder.uri, 'OWNERS.yaml');
      // Never through a link: a committed OWNERS.yaml symlink (even a dangling one) would write outside the folder.
      await writeWorkspaceFile(uri, root, new TextEncoder().encode(text));
      ctx.store.ready = ctx.store.loadAll();
      await ctx.store.ready;
      await vscode.window.showTextDocument(uri);
      if (imported) void vscode.window.showInformationMessage(summaryMessage(imported.summary));
      return uri;
    }),
  );
}

/** Not an error: the file the user wants is there. Opens it and says so. */
async function openExisting(state: OwnersState): Promise<vscode.Uri> {
  await vscode.window.showTextDocument(state.ownersUri);
  const where =
    (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` in ${state.folder.name}` : '';
  void vscode.window.showInformationMessage(
    `${vscode.workspace.asRelativePath(state.ownersUri, false)} already exists${where}: opened it.`,
  );
  return state.ownersUri;
}

async function pickFolder(
  folders: vscode.WorkspaceFolder[],
): Promise<vscode.WorkspaceFolder | undefined> {
  const picked = await vscode.window.showQuickPick(
    folders.map(f => ({ label: f.name, description: f.uri.fsPath, folder: f })),
    { placeHolder: 'Create OWNERS.yaml in which folder? (the folders without one)' },
  );
  return picked?.folder;
}

/** One line: what was imported, what did not map, what is left to decide (the Problems view lists each). */
export function summaryMessage(s: ImportSummary): string {
  const parts = [`Imported ${s.components} component(s) and ${s.teams} team(s) from ${s.source}.`];
  const notExact = s.notes.filter(n => n.kind !== 'kept' && n.kind !== 'same').length;
  if (notExact > 0)
    parts.push(`${notExact} thing(s) did not map exactly (listed at the top of the file).`);
  if (s.toDecide.length > 0)
    parts.push(
      `${s.toDecide.length} decision(s) left (missing leads or owners) and ${s.guesses.length} guess(es) to confirm: see Problems.`,
    );
  else if (s.guesses.length > 0)
    parts.push(`${s.guesses.length} guess(es) to confirm: see Problems.`);
  return parts.join(' ');
}
