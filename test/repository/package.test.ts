import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT as ROOT } from '../repoRoot';

/** Entry names of a zip file, from its central directory (a .vsix is a zip). */
function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  const names: string[] = [];
  for (
    let i = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])),
      at = buf.readUInt32LE(i + 16),
      n = buf.readUInt16LE(i + 10);
    n > 0;
    n--
  ) {
    assert.strictEqual(buf.readUInt32LE(at), 0x02014b50, 'not a central directory entry');
    const nameLength = buf.readUInt16LE(at + 28),
      extra = buf.readUInt16LE(at + 30),
      comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

describe('the .vsix', () => {
  it('packages with vsce and ships the bundles, media and docs only: no sources, tests, maps or node_modules', function () {
    this.timeout(120000);
    const out = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'ol-vsix-')),
      'ownership-lens.vsix',
    );
    // The script `npm run package` runs after its production build.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.js'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    assert.match(
      r.stderr,
      /not a public GitHub repository: the README's links stay relative/,
      'the placeholder repository is named, not silently packaged',
    );
    const files = zipEntries(out)
      .filter(f => f.startsWith('extension/'))
      .map(f => f.slice('extension/'.length));
    for (const needed of [
      'dist/extension.js',
      'dist/cli.js',
      'dist/analysisProcess.js',
      'dist/media/report.js',
      'media/report/report.css',
      'package.json',
      'readme.md',
      'LICENSE.txt',
      'schema/owners.schema.json',
      'docs/owners-yaml.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
    }
    const unwanted = files.filter(f =>
      /^(src|test|out|scripts|demo|node_modules|\.vscode-test|\.ci)\/|\.ts$|\.map$|\.vsix$/.test(f),
    );
    assert.deepStrictEqual(unwanted, []);
    // Every file the README links to or shows is in the package, so its links work where it is read
    // from the .vsix (VS Code's Extensions view resolves them against the installed extension).
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map(m => m[1])
      .filter(l => !/^[a-z]+:/i.test(l));
    assert.ok(linked.length > 10, `${linked.length} relative links in the README`);
    const missing = [...new Set(linked)].filter(l => !files.includes(l));
    assert.deepStrictEqual(missing, [], 'linked from the README but not packaged');
    assert.deepStrictEqual(
      files.filter(f => f.startsWith('docs/images/') && !linked.includes(f)),
      [],
      'packaged images the README does not show',
    );
    // The code stays small; the README's screenshots (PNG, stored as they are) are most of the package.
    const images = files
      .filter(f => f.startsWith('docs/images/'))
      .reduce((n, f) => n + fs.statSync(path.join(ROOT, f)).size, 0);
    assert.ok(
      fs.statSync(out).size - images < 1024 * 1024,
      `the .vsix is ${fs.statSync(out).size} bytes, ${images} of them screenshots`,
    );
  });

  it('rewrites README links for the Marketplace only against a public GitHub repository', () => {
    const { publicGitHubRepository, vsceArguments } = require(
      path.join(ROOT, 'scripts/package.js'),
    );
    assert.strictEqual(
      publicGitHubRepository({ repository: { url: 'https://github.com/acme/ownership-lens.git' } }),
      'acme/ownership-lens',
    );
    assert.strictEqual(
      publicGitHubRepository({ repository: 'git+https://github.com/acme/ol' }),
      'acme/ol',
    );
    assert.strictEqual(
      publicGitHubRepository({ repository: { url: 'https://example.invalid/ownership-lens' } }),
      null,
    );
    assert.strictEqual(publicGitHubRepository({}), null);
    assert.ok(
      !vsceArguments({ repository: { url: 'https://github.com/acme/ol' } }, 'x.vsix').includes(
        '--no-rewrite-relative-links',
      ),
    );
    assert.ok(
      vsceArguments(
        JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')),
        'x.vsix',
      ).includes('--no-rewrite-relative-links'),
    );
  });
});
