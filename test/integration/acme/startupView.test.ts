import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, logLines, sleep, waitFor } from '../helpers';

/**
 * The first time the Ownership view shows, VS Code asks for the expanded teams' children in one
 * batch, one team after the other. At startup the file list or OWNERS.yaml arrives meanwhile and
 * refreshes the root, which drops the items still to be asked for: VS Code then logs
 * "No tree item with id '…/team/payments' found." Runs before any other test shows the view.
 */
describe('the Ownership view at its first showing (acme)', () => {
  it("a root refresh while the view loads the teams' children drops none of them", async function () {
    this.timeout(20000);
    const a = await api();
    assert.ok(!a.ctx.treeView.visible, 'this test must show the view first');
    const noItem = /No tree item with id/;
    assert.deepStrictEqual(logLines(a, 'host', noItem), [], 'none so far');
    // Slow pull-request figures widen the moment between two teams' children.
    const data = a.pullRequests as unknown as { figuresFor: (s: unknown) => Promise<unknown> };
    const figuresFor = data.figuresFor;
    let asked = 0;
    data.figuresFor = async s => {
      asked++;
      await sleep(150);
      return figuresFor.call(data, s);
    };
    try {
      void vscode.commands.executeCommand('workbench.view.extension.ownershipLens');
      await waitFor("the view to load the teams' children", () => asked > 0, 10000);
      a.ctx.tree.setGrouping('team'); // refreshes the root, as the file list's arrival does
      await sleep(1500);
    } finally {
      data.figuresFor = figuresFor;
    }
    assert.ok(a.ctx.treeView.visible);
    assert.deepStrictEqual(logLines(a, 'host', noItem), []);
  });
});
