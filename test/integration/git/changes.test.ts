import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChangeOwners } from '../../../src/core/owners/changeOwners';
import { Commands } from '../../../src/vscode/ids';
import { api, folderUri } from '../helpers';

/**
 * "Show Owners of Changed Files" on the git suite's real repository (test/fixtures/gitRepo.ts): it
 * already has a deleted tracked file, untracked files (one with a name git quotes) and ignored folders.
 */
describe('owners of changed files (a real git repository)', () => {
  it('lists the components, owners and teams of the uncommitted changes, and copies the @mentions', async () => {
    await api();
    const root = folderUri().fsPath;
    const unowned = path.join(root, 'notes-unowned.txt');
    fs.writeFileSync(unowned, 'no component owns this\n');
    try {
      const results = await vscode.commands.executeCommand<
        { folder: string; owners: ChangeOwners }[]
      >(Commands.ownersOfChanges);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.strictEqual(results.length, 1);
      const owners = results[0].owners;
      const api_ = owners.components.find(c => c.component === 'api');
      const docs = owners.components.find(c => c.component === 'docs');
      assert.ok(api_ && docs, JSON.stringify(owners.components));
      assert.deepStrictEqual(
        [api_.owner, api_.team, docs.owner, docs.team],
        ['bob', 'app', 'alice', 'app'],
      );
      // A deleted tracked file and an untracked file whose name git quotes, both under /src/.
      assert.ok(
        api_.files.includes('src/gone.ts') && api_.files.includes('src/new file é.ts'),
        JSON.stringify(api_.files),
      );
      assert.ok(docs.files.includes('docs/untracked.md'), JSON.stringify(docs.files));
      // Ignored files are not changes; the excluded secret/ folder neither.
      const all = owners.components.flatMap(c => c.files).concat(owners.unowned);
      assert.ok(
        !all.some(f => /^(build|\.venv|secret)\/|\.pyc$|rust\/target\//.test(f)),
        JSON.stringify(all),
      );
      assert.ok(owners.unowned.includes('notes-unowned.txt'), JSON.stringify(owners.unowned));
      assert.deepStrictEqual([...owners.mentions].sort(), ['@alice', '@bob']);
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand(Commands.ownersOfChanges, { copy: true });
      assert.deepStrictEqual(
        (await vscode.env.clipboard.readText()).split(' ').sort(),
        ['@alice', '@bob'],
        'the mentions to paste',
      );
    } finally {
      fs.rmSync(unowned, { force: true });
    }
  });
});
