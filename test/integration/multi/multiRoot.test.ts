import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../../../src/vscode/ids';
import { api, file, hoverText, treeRows, waitFor } from '../helpers';

describe('multi-root workspace', () => {
  it('shows one root per folder that has OWNERS.yaml, each with its own teams', async () => {
    const a = await api();
    const rows = await treeRows(a, 1);
    assert.deepStrictEqual(
      rows.filter(r => r.depth === 0).map(r => [r.label, r.contextValue]),
      [
        ['acme', 'folder'],
        ['broken', 'folder'],
      ],
    );
    const broken = rows.filter(
      r => r.depth === 1 && r.id!.startsWith(String(vscode.workspace.workspaceFolders![1].uri)),
    );
    assert.deepStrictEqual(
      broken.map(r => [r.label, r.description]),
      [
        ['Core **team**', 'lead zoe · 2 components'],
        ['Unowned', '50% of 4 files owned · 2 unowned'],
      ],
    );
  });

  it('resolves each file against its own folder', async () => {
    const a = await api();
    const acme = a.ctx.store.resolve(file('services/search/src/query.ts', 'acme'));
    const broken = a.ctx.store.resolve(file('src/web/main.ts', 'broken'));
    assert.strictEqual(acme?.ownership.kind === 'owned' && acme.ownership.component.owner, 'farid');
    assert.strictEqual(broken?.ownership.kind === 'owned' && broken.ownership.component.id, 'web');
    assert.strictEqual(
      a.ctx.store.resolve(file('src/auth/login.ts', 'codeowners-only')),
      undefined,
    );
  });

  it('escapes hostile OWNERS.yaml text in hovers and tooltips: no command links, no HTML, no javascript: link', async () => {
    const a = await api();
    const md = await hoverText(file('src/web/main.ts', 'broken'), "'../api/index'", 2);
    assert.ok(md.includes('API \\[evil\\]\\(command:ownershipLens\\.handoff\\)'), md);
    // The only command links are the card's own actions (a separate block trusted for those commands), labels escaped.
    const links = [...md.matchAll(/(^|[^\\])\[((?:[^\]\\]|\\.)*)\]\(command:([^?)]*)/g)].map(m => [
      m[2],
      m[3],
    ]);
    assert.deepStrictEqual(
      links,
      [
        ['Copy @xia', 'ownershipLens.copyOwner'],
        ['Open in OWNERS.yaml', 'ownershipLens.revealInOwners'],
      ],
      md,
    );
    assert.ok(!/(^|[^\\])<(script|img)/.test(md), md);
    assert.ok(!/\]\(javascript:/i.test(md), md);
    assert.ok(
      md.includes('p99 latency \\<script\\>alert\\(1\\)\\</script\\> (javascript:alert\\(1\\))'),
      md,
    );
    const api2 = (await treeRows(a, 2)).find(r => r.label.startsWith('API [evil]'))!;
    const tooltip = a.ctx.tree.resolveTreeItem(a.ctx.tree.getTreeItem(api2.node), api2.node)
      .tooltip as vscode.MarkdownString;
    assert.strictEqual(tooltip.isTrusted, false);
    assert.ok(!/(^|[^\\])\]\(command:/.test(tooltip.value), tooltip.value);
  });

  it('offers to create OWNERS.yaml from CODEOWNERS, and the new file is picked up', async () => {
    const a = await api();
    assert.strictEqual(a.ctx.store.hasCodeowners(), true);
    const uri = await vscode.commands.executeCommand<vscode.Uri>(
      Commands.createOwnersFile,
      file('.', 'codeowners-only'),
    );
    assert.ok(uri?.path.endsWith('/codeowners-only/OWNERS.yaml'));
    await waitFor('three folders in the tree', async () => (await treeRows(a, 0)).length === 3);
    const resolved = a.ctx.store.resolve(file('src/billing/bill.ts', 'codeowners-only'));
    assert.ok(resolved?.ownership.kind === 'owned', 'billing is owned after the import');
    assert.strictEqual(
      a.ctx.store.resolve(file('vendor/lib.js', 'codeowners-only'))?.ownership.kind,
      'unowned',
    );
    assert.ok(ContextKeys.hasOwnersFile);
  });

  it('creates OWNERS.yaml from a Kubernetes OWNERS tree with the same import as the CLI, naming with file and line what Prow itself ignores', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders![3];
    assert.ok(
      a.ctx.store.codeownersOf(folder)?.path.endsWith('/prow-tree/OWNERS'),
      'the root OWNERS file is found as a source',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>(
      Commands.createOwnersFile,
      folder.uri,
    );
    assert.ok(uri?.path.endsWith('/prow-tree/OWNERS.yaml'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    // secret/OWNERS has top-level approvers, so Prow ignores its `filters`: the import does the same and says so.
    assert.match(
      text,
      /\n# secret\/OWNERS:5 \[same\] Prow ignores `filters` in an OWNERS file that has top-level approvers/,
      'the ignored per-file filter is named with file and line',
    );
    assert.match(
      text,
      /\n# OWNERS_ALIASES:5 \[same\] alias docs-writers has no members: Prow expands it to no one/,
    );
    assert.match(text, /\n# Not imported exactly \(2\):\n/);
    await waitFor('four folders in the tree', async () => (await treeRows(a, 0)).length === 4);
    const owners = (p: string) => {
      const r = a.ctx.store.resolve(file(p, 'prow-tree'));
      return r?.ownership.kind === 'owned' ? r.ownership.component.codeowners : undefined;
    };
    assert.deepStrictEqual(owners('main.go'), ['@alice', '@bob']);
    assert.deepStrictEqual(
      owners('api/server.go'),
      ['@dave', '@alice', '@bob'],
      'approvers up the tree',
    );
    assert.deepStrictEqual(owners('secret/key.txt'), ['@erin'], 'no_parent_owners');
    const team = (await treeRows(a, 1)).find(r => r.label === 'core-maintainers');
    assert.match(
      String(team?.description),
      /^lead alice \(guessed\) · /,
      'a guessed lead is shown as a guess',
    );
    await waitFor('guesses reported until confirmed', async () =>
      vscode.languages.getDiagnostics(uri).some(d => d.code === 'guessed'),
    );
  });
});
