import * as assert from 'assert';
import { parse as parseYaml } from 'yaml';
import { exportCodeowners, importCodeowners } from '../../../../src/core/owners/codeowners';
import { ownerKind, parseCodeowners } from '../../../../src/core/owners/codeownersFile';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';

/** `pattern=owners` per rule, compactly. */
const rulesOf = (text: string) =>
  parseCodeowners(text).map(r => `${r.pattern}=${r.owners.join(',')}`);

/** Owners per path after import, [] when unowned. */
function importedOwners(codeowners: string, paths: string[]): string[][] {
  const index = createOwnershipIndex(parseOwners(importCodeowners(codeowners)).model);
  return paths.map(p => {
    const o = index.ownerOf(p);
    return o.kind === 'owned' ? (o.component.codeowners ?? []) : [];
  });
}

describe('parseCodeowners', () => {
  it('skips comments and blank lines, ignores CR, trailing whitespace and column alignment', () => {
    const text =
      '# header @not-an-owner\r\n\r\n*        @a   @b  \r\n   /docs/\t@org/docs # trailing comment @x\r\n/x/   \n';
    assert.deepStrictEqual(rulesOf(text), ['*=@a,@b', '/docs/=@org/docs', '/x/=']);
    assert.deepStrictEqual(
      parseCodeowners(text).map(r => r.line),
      [3, 4, 5],
    );
  });

  it('keeps escaped spaces in the pattern', () => {
    assert.deepStrictEqual(rulesOf('path\\ with\\ spaces/ @space-owner'), [
      'path\\ with\\ spaces/=@space-owner',
    ]);
  });

  it('tells teams, users and e-mail addresses apart', () => {
    assert.deepStrictEqual(['@org/team', '@user', 'docs@example.com'].map(ownerKind), [
      'team',
      'user',
      'email',
    ]);
  });
});

describe('importCodeowners', () => {
  it('emits OWNERS.yaml version 1 with teams from @org/team handles, leads from co-listed users', () => {
    const yaml = importCodeowners(
      '/api/ @acme/payments @bob\n/web/ @acme/payments @carol @bob\n/ops/ @acme/payments @bob\n',
    );
    const doc = parseYaml(yaml);
    assert.strictEqual(doc.version, 1);
    assert.deepStrictEqual(
      doc.teams.payments,
      {
        name: 'acme/payments',
        lead: 'bob',
        members: ['carol'],
        github: 'acme/payments',
        'x-guessed': { lead: 'listed most often with @acme/payments (3 of 3 rules)' },
      },
      'CODEOWNERS has no leads: the lead is a guess, marked as one',
    );
    assert.strictEqual(doc.components.payments.owner, 'bob');
    assert.deepStrictEqual(
      doc.components.payments.paths,
      ['/api/', '/ops/'],
      'same owners, disjoint anchored prefixes: grouped, named after the team that owns both',
    );
    assert.strictEqual(doc.components.web.owner, 'carol', 'owner = first @user of the rule');
    assert.deepStrictEqual(parseOwners(yaml).diagnostics, []);
    assert.strictEqual(
      doc.components.web['x-guessed'].owner,
      'first of the 2 people the source lists for these paths',
    );
    assert.strictEqual(
      doc.components.payments['x-guessed'],
      undefined,
      'one person listed: not a guess',
    );
  });

  it('does not group rules whose move could change a winner', () => {
    const text = '*.js @a\n/src/ @b\n/src/x.js @a\n';
    const yaml = importCodeowners(text);
    assert.strictEqual(Object.keys(parseYaml(yaml).components).length, 3);
    assert.deepStrictEqual(importedOwners(text, ['src/x.js', 'src/y.js', 'lib/z.js']), [
      ['@a'],
      ['@b'],
      ['@a'],
    ]);
  });

  it('leaves out what CODEOWNERS does not say, with a comment for the lead', () => {
    const yaml = importCodeowners('/infra/ @acme/platform\n/docs/ docs@example.com\n');
    assert.match(yaml, /# TODO: the source names no lead for this team; add `lead: <login>`\./);
    assert.match(
      yaml,
      /# TODO: the source names no individual here; the team lead should add `owner: <login>`\./,
    );
    const doc = parseYaml(yaml);
    assert.strictEqual(doc.components.infra.owner, undefined);
    assert.deepStrictEqual(doc.components.docs.codeowners, ['docs@example.com']);
    assert.strictEqual(doc.components.docs.team, 'code-owners', 'no team handle: the shared team');
  });

  it('puts rules with no owners under `unowned` at the end when nothing later overlaps them', () => {
    const text = '* @all\n/apps/ @octocat\n/apps/github\n/lib/ @lib\n';
    const yaml = importCodeowners(text);
    assert.ok(yaml.indexOf('unowned:') > yaml.indexOf('components:'));
    assert.deepStrictEqual(importedOwners(text, ['apps/github/a', 'apps/x', 'lib/y', 'z']), [
      [],
      ['@octocat'],
      ['@lib'],
      ['@all'],
    ]);
  });

  it('puts them at the start when only that keeps every answer', () => {
    const text = '/vendor/\n* @all\n/src/ @dev\n';
    const yaml = importCodeowners(text);
    assert.ok(yaml.indexOf('unowned:') < yaml.indexOf('components:'));
    assert.deepStrictEqual(importedOwners(text, ['vendor/a', 'src/b', 'c']), [
      ['@all'],
      ['@dev'],
      ['@all'],
    ]);
  });

  it('says so in the file when no placement of `unowned` is exact', () => {
    const yaml = importCodeowners('* @all\n/apps/\n*.md @docs\n');
    assert.match(
      yaml,
      /# WARNING \(CODEOWNERS:2\): "\/apps\/" \(no owners\) has no exact place under `unowned`/,
    );
    assert.match(yaml, /^# CODEOWNERS:2 \[inexact\]/m, 'and in the list at the top');
  });

  it('gives unique, valid component ids', () => {
    const yaml = importCodeowners('/a/docs/ @x\n/b/docs/ @y\n/c/docs/ @z\n*.proto @p\n* @q\n');
    assert.deepStrictEqual(Object.keys(parseYaml(yaml).components), [
      'docs',
      'b-docs',
      'c-docs',
      'proto-files',
      'everything',
    ]);
  });
});

describe('exportCodeowners', () => {
  const model = parseOwners(`version: 1
teams:
  payments: { lead: alice, members: [bob], github: acme/payments }
  web: { lead: carol }
components:
  checkout:
    team: payments
    owner: bob
    paths: [/services/checkout/, "*.proto"]
  site:
    team: web
    owner: carol
    paths: [/web/]
    codeowners: ["@acme/web", web@example.com]
unowned:
  - /third_party/
`).model;

  it('writes every pattern in file order with its owners, a header, unowned patterns alone', () => {
    const text = exportCodeowners(model);
    assert.match(text, /^# Generated from OWNERS\.yaml/);
    assert.deepStrictEqual(rulesOf(text), [
      '/services/checkout/=@acme/payments,@bob',
      '*.proto=@acme/payments,@bob',
      '/web/=@acme/web,web@example.com',
      '/third_party/=',
    ]);
  });

  it('round-trips through importCodeowners with the same owners everywhere', () => {
    const text = exportCodeowners(model);
    const paths = [
      'services/checkout/a.ts',
      'api/x.proto',
      'web/index.html',
      'third_party/lib.js',
      'README.md',
    ];
    assert.deepStrictEqual(importedOwners(text, paths), [
      ['@acme/payments', '@bob'],
      ['@acme/payments', '@bob'],
      ['@acme/web', 'web@example.com'],
      [],
      [],
    ]);
  });
});
