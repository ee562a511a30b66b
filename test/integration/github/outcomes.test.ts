import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TeamReportView } from '../../../src/core/report/teamReport';
import { api, file, hoverText, treeRows, unescape, waitFor } from '../helpers';

// The sample repository's outcomes (scripts/demo/outcomesEnvironment.js): checkout conversion from
// a real Prometheus on 127.0.0.1 (or the CSV without it), payment success from the CSV, API uptime
// from a local JSON endpoint (99.91 against >= 99.95: missed), search click-through with no source.
// The user settings allow 127.0.0.1 only.
describe('outcome values in the editor', function () {
  this.timeout(60000);

  async function componentRows() {
    const a = await api();
    await a.outcomes.refresh(true);
    return treeRows(a, 1);
  }

  it('component rows say when an outcome they answer for is missed; outcome rows show value, target and status', async () => {
    const a = await api();
    const rows = await waitFor(
      'the outcome values to be read',
      async () => {
        const r = await componentRows();
        return r.some(x => /missed/.test(x.description ?? '')) && r;
      },
      30000,
    );
    const shared = rows.find(r => r.label === 'Shared libraries')!;
    assert.match(shared.description ?? '', /API uptime missed/);
    assert.match(shared.contextValue ?? '', /outcome-missed/);
    assert.doesNotMatch(rows.find(r => r.label === 'Checkout API')!.description ?? '', /missed/);
    // Under a component: its outcomes section, then each outcome row.
    const checkout = rows.find(r => r.label === 'Checkout API')!;
    const section = (await a.ctx.tree.getChildren(checkout.node)).find(
      n => n.kind === 'section' && n.section === 'outcomes',
    )!;
    const [outcome] = await a.ctx.tree.getChildren(section);
    const item = a.ctx.tree.getTreeItem(outcome);
    assert.match(String(item.description), /^3\.\d+% · met · target >= 3\.5%/);
    assert.match(item.contextValue ?? '', /outcome-met/);
    const deployment = rows.find(r => r.label === 'Deployment')!;
    const deploySection = (await a.ctx.tree.getChildren(deployment.node)).find(
      n => n.kind === 'section' && n.section === 'outcomes',
    )!;
    const uptime = a.ctx.tree.getTreeItem((await a.ctx.tree.getChildren(deploySection))[0]);
    assert.strictEqual(
      String(uptime.description),
      '99.91% · MISSED · target >= 99.95% · dashboard',
    );
    assert.match(uptime.contextValue ?? '', /outcome-missed/);
  });

  it('an outcome without a source says why it is unknown; hover cards carry the state (from the cache, no fetch)', async () => {
    const a = await api();
    await a.outcomes.refresh();
    const search = a.ctx.store.states()[0].model.outcomes.get('search-relevance')!;
    const entry = a.outcomes.peek(search)!;
    assert.deepStrictEqual([entry.status, entry.value], ['unknown', null]);
    assert.match(entry.reason!, /no source/);
    // Hovering an import: the component card of what it imports, with its outcome's state.
    const text = unescape(
      await hoverText(file('services/checkout/src/index.ts'), '@acme/shared/logger', 3),
    );
    assert.match(text, /API uptime[^\n]*target >= 99\.95% · \*\*99\.91% — MISSED\*\*/);
    const payments = unescape(
      await hoverText(file('services/checkout/src/index.ts'), 'payments/src/charge', 3),
    );
    assert.match(payments, /Payment success rate\]\([^)]*\) · target >= 99\.2% · 99\.\d+% — met/);
    const uptime = a.ctx.store.states()[0].model.outcomes.get('platform-uptime')!;
    const component = a.ctx.store.states()[0].model.components.get('deploy')!;
    assert.match(
      a.outcomes.handoffNote(a.ctx.store.states()[0].model, component),
      /^Outcomes at handoff: API uptime: 99\.91%, missed \(target >= 99\.95%\) as of \d{4}-\d\d-\d\d\.$/,
    );
    assert.strictEqual(a.outcomes.peek(uptime)?.status, 'missed');
  });

  it('the team report carries each outcome with its history over the window, beside the output by month', async () => {
    const view = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      { team: 'payments' },
    );
    const values = view.outcomeValues!;
    assert.deepStrictEqual(
      values.map(o => [o.outcome, o.status]),
      [
        ['checkout-conversion', 'met'],
        ['payment-success', 'met'],
      ],
    );
    for (const o of values) {
      assert.ok(o.history.length >= 60, `${o.outcome}: ${o.history.length} points`);
      assert.ok(o.history.every(p => p.date >= view.window.since && p.date < view.window.until));
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
