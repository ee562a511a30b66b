import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, file } from '../helpers';

type Loc = vscode.Location | vscode.LocationLink;
const rangeOf = (l: Loc) =>
  'targetRange' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;

describe('OWNERS.yaml language features (acme, in the real editor)', () => {
  it("goes to a team's definition, finds its references, outlines the file and completes teams and paths", async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(file('OWNERS.yaml'));
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const teamRef = doc.positionAt(text.indexOf('team: storefront') + 8);
    const defs = await vscode.commands.executeCommand<Loc[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      teamRef,
    );
    assert.strictEqual(defs.length, 1);
    assert.strictEqual(doc.lineAt(rangeOf(defs[0]).start.line).text, '  storefront:');

    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      doc.uri,
      teamRef,
    );
    assert.strictEqual(
      refs.length,
      text.split('team: storefront').length - 1 + 1,
      'every component of the team, and the definition',
    );
    assert.ok(refs.every(r => doc.getText(r.range) === 'storefront'));

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.deepStrictEqual(
      symbols.find(s => s.name === 'teams')?.children.map(c => c.name),
      ['storefront', 'payments', 'platform'],
    );
    assert.ok(
      symbols
        .find(s => s.name === 'components')!
        .children.some(c => c.name === 'search' && /owner farid/.test(c.detail)),
    );

    const teams = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.positionAt(text.indexOf('team: storefront') + 6),
    );
    const labels = teams.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const t of ['storefront', 'payments', 'platform'])
      assert.ok(labels.includes(t), labels.join(', '));

    const pathPos = doc.positionAt(text.indexOf('[/services/search/]') + '[/services/'.length);
    const paths = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      pathPos,
    );
    const pathLabels = paths.items.map(i =>
      typeof i.label === 'string' ? i.label : i.label.label,
    );
    assert.ok(
      pathLabels.includes('/services/search/') && pathLabels.includes('/services/checkout/'),
      pathLabels.join(', '),
    );
  });

  it('renames a team across the file as one edit that keeps comments; one undo restores it', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(file('OWNERS.yaml'));
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    try {
      const at = doc.positionAt(original.indexOf('  storefront:') + 4);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        doc.uri,
        at,
        'shopfront',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(
        doc.getText(),
        original
          .replace('  storefront:', '  shopfront:')
          .split('team: storefront')
          .join('team: shopfront'),
      );
      assert.ok(
        doc.getText().startsWith('# Who owns what in the Acme Shop monorepo.'),
        'comments stay',
      );
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'one undo restores the file');
      await assert.rejects(
        Promise.resolve(
          vscode.commands.executeCommand(
            'vscode.executeDocumentRenameProvider',
            doc.uri,
            at,
            'payments',
          ),
        ),
        /already exists/,
      );
    } finally {
      if (doc.getText() !== original) {
        const all = new vscode.WorkspaceEdit();
        all.replace(
          doc.uri,
          new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
          original,
        );
        await vscode.workspace.applyEdit(all);
      }
      if (doc.isDirty) await doc.save();
    }
  });
});
