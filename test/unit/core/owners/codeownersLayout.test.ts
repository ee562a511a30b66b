import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compilePatterns } from '../../../../src/core/match/compile';
import { exportCodeowners, importCodeowners } from '../../../../src/core/owners/codeowners';
import { parseCodeowners } from '../../../../src/core/owners/codeownersFile';
import { parseOwners } from '../../../../src/core/owners/parse';
import { pathsAroundPatterns } from '../../../oracles/codeownersCorpus';
import { REPO_ROOT } from '../../../repoRoot';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/codeowners');
const HEADER_LINES = 2;

function answers(text: string, paths: readonly string[]): string[] {
  const rules = parseCodeowners(text);
  const m = compilePatterns(rules.map(r => r.pattern));
  return paths.map(p => (m.winner(p) < 0 ? '' : rules[m.winner(p)].owners.join(' ')));
}

describe("CODEOWNERS export keeps the existing file's comments, alignment and order", () => {
  for (const file of fs
    .readdirSync(FIXTURES)
    .filter(f => f.endsWith('.CODEOWNERS'))
    .sort()) {
    it(`${file}: import then export gives the file back, line for line, under the header`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const exported = exportCodeowners(parseOwners(importCodeowners(text)).model, text);
      const lines = exported.split('\n');
      assert.match(lines[0], /^# Generated from OWNERS\.yaml/);
      assert.strictEqual(
        lines.slice(HEADER_LINES).join('\n'),
        text,
        'every comment, blank line, alignment and rule order kept',
      );
      assert.strictEqual(
        exportCodeowners(parseOwners(importCodeowners(text)).model, exported),
        exported,
        'and stable once written',
      );
    });
  }

  it('changes only the owners that changed, in their column; new rules follow their predecessor; comments of removed rules stay', () => {
    const layout =
      '# top\n*            @acme/all\n\n# docs team\n/docs/       @acme/docs\n# old\n/legacy/     @old\n';
    const owners = `version: 1
teams:
  t: {lead: a}
components:
  all: {team: t, owner: a, paths: ["*"], codeowners: ["@acme/all"]}
  docs: {team: t, owner: a, paths: [/docs/], codeowners: ["@acme/writers"]}
  api: {team: t, owner: a, paths: [/api/], codeowners: ["@acme/api"]}
`;
    const out = exportCodeowners(parseOwners(owners).model, layout)
      .split('\n')
      .slice(HEADER_LINES)
      .join('\n');
    assert.strictEqual(
      out,
      '# top\n*            @acme/all\n\n# docs team\n/docs/       @acme/writers\n/api/ @acme/api\n# old\n',
    );
  });

  it('never moves a rule past one it overlaps with other owners, whatever the old order says', () => {
    const layout = '/src/ @b\n*.js @a\n';
    const owners = `version: 1
teams:
  t: {lead: a}
components:
  js: {team: t, owner: a, paths: ["*.js"], codeowners: ["@a"]}
  src: {team: t, owner: b, paths: [/src/], codeowners: ["@b"]}
`;
    const model = parseOwners(owners).model;
    const out = exportCodeowners(model, layout);
    const paths = pathsAroundPatterns(['/src/', '*.js']);
    assert.deepStrictEqual(
      answers(out, paths),
      answers(exportCodeowners(model), paths),
      'OWNERS.yaml decides who wins',
    );
    assert.deepStrictEqual(
      parseCodeowners(out).map(r => r.pattern),
      ['*.js', '/src/'],
    );
  });
});
