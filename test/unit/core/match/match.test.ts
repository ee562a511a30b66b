import * as assert from 'assert';
import { patternToRegExp } from '../../../oracles/regexReference';
import { checkPattern, compilePatterns } from '../../../../src/core/match/compile';
import { parseCodeowners } from '../../../../src/core/owners/codeownersFile';

/** Owners of `path` under a CODEOWNERS text, via the indexed matcher; null when no rule matches. */
function ownersUnder(text: string, path: string): string[] | null {
  const rules = parseCodeowners(text);
  const w = compilePatterns(rules.map(r => r.pattern)).winner(path);
  return w < 0 ? null : rules[w].owners;
}

// GitHub's example file, from "About code owners",
// https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
const GITHUB_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.

# These owners will be the default owners for everything in
# the repo. Unless a later match takes precedence,
# @global-owner1 and @global-owner2 will be requested for
# review when someone opens a pull request.
*       @global-owner1 @global-owner2

*.js    @js-owner #This is an inline comment.

*.go docs@example.com

*.txt @octo-org/octocats

/build/logs/ @doctocat

# The \`docs/*\` pattern will match files like
# \`docs/getting-started.md\` but not further nested files like
# \`docs/build-app/troubleshooting.md\`.
docs/* docs@example.com

apps/ @octocat

/docs/ @doctocat

/scripts/ @doctocat @octocat

**/logs @octocat

/apps/ @octocat
/apps/github

/apps/ @octocat
/apps/github @doctocat
`;

describe("GitHub's documented CODEOWNERS examples", () => {
  it('the whole example file: last matching pattern wins', () => {
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'some/deeply/nested/file.rb'), [
      '@global-owner1',
      '@global-owner2',
    ]);
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'src/app.js'), ['@js-owner']);
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'cmd/main.go'), ['docs@example.com']);
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'notes/a.txt'), ['@octo-org/octocats']);
    assert.deepStrictEqual(
      ownersUnder(GITHUB_EXAMPLE, 'build/logs/2024/x.log'),
      ['@octocat'],
      '**/logs comes later and also matches',
    );
    assert.deepStrictEqual(
      ownersUnder(GITHUB_EXAMPLE, 'docs/getting-started.md'),
      ['@doctocat'],
      '/docs/ comes after docs/*',
    );
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'scripts/deploy.sh'), [
      '@doctocat',
      '@octocat',
    ]);
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'apps/github/index.js'), ['@doctocat']);
    assert.deepStrictEqual(ownersUnder(GITHUB_EXAMPLE, 'apps/main/index.ts'), ['@octocat']);
  });

  it('*: the default owners for everything', () => {
    assert.deepStrictEqual(ownersUnder('* @global-owner1 @global-owner2', 'README'), [
      '@global-owner1',
      '@global-owner2',
    ]);
    assert.deepStrictEqual(ownersUnder('* @global-owner1 @global-owner2', 'a/b/c/d.rb'), [
      '@global-owner1',
      '@global-owner2',
    ]);
  });

  it('*.js after *: only @js-owner for JS files; the inline comment is not an owner', () => {
    const text =
      '*       @global-owner1 @global-owner2\n*.js    @js-owner #This is an inline comment.\n';
    assert.deepStrictEqual(ownersUnder(text, 'lib/x.js'), ['@js-owner']);
    assert.deepStrictEqual(ownersUnder(text, 'lib/x.ts'), ['@global-owner1', '@global-owner2']);
  });

  it('e-mail owners and team owners', () => {
    assert.deepStrictEqual(ownersUnder('*.go docs@example.com', 'x/y.go'), ['docs@example.com']);
    assert.deepStrictEqual(ownersUnder('*.txt @octo-org/octocats', 'a.txt'), [
      '@octo-org/octocats',
    ]);
  });

  it('/build/logs/: the build/logs directory at the root and all its subdirectories', () => {
    const text = '/build/logs/ @doctocat';
    assert.deepStrictEqual(ownersUnder(text, 'build/logs/a.log'), ['@doctocat']);
    assert.deepStrictEqual(ownersUnder(text, 'build/logs/2024/01/a.log'), ['@doctocat']);
    assert.strictEqual(ownersUnder(text, 'src/build/logs/a.log'), null);
  });

  it('docs/*: docs/getting-started.md but not docs/build-app/troubleshooting.md', () => {
    const text = 'docs/* docs@example.com';
    assert.deepStrictEqual(ownersUnder(text, 'docs/getting-started.md'), ['docs@example.com']);
    assert.strictEqual(ownersUnder(text, 'docs/build-app/troubleshooting.md'), null);
  });

  it('apps/: any file in an apps directory anywhere', () => {
    const text = 'apps/ @octocat';
    assert.deepStrictEqual(ownersUnder(text, 'apps/a.js'), ['@octocat']);
    assert.deepStrictEqual(ownersUnder(text, 'web/apps/x/y.js'), ['@octocat']);
    assert.strictEqual(ownersUnder(text, 'myapps/a.js'), null);
  });

  it('/docs/: any file in the root docs directory and its subdirectories', () => {
    const text = '/docs/ @doctocat';
    assert.deepStrictEqual(ownersUnder(text, 'docs/build-app/troubleshooting.md'), ['@doctocat']);
    assert.strictEqual(ownersUnder(text, 'src/docs/a.md'), null);
  });

  it('/scripts/: approval from @doctocat or @octocat', () => {
    assert.deepStrictEqual(ownersUnder('/scripts/ @doctocat @octocat', 'scripts/a/b.sh'), [
      '@doctocat',
      '@octocat',
    ]);
  });

  it('**/logs: /build/logs, /scripts/logs and /deeply/nested/logs', () => {
    const text = '**/logs @octocat';
    for (const p of ['build/logs/a', 'scripts/logs/b', 'deeply/nested/logs/c.txt', 'logs/d'])
      assert.deepStrictEqual(ownersUnder(text, p), ['@octocat'], p);
    assert.strictEqual(ownersUnder(text, 'build/catalogs/a'), null);
  });

  it('/apps/ then /apps/github with no owners: apps/github is explicitly unowned', () => {
    const text = '/apps/ @octocat\n/apps/github\n';
    assert.deepStrictEqual(ownersUnder(text, 'apps/web/a.js'), ['@octocat']);
    assert.deepStrictEqual(ownersUnder(text, 'apps/github/a.js'), []);
  });

  it('/apps/ then /apps/github @doctocat: the subdirectory has its own owner', () => {
    const text = '/apps/ @octocat\n/apps/github @doctocat\n';
    assert.deepStrictEqual(ownersUnder(text, 'apps/github/a.js'), ['@doctocat']);
    assert.deepStrictEqual(ownersUnder(text, 'apps/gitlab/a.js'), ['@octocat']);
  });

  it('the branch-protection examples: /apps/ with a user, two users, a team', () => {
    assert.deepStrictEqual(ownersUnder('/apps/ @doctocat', 'apps/a/b.js'), ['@doctocat']);
    assert.deepStrictEqual(ownersUnder('/apps/ @doctocat @octocat', 'apps/x'), [
      '@doctocat',
      '@octocat',
    ]);
    assert.deepStrictEqual(ownersUnder('/apps/ @example-org/content-team', 'apps/x'), [
      '@example-org/content-team',
    ]);
  });

  it('paths are case sensitive', () => {
    assert.strictEqual(ownersUnder('/Docs/ @a', 'docs/x.md'), null);
    assert.deepStrictEqual(ownersUnder('/Docs/ @a', 'Docs/x.md'), ['@a']);
  });

  it('the syntax exceptions are invalid: \\# escape, ! negation, [ ] ranges', () => {
    for (const p of ['\\#foo', '!*.js', '*.[ch]', 'src/[abc]/x']) {
      assert.strictEqual(checkPattern(p).kind, 'invalid', p);
      assert.strictEqual(compilePatterns([p]).winner('foo'), -1);
    }
  });
});

describe('pattern edge cases', () => {
  const cases: [string, string[], string[]][] = [
    ['/docs', ['docs', 'docs/a.md', 'docs/x/y.md'], ['docsite/a', 'src/docs/a']],
    ['docs/**', ['docs/a', 'docs/x/y/z'], ['docs', 'x/docs/a']],
    ['docs/', ['docs/a', 'x/docs/y/z'], ['docs', 'docsx/a']],
    ['*.js', ['a.js', 'x/y.js', 'lib.js/inner.txt'], ['a.jsx', 'js']],
    ['/*', ['README.md'], ['src/a.ts']],
    ['/*.md', ['README.md'], ['docs/README.md']],
    ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b/c'], ['b', 'x/a/b']],
    ['**/x/*.proto', ['x/a.proto', 'deep/x/b.proto'], ['x/y/a.proto']],
    ['src/*/test/', ['src/a/test/x', 'src/b/test/y/z'], ['src/test/x', 'src/a/b/test/x']],
    ['file?.txt', ['file1.txt', 'a/fileX.txt'], ['file.txt', 'file12.txt']],
    ['a\\ b', ['a b', 'x/a b/c'], ['a', 'a\\ b']],
    ['\\*literal', ['*literal'], ['xliteral']],
    ['/tools/a11y**', ['tools/a11y', 'tools/a11y.md', 'tools/a11y-x/y'], ['tools/a1']],
    ['**', ['a', 'a/b/c'], []],
    ['**/', ['a', 'a/b/c'], []],
    ['a/**/**/b', ['a/b', 'a/x/y/b'], ['b']],
    ['*', ['a', 'a/b/c'], []],
  ];
  for (const [pattern, yes, no] of cases) {
    it(`${pattern}`, () => {
      const m = compilePatterns([pattern]);
      for (const p of yes) assert.strictEqual(m.winner(p), 0, `${pattern} should match ${p}`);
      for (const p of no) assert.strictEqual(m.winner(p), -1, `${pattern} should not match ${p}`);
      for (const p of [...yes, ...no])
        assert.strictEqual(patternToRegExp(pattern).test(p), m.winner(p) === 0, p);
    });
  }

  it('rejects invalid patterns with a reason, and they never match', () => {
    for (const p of ['', '   ', '***', 'a/***/b', '/', 'a//b', 'a b', 'trailing\\', '#comment']) {
      const r = checkPattern(p);
      assert.strictEqual(r.kind, 'invalid', JSON.stringify(p));
      if (r.kind === 'invalid') assert.ok(r.reason.length > 10);
    }
    const m = compilePatterns(['*', '!x', 'a/[b]']);
    assert.strictEqual(m.winner('x'), 0);
    assert.deepStrictEqual(m.allMatches('a/[b]'), [0]);
  });

  it('accepts ordinary patterns', () => {
    for (const p of ['*', '/a/', 'a/b', '**/x', '*.js', 'a\\[b', 'a\\ b', 'x/**/y/*.go'])
      assert.deepStrictEqual(checkPattern(p), { kind: 'ok' }, p);
  });

  it('allMatches lists every matching index once, ascending; winner is the last', () => {
    const m = compilePatterns(['*', 'a/', '/a/a/', '*.js', '**/a/*.js', 'a/a/x.js', 'b/']);
    assert.deepStrictEqual(m.allMatches('a/a/x.js'), [0, 1, 2, 3, 4, 5]);
    assert.strictEqual(m.winner('a/a/x.js'), 5);
    assert.deepStrictEqual(m.allMatches('a.js/a.js'), [0, 3]);
    assert.strictEqual(m.size, 7);
  });
});

describe('CODEOWNERS pattern caps (issue 18)', () => {
  it('refuses a pattern longer than MAX_PATTERN_LENGTH, and such a pattern matches nothing', () => {
    const long = 'a*'.repeat(2100) + 'b';
    const problem = checkPattern(long);
    assert.match(
      problem.kind === 'invalid' ? problem.reason : '',
      /characters long; more than 4096/,
    );
    assert.strictEqual(compilePatterns([long]).winner('a'.repeat(50) + 'b'), -1);
    assert.strictEqual(
      compilePatterns(['a*'.repeat(1000) + 'b']).winner('a'.repeat(1000) + 'b'),
      0,
    );
  });
});
