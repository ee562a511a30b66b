import * as assert from 'assert';
import { parseJsonc } from '../../../src/core/moduleImports/jsonc';
import { importCodeowners } from '../../../src/core/owners/codeowners';
import { parseOwners } from '../../../src/core/owners/parse';
import { exportCodeowners } from '../../../src/core/owners/codeowners';
import { parseCodeowners } from '../../../src/core/owners/codeownersFile';
import { compilePatterns } from '../../../src/core/match/compile';

describe('linear text handling (issue 9, item 6)', () => {
  it('reads tsconfig with comments, trailing commas and comment-like strings', () => {
    const text =
      '{\n  // paths\n  "compilerOptions": { /* base */ "baseUrl": ".", "paths": { "@/*": ["src/*"], "~//x": ["y"], }, },\n}\n';
    assert.deepStrictEqual(parseJsonc(text), {
      compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'], '~//x': ['y'] } },
    });
    assert.deepStrictEqual(parseJsonc('[1, 2 , // two\n ]'), [1, 2]);
    assert.throws(() => parseJsonc('{ "a": 1 /* unterminated'));
  });

  it('reads 400 KB of newlines or of spaces, and refuses an unterminated comment', () => {
    // The regexes took 9.8 s on 98 KB of newlines; `npm run bench` (inputs) prints the time now.
    assert.deepStrictEqual(parseJsonc('{' + '\n'.repeat(400_000) + '"a": 1}'), { a: 1 });
    assert.deepStrictEqual(parseJsonc('{"a": [1' + ','.padEnd(400_000, ' ') + ']}'), { a: [1] });
    assert.throws(() => parseJsonc('{"a": 1}' + '/*'.repeat(100_000)));
  });

  it('imports a 20,000-rule CODEOWNERS and keeps every owner', () => {
    // Alternating owners under one directory: every rule is a new group and the check used to scan all earlier groups.
    let text = '';
    for (let i = 0; i < 20_000; i++)
      text += `/src/d${i}/ @user${i % 3}\n${i % 10 === 0 ? `/src/d${i}/gen/\n` : ''}`;
    // The quadratic grouping took 95 s on this shape (100k rules: over 10 minutes); `npm run bench` (inputs) prints the time now.
    const yaml = importCodeowners(text);
    assert.ok(!yaml.includes('WARNING'), 'every unowned rule found an exact place');
    const rules = parseCodeowners(text);
    const back = parseCodeowners(exportCodeowners(parseOwners(yaml).model));
    const before = compilePatterns(rules.map(r => r.pattern));
    const after = compilePatterns(back.map(r => r.pattern));
    for (let i = 0; i < 20_000; i += 97) {
      for (const p of [`src/d${i}/a.ts`, `src/d${i}/gen/x.ts`]) {
        const a = before.winner(p),
          b = after.winner(p);
        assert.deepStrictEqual(b < 0 ? [] : back[b].owners, a < 0 ? [] : rules[a].owners, p);
      }
    }
  });
});
