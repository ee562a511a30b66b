import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSTIC_CODES } from '../../src/core/owners/diagnosticCodes';

const ROOT = path.resolve(__dirname, '../../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

/** Markdown link targets of a text (inline links and images). */
const links = (md: string) => [...md.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(m => m[1]);

describe('documentation', () => {
  it('docs/owners-yaml.md explains every diagnostic code, in its table', () => {
    const doc = read('docs/owners-yaml.md');
    const missing = Object.keys(DIAGNOSTIC_CODES).filter(code => !new RegExp(`^\\| \`${code}\` \\|`, 'm').test(doc));
    assert.deepStrictEqual(missing, []);
    const documented = [...doc.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info)/gm)].map(m => m[1]);
    assert.deepStrictEqual(documented.filter(c => !(c in DIAGNOSTIC_CODES)), [], 'no code documented that the validator does not have');
  });

  for (const file of ['README.md', 'docs/owners-yaml.md']) {
    it(`${file} links only to web pages and to files inside the repository that exist`, () => {
      for (const target of links(read(file))) {
        if (/^https?:\/\//.test(target) || target.startsWith('#')) continue;
        assert.ok(!/^[a-z]+:/i.test(target), `${target}: not a web or repository link`);
        const [rel, anchor] = target.split('#');
        const resolved = path.resolve(path.dirname(path.join(ROOT, file)), rel);
        assert.ok(resolved.startsWith(ROOT + path.sep), `${target} points outside the repository`);
        assert.ok(fs.existsSync(resolved), `${target} does not exist`);
        if (anchor) {
          const headings = read(path.relative(ROOT, resolved)).split('\n').filter(l => l.startsWith('#'))
            .map(h => h.replace(/^#+\s*/, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
          assert.ok(headings.includes(anchor), `${target}: no heading "${anchor}"`);
        }
      }
    });
  }

  it("the README's settings table lists every contributed setting", () => {
    const settings = Object.keys(JSON.parse(read('package.json')).contributes.configuration.properties);
    const readme = read('README.md');
    assert.deepStrictEqual(settings.filter(key => !readme.includes(`| \`${key}\` |`)), []);
  });

  it('no tracked text file holds a merge-conflict marker', () => {
    // A conflict once landed in the README's Limits table; git grep sees exactly what a clone gets.
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const found = spawnSync('git', ['grep', '-nIE', '^(<{7}|={7}|>{7})( |$)', '--', '.', ':!*.snap'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(found.status, 1, `conflict markers:\n${found.stdout}${found.stderr}`);
  });

  it('the .vsix ships the format reference the README links to', () => {
    const shipped = read('.vscodeignore').split('\n').filter(l => l.startsWith('!')).map(l => l.slice(1));
    const docLinks = links(read('README.md')).filter(t => t.endsWith('.md') || t.includes('.md#')).map(t => t.split('#')[0]);
    assert.deepStrictEqual(docLinks.filter(t => t.startsWith('docs/owners-yaml') && !shipped.includes(t)), []);
  });
});
