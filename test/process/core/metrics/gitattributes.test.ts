import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  MAX_ATTRIBUTE_RULES,
  parseGitattributes,
} from '../../../../src/core/metrics/gitattributes';
import { generateHostileMatches, HOSTILE_ATTRIBUTE_CASES } from '../../../oracles/hostileInputs';
import { seededRandom } from '../../../oracles/codeownersCorpus';

let repo = '';

/** What `git check-attr` says for each path under a root `.gitattributes` with `text`: generated or not. */
function gitSays(text: string, paths: string[]): boolean[] {
  fs.writeFileSync(path.join(repo, '.gitattributes'), text);
  const out = execFileSync(
    'git',
    ['-C', repo, 'check-attr', '--stdin', '-z', 'linguist-generated'],
    { input: paths.join('\0') + '\0', encoding: 'utf8' },
  );
  const fields = out.split('\0');
  const result: boolean[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3)
    result.push(fields[i + 2] === 'set' || fields[i + 2] === 'true');
  return result;
}

const PATHS = [
  'docs/a.md',
  'docs',
  'x/docs/a.md',
  'gen/a/b.go',
  'a/gen/b.go',
  'foo/a.txt',
  'foo/b.txt',
  'x/foo/a.txt',
  'a/b/zz_x.go',
  'zz_y',
  'a.md',
  'd.md',
  'sub/b.md',
  'api/v1/types.pb.go',
  'types.pb.go',
  'vendor/x/y.go',
  'x/vendor/y.go',
  'CHANGELOG/v1.md',
  'Foo.TXT',
  'a b/c.md',
  'dist/app.min.js',
  'src/app.js',
  'config/crd/bases/x.yaml',
  'a/config/crd/bases/y.yaml',
  '.github/x.yml',
  'x.lock',
];

describe('.gitattributes linguist-generated (docs/figures.md ("Which changes count")), held to git check-attr', function () {
  this.timeout(120_000);
  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-attr-'));
    execFileSync('git', ['init', '-q', repo]);
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));
  const cases: [string, string][] = [
    [
      'directory pattern gives nothing to the files below it',
      'docs/ linguist-generated\nvendor linguist-generated\n',
    ],
    [
      'a pattern without a slash matches the name at any depth',
      '*.pb.go linguist-generated\nzz_* linguist-generated\n',
    ],
    [
      'a slash anchors at the root; ** spans directories',
      '/gen/** linguist-generated\nfoo/*.txt linguist-generated\n**/config/crd/bases/*.yaml linguist-generated\n',
    ],
    [
      'the last line that mentions the attribute wins',
      'foo/*.txt linguist-generated\nfoo/b.txt -linguist-generated\n*.md linguist-generated\nsub/*.md !linguist-generated\n',
    ],
    [
      '=true sets it, any other value does not',
      '*.md linguist-generated=true\na.md linguist-generated=false\n*.js linguist-generated=yes\n',
    ],
    [
      'ranges, ?, escapes, quoted names, CRLF, comments, other attributes',
      '[abc].md linguist-generated\n# comment *.go linguist-generated\n"a b/c.md" linguist-generated\r\nx.loc? linguist-vendored linguist-generated text\n\\!x linguist-generated\n',
    ],
    [
      'negative patterns are not read; unrelated lines do not reset',
      '!*.md linguist-generated\n*.go linguist-generated\n*.go text eol=lf\n',
    ],
    ['case-sensitive', '*.txt linguist-generated\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const ours = parseGitattributes(text);
      assert.deepStrictEqual(
        PATHS.map(p => ours.isGenerated(p)),
        gitSays(text, PATHS),
        text,
      );
    });
  }

  it('[attr] macros are not read (docs/figures.md ("Which changes count"); git would expand them), nor lines git cannot parse', () => {
    const ours = parseGitattributes(
      '[attr]gen linguist-generated\n*.go gen\n"unterminated linguist-generated\n',
    );
    assert.strictEqual(ours.rules, 0);
    assert.strictEqual(ours.isGenerated('a/b.go'), false);
  });

  it('agrees with git on 300 generated attribute files', () => {
    const random = seededRandom(10);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const pieces = [
      'docs',
      'gen',
      'foo',
      'a',
      'b',
      'x',
      'config',
      'crd',
      'bases',
      'vendor',
      'sub',
      'api',
      'v1',
      '*',
      '**',
      '?',
      '*.md',
      '*.go',
      'zz_*',
      '[ab]*',
      '*.pb.go',
      'b.txt',
      'a.md',
    ];
    const attrs = [
      'linguist-generated',
      '-linguist-generated',
      '!linguist-generated',
      'linguist-generated=true',
      'linguist-generated=false',
      'text',
    ];
    const files: string[] = [];
    const texts: string[] = [];
    for (let n = 0; n < 300; n++) {
      const lines: string[] = [];
      for (let l = 0, k = 1 + Math.floor(random() * 5); l < k; l++) {
        const segments = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pieces));
        const pattern =
          (random() < 0.3 ? '/' : '') + segments.join('/') + (random() < 0.1 ? '/' : '');
        lines.push(`${pattern} ${pick(attrs)}`);
      }
      texts.push(lines.join('\n'));
    }
    for (let n = 0; n < 60; n++)
      files.push(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
          pick([
            'docs',
            'gen',
            'foo',
            'a',
            'b',
            'x',
            'config',
            'crd',
            'bases',
            'zz_a.go',
            'b.txt',
            'a.md',
            'c.pb.go',
            'ab.md',
          ]),
        ).join('/'),
      );
    const all = [...PATHS, ...files];
    let compared = 0;
    for (const text of texts) {
      const ours = parseGitattributes(text);
      assert.deepStrictEqual(
        all.map(p => ours.isGenerated(p)),
        gitSays(text, all),
        text,
      );
      compared++;
    }
    assert.strictEqual(compared, 300);
  });
});

describe('.gitattributes hostile patterns (issue 18): the right answer, from a matcher without backtracking', function () {
  this.timeout(120_000);
  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-attr-'));
    execFileSync('git', ['init', '-q', repo]);
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('answers the reported patterns (stars, globstars, question marks) as git does: near misses do not match, the real ones do', () => {
    for (const c of HOSTILE_ATTRIBUTE_CASES) {
      const text = `${c.pattern} linguist-generated\n`;
      assert.strictEqual(parseGitattributes(text).isGenerated(c.path), c.matches, c.label);
      assert.deepStrictEqual(
        gitSays(text, [c.path]),
        [c.matches],
        `git disagrees with the fixture: ${c.label}`,
      );
    }
  });

  it('agrees with git on 150 generated hostile pattern/path pairs', () => {
    const pairs = generateHostileMatches(150, 18, 48, 200).filter(p => !p.pattern.startsWith('!'));
    for (const { pattern, path: p } of pairs) {
      const text = `${pattern} linguist-generated\n`;
      const name = p.slice(p.lastIndexOf('/') + 1);
      // also a path built to match the pattern's literal tail, so not every answer is "no"
      const paths = [p, p + 'b', name + 'Z', `${p}/b`];
      assert.deepStrictEqual(
        paths.map(x => parseGitattributes(text).isGenerated(x)),
        gitSays(text, paths),
        pattern,
      );
    }
  });

  it('does not read a line longer than git does (2048 bytes) nor more than MAX_ATTRIBUTE_RULES lines', () => {
    assert.strictEqual(parseGitattributes(`${'a'.repeat(2100)}* linguist-generated\n`).rules, 0);
    const many = Array.from(
      { length: MAX_ATTRIBUTE_RULES + 5 },
      (_, i) => `f${i} linguist-generated`,
    ).join('\n');
    assert.strictEqual(parseGitattributes(many).rules, MAX_ATTRIBUTE_RULES);
  });
});
