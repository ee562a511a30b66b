import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/ids';
import { groupByItems } from '../../../src/vscode/commands/groupBy';
import { api, file, labelOf, sleep, treeRows, waitFor } from '../helpers';

describe('ownership tree (acme)', () => {
  after(() => vscode.commands.executeCommand(Commands.groupBy, 'team'));

  it('lists teams with their lead, then the Unowned node with the coverage figure', async () => {
    const a = await api();
    const top = (await treeRows(a, 0)).map(r => [r.label, r.description, r.contextValue]);
    assert.deepStrictEqual(top, [
      ['Payments', 'lead alice · 2 components · holds ownership', 'team signal-holds-ownership'],
      ['Platform', 'lead dan · 1 component', 'team'],
      ['Storefront', 'lead maya · 2 components', 'team'],
      ['Unowned', '69.2% of 13 files owned · 4 unowned', 'unowned'],
    ]);
  });

  it('shows components with owner and file count, stable ids and context values', async () => {
    const a = await api();
    const rows = (await treeRows(a, 1)).filter(r => r.depth === 1);
    assert.deepStrictEqual(
      rows.map(r => [r.label, r.description, r.contextValue]),
      [
        ['Checkout API', 'bob · 2 files', 'component handedOff'],
        ['Payments core', 'alice · 2 files', 'component'],
        ['Shared libraries', 'erin · 3 files', 'component'],
        ['Product search', 'farid · 1 file', 'component'],
        ['Storefront web app', 'gus · 1 file', 'component'],
        ['(repository root)', '2 files', 'unownedFolder'],
        ['docs/', '1 file', 'unownedFolder'],
        [
          'third_party/leftpad/',
          '1 file · unowned on purpose (unowned: /third_party/)',
          'unownedFolder onPurpose',
        ],
      ],
    );
    const again = (await treeRows(a, 1)).filter(r => r.depth === 1).map(r => r.id);
    assert.deepStrictEqual(
      again,
      rows.map(r => r.id),
      'ids are stable across refreshes',
    );
    assert.ok(rows[0].id!.endsWith('/team/payments/component/checkout-api'), rows[0].id);
  });

  it('opens a component into owner, outcomes, authority, support, stakeholders, paths and last handoff', async () => {
    const a = await api();
    const checkout = (await treeRows(a, 1)).find(r => r.label === 'Checkout API')!;
    const rows = await treeRows(a, 1, checkout.node);
    assert.deepStrictEqual(
      rows.map(r => [r.depth, r.label, r.description ?? '']),
      [
        [0, 'Owner: bob', 'Bob Stone · team Payments, lead alice'],
        [0, 'Outcomes', '1'],
        [1, 'Checkout conversion', 'target >= 3.5% · dashboard'],
        [0, 'Authority', '3'],
        [1, 'Choose the technical approach', ''],
        [1, 'Change the database schema', ''],
        [1, 'Set the release schedule', ''],
        [0, 'Support from the lead', '2'],
        [1, 'Load-test budget before Black Friday', ''],
        [1, 'Weekly 1:1 with the lead', ''],
        [0, 'Stakeholders', '2'],
        [1, 'Growth team', ''],
        [1, 'Finance', ''],
        [0, 'Paths', '1'],
        [1, '/services/checkout/', '2 files'],
        [0, 'Last handoff: alice → bob', '2026-09-15'],
      ],
    );
  });

  it('clicking a component opens OWNERS.yaml at its definition', async () => {
    const a = await api();
    const search = (await treeRows(a, 1)).find(r => r.label === 'Product search')!;
    const item = a.ctx.tree.getTreeItem(search.node);
    assert.strictEqual(item.command?.command, Commands.revealInOwners);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/acme/OWNERS.yaml'));
    assert.strictEqual(editor.document.getText(editor.selection), 'search');
    assert.strictEqual(editor.selection.start.line, 82);
  });

  it('groups by owner and by outcome', async () => {
    const a = await api();
    await vscode.commands.executeCommand(Commands.groupBy, 'owner');
    assert.deepStrictEqual(
      (await treeRows(a, 0)).map(r => `${r.label}|${r.description}`),
      [
        'alice|Alice Ng · 1 component',
        'bob|Bob Stone · 1 component',
        'erin|Erin Walsh · 1 component',
        'farid|Farid Haddad · 1 component',
        'gus|Gus Lee · 1 component',
        'Unowned|69.2% of 13 files owned · 4 unowned',
      ],
    );
    await vscode.commands.executeCommand(Commands.groupBy, 'outcome');
    const rows = await treeRows(a, 1);
    assert.deepStrictEqual(
      rows.filter(r => r.depth === 0).map(r => `${r.label}|${r.description ?? ''}`),
      [
        'API uptime|target >= 99.95%',
        'Checkout conversion|target >= 3.5%',
        'Payment success rate|target >= 99.2%',
        'Search click-through|target >= 42%',
        'Unowned|69.2% of 13 files owned · 4 unowned',
      ],
    );
    const underCheckout = rows
      .filter(r => r.depth === 1 && r.id!.includes('/outcome/checkout-conversion/'))
      .map(r => r.label);
    assert.deepStrictEqual(underCheckout, ['Checkout API', 'Storefront web app']);
  });

  it("reveals the active editor's component in the tree", async () => {
    const a = await api();
    await vscode.commands.executeCommand(Commands.groupBy, 'team');
    await vscode.commands.executeCommand('workbench.view.extension.ownershipLens');
    await vscode.window.showTextDocument(file('services/search/src/query.ts'));
    const id = await vscode.commands.executeCommand<string>(Commands.revealActive);
    assert.ok(id?.endsWith('/team/storefront/component/search'), id);
    assert.strictEqual(
      labelOf(a.ctx.tree.getTreeItem(a.ctx.treeView.selection[0])),
      'Product search',
    );
  });

  it('the Unowned node tells gaps from paths unowned on purpose, with the same coverage figure', async () => {
    const a = await api();
    const unowned = (await treeRows(a, 0)).find(r => r.label === 'Unowned')!;
    assert.strictEqual(unowned.description, '69.2% of 13 files owned · 4 unowned');
    const tooltip = (
      a.ctx.tree.getTreeItem(unowned.node).tooltip as vscode.MarkdownString
    ).value.replace(/&nbsp;/g, ' ');
    assert.match(tooltip, /4 files of 13 without an owner/);
    assert.match(tooltip, /3 no component claims; 1 unowned on purpose/);
  });

  it('the Group By picker marks the current grouping and opens on it', () => {
    const items = groupByItems('owner');
    assert.deepStrictEqual(
      items.map(i => [i.label, i.description]),
      [
        ['$(blank) Team (with its lead)', undefined],
        ['$(check) Owner', 'current'],
        ['$(blank) Outcome', undefined],
      ],
    );
  });

  it('refreshes only when what it shows changed: a needless root refresh would race the view (see startupView.test)', async () => {
    const a = await api();
    let fired = 0;
    const sub = a.ctx.tree.onDidChangeTreeData(() => fired++);
    const state = a.ctx.store.states()[0];
    const text = state.parsed.text;
    try {
      await a.ctx.tree.getChildren();
      a.ctx.tree.refreshSoon(0);
      await sleep(100);
      assert.strictEqual(fired, 0, 'nothing changed since the last render');
      a.ctx.store.reparse(state.ownersUri, `${text}\n# edited\n`);
      await waitFor('a refresh', () => fired > 0, 2000);
    } finally {
      a.ctx.store.reparse(state.ownersUri, text);
      sub.dispose();
    }
  });
});
