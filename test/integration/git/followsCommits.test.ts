import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { git } from '../../fixtures/gitRepo';
import { api, folderUri, waitFor } from '../helpers';

const G = vscode.ConfigurationTarget.Global;

/**
 * The git source follows the branch: a commit made outside the editor (a terminal, another tool)
 * shows in the figures without a Refresh, because the extension watches `.git`'s refs.
 */
describe('figures from git follow new commits (a real git repository)', function () {
  this.timeout(120_000);

  it('computes again at the new tip after a commit, with no Refresh', async () => {
    const a = await api();
    const root = folderUri().fsPath;
    const figures = vscode.workspace.getConfiguration('ownershipLens.figures');
    const state = () => a.ctx.store.states()[0];
    const tipShown = () => a.pullRequests.peekFigures(state())?.data.tip;
    try {
      await figures.update('source', 'git', G);
      await vscode.commands.executeCommand('ownershipLens.refresh');
      const before = await waitFor('figures from git', () => tipShown(), 60_000);
      assert.strictEqual(before, git(root, 'rev-parse', 'HEAD').trim());
      const changesBefore = a.pullRequests.peekFigures(state())!.data.changes ?? 0;

      fs.mkdirSync(path.join(root, 'src/follow'), { recursive: true });
      fs.writeFileSync(path.join(root, 'src/follow/one.ts'), 'export const one = 1;\n');
      git(root, 'add', 'src/follow/one.ts');
      git(root, 'commit', '-qm', 'one more change');
      const after = git(root, 'rev-parse', 'HEAD').trim();
      assert.notStrictEqual(after, before);

      await waitFor('the figures at the new tip', () => tipShown() === after, 30_000);
      assert.strictEqual(a.pullRequests.peekFigures(state())!.data.changes, changesBefore + 1);
    } finally {
      await figures.update('source', undefined, G);
      git(root, 'reset', '-q', '--soft', 'HEAD~1');
      git(root, 'rm', '-q', '--cached', 'src/follow/one.ts');
      fs.rmSync(path.join(root, 'src/follow'), { recursive: true, force: true });
      // The next suites compare the editor's file list with git's: wait until it has seen the file go.
      await waitFor(
        'src/follow/one.ts unlisted',
        () => !state()?.files.has('src/follow/one.ts'),
        15_000,
      );
    }
  });
});
