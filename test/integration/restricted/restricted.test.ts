import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, file, treeRows, waitFor } from '../helpers';
import { componentCard, outcomeLine } from '../../../src/vscode/markdown';
import { readAliases } from '../../../src/vscode/tsconfigAliases';
import { readWorkspaceFile, writeWorkspaceFile } from '../../../src/vscode/workspaceRead';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The sample repository (git remote acme/shop, fake GitHub at the user-level apiUrl) opened in
// Restricted Mode: the extension reads, says where the user looks why the rest is off, and sends nothing.
describe('Restricted Mode', function () {
  this.timeout(60000);

  it('opens untrusted (the premise of this suite)', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it("lists the files by walking the disk: git is never started, so the repository's core.fsmonitor never runs", async () => {
    const a = await api();
    await a.timings.filesListed;
    const state = a.ctx.store.states()[0];
    // The harness set core.fsmonitor in this repository's .git/config (a program any git that reads the index starts).
    const config = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(file('.git/config')),
    );
    assert.match(config, /fsmonitor = "touch \.git\/fsmonitor-ran/);
    assert.strictEqual(state.files.source, 'walk');
    assert.ok(state.files.has('OWNERS.yaml'));
    assert.ok(!state.files.all().some(f => f.startsWith('.git/')));
    // A file created now goes through the watcher's path (git check-ignore when trusted), which must not start git either.
    await vscode.workspace.fs.writeFile(
      file('web/created-in-restricted-mode.ts'),
      new TextEncoder().encode('export {};\n'),
    );
    await waitFor(
      'the created file to be listed',
      () => state.files.has('web/created-in-restricted-mode.ts'),
      10000,
    );
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(file('.git/fsmonitor-ran'))),
      'git ran in Restricted Mode: the fsmonitor marker exists',
    );
    await vscode.workspace.fs.delete(file('web/created-in-restricted-mode.ts'));
  });

  it('says at the top of the view and in the status row why handoff and refresh are off', async () => {
    const a = await api();
    assert.match(
      a.ctx.treeView.message ?? '',
      /Restricted Mode.*hand off components.*fetch pull requests/,
    );
    const row = await waitFor('the pull-request status row', async () =>
      (await treeRows(a, 0)).find(r => r.contextValue?.startsWith('pullRequests')),
    );
    assert.match(row.description ?? '', /Restricted Mode/);
    assert.doesNotMatch(row.description ?? '', /click to fetch/);
    const item = a.ctx.tree.getTreeItem(row.node);
    assert.strictEqual(item.command?.command, 'workbench.trust.manage');
    assert.match(
      (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '),
      /handing off a component/,
    );
  });

  it('refresh refuses before anything looks like fetching: no progress, no fetching state, no data', async () => {
    const a = await api();
    const changes: string[] = [];
    const sub = a.pullRequests.onDidChange(() => changes.push('changed'));
    const withProgress = vscode.window.withProgress;
    let progressShown = 0;
    // Count progress notifications by wrapping VS Code's own API for the duration of the command.
    (vscode.window as { withProgress: typeof withProgress }).withProgress = ((
      ...args: Parameters<typeof withProgress>
    ) => {
      progressShown++;
      return withProgress(...args);
    }) as typeof withProgress;
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
      const row = await waitFor('the git status row', async () =>
        (await treeRows(a, 0)).find(r => r.contextValue?.startsWith('pullRequests git')),
      );
      assert.match(row.contextValue ?? '', /restricted/);
      assert.match(row.description ?? '', /Restricted Mode/);
      const item = a.ctx.tree.getTreeItem(row.node);
      assert.strictEqual(item.label, 'Figures from git history');
      assert.strictEqual(item.command?.command, 'workbench.trust.manage');
      assert.match(
        (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '),
        /git is not run in an untrusted workspace/,
      );
      assert.strictEqual(await a.pullRequests.figuresFor(a.ctx.store.states()[0]), undefined);
    } finally {
      await config.update('source', undefined, vscode.ConfigurationTarget.Global);
    }
    const back = await waitFor('the GitHub status row again', async () =>
      (await treeRows(a, 0)).find(
        r => r.contextValue?.startsWith('pullRequests') && !r.contextValue.includes('git'),
      ),
    );
    assert.match(back.description ?? '', /Restricted Mode/);
  });

  it('the handoff stays in the palette and refuses with the reason, leaving OWNERS.yaml as it was', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('ownershipLens.handoff'));
    const owners = file('OWNERS.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(owners));
    const outcome = await vscode.commands.executeCommand<{ kind: string; reason?: string }>(
      'ownershipLens.handoff',
      { component: 'checkout-api', to: 'carol' },
    );
    assert.strictEqual(outcome?.kind, 'refused');
    assert.match(outcome?.reason ?? '', /not trusted/);
    assert.strictEqual(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(owners)),
      before,
    );
  });

  it('an outcome link cannot smuggle an image into a tooltip or hover card (issue 18): ( ) ! [ ] are percent-encoded', async () => {
    const a = await api();
    const state = a.ctx.store.states()[0];
    const pixel = 'https://dashboards.example/x)![](http://attacker.example/pixel.png?who=victim';
    const outcome = { id: 'conv', name: 'Checkout conversion', link: pixel } as Parameters<
      typeof outcomeLine
    >[0];
    const line = outcomeLine(outcome).value;
    assert.strictEqual(
      line,
      '[Checkout conversion](https://dashboards.example/x%29%21%5B%5D%28http://attacker.example/pixel.png?who=victim)',
    );
    const component = [...state.model.components.values()][0];
    const model = { ...state.model, outcomes: new Map([['conv', outcome]]) } as typeof state.model;
    const card = componentCard(model, { ...component, outcomes: ['conv'] }).value;
    assert.ok(
      card.includes(
        '(https://dashboards.example/x%29%21%5B%5D%28http://attacker.example/pixel.png?who=victim)',
      ),
      card,
    );
    assert.ok(!card.includes('![]'), card);
  });

  it('reads OWNERS.yaml and tsconfig.json only as regular files inside the repository: a link to /dev/zero or outside is refused at once (issue 18)', async function () {
    if (process.platform === 'win32') this.skip();
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-editor-links-'));
    try {
      const repo = path.join(base, 'repo');
      fs.mkdirSync(repo);
      fs.writeFileSync(path.join(base, 'secret'), 'version: 1\n');
      fs.symlinkSync('/dev/zero', path.join(repo, 'OWNERS.yaml'));
      fs.symlinkSync('/dev/zero', path.join(repo, 'tsconfig.json'));
      fs.symlinkSync(path.join(base, 'secret'), path.join(repo, 'outside.yaml'));
      const root = vscode.Uri.file(repo);
      const t0 = Date.now();
      assert.strictEqual(
        (await readWorkspaceFile(vscode.Uri.file(path.join(repo, 'OWNERS.yaml')), root, 10 << 20))
          .kind,
        'refused',
      );
      assert.strictEqual(await readAliases(root, root), undefined);
      assert.ok(Date.now() - t0 < 20_000);
      const outside = await readWorkspaceFile(
        vscode.Uri.file(path.join(repo, 'outside.yaml')),
        root,
        10 << 20,
      );
      assert.strictEqual(outside.kind, 'refused');
      // "Create OWNERS.yaml" writes through writeWorkspaceFile: never through a (dangling) link
      fs.rmSync(path.join(repo, 'OWNERS.yaml'));
      fs.symlinkSync(path.join(base, 'created-outside'), path.join(repo, 'OWNERS.yaml'));
      await assert.rejects(
        writeWorkspaceFile(
          vscode.Uri.file(path.join(repo, 'OWNERS.yaml')),
          root,
          new TextEncoder().encode('version: 1\n'),
        ),
        /symbolic link/,
      );
      assert.ok(!fs.existsSync(path.join(base, 'created-outside')));
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
