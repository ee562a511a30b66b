import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  completionContext,
  nameCompletions,
  pathCompletions,
} from '../../../../src/core/language/ownersCompletion';
import {
  definitionsOf,
  documentSymbols,
  indexSymbols,
  referencesOf,
  renameEdits,
  symbolAt,
} from '../../../../src/core/language/ownersSymbols';
import { applyTextEdits } from '../../../../src/core/handoff/edit';
import { parseOwners } from '../../../../src/core/owners/parse';
import { validateOwners } from '../../../../src/core/owners/validate';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');
/** Offset of the n-th (0-based) occurrence of `needle`, plus `delta`. */
const at = (text: string, needle: string, n = 0, delta = 1) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${n} not found`);
  return i + delta;
};
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('OWNERS.yaml language features (core)', () => {
  const index = indexSymbols(acme);

  it('finds the definition of a team, an outcome and a login from any reference', () => {
    const teamRef = symbolAt(index, at(acme, 'team: payments', 0, 8))!;
    assert.deepStrictEqual(
      [teamRef.kind, teamRef.name, teamRef.definition],
      ['team', 'payments', false],
    );
    const [def] = definitionsOf(index, teamRef);
    assert.strictEqual(acme.slice(def.offset, def.end), 'payments');
    assert.match(acme.split('\n')[lineOf(acme, def.offset) - 1], /^ {2}payments:/);
    const outcome = symbolAt(index, at(acme, '[checkout-conversion', 0, 2))!;
    assert.strictEqual(outcome.kind, 'outcome');
    assert.strictEqual(definitionsOf(index, outcome).length, 1);
  });

  it('lists every reference of a login, compared without case, with or without the definition', () => {
    const text = acme.replace('owner: bob', 'owner: Bob');
    const idx = indexSymbols(text);
    const bob = symbolAt(idx, at(text, 'owner: Bob', 0, 8))!;
    const refs = referencesOf(idx, bob, false).map(o => text.slice(o.offset, o.end));
    assert.ok(refs.includes('Bob') && refs.includes('bob'), refs.join(','));
    assert.ok(refs.length >= 3, `${refs.length} references`);
  });

  it('renames a team everywhere as plain scalar edits: comments and every other byte stay', () => {
    const text = `# top comment\nversion: 1\nteams:\n  payments:   # the money team\n    lead: alice\ncomponents:\n  api:\n    team: payments # inline\n    owner: alice\n    paths: [/api/]\n  web:\n    team: "payments"\n    owner: alice\n    paths: [/web/]\n`;
    const r = renameEdits(text, indexSymbols(text), at(text, 'team: payments', 0, 8), 'money');
    assert.strictEqual(r.kind, 'edits');
    const out = applyTextEdits(text, r.kind === 'edits' ? r.edits : []);
    assert.strictEqual(
      out,
      text
        .replace('  payments:', '  money:')
        .replace('team: payments', 'team: money')
        .replace('team: "payments"', 'team: "money"'),
    );
    assert.deepStrictEqual(
      validateOwners(parseOwners(out)).filter(d => d.severity === 'error'),
      [],
    );
  });

  it('renames a login in leads, members, owners and handoffs; refuses invalid or taken names', () => {
    const idx = indexSymbols(acme);
    const r = renameEdits(acme, idx, at(acme, 'lead: alice', 0, 7), 'alice-ng');
    assert.strictEqual(r.kind, 'edits');
    const out = applyTextEdits(acme, r.kind === 'edits' ? r.edits : []);
    assert.ok(!/\balice\b(?!-ng)/.test(out.replace(/alice@example\.com/g, '')), 'no alice left');
    assert.deepStrictEqual(
      validateOwners(parseOwners(out)).filter(d => d.severity === 'error'),
      [],
    );
    assert.strictEqual(
      renameEdits(acme, idx, at(acme, 'lead: alice', 0, 7), 'not valid').kind,
      'refused',
    );
    const taken = renameEdits(acme, idx, at(acme, 'team: payments', 0, 8), 'platform');
    assert.deepStrictEqual(taken, {
      kind: 'refused',
      reason: 'A team named "platform" already exists.',
    });
    assert.strictEqual(renameEdits(acme, idx, 0, 'x').kind, 'refused');
  });

  it('quotes a new name YAML would not read as text', () => {
    const text =
      'version: 1\nteams:\n  t:\n    lead: a\ncomponents:\n  c:\n    team: t\n    owner: a\n    paths: [/x/]\n';
    const r = renameEdits(text, indexSymbols(text), at(text, 'team: t', 0, 6), '2024');
    assert.ok(r.kind === 'edits' && r.edits.every(e => e.newText === '"2024"'));
    assert.strictEqual(
      parseOwners(applyTextEdits(text, r.kind === 'edits' ? r.edits : [])).model.components.get(
        'c',
      )!.team,
      '2024',
    );
  });

  it("outlines the sections with their entries and each component's patterns", () => {
    const symbols = documentSymbols(acme);
    assert.deepStrictEqual(
      symbols.map(s => s.name),
      ['version', 'people', 'teams', 'outcomes', 'components', 'unowned', 'metrics'].filter(n =>
        new RegExp(`^${n}:`, 'm').test(acme),
      ),
    );
    const components = symbols.find(s => s.name === 'components')!;
    const checkout = components.children.find(c => c.name === 'checkout-api')!;
    assert.match(checkout.detail!, /owner bob/);
    assert.ok(checkout.children.length >= 1 && checkout.children.every(c => c.kind === 'pattern'));
    assert.strictEqual(
      acme.slice(checkout.selection.offset, checkout.selection.end),
      'checkout-api',
    );
  });

  it('knows what fits at the cursor, even in a half-typed file', () => {
    const ctx = (text: string) => completionContext(text, text.length);
    assert.deepStrictEqual(ctx('components:\n  x:\n    team: pa'), {
      kind: 'team',
      prefix: 'pa',
      start: 27,
    });
    assert.strictEqual(ctx('teams:\n  t:\n    lead: ')?.kind, 'login');
    assert.strictEqual(ctx('teams:\n  t:\n    members: [bob, ')?.kind, 'login');
    assert.strictEqual(ctx('components:\n  x:\n    outcomes:\n      - che')?.kind, 'outcome');
    assert.strictEqual(
      ctx('components:\n  x:\n    paths:\n      - /services/ch')?.prefix,
      '/services/ch',
    );
    assert.strictEqual(ctx('unowned:\n  - /thi')?.kind, 'path');
    assert.strictEqual(
      ctx('outcomes:\n  '),
      undefined,
      'the top-level section is not a list of references',
    );
    assert.strictEqual(ctx('components:\n  x:\n    name: Check'), undefined);
    assert.strictEqual(ctx('components:\n  x:\n    team: a # comm'), undefined);
  });

  it('completes team ids, outcome ids and logins from the file, and paths from the repository', () => {
    const model = parseOwners(acme).model;
    assert.deepStrictEqual(
      nameCompletions(model, 'team')
        .map(e => e.label)
        .sort(),
      [...model.teams.keys()].sort(),
    );
    assert.ok(
      nameCompletions(model, 'login').some(
        e => e.label === 'alice' && /lead of payments/.test(e.detail!),
      ),
    );
    // an owner typed in a component of Platform (lead dan, member erin): the team first, its lead first of all
    const inGateway = acme.indexOf('owner: erin') + 'owner: '.length;
    const sorted = nameCompletions(model, 'login', inGateway).sort((a, b) =>
      a.sortText!.localeCompare(b.sortText!),
    );
    assert.deepStrictEqual(
      sorted.map(e => e.label),
      ['dan', 'erin', 'alice', 'bob', 'carol'],
    );
    assert.match(sorted[1].detail!, /^in Platform · /);
    assert.doesNotMatch(sorted[2].detail!, /^in /);
    // in Payments' component: alice (lead), then bob and carol
    const inCheckout = acme.indexOf('owner: bob') + 'owner: '.length;
    assert.deepStrictEqual(
      nameCompletions(model, 'login', inCheckout)
        .sort((a, b) => a.sortText!.localeCompare(b.sortText!))
        .map(e => e.label),
      ['alice', 'bob', 'carol', 'dan', 'erin'],
    );
    const files = [
      'services/checkout/api.ts',
      'services/checkout/db/schema.sql',
      'services/billing/x.ts',
      'README.md',
    ];
    assert.deepStrictEqual(
      pathCompletions(files, '/services/').map(e => [e.label, e.kind]),
      [
        ['/services/billing/', 'folder'],
        ['/services/checkout/', 'folder'],
      ],
    );
    assert.deepStrictEqual(
      pathCompletions(files, '').map(e => e.label),
      ['/services/', '/README.md'],
    );
    assert.deepStrictEqual(
      pathCompletions(files, '/services/checkout/').map(e => e.label),
      ['/services/checkout/db/', '/services/checkout/api.ts'],
    );
  });
});
