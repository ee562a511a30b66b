import * as assert from 'assert';
import { applyTextEdits, handoffEdits, TextEdit } from '../../../../src/core/handoff/edit';
import { parseOwners } from '../../../../src/core/owners/parse';

const HEAD = 'version: 1\nteams:\n  web:\n    lead: alice\n    members: [bob, carol, dan]\n';
const request = (component: string, to: string) => ({
  component,
  to,
  decisions: [],
  stakeholders: [],
  date: '2026-11-24',
  notes: 'Knows the code.',
});

describe('handoff through YAML anchors and block scalars (issue 9, item 7)', () => {
  it('refuses when the owner is anchored and repeated by an alias in another component, and says why', () => {
    const text = `${HEAD}components:\n  a:\n    team: web\n    owner: &o bob\n    paths: [/a/]\n  b:\n    team: web\n    owner: *o\n    paths: [/b/]\n`;
    const r = handoffEdits(text, request('a', 'carol'));
    assert.strictEqual(r.kind, 'refused');
    assert.match((r as { reason: string }).reason, /anchor &o.*other parts of the file/);
  });

  it('refuses when the owner is itself an alias', () => {
    const text = `${HEAD}components:\n  a:\n    team: web\n    owner: &o bob\n    paths: [/a/]\n  b:\n    team: web\n    owner: *o\n    paths: [/b/]\n`;
    const r = handoffEdits(text, request('b', 'carol'));
    assert.strictEqual(r.kind, 'refused');
  });

  it('refuses to append to a handoffs list shared with another component, which stays as it was', () => {
    const text = `${HEAD}components:\n  a:\n    team: web\n    owner: bob\n    paths: [/a/]\n    handoffs: &h\n      - {date: 2026-01-01, from: alice, to: bob}\n  b:\n    team: web\n    owner: bob\n    paths: [/b/]\n    handoffs: *h\n`;
    for (const id of ['a', 'b']) {
      const r = handoffEdits(text, request(id, 'carol'));
      assert.strictEqual(r.kind, 'refused', id);
      assert.match((r as { reason: string }).reason, /YAML (anchor|alias)/);
    }
  });

  it('keeps the kept trailing newlines of a `|+` block scalar in the previous handoff', () => {
    const text = `${HEAD}components:\n  a:\n    team: web\n    owner: bob\n    paths: [/a/]\n    handoffs:\n      - date: 2026-01-01\n        from: alice\n        to: bob\n        notes: |+\n          First line.\n\n\n  b:\n    team: web\n    owner: dan\n    paths: [/b/]\n`;
    const before = parseOwners(text).model.components.get('a')!.handoffs[0].notes;
    assert.strictEqual(before, 'First line.\n\n\n');
    const r = handoffEdits(text, request('a', 'carol'));
    assert.strictEqual(r.kind, 'edits', (r as { reason?: string }).reason);
    const after = parseOwners(applyTextEdits(text, (r as { edits: TextEdit[] }).edits)).model;
    assert.strictEqual(after.components.get('a')!.handoffs[0].notes, before);
    assert.strictEqual(after.components.get('a')!.handoffs[1].to, 'carol');
    assert.strictEqual(after.components.get('b')!.owner, 'dan');
  });

  it('still hands over an ordinary component next to anchors it does not use', () => {
    const text = `${HEAD}x-shared: &s [x]\ncomponents:\n  a:\n    team: web\n    owner: bob\n    paths: [/a/]\n    stakeholders: *s\n`;
    const r = handoffEdits(text, request('a', 'carol'));
    assert.strictEqual(r.kind, 'edits', (r as { reason?: string }).reason);
  });
});
