import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import { api, EXTENSION_ID, file } from '../helpers';

describe('file owner: decorations, status bar, whoOwns (acme)', () => {
  it('an Explorer decoration names the owner in its tooltip', async () => {
    const a = await api();
    const owned = await a.decorations.provideFileDecoration(file('services/search/src/query.ts'));
    assert.strictEqual(owned?.tooltip, 'Owner: farid (Product search, team Storefront)');
    const unowned = await a.decorations.provideFileDecoration(file('docs/README.md'));
    assert.strictEqual(unowned?.tooltip, 'Owner: none (not in OWNERS.yaml)');
  });

  it('whoOwns answers for the current file', async () => {
    await api();
    await vscode.window.showTextDocument(file('services/payments/src/payments.proto'));
    const answer = await vscode.commands.executeCommand<string>(Commands.whoOwns);
    assert.strictEqual(answer, 'services/payments/src/payments.proto belongs to Payments core (payments-core), owned by alice; team Payments, lead alice.');
    const unowned = await vscode.commands.executeCommand<string>(Commands.whoOwns, file('third_party/leftpad/index.js'));
    assert.strictEqual(unowned, 'third_party/leftpad/index.js has no owner (listed under unowned: /third_party/).');
  });

  it('copyOwner puts the owner login on the clipboard', async () => {
    await api();
    const login = await vscode.commands.executeCommand<string>(Commands.copyOwner, { component: 'storefront-web' });
    assert.strictEqual(login, 'gus');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'gus');
  });
});

describe('activation (acme)', () => {
  it('registers every contributed command, and activated from workspaceContains', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepStrictEqual(contributed.filter(c => !registered.has(c)), []);
    assert.ok(ext.isActive);
  });
});
