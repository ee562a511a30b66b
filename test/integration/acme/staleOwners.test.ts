import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, file, treeRows, waitFor } from '../helpers';

/** Typing `pa` for `paths:` is a YAML syntax error: nothing of the file can be read at all. */
describe('a typo in OWNERS.yaml keeps the last good picture (acme)', () => {
  it('keeps the teams, marks the tree stale with where the error is, one click to it; the fix brings it back', async function () {
    this.timeout(30_000);
    const a = await api();
    const before = (await treeRows(a, 0)).map(r => [r.label, r.description]);
    assert.ok(before.some(([label]) => label === 'Payments'));
    const doc = await vscode.workspace.openTextDocument(file('OWNERS.yaml'));
    const original = doc.getText();
    const at = original.indexOf('paths:');
    assert.ok(at > 0);
    const line = doc.positionAt(at).line + 1;
    const typo = new vscode.WorkspaceEdit();
    typo.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'paths:'.length)),
      'pa',
    );
    try {
      assert.ok(await vscode.workspace.applyEdit(typo));
      const state = await waitFor(
        'the stale state',
        () => a.ctx.store.states()[0]?.stale && a.ctx.store.states()[0],
      );
      assert.strictEqual(state.stale!.error.code, 'yaml-syntax');
      assert.strictEqual(state.stale!.error.span.line, line);
      // The Problems view has the error of the text as it is now.
      await waitFor('the syntax error in Problems', () =>
        vscode.languages
          .getDiagnostics(doc.uri)
          .some(d => d.code === 'yaml-syntax' && d.range.start.line === line - 1),
      );
      const rows = await treeRows(a, 0);
      const stale = rows[0];
      assert.strictEqual(stale.label, 'OWNERS.yaml has an error: showing its last good version');
      assert.match(stale.description ?? '', new RegExp(`^line ${line}: `));
      assert.deepStrictEqual(
        rows.slice(1).map(r => [r.label, r.description]),
        before,
        'the teams and the coverage stay as they were',
      );
      const owner = a.ctx.store.resolve(file('services/checkout/src/index.ts'))?.ownership;
      assert.strictEqual(
        owner?.kind === 'owned' && owner.component.owner,
        'bob',
        'files keep their owner',
      );
      // One click: the row's command opens the file at the error.
      const item = a.ctx.tree.getTreeItem(stale.node);
      await vscode.commands.executeCommand(
        item.command!.command,
        ...(item.command!.arguments ?? []),
      );
      const editor = await waitFor(
        'OWNERS.yaml in the editor',
        () =>
          vscode.window.activeTextEditor?.document.uri.toString() === doc.uri.toString() &&
          vscode.window.activeTextEditor,
      );
      assert.strictEqual(editor.selection.start.line, line - 1);
      // Fixed: the stale row goes, the current version shows.
      const fix = new vscode.WorkspaceEdit();
      fix.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(fix));
      await waitFor(
        'the current version',
        () =>
          a.ctx.store.states()[0] &&
          !a.ctx.store.states()[0].stale &&
          a.ctx.store.states()[0].current.text === original,
      );
      assert.deepStrictEqual(
        (await treeRows(a, 0)).map(r => [r.label, r.description]),
        before,
      );
    } finally {
      if (doc.getText() !== original) {
        const restore = new vscode.WorkspaceEdit();
        restore.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
        await vscode.workspace.applyEdit(restore);
      }
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
