import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { applyTextEdits, handoffEdits, HandoffRequest } from '../../src/core/handoff/edit';
import { parseOwners } from '../../src/core/owners/parse';

const ROOT = path.resolve(__dirname, '../../..');
const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');

function handOff(text: string, request: Partial<HandoffRequest> & { component: string; to: string }): string {
  const result = handoffEdits(text, { decisions: [], stakeholders: [], date: '2026-11-24', ...request });
  if (result.kind !== 'edits') throw new Error(`refused: ${result.reason}`);
  return applyTextEdits(text, result.edits);
}

/** Lines of `before` that are not in `after`, and lines added, by a plain LCS-free walk (edits only insert and replace). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n'), b = after.split('\n');
  let i = 0, j = 0;
  const removed: string[] = [], added: string[] = [];
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (j < b.length && a.indexOf(b[j], i) === -1) { added.push(b[j++]); continue; }
    removed.push(a[i++]);
  }
  return { removed, added };
}

describe('handoffEdits', () => {
  it('changes the owner, appends the record, and leaves every other byte alone', () => {
    const after = handOff(acme, { component: 'checkout-api', to: 'carol', notes: 'Owns the retry policy now.', decisions: ['Keep v1 API until March?'], stakeholders: ['Finance'] });
    const { removed, added } = lineDiff(acme, after);
    assert.deepStrictEqual(removed, ['    owner: bob              # since the October handoff']);
    assert.deepStrictEqual(added, [
      '    owner: carol              # since the October handoff',
      '      - date: 2026-11-24',
      '        from: bob',
      '        to: carol',
      '        notes: Owns the retry policy now.',
      '        decisions:',
      '          - Keep v1 API until March?',
      '        stakeholders:',
      '          - Finance',
    ]);
    const c = parseOwners(after).model.components.get('checkout-api')!;
    assert.strictEqual(c.owner, 'carol');
    assert.deepStrictEqual(c.handoffs.map(h => [h.from, h.to]), [['alice', 'bob'], ['bob', 'carol']]);
  });

  it('adds a `handoffs` key to a component that has none', () => {
    const after = handOff(acme, { component: 'billing', to: 'bob', notes: 'Invoices run nightly.' });
    const c = parseOwners(after).model.components.get('billing')!;
    assert.deepStrictEqual(c.handoffs, [{ date: '2026-11-24', from: 'carol', to: 'bob', notes: 'Invoices run nightly.', decisions: [], stakeholders: [] }]);
    assert.ok(after.includes('    outcomes: [checkout-conversion]\n    handoffs:\n      - date: 2026-11-24\n'));
    assert.strictEqual(lineDiff(acme, after).removed.length, 1);
  });

  it('replaces an empty `handoffs: []`', () => {
    const text = acme.replace('    paths: [/services/billing/]\n', '    paths: [/services/billing/]\n    handoffs: []\n');
    const c = parseOwners(handOff(text, { component: 'billing', to: 'bob' })).model.components.get('billing')!;
    assert.deepStrictEqual(c.handoffs.map(h => h.to), ['bob']);
  });

  it('keeps Windows line endings and a file without a final newline', () => {
    const crlf = acme.replace(/\n/g, '\r\n');
    const after = handOff(crlf, { component: 'gateway', to: 'dan', notes: 'line one\nline two' });
    assert.ok(!/[^\r]\n/.test(after), 'a bare \\n was written into a CRLF file');
    assert.strictEqual(parseOwners(after).model.components.get('gateway')!.handoffs[0].notes, 'line one\nline two');
    const noFinalNewline = acme.replace(/\nunowned:[\s\S]*$/, '').trimEnd();
    const after2 = handOff(noFinalNewline, { component: 'gateway', to: 'dan' });
    assert.ok(after2.endsWith('    outcomes: [api-uptime]\n    handoffs:\n      - date: 2026-11-24\n        from: erin\n        to: dan'), after2.slice(-200));
    assert.deepStrictEqual(parseOwners(after2).model.components.get('gateway')!.handoffs.map(h => h.to), ['dan']);
  });

  it('refuses clearly instead of guessing', () => {
    const refusal = (text: string, r: Partial<HandoffRequest> & { component: string; to: string }) => {
      const result = handoffEdits(text, { decisions: [], stakeholders: [], date: '2026-11-24', ...r });
      assert.strictEqual(result.kind, 'refused');
      return result.kind === 'refused' ? result.reason : '';
    };
    assert.match(refusal(acme, { component: 'checkout-api', to: 'bob' }), /already owns/);
    assert.match(refusal(acme, { component: 'checkout-api', to: 'BOB' }), /already owns/);
    assert.match(refusal(acme, { component: 'nope', to: 'carol' }), /no component "nope"/);
    assert.match(refusal(acme, { component: 'checkout-api', to: 'not a login' }), /not a valid GitHub login/);
    assert.match(refusal(acme.replace('team: platform', 'team: platfrom'), { component: 'checkout-api', to: 'carol' }), /error/);
    assert.match(refusal(acme.replace('version: 1', 'version: 1\n  bad: [indent'), { component: 'checkout-api', to: 'carol' }), /error/);
  });

  it('quotes a login YAML would read as something else', () => {
    const after = handOff(acme, { component: 'gateway', to: 'null' });
    assert.strictEqual(parseOwners(after).model.components.get('gateway')!.owner, 'null');
  });

  it('round-trips any notes, decisions and stakeholders exactly', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 60 }).filter(s => s.trim().length > 0 && !s.includes('\r'));
    fc.assert(fc.property(text, fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 3 }), (notes, decisions, stakeholders) => {
      const after = handOff(acme, { component: 'checkout-api', to: 'carol', notes, decisions, stakeholders });
      const last = parseOwners(after).model.components.get('checkout-api')!.handoffs.at(-1)!;
      assert.strictEqual(last.notes, notes.trim());
      assert.deepStrictEqual(last.decisions, decisions.map(s => s.trim()));
      assert.deepStrictEqual(last.stakeholders, stakeholders.map(s => s.trim()));
      assert.ok(after.startsWith(acme.slice(0, acme.indexOf('    owner: bob'))), 'text before the owner changed');
    }), { numRuns: 300 });
  });
});
