import * as assert from 'assert';
import * as vscode from 'vscode';
import type { HandoffOutcome } from '../../../src/vscode/commands/handoff';
import { Commands } from '../../../src/vscode/ids';
import { api, file, hoverText, treeRows, unescape, waitFor } from '../helpers';

const owners = () => file('OWNERS.yaml');
const onDisk = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(owners()));

describe('handoff (acme)', () => {
  let original: string;
  before(async () => {
    const a = await api();
    a.ctx.today = () => '2026-11-24';
    original = await onDisk();
  });
  afterEach(async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(owners());
    if (doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
      a.ctx.store.reparse(doc.uri, doc.getText());
    }
  });

  it('with arguments: writes owner + handoff record as one edit; tree and hovers update at once; one undo restores', async () => {
    const a = await api();
    const outcome = await vscode.commands.executeCommand<HandoffOutcome>(Commands.handoff, {
      component: 'search',
      to: 'gus',
      notes: 'Ranking model retrains weekly',
      decisions: ['Drop the legacy synonyms?'],
      stakeholders: ['Merchandising'],
    });
    assert.deepStrictEqual(outcome, { kind: 'applied', component: 'search', to: 'gus' });
    const text = await onDisk();
    assert.ok(
      text.includes(`    owner: gus
    paths: [/services/search/]
    outcomes: [search-relevance]
    authority: [Ranking changes without review, A/B test design]
    support: [Two days a month of data-science time]
    stakeholders: [Merchandising]
    handoffs:
      - date: 2026-11-24
        from: farid
        to: gus
        notes: Ranking model retrains weekly
        decisions:
          - Drop the legacy synonyms?
        stakeholders:
          - Merchandising
`),
      text,
    );
    const search = (await treeRows(a, 1)).find(r => r.label === 'Product search');
    assert.strictEqual(search?.description, 'gus · 1 file');
    const md = unescape(
      await hoverText(file('services/checkout/src/index.ts'), "'../../search/src/query'", 2),
    );
    assert.ok(md.includes('Owner: **gus**'), md);

    await vscode.window.showTextDocument(owners());
    await vscode.commands.executeCommand('undo');
    const doc = await vscode.workspace.openTextDocument(owners());
    assert.strictEqual(doc.getText(), original, 'a single undo restores the file');
  });

  it('transfers outcome, authority and support with the owner, as one undoable edit', async () => {
    await api();
    const outcome = await vscode.commands.executeCommand<HandoffOutcome>(Commands.handoff, {
      component: 'search',
      to: 'gus',
      outcomes: ['search-relevance', 'checkout-conversion'],
      authority: ['Ranking changes without review', 'A/B test design', 'Retire old synonyms'],
      support: ['Two days a month of data-science time', 'Weekly 1:1 with the lead'],
    });
    assert.deepStrictEqual(outcome, { kind: 'applied', component: 'search', to: 'gus' });
    const text = await onDisk();
    assert.ok(
      text.includes(`    owner: gus
    paths: [/services/search/]
    outcomes: [search-relevance, checkout-conversion]
    authority: [Ranking changes without review, A/B test design, Retire old synonyms]
    support: [Two days a month of data-science time, Weekly 1:1 with the lead]
    stakeholders: [Merchandising]
    handoffs:
      - date: 2026-11-24
        from: farid
        to: gus
`),
      text,
    );
    await vscode.window.showTextDocument(owners());
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(
      (await vscode.workspace.openTextDocument(owners())).getText(),
      original,
      'a single undo restores the file',
    );
  });

  it("through the flow seam: the active file's component is preselected and team members come first", async () => {
    const a = await api();
    await vscode.window.showTextDocument(file('web/storefront/src/App.tsx'));
    let seen: { preselected?: string; components?: number } = {};
    a.ctx.handoffFlow = async input => {
      seen = { preselected: input.preselected, components: input.model.components.size };
      return {
        component: input.preselected!,
        to: 'maya',
        notes: 'Design system v2 lands in Q1',
        decisions: [],
        stakeholders: ['Brand'],
      };
    };
    const outcome = await vscode.commands.executeCommand<HandoffOutcome>(Commands.handoff);
    assert.deepStrictEqual(seen, { preselected: 'storefront-web', components: 5 });
    assert.deepStrictEqual(outcome, { kind: 'applied', component: 'storefront-web', to: 'maya' });
    assert.ok(
      (await onDisk()).includes(
        '        from: gus\n        to: maya\n        notes: Design system v2 lands in Q1\n        stakeholders:\n          - Brand\n',
      ),
    );
  });

  it('refuses when OWNERS.yaml changed during the flow', async () => {
    const a = await api();
    a.ctx.handoffFlow = async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(owners(), new vscode.Position(0, 0), '# edited meanwhile\n');
      await vscode.workspace.applyEdit(edit);
      return { component: 'search', to: 'gus', notes: '', decisions: [], stakeholders: [] };
    };
    const outcome = await vscode.commands.executeCommand<HandoffOutcome>(Commands.handoff, {
      component: 'search',
    });
    assert.deepStrictEqual(outcome, {
      kind: 'refused',
      reason: 'OWNERS.yaml changed while you were answering; run the handoff again.',
    });
    assert.ok(!(await vscode.workspace.openTextDocument(owners())).getText().includes('to: gus'));
  });

  it('refuses when nothing would change, and when OWNERS.yaml has errors', async () => {
    await api();
    const same = await vscode.commands.executeCommand<HandoffOutcome>(Commands.handoff, {
      component: 'search',
      to: 'farid',
    });
    assert.deepStrictEqual(same, {
      kind: 'refused',
      reason: 'farid already owns "search"; nothing would change.',
    });
    const doc = await vscode.workspace.openTextDocument(owners());
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('team: storefront\n    owner: farid');
    edit.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'team: storefront'.length)),
      'team: nowhere',
    );
    await vscode.workspace.applyEdit(edit);
    const broken = await vscode.commands.executeCommand<HandoffOutcome>(Commands.handoff, {
      component: 'search',
      to: 'gus',
    });
    assert.strictEqual(broken?.kind, 'refused');
    assert.match(
      (broken as { reason: string }).reason,
      /^OWNERS\.yaml has 1 error\(s\); fix them first \(line 85: Component "search" belongs to team "nowhere"/,
    );
  });

  it('the tree updates by itself when OWNERS.yaml changes on disk', async () => {
    const a = await api();
    const changed = original.replace('owner: erin', 'owner: dan');
    await vscode.workspace.fs.writeFile(owners(), new TextEncoder().encode(changed));
    // No reload command: the file watcher alone must bring the change (within seconds even on a loaded machine).
    await waitFor(
      'the new owner in the tree',
      async () =>
        (await treeRows(a, 1)).find(
          r => r.label === 'Shared libraries' && r.description === 'dan · 3 files',
        ),
      15000,
    );
  });

  it('new files are counted from watcher events (no relisting)', async () => {
    const a = await api();
    await vscode.workspace.fs.writeFile(
      file('services/search/src/rank.ts'),
      new TextEncoder().encode('export {};\n'),
    );
    await waitFor(
      '2 files for search',
      async () =>
        (await treeRows(a, 1)).find(
          r => r.label === 'Product search' && r.description === 'farid · 2 files',
        ),
      5000,
    );
    await vscode.workspace.fs.delete(file('services/search/src/rank.ts'));
    await waitFor(
      '1 file again',
      async () =>
        (await treeRows(a, 1)).find(
          r => r.label === 'Product search' && r.description === 'farid · 1 file',
        ),
      5000,
    );
  });
});
