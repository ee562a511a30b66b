import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Node } from '../../../src/vscode/tree/nodes';
import { api, logLines, sleep, waitFor } from '../helpers';

/**
 * Multi-root: the first time the view shows, VS Code asks for each expanded folder's children in
 * one batch. A folder's children that wait (for its git remote or its pull-request figures) let a
 * root refresh land between two folders' answers (the file lists arrive at startup), and the view
 * then logs "No tree item with id '<folder>…' found." Runs before any other test of the suite shows the view.
 */
describe('the Ownership view at its first showing (multi-root)', () => {
  it("a root refresh while the view asks for the folders' children drops none of them", async function () {
    this.timeout(20000);
    const a = await api();
    assert.ok(!a.ctx.treeView.visible, 'this test must show the view first');
    const noItem = /No tree item with id/;
    assert.deepStrictEqual(logLines(a, 'host', noItem), [], 'none so far');
    // Slow pull-request data widens the moment a folder's children could wait for.
    const data = a.pullRequests as unknown as Record<
      'dataFor' | 'figuresFor',
      (s: unknown) => Promise<unknown>
    >;
    const saved = { dataFor: data.dataFor, figuresFor: data.figuresFor };
    for (const k of ['dataFor', 'figuresFor'] as const)
      data[k] = async s => {
        await sleep(150);
        return saved[k].call(data, s);
      };
    const tree = a.ctx.tree;
    const getChildren = tree.getChildren;
    let folders = 0;
    let refreshed = 0;
    const listening = tree.onDidChangeTreeData(() => refreshed++);
    tree.getChildren = async (node?: Node) => {
      // The first folder asked: a file list arrives (as at startup), and the tree is to refresh.
      if (node?.kind === 'folder' && folders++ === 0)
        setTimeout(() => {
          (tree as unknown as { fileEvents: number }).fileEvents++;
          tree.refreshSoon(0);
        }, 0);
      return getChildren.call(tree, node);
    };
    try {
      void vscode.commands.executeCommand('workbench.view.extension.ownershipLens');
      await waitFor("the view to ask for the folders' children", () => folders >= 2, 10000);
      await sleep(1500);
    } finally {
      Object.assign(data, saved);
      tree.getChildren = getChildren;
      listening.dispose();
    }
    assert.ok(a.ctx.treeView.visible);
    assert.deepStrictEqual(logLines(a, 'host', noItem), []);
    assert.ok(refreshed > 0, 'the refresh was held until the view had its answers, not lost');
  });
});
