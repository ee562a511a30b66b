import * as assert from 'assert';
import fc from 'fast-check';
import { compilePatterns } from '../../../../src/core/match/compile';
import { exportCodeowners, importCodeowners } from '../../../../src/core/owners/codeowners';
import { parseCodeowners } from '../../../../src/core/owners/codeownersFile';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';

const name = fc.constantFrom('a', 'b', 'c.md', 'x.js');
const glob = fc.constantFrom('*', '**', '*.md', '*.js', 'a*');
const pattern = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.oneof(name, name, glob), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([lead, segs, trail]) => `${lead ? '/' : ''}${segs.join('/')}${trail ? '/' : ''}`);
const owners = fc.constantFrom('', '@o/t1', '@u1', '@o/t1 @u1', '@u2 x@example.com', '@o/t2 @u2');
const codeowners = fc
  .array(fc.tuple(pattern, owners), { minLength: 1, maxLength: 12 })
  .map(rules => rules.map(([p, o]) => `${p} ${o}`.trimEnd()).join('\n') + '\n');
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map(s => s.join('/'));

function answers(text: string, paths: readonly string[]): string[] {
  const rules = parseCodeowners(text);
  const m = compilePatterns(rules.map(r => r.pattern));
  return paths.map(p => (m.winner(p) < 0 ? '' : rules[m.winner(p)].owners.join(' ')));
}

describe('importCodeowners keeps every answer on random CODEOWNERS files (property)', () => {
  it('import -> ownerOf, and import -> export, give each path the original owners', () => {
    fc.assert(
      fc.property(codeowners, fc.array(path, { minLength: 1, maxLength: 25 }), (text, paths) => {
        const yaml = importCodeowners(text);
        // A rule with no owners that has no exact place is flagged in the file; only then may answers differ.
        fc.pre(!/WARNING .*no exact place/.test(yaml));
        const expected = answers(text, paths);
        const model = parseOwners(yaml).model;
        const index = createOwnershipIndex(model);
        const imported = paths.map(p => {
          const o = index.ownerOf(p);
          return o.kind === 'owned' ? (o.component.codeowners ?? []).join(' ') : '';
        });
        assert.deepStrictEqual(imported, expected);
        assert.deepStrictEqual(answers(exportCodeowners(model), paths), expected);
      }),
      { numRuns: 1000, seed: 424242 },
    );
  });
});
