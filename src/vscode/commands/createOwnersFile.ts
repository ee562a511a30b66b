import * as vscode from 'vscode';
import { explainRestrictedMode } from '../trust';
import { importCodeowners } from '../../core/owners/codeowners';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';

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

/** `ownershipLens.createOwnersFile`: writes OWNERS.yaml (from CODEOWNERS when there is one) and opens it. */
export function registerCreateOwnersFile(ctx: Ctx): void {
  ctx.subscriptions.push(command(Commands.createOwnersFile, ctx.log, async (folderArg?: vscode.Uri) => {
    if (!vscode.workspace.isTrusted) return void explainRestrictedMode('creating OWNERS.yaml');
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = (folderArg && vscode.workspace.getWorkspaceFolder(folderArg))
      ?? (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create OWNERS.yaml in which folder?' }) : folders[0]);
    if (!folder) return undefined;
    await ctx.store.ready;
    if (ctx.store.states().some(s => s.folder.uri.toString() === folder.uri.toString())) throw new Error(`${folder.name} already has an OWNERS file.`);
    const codeowners = ctx.store.codeownersOf(folder);
    const text = codeowners ? importCodeowners(new TextDecoder().decode(await vscode.workspace.fs.readFile(codeowners))) : TEMPLATE;
    const uri = vscode.Uri.joinPath(folder.uri, 'OWNERS.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    ctx.store.ready = ctx.store.loadAll();
    await ctx.store.ready;
    await vscode.window.showTextDocument(uri);
    return uri;
  }));
}
