import * as assert from 'assert';
import * as vscode from 'vscode';
import { api } from '../helpers';

// The sample repository in Restricted Mode, with 127.0.0.1 allowed in the user settings: its
// Prometheus and JSON sources are not read (no request is sent), its CSV in the repository is.
describe('Restricted Mode: outcome values', function () {
  this.timeout(60000);

  it('network sources are unknown because the workspace is not trusted; the file source is read', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const a = await api();
    await a.outcomes.refresh(true);
    const model = a.ctx.store.states()[0].model;
    for (const id of ['checkout-conversion', 'platform-uptime']) {
      const outcome = model.outcomes.get(id)!;
      if (outcome.source?.kind === 'file') continue; // checkout conversion reads the CSV where Prometheus is not installed
      const entry = a.outcomes.peek(outcome)!;
      assert.deepStrictEqual([entry.status, entry.value], ['unknown', null], id);
      assert.match(entry.reason!, /not trusted/);
    }
    const payments = a.outcomes.peek(model.outcomes.get('payment-success')!)!;
    assert.strictEqual(payments.status, 'met');
    assert.match(payments.asOf!, /T00:00:00Z$/);
  });
});
