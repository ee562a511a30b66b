import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChangeOwners } from '../../../src/core/owners/changeOwners';
import { Commands } from '../../../src/vscode/ids';
import { api } from '../helpers';

describe('owners of changed files (acme, a real git repository)', () => {
  it('lists the components, owners and teams of the uncommitted changes, and copies the @mentions', async () => {
    await api();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd: root, stdio: 'pipe' });
    const changed = path.join(root, 'services/search/src/query.ts');
    const before = fs.readFileSync(changed, 'utf8');
    git('init', '-q');
    try {
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      fs.writeFileSync(changed, `${before}// changed\n`);
      fs.writeFileSync(path.join(root, 'docs/new-page.md'), '# new\n');
      const results = await vscode.commands.executeCommand<{ folder: string; owners: ChangeOwners }[]>(Commands.ownersOfChanges);
      assert.strictEqual(results.length, 1);
      const owners = results[0].owners;
      assert.deepStrictEqual(owners.components.map(c => [c.component, c.owner, c.team, c.files]), [['search', 'farid', 'storefront', ['services/search/src/query.ts']]]);
      assert.deepStrictEqual(owners.unowned, ['docs/new-page.md']);
      assert.deepStrictEqual(owners.mentions, ['@farid']);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand(Commands.ownersOfChanges, { copy: true });
      assert.strictEqual(await vscode.env.clipboard.readText(), '@farid', 'the mentions to paste');
    } finally {
      fs.writeFileSync(changed, before);
      fs.rmSync(path.join(root, 'docs/new-page.md'), { force: true });
      fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    }
  });
});
