import * as vscode from 'vscode';
import { explainRestrictedMode } from '../trust';
import { draftFromSources } from '../../core/import/fromSources';
import { finishImport, ImportSummary } from '../../core/import/summary';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { readImportSources } from './importSources';

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
  ctx.subscriptions.push(command(Commands.createOwnersFile, ctx.log, async (folderArg?: vscode.Uri) => {
    if (!vscode.workspace.isTrusted) return void explainRestrictedMode('creating OWNERS.yaml');
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = (folderArg && vscode.workspace.getWorkspaceFolder(folderArg))
      ?? (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create OWNERS.yaml in which folder?' }) : folders[0]);
    if (!folder) return undefined;
    await ctx.store.ready;
    if (ctx.store.states().some(s => s.folder.uri.toString() === folder.uri.toString())) throw new Error(`${folder.name} already has an OWNERS file.`);
    const source = ctx.store.codeownersOf(folder);
    const root = ctx.store.rootOf(folder) ?? folder.uri;
    const imported = source ? finishImport(draftFromSources(await readImportSources(folder, root, source))) : undefined;
    const text = imported?.yaml ?? TEMPLATE;
    const uri = vscode.Uri.joinPath(folder.uri, 'OWNERS.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    ctx.store.ready = ctx.store.loadAll();
    await ctx.store.ready;
    await vscode.window.showTextDocument(uri);
    if (imported) void vscode.window.showInformationMessage(summaryMessage(imported.summary));
    return uri;
  }));
}

/** One line: what was imported, what did not map, what is left to decide (the Problems view lists each). */
export function summaryMessage(s: ImportSummary): string {
  const parts = [`Imported ${s.components} component(s) and ${s.teams} team(s) from ${s.source}.`];
  const notExact = s.notes.filter(n => n.kind !== 'kept').length;
  if (notExact > 0) parts.push(`${notExact} thing(s) did not map exactly (listed at the top of the file).`);
  if (s.toDecide.length > 0) parts.push(`${s.toDecide.length} decision(s) left (missing leads or owners) and ${s.guesses.length} guess(es) to confirm: see Problems.`);
  else if (s.guesses.length > 0) parts.push(`${s.guesses.length} guess(es) to confirm: see Problems.`);
  return parts.join(' ');
}
