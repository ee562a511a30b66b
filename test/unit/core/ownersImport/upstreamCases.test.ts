import * as assert from 'assert';
import { fromGitlabCodeowners } from '../../../../src/core/ownersImport/gitlabCodeowners';
import { fromProwOwners } from '../../../../src/core/ownersImport/prowOwners';
import { finishImport } from '../../../../src/core/ownersImport/summary';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { UPSTREAM_CASES, UpstreamCase } from './upstreamCases';
import { canonical, gitlabOwners, prowApprovers } from './upstreamReference';

function upstream(c: UpstreamCase, paths: string[]): string[] {
  return c.kind === 'gitlab'
    ? gitlabOwners(c.input as string, paths)
    : prowApprovers(
        Object.entries(c.input as Record<string, string>).map(([path, text]) => ({ path, text })),
        paths,
      );
}

function imported(c: UpstreamCase) {
  const draft =
    c.kind === 'gitlab'
      ? fromGitlabCodeowners(c.input as string, 'CODEOWNERS')
      : fromProwOwners(
          Object.entries(c.input as Record<string, string>).map(([path, text]) => ({ path, text })),
        );
  const { yaml, summary } = finishImport(draft);
  const index = createOwnershipIndex(parseOwners(yaml).model);
  const answer = (p: string) => {
    const o = index.ownerOf(p);
    return o.kind === 'owned' ? canonical(o.component.codeowners ?? []) : '';
  };
  return { answer, summary, yaml };
}

describe('import against the upstream test suites (Prow repoowners_test.go, GitLab file_spec.rb)', () => {
  for (const c of UPSTREAM_CASES) {
    it(`${c.name} [${c.from.repo} ${c.from.file}: ${c.from.test}]`, () => {
      const all = [...c.expect, ...(c.derived ?? [])];
      const paths = all.map(([p]) => p);
      // The reference must give what upstream's own test asserts (and what its code gives on the derived paths).
      assert.deepStrictEqual(
        upstream(c, paths),
        all.map(([, o]) => o),
        'the independent reference agrees with upstream',
      );
      const { answer, summary, yaml } = imported(c);
      const refused = new Map((c.refused ?? []).map(r => [r.path, r]));
      for (const [path, owners] of all) {
        const r = refused.get(path);
        if (!r) {
          assert.strictEqual(answer(path), owners, `${path}: upstream gives "${owners}"\n${yaml}`);
          continue;
        }
        // Refused: a note names the file and line and says what to write instead, and upstream differs here.
        assert.notStrictEqual(
          answer(path),
          owners,
          `${path} is listed as refused but the import agrees with upstream`,
        );
        const note = summary.notes.find(
          n =>
            n.file === r.file &&
            n.line === r.line &&
            (n.kind === 'not-imported' || n.kind === 'inexact'),
        );
        assert.ok(
          note,
          `a note at ${r.file}:${r.line} explains ${path}: ${JSON.stringify(summary.notes)}`,
        );
        assert.match(note.message, /write|Add a component/i, 'the note says what to write instead');
      }
      // Nothing else is silently different: every inexact or refused note is one the case expects.
      const unexpected = summary.notes.filter(
        n =>
          ((n.kind === 'inexact' && !c.inexactNamed) || n.kind === 'not-imported') &&
          !(c.refused ?? []).some(r => r.file === n.file && r.line === n.line) &&
          !/^required_reviewers|is not about who approves/.test(n.message),
      );
      assert.deepStrictEqual(unexpected, []);
      for (const n of summary.notes.filter(x => x.kind === 'inexact'))
        assert.match(n.message, /\(line \d+\)/, 'an inexact note names the other line');
    });
  }

  it('covers at least one case of each class the import was found to get wrong', () => {
    const text = JSON.stringify(UPSTREAM_CASES);
    for (const needle of [
      'Best-Approvers',
      'vendor/OWNERS',
      '{alice, bob}',
      'empty-braces',
      'no_parent_owners',
      'foo/*',
      'model/db',
      '\\\\#file_with_pound',
      'this does not match',
      '!/config/*',
      '^[Optional]',
      '[Required][2]',
    ]) {
      assert.ok(text.includes(needle), needle);
    }
  });
});
