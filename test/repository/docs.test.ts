import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { SIGNAL_ORDER } from '../../src/core/metrics/types';
import { DEFAULT_METRICS } from '../../src/core/owners/model';
import { DIAGNOSTIC_CODES } from '../../src/core/owners/diagnosticCodes';
import { parseOwners } from '../../src/core/owners/parse';
import { validateOwners } from '../../src/core/owners/validate';
import { SIGNAL_WORDS } from '../../src/core/report/wording';
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

  for (const file of [
    'README.md',
    'docs/owners-yaml.md',
    'docs/architecture.md',
    'docs/figures.md',
    'test/README.md',
  ]) {
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

  it("the README's settings table gives each setting the default package.json declares", () => {
    const props: Record<string, { default: unknown }> = JSON.parse(read('package.json')).contributes
      .configuration.properties;
    const shown = (v: unknown) =>
      v === '' ? '' : typeof v === 'string' ? `\`${v}\`` : `\`${JSON.stringify(v)}\``;
    const wrong = Object.entries(props)
      .map(([key, p]) => {
        const row = new RegExp(`^\\| \`${key.replace(/\./g, '\\.')}\` \\|([^|]*)\\|`, 'm').exec(
          read('README.md'),
        );
        return { key, readme: row?.[1].trim(), declared: shown(p.default) };
      })
      .filter(r => r.readme !== r.declared);
    assert.deepStrictEqual(wrong, []);
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

/** Every file under `dir` (relative to the root, `/`-separated) whose name passes `keep`. */
function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap(e => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? filesUnder(rel, keep) : keep(rel) ? [rel] : [];
  });
}

/** The text of a Markdown file from its `heading` line to the next heading. */
function sectionOf(md: string, heading: string): string {
  const start = md.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `no heading ${heading}`);
  const rest = md.slice(start + heading.length + 2);
  const next = rest.search(/^#/m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** First-column `key`s of the Markdown table rows of a text. */
const tableKeys = (text: string) => [...text.matchAll(/^\| `([^`]+)` \|/gm)].map(m => m[1]);

/** Paths named in backticks that the repository must hold: `src/...`, and `core/...` etc. as short for `src/...`. */
function missingPaths(md: string, exists: (rel: string) => boolean): string[] {
  const missing: string[] = [];
  for (const [, token] of md.matchAll(/`([^`\s]+)`/g)) {
    if (/[<>*{}…|]/.test(token)) continue; // a placeholder or a pattern, not a path
    const m = /^(src|test|bench|scripts|schema|media|core|node|cli|vscode)\//.exec(token);
    if (!m) continue;
    const rel = (['core', 'node', 'cli', 'vscode'].includes(m[1]) ? `src/${token}` : token).replace(
      /\/$/,
      '',
    );
    if (!exists(rel)) missing.push(token);
  }
  return [...new Set(missing)];
}

/** Names in backticks that look like code (camelCase, PascalCase, UPPER_CASE) and that `declared` lacks. */
function undeclaredNames(md: string, declared: ReadonlySet<string>): string[] {
  const names = [...md.matchAll(/`([A-Za-z_]\w*)`/g)]
    .map(m => m[1])
    .filter(n => /^[a-z]+[A-Z]\w*$|^[A-Z][a-z]+[A-Z]\w*$|^[A-Z]+_[A-Z_]+$/.test(n));
  return [...new Set(names)].filter(n => !declared.has(n));
}

/** `docs/X.md ("Heading")` and `docs/X.md, "Heading"` in code: the file and the heading cited. */
function docCitations(code: string): { file: string; heading: string }[] {
  return [...code.matchAll(/\b(docs\/[\w-]+\.md)(?: \(|, )"([^"]+)"/g)].map(m => ({
    file: m[1],
    heading: m[2],
  }));
}

const headingsOf = (md: string) =>
  md
    .split('\n')
    .filter(l => /^#+ /.test(l))
    .map(l => l.replace(/^#+ /, ''));

describe('documentation against the code', () => {
  const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel));
  const docs = [
    'README.md',
    'docs/architecture.md',
    'docs/figures.md',
    'docs/owners-yaml.md',
    'test/README.md',
  ];
  const code = ['src', 'test', 'bench', 'scripts', 'media']
    .flatMap(d => filesUnder(d, f => /\.(ts|js)$/.test(f)))
    .filter(f => f !== 'test/repository/docs.test.ts');

  for (const doc of docs) {
    it(`${doc}: every src/, test/, bench/, scripts/ path it names exists`, () => {
      assert.deepStrictEqual(missingPaths(read(doc), exists), []);
    });
  }

  for (const doc of ['docs/architecture.md', 'docs/figures.md']) {
    it(`${doc}: every function, type, constant and field it names in code style is declared in src`, () => {
      const declared = new Set<string>();
      for (const f of filesUnder('src', f => f.endsWith('.ts'))) {
        const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
        for (const m of text.matchAll(
          /\b(?:function|const|let|class|interface|type|enum)\s+(\w+)|^\s*(?:readonly\s+)?(\w+)\??[:(]/gm,
        ))
          declared.add(m[1] ?? m[2]);
      }
      assert.deepStrictEqual(undeclaredNames(read(doc), declared), []);
    });
  }

  it('the name check finds a name nothing declares (it can fail)', () => {
    assert.deepStrictEqual(
      undeclaredNames(
        '`repositoryFigures`, `SIGNAL_ORDER`, `repositoryFigure`',
        new Set(['repositoryFigures', 'SIGNAL_ORDER']),
      ),
      ['repositoryFigure'],
    );
  });

  it('the path check finds a path that does not exist (it can fail)', () => {
    assert.deepStrictEqual(
      missingPaths('`src/core/figures/window.ts`, `core/nowhere.ts`, `src/<area>/`', exists),
      ['core/nowhere.ts'],
    );
  });

  it('code cites docs by a heading the doc has: docs/X.md ("Heading")', () => {
    const wrong: string[] = [];
    let cited = 0;
    for (const f of code) {
      for (const c of docCitations(fs.readFileSync(path.join(ROOT, f), 'utf8'))) {
        cited++;
        if (!exists(c.file) || !headingsOf(read(c.file)).includes(c.heading))
          wrong.push(`${f}: ${c.file} ("${c.heading}")`);
      }
    }
    assert.ok(
      cited > 20,
      `only ${cited} citations found: the pattern no longer matches how code cites`,
    );
    assert.deepStrictEqual(wrong, []);
    assert.deepStrictEqual(
      docCitations('see docs/figures.md ("Leed authorship") and docs/a.md, "B"'),
      [
        { file: 'docs/figures.md', heading: 'Leed authorship' },
        { file: 'docs/a.md', heading: 'B' },
      ],
    );
  });

  it('code cites no contract outside the repository (a spec, its section numbers, ../shared)', () => {
    const outside = (line: string) =>
      /\bSPEC\b|\.\.\/shared|CONTRACTS\.md/.test(line) || /\bsections? \d/i.test(line);
    const found = code.flatMap(f =>
      fs
        .readFileSync(path.join(ROOT, f), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => outside(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    assert.deepStrictEqual(found, []);
  });

  it('test/README.md lists every test file of test/unit and test/process, and only those', () => {
    const md = read('test/README.md');
    const listed: string[] = [];
    for (const [heading, root] of [
      ['## Unit tests (`test/unit/`), by area', 'test/unit'],
      ['## Process tests (`test/process/`), by area', 'test/process'],
    ]) {
      for (const row of sectionOf(md, heading)
        .split('\n')
        .filter(l => l.startsWith('| `'))) {
        const [, folderCell, filesCell] = row.split('|');
        const folder = /`([^`]+)`/.exec(folderCell)![1];
        // Words in parentheses say what a file holds; the names outside them are the files.
        let names = filesCell;
        for (let prev = ''; prev !== names;)
          [prev, names] = [names, names.replace(/\([^()]*\)/g, '')];
        for (const [, name] of names.matchAll(/`([^`]+)`/g))
          listed.push(`${root}/${folder}${name}.test.ts`.replace('//', '/'));
      }
    }
    const actual = [
      ...filesUnder('test/unit', f => f.endsWith('.test.ts')),
      ...filesUnder('test/process', f => f.endsWith('.test.ts')),
    ];
    assert.deepStrictEqual(
      {
        notListed: actual.filter(f => !listed.includes(f)),
        missing: listed.filter(f => !exists(f)),
      },
      { notListed: [], missing: [] },
    );
  });

  it('docs/owners-yaml.md documents exactly the keys the JSON Schema has, and the defaults the reader uses', () => {
    const schema = JSON.parse(read('schema/owners.schema.json'));
    const md = read('docs/owners-yaml.md');
    const props = (o: { properties: object }) =>
      Object.keys(o.properties).filter(k => !k.startsWith('x-'));
    const item = (k: string) => {
      const p = schema.properties[k];
      return p.additionalProperties ?? Object.values(p.patternProperties)[0];
    };
    const sections: [string, string[]][] = [
      ['## Top-level keys', props(schema)],
      ['### `people.<login>`', props(item('people'))],
      ['### `teams.<id>`', props(item('teams'))],
      ['### `outcomes.<id>`', props(item('outcomes'))],
      ['### `components.<id>`', props(item('components'))],
      ['### `metrics`', props(schema.properties.metrics)],
    ];
    for (const [heading, keys] of sections)
      assert.deepStrictEqual(tableKeys(sectionOf(md, heading)).sort(), [...keys].sort(), heading);
    const defaults = Object.fromEntries(
      [...sectionOf(md, '### `metrics`').matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map(m => [
        m[1],
        m[2].trim(),
      ]),
    );
    for (const [key, value] of Object.entries(DEFAULT_METRICS)) {
      if (typeof value === 'number' || typeof value === 'boolean')
        assert.strictEqual(defaults[key], String(value), `metrics.${key}'s default`);
    }
  });

  it('docs/figures.md lists the signals in their order, each with the label the views show', () => {
    const rows = [
      ...sectionOf(read('docs/figures.md'), '## Signals of a team').matchAll(
        /^\| `([a-z-]+)` \| .* \| ([^|]+) \|$/gm,
      ),
    ].map(m => [m[1], m[2].trim()]);
    assert.deepStrictEqual(
      rows,
      SIGNAL_ORDER.map(s => [s, SIGNAL_WORDS[s].label]),
    );
  });
});
