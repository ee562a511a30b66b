import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathsAroundPatterns } from '../../../oracles/codeownersCorpus';
import { compilePatterns } from '../../../../src/core/match/compile';
import { exportCodeowners, importCodeowners } from '../../../../src/core/owners/codeowners';
import { parseCodeowners } from '../../../../src/core/owners/codeownersFile';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { validateOwners } from '../../../../src/core/owners/validate';
import { REPO_ROOT } from '../../../repoRoot';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/codeowners');

/** Owners per path under a CODEOWNERS text ([] = unowned, whether explicitly or by no match). */
function codeownersAnswers(text: string, paths: readonly string[]): string[][] {
  const rules = parseCodeowners(text);
  const matcher = compilePatterns(rules.map(r => r.pattern));
  return paths.map(p => {
    const w = matcher.winner(p);
    return w < 0 ? [] : rules[w].owners;
  });
}

// What the imported OWNERS.yaml may be reported for: what CODEOWNERS does not say (leads and owners
// of team-only rules), duplicate rules and odd logins that the original file itself has.
// single-codeowner: real CODEOWNERS files name one person for many paths; the import keeps them as they are.
const EXPECTED_PROBLEMS = new Set([
  'missing-lead',
  'missing-field',
  'duplicate-pattern',
  'invalid-login',
  'guessed',
  'single-codeowner',
]);

describe('importCodeowners -> OWNERS.yaml -> the same owners, on real CODEOWNERS files', function () {
  this.timeout(60000);
  for (const file of fs
    .readdirSync(FIXTURES)
    .filter(f => f.endsWith('.CODEOWNERS'))
    .sort()) {
    it(`${file}: every path keeps its owners, through import and through export`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const rules = parseCodeowners(text);
      const paths = pathsAroundPatterns(rules.map(r => r.pattern));
      const expected = codeownersAnswers(text, paths);

      const yaml = importCodeowners(text);
      const parsed = parseOwners(yaml);
      const unexpected = validateOwners(parsed).filter(d => !EXPECTED_PROBLEMS.has(d.code));
      assert.deepStrictEqual(
        unexpected.map(d => `${d.code}@${d.span.line}: ${d.message}`),
        [],
      );
      assert.strictEqual(parsed.model.patterns.length, rules.length, 'every rule kept');

      const index = createOwnershipIndex(parsed.model);
      const imported = paths.map(p => {
        const o = index.ownerOf(p);
        return o.kind === 'owned' ? (o.component.codeowners ?? []) : [];
      });
      const differing = paths.filter((_, i) => imported[i].join(' ') !== expected[i].join(' '));
      assert.deepStrictEqual(
        differing.slice(0, 5),
        [],
        `${differing.length} of ${paths.length} paths changed owners`,
      );

      const exported = codeownersAnswers(exportCodeowners(parsed.model), paths);
      const differingExport = paths.filter(
        (_, i) => exported[i].join(' ') !== expected[i].join(' '),
      );
      assert.deepStrictEqual(
        differingExport.slice(0, 5),
        [],
        `${differingExport.length} paths changed owners after export`,
      );
      console.log(
        `      ${file}: ${rules.length} rules -> ${parsed.model.components.size} components, ${parsed.model.teams.size} teams, ` +
          `${parsed.model.unowned.length} unowned; ${paths.length} paths identical`,
      );
    });
  }

  it("groups DataDog's integration rules into far fewer components than rules", () => {
    const text = fs.readFileSync(
      path.join(FIXTURES, 'DataDog__integrations-extras.CODEOWNERS'),
      'utf8',
    );
    const model = parseOwners(importCodeowners(text)).model;
    assert.ok(
      model.components.size < parseCodeowners(text).length * 0.75,
      `${model.components.size} components`,
    );
    assert.ok(model.components.has('ably'), 'readable ids from the path');
  });

  it('keeps the rules with no owners of azure-pipelines-tasks under `unowned`, overriding `*`', () => {
    const text = fs.readFileSync(
      path.join(FIXTURES, 'microsoft__azure-pipelines-tasks.CODEOWNERS'),
      'utf8',
    );
    const parsed = parseOwners(importCodeowners(text));
    assert.deepStrictEqual(
      parsed.model.unowned.map(p => p.pattern),
      [
        'Tasks/Common/kubernetes-common/',
        'Tasks/Common/utility-common/',
        'Tasks/OpenPolicyAgentInstallerV0/',
      ],
    );
    const index = createOwnershipIndex(parsed.model);
    assert.strictEqual(index.ownerOf('Tasks/Common/utility-common/src/x.ts').kind, 'unowned');
    assert.strictEqual(index.ownerOf('README.md').kind, 'owned');
  });
});
