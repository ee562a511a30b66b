import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { git } from '../../fixtures/gitRepo';
import { api, folderUri, waitFor } from '../helpers';

const G = vscode.ConfigurationTarget.Global;

/**
 * Explorer decorations for knowledge at risk on the git suite's real repository: one person wrote
 * every file, so `api`'s bus factor is 1. `src/` also holds `build`'s .pyc files: the folder where
 * api alone starts is the new `src/lib/`.
 */
describe('knowledge at risk in the Explorer (a real git repository)', function () {
  this.timeout(120_000);

  it('marks the folder where a bus-factor-1 component starts, only while the setting is on, without a reload', async () => {
    const a = await api();
    const root = folderUri().fsPath;
    fs.mkdirSync(path.join(root, 'src/lib'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/lib/util.ts'), 'export const one = 1;\n');
    git(root, 'add', 'src/lib/util.ts');
    git(root, 'commit', '-qm', 'util');
    const figures = vscode.workspace.getConfiguration('ownershipLens.figures');
    const decorations = vscode.workspace.getConfiguration('ownershipLens.decorations');
    let fired = 0;
    const listening = a.decorations.onDidChangeFileDecorations(() => fired++);
    try {
      await figures.update('source', 'git', G);
      await waitFor(
        'src/lib/util.ts listed',
        () => a.ctx.store.states()[0]?.files.has('src/lib/util.ts'),
        15_000,
      );
      await vscode.commands.executeCommand('ownershipLens.refresh');
      const api_ = await waitFor(
        'the knowledge of api',
        () =>
          a.pullRequests.peekFigures(a.ctx.store.states()[0])?.components.get('api')?.knowledge ??
          undefined,
        60_000,
      );
      assert.deepStrictEqual(
        [api_.busFactor, api_.holders.map(h => h.login)],
        [1, ['t@example.com']],
      );
      const lib = vscode.Uri.file(path.join(root, 'src/lib'));
      assert.strictEqual(a.decorations.provideFileDecoration(lib), undefined, 'off by default');

      fired = 0;
      await decorations.update('knowledgeAtRisk', true, G);
      // The Explorer asks again only when told to.
      await waitFor('the decorations told to refresh', () => fired > 0);
      const d = a.decorations.provideFileDecoration(lib);
      assert.strictEqual(d?.badge, '1');
      assert.match(
        String(d?.tooltip),
        /^api: knowledge concentrated in one place \(bus factor 1\); \d+ of \d+ files known by someone\./,
      );
      assert.match(String(d?.tooltip), /not anyone's skill or worth/);
      // Mixed folders (src/ holds build's .pyc) and files carry no such badge; a file keeps its owner tooltip.
      assert.strictEqual(
        a.decorations.provideFileDecoration(vscode.Uri.file(path.join(root, 'src'))),
        undefined,
      );
      const fileDecoration = a.decorations.provideFileDecoration(
        vscode.Uri.file(path.join(root, 'src/lib/util.ts')),
      );
      assert.deepStrictEqual(
        [fileDecoration?.badge, fileDecoration?.tooltip],
        [undefined, 'Owner: bob (api, team app)'],
      );

      fired = 0;
      await decorations.update('knowledgeAtRisk', undefined, G);
      await waitFor('the decorations told to refresh again', () => fired > 0);
      assert.strictEqual(a.decorations.provideFileDecoration(lib), undefined);
    } finally {
      listening.dispose();
      await decorations.update('knowledgeAtRisk', undefined, G);
      await figures.update('source', undefined, G);
      git(root, 'reset', '-q', '--soft', 'HEAD~1');
      git(root, 'rm', '-q', '--cached', 'src/lib/util.ts');
      fs.rmSync(path.join(root, 'src/lib'), { recursive: true, force: true });
    }
  });
});
