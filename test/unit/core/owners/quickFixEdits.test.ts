import * as assert from 'assert';
import { applyTextEdits } from '../../../../src/core/handoff/textEdits';
import { parseOwners } from '../../../../src/core/owners/parse';
import { addTeamCodeownerFix } from '../../../../src/core/owners/singleCodeowner';
import { validateOwners } from '../../../../src/core/owners/validate';
import { knownLogins, personOwnership } from '../../../../src/core/owners/personOwnership';
import {
  addPersonEdit,
  addTeamMemberEdit,
  closestIds,
  defineOutcomeEdit,
  defineTeamEdit,
  removePatternEdit,
  replaceValueEdit,
} from '../../../../src/core/owners/quickFixEdits';

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
    assert.ok(
      apply(addTeamMemberEdit(BASE, 'web', 'cy')).includes(
        '      - bo   # since May\n      - cy\n',
      ),
    );
    const noMembers = BASE.replace('    members: [yan]\n', '');
    assert.ok(
      applyTextEdits(noMembers, [addTeamMemberEdit(noMembers, 'core', 'xia')!]).includes(
        '    lead: zoe\n    members: [xia]\n',
      ),
    );
    assert.strictEqual(addTeamMemberEdit(BASE, 'nope', 'xia'), undefined);
  });

  it('removes a block or flow pattern and leaves valid YAML', () => {
    const block = apply(removePatternEdit(BASE, BASE.indexOf('/legacy/')));
    assert.ok(block.includes('      - /src/api/\n    outcomes:'));
    const flow = apply(removePatternEdit(BASE, BASE.indexOf('/old/')));
    assert.ok(flow.includes('    paths: [/web/]\n'), flow);
    const first = apply(removePatternEdit(BASE, BASE.indexOf('/web/')));
    assert.ok(first.includes('    paths: [/old/]\n'), first);
    assert.deepStrictEqual(
      parseOwners(block).diagnostics.filter(d => d.severity === 'error'),
      [],
    );
  });

  it('creates a team a component names: valid at once, its placeholder lead the one thing left to say (an info)', () => {
    const clean = BASE.replace('[latency, reliability]', '[latency]').replace(
      'members: [yan]',
      'members: [yan, xia]',
    );
    const unknown = clean
      .replace('    team: web\n', '    team: growth-marketing\n')
      .replace(/\n/g, '\r\n');
    const problems = (text: string) =>
      validateOwners(parseOwners(text))
        .filter(d => d.code !== 'pattern-matches-nothing' && d.code !== 'single-codeowner')
        .map(d => `${d.severity} ${d.code}`);
    assert.deepStrictEqual(problems(unknown), ['error unknown-team']);
    const text = applyTextEdits(unknown, [
      defineTeamEdit(unknown, 'growth-marketing', 'bo', 'site')!,
    ]);
    assert.ok(
      text.includes(
        "      - bo   # since May\r\n  growth-marketing:\r\n    name: Growth Marketing\r\n    lead: bo\r\n    members: [bo]\r\n    x-guessed:\r\n      lead: a placeholder, bo owns site, the component that names this team; name the team's lead\r\noutcomes:",
      ),
      text,
    );
    assert.deepStrictEqual(problems(text), ['info guessed']);
    const info = validateOwners(parseOwners(text)).find(d => d.code === 'guessed')!;
    assert.strictEqual(
      info.message,
      'The lead of team "growth-marketing" ("bo") was guessed: a placeholder, bo owns site, the component that names this team; name the team\'s lead. Confirm or change it, then delete this `x-guessed` entry.',
    );
    // no `teams` section yet: one is created before `components`
    const none =
      'version: 1\ncomponents:\n  api:\n    team: core\n    owner: xia\n    paths: [/src/]\n';
    const created = applyTextEdits(none, [defineTeamEdit(none, 'core', 'xia', 'api')!]);
    // text YAML would read otherwise (a login such as `null`, a component id with ": ") is quoted
    const odd = applyTextEdits(none.replace('owner: xia', 'owner: "null"'), [
      defineTeamEdit(none.replace('owner: xia', 'owner: "null"'), 'core', 'null', 'a: b')!,
    ]);
    assert.deepStrictEqual(
      [parseOwners(odd).model.teams.get('core')?.lead, problems(odd)],
      ['null', ['info guessed']],
    );
    assert.ok(
      created.startsWith('version: 1\nteams:\n  core:\n    name: Core\n    lead: xia\n'),
      created,
    );
    assert.deepStrictEqual(problems(created), ['info guessed']);
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
    assert.deepStrictEqual(
      [bo.owns.map(c => c.id), bo.leads.map(t => t.id), bo.memberOf.map(t => t.id)],
      [['site'], [], ['web']],
    );
    assert.deepStrictEqual(
      personOwnership(model, 'zoe').leads.map(t => t.id),
      ['core'],
    );
    assert.deepStrictEqual(knownLogins(model), ['ann', 'bo', 'xia', 'yan', 'zoe']);
  });
});

describe('quick fix edits: misspelt references, unknown people', () => {
  it('finds the defined ids closest to a misspelt one, and none when nothing is close', () => {
    assert.deepStrictEqual(closestIds('paymnts', ['storefront', 'payments', 'platform']), [
      'payments',
    ]);
    assert.deepStrictEqual(
      closestIds('platfrom', ['storefront', 'payments', 'platform']),
      ['platform'],
      'a swap of two letters is one edit',
    );
    assert.deepStrictEqual(closestIds('Payments', ['payments']), ['payments'], 'case is ignored');
    assert.deepStrictEqual(closestIds('cor', ['core', 'web']), ['core']);
    assert.deepStrictEqual(
      closestIds('web2', ['web1', 'web3', 'core']),
      ['web1', 'web3'],
      'every id at the smallest distance',
    );
    assert.deepStrictEqual(closestIds('reliability', ['latency']), []);
    assert.deepStrictEqual(closestIds('x', ['y', 'z']), ['y', 'z']);
    assert.deepStrictEqual(closestIds('ab', ['xy']), []);
  });

  it('changes a misspelt team or outcome in place, keeping comments and quoting what YAML needs', () => {
    const text = BASE.replace('    team: web\n', '    team: wbe   # the web team\n').replace(
      'outcomes: [latency, reliability]',
      'outcomes: [latncy, reliability]  # see dashboards',
    );
    const parsed = parseOwners(text).model;
    const site = parsed.components.get('site')!;
    const team = applyTextEdits(text, [replaceValueEdit(text, site.teamSpan!, 'web')!]);
    assert.strictEqual(
      team,
      text.replace('team: wbe   # the web team', 'team: web   # the web team'),
    );
    const api = parsed.components.get('api')!;
    const outcome = applyTextEdits(text, [
      replaceValueEdit(text, api.outcomeSpans![0], 'latency')!,
    ]);
    assert.ok(outcome.includes('outcomes: [latency, reliability]  # see dashboards\n'), outcome);
    assert.strictEqual(replaceValueEdit(text, site.teamSpan!, 'a: b')!.newText, '"a: b"');
  });

  it('adds a login under people after the last entry, keeping comments', () => {
    const text = `version: 1
people:
  zoe: { name: Zoe }   # lead
  yan: {}
# the teams
teams:
  core: { lead: zoe, members: [yan, quinn] }
components: {}
`;
    const out = applyTextEdits(text, [addPersonEdit(text, 'quinn')!]);
    assert.strictEqual(out, text.replace('  yan: {}\n', '  yan: {}\n  quinn: {}\n'));
    assert.ok(parseOwners(out).model.people.has('quinn'));
    const block = 'version: 1\npeople:\n    zoe:\n      name: Zoe\nteams: {}\n';
    assert.strictEqual(
      applyTextEdits(block, [addPersonEdit(block, 'quinn')!]),
      'version: 1\npeople:\n    zoe:\n      name: Zoe\n    quinn: {}\nteams: {}\n',
    );
    assert.strictEqual(
      addPersonEdit('version: 1\npeople: { zoe: {} }\n', 'quinn'),
      undefined,
      'a flow mapping is left to the user',
    );
  });
});

describe('single-codeowner quick fix: add the team', () => {
  const parse = parseOwners;
  const validate = validateOwners;
  const apply = (text: string, e: { offset: number; length: number; newText: string }) =>
    text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length);
  const codes = (text: string) => validate(parse(text)).map(d => d.code);

  it('adds the team slug to a `codeowners` list, and the warning goes', () => {
    const text =
      'version: 1\nteams:\n  web: {lead: alice, members: [bob], github: acme/web}\ncomponents:\n  site:\n    team: web\n    owner: bob\n    paths: [/a]\n    codeowners: ["@bob"]\n';
    assert.ok(codes(text).includes('single-codeowner'));
    const fix = addTeamCodeownerFix(text, parse(text).model, 'site')!;
    assert.strictEqual(fix.title, 'Add @acme/web to the code owners of site');
    const fixed = apply(text, fix.edit);
    assert.deepStrictEqual(parse(fixed).model.components.get('site')!.codeowners, [
      '@bob',
      '@acme/web',
    ]);
    assert.ok(!codes(fixed).includes('single-codeowner'));
  });

  it('gives the team a slug in the organisation the file already uses, for the default export', () => {
    const text =
      'version: 1\nteams:\n  web:\n    lead: alice\n    members: [bob]\n  ops:\n    lead: carol\n    github: acme/ops\ncomponents:\n  site: {team: web, owner: bob, paths: [/a]}\n  infra: {team: ops, owner: carol, paths: [/b]}\n';
    assert.deepStrictEqual(codes(text).filter(c => c === 'single-codeowner').length, 1);
    const fixed = apply(text, addTeamCodeownerFix(text, parse(text).model, 'site')!.edit);
    assert.strictEqual(parse(fixed).model.teams.get('web')!.github, 'acme/web');
    assert.ok(!codes(fixed).includes('single-codeowner'));
    // No organisation anywhere: no fix is guessed.
    const alone =
      'version: 1\nteams:\n  web: {lead: alice}\ncomponents:\n  site: {team: web, owner: alice, paths: [/a]}\n';
    assert.strictEqual(addTeamCodeownerFix(alone, parse(alone).model, 'site'), undefined);
  });
});
