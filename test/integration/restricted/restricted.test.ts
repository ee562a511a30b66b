import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, file, treeRows, waitFor } from '../helpers';

// The sample repository (git remote acme/shop, fake GitHub at the user-level apiUrl) opened in
// Restricted Mode: the extension reads, says where the user looks why the rest is off, and sends nothing.
describe('Restricted Mode', function () {
  this.timeout(60000);

  it('opens untrusted (the premise of this suite)', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('says at the top of the view and in the status row why handoff and refresh are off', async () => {
    const a = await api();
    assert.match(a.ctx.treeView.message ?? '', /Restricted Mode.*hand off components.*fetch pull requests/);
    const row = await waitFor('the pull-request status row', async () => (await treeRows(a, 0)).find(r => r.contextValue?.startsWith('pullRequests')));
    assert.match(row.description ?? '', /Restricted Mode/);
    assert.doesNotMatch(row.description ?? '', /click to fetch/);
    const item = a.ctx.tree.getTreeItem(row.node);
    assert.strictEqual(item.command?.command, 'workbench.trust.manage');
    assert.match((item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /handing off a component/);
  });

  it('refresh refuses before anything looks like fetching: no progress, no fetching state, no data', async () => {
    const a = await api();
    const changes: string[] = [];
    const sub = a.pullRequests.onDidChange(() => changes.push('changed'));
    const withProgress = vscode.window.withProgress;
    let progressShown = 0;
    // Count progress notifications by wrapping VS Code's own API for the duration of the command.
    (vscode.window as { withProgress: typeof withProgress }).withProgress = ((...args: Parameters<typeof withProgress>) => { progressShown++; return withProgress(...args); }) as typeof withProgress;
    try {
      assert.strictEqual(await vscode.commands.executeCommand('ownershipLens.refresh'), undefined);
    } finally {
      (vscode.window as { withProgress: typeof withProgress }).withProgress = withProgress;
      sub.dispose();
    }
    assert.strictEqual(progressShown, 0, 'a progress notification was shown');
    assert.deepStrictEqual(changes, []);
    const data = await a.pullRequests.dataFor(a.ctx.store.states()[0]);
    assert.strictEqual(data?.status.kind, 'never');
    assert.strictEqual(data?.pullRequests.length, 0);
  });

  it('with the git source chosen (no reload), git does not run and the status row says why; switching back restores the GitHub row', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('ownershipLens.figures');
    await config.update('source', 'git', vscode.ConfigurationTarget.Global);
    try {
      const row = await waitFor('the git status row', async () => (await treeRows(a, 0)).find(r => r.contextValue?.startsWith('pullRequests git')));
      assert.match(row.contextValue ?? '', /restricted/);
      assert.match(row.description ?? '', /Restricted Mode/);
      const item = a.ctx.tree.getTreeItem(row.node);
      assert.strictEqual(item.label, 'Figures from git history');
      assert.strictEqual(item.command?.command, 'workbench.trust.manage');
      assert.match((item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /git is not run in an untrusted workspace/);
      assert.strictEqual(await a.pullRequests.figuresFor(a.ctx.store.states()[0]), undefined);
    } finally {
      await config.update('source', undefined, vscode.ConfigurationTarget.Global);
    }
    const back = await waitFor('the GitHub status row again', async () => (await treeRows(a, 0)).find(r => r.contextValue?.startsWith('pullRequests') && !r.contextValue.includes('git')));
    assert.match(back.description ?? '', /Restricted Mode/);
  });

  it('the handoff stays in the palette and refuses with the reason, leaving OWNERS.yaml as it was', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('ownershipLens.handoff'));
    const owners = file('OWNERS.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(owners));
    const outcome = await vscode.commands.executeCommand<{ kind: string; reason?: string }>('ownershipLens.handoff', { component: 'checkout-api', to: 'carol' });
    assert.strictEqual(outcome?.kind, 'refused');
    assert.match(outcome?.reason ?? '', /not trusted/);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(owners)), before);
  });
});
