import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { DIAGNOSTIC_CODES } from '../../src/core/owners/diagnosticCodes';
import { parseOwners } from '../../src/core/owners/parse';
import { validateOwners } from '../../src/core/owners/validate';
import { REPO_ROOT as ROOT } from '../repoRoot';

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

/** Markdown link targets of a text (inline links and images). */
const links = (md: string) => [...md.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(m => m[1]);

describe('documentation', () => {
  it('docs/owners-yaml.md explains every diagnostic code, in its table', () => {
    const doc = read('docs/owners-yaml.md');
    const missing = Object.keys(DIAGNOSTIC_CODES).filter(
      code => !new RegExp(`^\\| \`${code}\` \\|`, 'm').test(doc),
    );
    assert.deepStrictEqual(missing, []);
    const documented = [...doc.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info)/gm)].map(
      m => m[1],
    );
    assert.deepStrictEqual(
      documented.filter(c => !(c in DIAGNOSTIC_CODES)),
      [],
      'no code documented that the validator does not have',
    );
  });

  /** The row of a code in docs/owners-yaml.md's table: its severity column and its meaning. */
  const row = (code: string) => {
    const m = new RegExp(`^\\| \`${code}\` \\| ([^|]+) \\| (.*) \\|$`, 'm').exec(
      read('docs/owners-yaml.md'),
    );
    assert.ok(m, `no row for ${code}`);
    return { severities: m[1].split(' or ').map(s => s.trim()), meaning: m[2] };
  };

  it('docs/owners-yaml.md gives each code every severity the validator reports it with', () => {
    const dir = path.join(ROOT, 'test/fixtures/owners');
    const team = 'teams:\n  web: {lead: alice}\n';
    const component = (fields: string) => `version: 1\n${team}components:\n  c: {${fields}}\n`;
    const texts = [
      ...fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.yaml'))
        .map(f => fs.readFileSync(path.join(dir, f), 'utf8')),
      '',
      'version: 1\ncomponents: {}\n',
      `version: 1\n${team}`,
      `${team}components: {}\n`,
      component('owner: alice, paths: [/a]'),
      component('team: web, paths: [/a]'),
      component('team: web, owner: alice'),
      component('team: web, owner: alice, paths: []'),
      `version: 1\n${team}components: {}\nmetrics: {leadShareThreshold: 2, watchThreshold: 0.6}\n`,
    ];
    const wrong: string[] = [];
    for (const text of texts) {
      for (const d of validateOwners(parseOwners(text))) {
        if (!row(d.code).severities.includes(d.severity))
          wrong.push(
            `${d.code} is reported as ${d.severity} (${d.message}); the table says ${row(d.code).severities.join(' or ')}`,
          );
      }
    }
    assert.deepStrictEqual([...new Set(wrong)], []);
  });

  it('file-too-large: the table quotes what the CLI (exit 2) and the editor (line 1) say about an oversized file', async () => {
    const { meaning } = row('file-too-large');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-docs-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      const file = path.join(dir, 'OWNERS.yaml');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 11 * 1024 * 1024);
      let err = '';
      const code = await main(['validate'], {
        out: () => undefined,
        err: s => {
          err += s;
        },
        env: {},
        cwd: dir,
      });
      assert.strictEqual(code, 2, err);
      const cli = err
        .trim()
        .replace(file, 'FILE')
        .replace(/ \d+\.\d MB;/, ' N MB;');
      assert.ok(meaning.includes(`\`${cli}\``), `the table does not quote the CLI's "${cli}"`);
      assert.match(meaning, /exit 2/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The editor parses whatever text it has; the core refuses it with one diagnostic at 1:1.
    const [d] = parseOwners(' '.repeat(11 * 1024 * 1024)).diagnostics;
    assert.deepStrictEqual([d.code, d.span.line, d.span.column], ['file-too-large', 1, 1]);
    const editor = d.message.replace(/ \d+\.\d MB;/, ' N MB;');
    assert.ok(
      meaning.includes(`\`${editor}\``),
      `the table does not quote the editor's "${editor}"`,
    );
    assert.match(meaning, /line 1, column 1/);
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
          const headings = read(path.relative(ROOT, resolved))
            .split('\n')
            .filter(l => l.startsWith('#'))
            .map(h =>
              h
                .replace(/^#+\s*/, '')
                .toLowerCase()
                .replace(/[^a-z0-9 -]/g, '')
                .replace(/ /g, '-'),
            );
          assert.ok(headings.includes(anchor), `${target}: no heading "${anchor}"`);
        }
      }
    });
  }

  it("the README's settings table lists every contributed setting", () => {
    const settings = Object.keys(
      JSON.parse(read('package.json')).contributes.configuration.properties,
    );
    const readme = read('README.md');
    assert.deepStrictEqual(
      settings.filter(key => !readme.includes(`| \`${key}\` |`)),
      [],
    );
  });

  it('no tracked text file holds a merge-conflict marker', () => {
    // A conflict once landed in the README's Limits table; git grep sees exactly what a clone gets.
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const found = spawnSync(
      'git',
      ['grep', '-nIE', '^(<{7}|={7}|>{7})( |$)', '--', '.', ':!*.snap'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.strictEqual(found.status, 1, `conflict markers:\n${found.stdout}${found.stderr}`);
  });

  it('the .vsix ships the format reference the README links to', () => {
    const shipped = read('.vscodeignore')
      .split('\n')
      .filter(l => l.startsWith('!'))
      .map(l => l.slice(1));
    const docLinks = links(read('README.md'))
      .filter(t => t.endsWith('.md') || t.includes('.md#'))
      .map(t => t.split('#')[0]);
    assert.deepStrictEqual(
      docLinks.filter(t => t.startsWith('docs/owners-yaml') && !shipped.includes(t)),
      [],
    );
  });
});
