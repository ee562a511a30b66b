import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import { api, captureMessages, EXTENSION_ID, file, logLines, waitFor } from '../helpers';

describe('file owner: decorations, status bar, whoOwns (acme)', () => {
  it('an Explorer decoration names the owner in its tooltip', async () => {
    const a = await api();
    const owned = await a.decorations.provideFileDecoration(file('services/search/src/query.ts'));
    assert.strictEqual(owned?.tooltip, 'Owner: farid (Product search, team Storefront)');
    const unowned = await a.decorations.provideFileDecoration(file('docs/README.md'));
    assert.strictEqual(unowned?.tooltip, 'Owner: none (no pattern in OWNERS.yaml owns this file)');
    // it stands out: a badge and a colour of its own (a file unowned on purpose does not, next test)
    assert.strictEqual(unowned?.badge, '?');
    assert.strictEqual(
      (unowned?.color as unknown as { id?: string } | undefined)?.id,
      'ownershipLens.unownedFileForeground',
    );
    const config = vscode.workspace.getConfiguration('ownershipLens');
    await config.update('decorations.markUnowned', false, vscode.ConfigurationTarget.Global);
    try {
      const plain = await a.decorations.provideFileDecoration(file('docs/README.md'));
      assert.deepStrictEqual(
        [plain?.tooltip, plain?.badge, plain?.color],
        ['Owner: none (not in OWNERS.yaml)', undefined, undefined],
      );
    } finally {
      await config.update('decorations.markUnowned', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a file under `unowned:` reads as unowned on purpose, not forgotten: Explorer tooltip and status bar', async () => {
    const a = await api();
    const leftpad = await a.decorations.provideFileDecoration(file('third_party/leftpad/index.js'));
    assert.strictEqual(
      leftpad?.tooltip,
      'Owner: none, unowned on purpose (unowned: /third_party/)',
    );
    assert.strictEqual(
      leftpad?.badge,
      undefined,
      'unowned on purpose: nothing to fix, so no badge',
    );
    await vscode.window.showTextDocument(file('third_party/leftpad/index.js'));
    await waitFor('status bar', () => a.statusBar.text.includes('on purpose'));
    assert.strictEqual(a.statusBar.text, '$(organization) Unowned on purpose');
    assert.strictEqual(
      a.statusBar.tooltip,
      'third_party/leftpad/index.js has no owner: unowned on purpose (unowned: /third_party/)',
    );
    await vscode.window.showTextDocument(file('docs/README.md'));
    await waitFor('status bar', () => a.statusBar.text === '$(organization) Unowned');
    assert.strictEqual(a.statusBar.tooltip, 'docs/README.md has no owner in OWNERS.yaml');
  });

  it('whoOwns answers for the current file', async () => {
    await api();
    await vscode.window.showTextDocument(file('services/payments/src/payments.proto'));
    const answer = await vscode.commands.executeCommand<string>(Commands.whoOwns);
    assert.strictEqual(
      answer,
      'services/payments/src/payments.proto belongs to Payments core (payments-core), owned by alice; team Payments, lead alice.',
    );
    const unowned = await vscode.commands.executeCommand<string>(
      Commands.whoOwns,
      file('third_party/leftpad/index.js'),
    );
    assert.strictEqual(
      unowned,
      'third_party/leftpad/index.js has no owner: unowned on purpose (unowned: /third_party/).',
    );
  });

  it('copyOwner puts the owner login on the clipboard', async () => {
    await api();
    const login = await vscode.commands.executeCommand<string>(Commands.copyOwner, {
      component: 'storefront-web',
    });
    assert.strictEqual(login, 'gus');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'gus');
  });

  it('copyOwner from the palette with no component says what to do instead of doing nothing', async () => {
    await api();
    await vscode.window.showTextDocument(file('third_party/leftpad/index.js'));
    const onPurpose = await captureMessages(() =>
      vscode.commands.executeCommand(Commands.copyOwner),
    );
    assert.strictEqual(onPurpose.result, undefined);
    assert.deepStrictEqual(onPurpose.info, [
      'third_party/leftpad/index.js has no owner to copy: it is unowned on purpose (unowned: /third_party/). Right-click a component in the Ownership view, or open a file a component owns, then run Copy Owner again.',
    ]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const none = await captureMessages(() => vscode.commands.executeCommand(Commands.copyOwner));
    assert.deepStrictEqual(none.info, [
      'No component to copy the owner of. Right-click a component in the Ownership view, or open a file a component owns, then run Copy Owner again.',
    ]);
    assert.deepStrictEqual([none.error, none.warning], [[], []]);
  });

  it('Create OWNERS.yaml where one exists opens it with a word, not an error; the palette hides it then', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const errors = logLines(a, 'extension', /\[error\]/).length;
    const r = await captureMessages(() =>
      vscode.commands.executeCommand<vscode.Uri>(Commands.createOwnersFile),
    );
    assert.deepStrictEqual([r.error, r.info], [[], ['OWNERS.yaml already exists: opened it.']]);
    assert.strictEqual(r.result?.toString(), file('OWNERS.yaml').toString());
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      file('OWNERS.yaml').toString(),
    );
    assert.strictEqual(
      logLines(a, 'extension', /\[error\]/).length,
      errors,
      'nothing logged as an error',
    );
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const palette = ext.packageJSON.contributes.menus.commandPalette.find(
      (m: { command: string }) => m.command === Commands.createOwnersFile,
    );
    assert.strictEqual(palette?.when, '!ownershipLens.everyFolderHasOwnersFile');
  });
});
