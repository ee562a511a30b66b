import * as assert from 'assert';
import { applyTextEdits } from '../../src/core/handoff/textEdits';
import { parseOwners } from '../../src/core/owners/parse';
import { knownLogins, personOwnership } from '../../src/core/owners/personOwnership';
import { addTeamMemberEdit, defineOutcomeEdit, removePatternEdit } from '../../src/core/owners/quickFixEdits';

const BASE = `version: 1
teams:
  core:
    lead: zoe
    members: [yan]
  web:
    lead: ann
    members:
      - bo   # since May
outcomes:
  latency: { name: Latency }
components:
  api:
    team: core
    owner: xia
    paths:
      - /src/api/
      - /legacy/
    outcomes: [latency, reliability]
  site:
    team: web
    owner: bo
    paths: [/web/, /old/]
`;
const apply = (edit: ReturnType<typeof addTeamMemberEdit>) => applyTextEdits(BASE, [edit!]);

describe('quick fix edits', () => {
  it('adds a member to a flow list, a block list, or a team without members', () => {
    assert.ok(apply(addTeamMemberEdit(BASE, 'core', 'xia')).includes('    members: [yan, xia]\n'));
    assert.ok(apply(addTeamMemberEdit(BASE, 'web', 'cy')).includes('      - bo   # since May\n      - cy\n'));
    const noMembers = BASE.replace('    members: [yan]\n', '');
    assert.ok(applyTextEdits(noMembers, [addTeamMemberEdit(noMembers, 'core', 'xia')!]).includes('    lead: zoe\n    members: [xia]\n'));
    assert.strictEqual(addTeamMemberEdit(BASE, 'nope', 'xia'), undefined);
  });

  it('removes a block or flow pattern and leaves valid YAML', () => {
    const block = apply(removePatternEdit(BASE, BASE.indexOf('/legacy/')));
    assert.ok(block.includes('      - /src/api/\n    outcomes:'));
    const flow = apply(removePatternEdit(BASE, BASE.indexOf('/old/')));
    assert.ok(flow.includes('    paths: [/web/]\n'), flow);
    const first = apply(removePatternEdit(BASE, BASE.indexOf('/web/')));
    assert.ok(first.includes('    paths: [/old/]\n'), first);
    assert.deepStrictEqual(parseOwners(block).diagnostics.filter(d => d.severity === 'error'), []);
  });

  it('defines a missing outcome, creating the section when needed', () => {
    const text = apply(defineOutcomeEdit(BASE, 'reliability'));
    assert.ok(parseOwners(text).model.outcomes.has('reliability'), text);
    const none = BASE.replace('outcomes:\n  latency: { name: Latency }\n', '');
    const created = applyTextEdits(none, [defineOutcomeEdit(none, 'latency')!]);
    assert.ok(created.includes('outcomes:\n  latency:\n    name: latency\n\ncomponents:'), created);
  });
});

describe('personOwnership', () => {
  it('says what a login owns, leads and belongs to, case-insensitively', () => {
    const { model } = parseOwners(BASE);
    const bo = personOwnership(model, 'BO');
    assert.deepStrictEqual([bo.owns.map(c => c.id), bo.leads.map(t => t.id), bo.memberOf.map(t => t.id)], [['site'], [], ['web']]);
    assert.deepStrictEqual(personOwnership(model, 'zoe').leads.map(t => t.id), ['core']);
    assert.deepStrictEqual(knownLogins(model), ['ann', 'bo', 'xia', 'yan', 'zoe']);
  });
});
