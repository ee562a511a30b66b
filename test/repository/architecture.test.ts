import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT as ROOT } from '../repoRoot';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('keeps src/core and src/node free of any vscode import', () => {
    const offenders = [
      ...sources(path.join(ROOT, 'src/core')),
      ...sources(path.join(ROOT, 'src/node')),
    ].filter(f => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(
      offenders.map(f => path.relative(ROOT, f)),
      [],
    );
  });

  it('keeps src/core free of Node I/O (fs, child_process, net): it computes, callers do I/O', () => {
    const allowed = new Set(['src/core/github']); // the GitHub transport and cache take their I/O injected or own it
    const offenders = sources(path.join(ROOT, 'src/core'))
      .filter(f => ![...allowed].some(a => path.relative(ROOT, f).startsWith(a)))
      .filter(f =>
        /from ['"](fs|child_process|net|http|https)['"]/.test(fs.readFileSync(f, 'utf8')),
      );
    assert.deepStrictEqual(
      offenders.map(f => path.relative(ROOT, f)),
      [],
    );
  });

  it('keeps src free of imports from test/ and bench/: shipped code never needs the tests or the benchmarks', () => {
    const offenders = sources(path.join(ROOT, 'src')).flatMap(f =>
      relativeImports(f)
        .filter(target =>
          /^(test|bench)(\/|$)/.test(path.relative(ROOT, target).split(path.sep).join('/')),
        )
        .map(target => `${path.relative(ROOT, f)} -> ${path.relative(ROOT, target)}`),
    );
    assert.deepStrictEqual(offenders, []);
  });

  it('points every arrow down: core imports no node, cli or vscode; node no cli or vscode; cli no vscode', () => {
    const below: Record<string, string[]> = {
      'src/core': ['src/node', 'src/cli', 'src/vscode'],
      'src/node': ['src/cli', 'src/vscode'],
      'src/cli': ['src/vscode'],
    };
    const offenders = Object.entries(below).flatMap(([layer, forbidden]) =>
      sources(path.join(ROOT, layer)).flatMap(f =>
        relativeImports(f)
          .map(target => path.relative(ROOT, target).split(path.sep).join('/'))
          .filter(target => forbidden.some(x => target === x || target.startsWith(`${x}/`)))
          .map(target => `${path.relative(ROOT, f)} -> ${target}`),
      ),
    );
    assert.deepStrictEqual(offenders, []);
  });

  it('has no import cycle in src (type-only imports aside: they vanish at build time)', () => {
    const files = sources(path.join(ROOT, 'src'));
    const edges = new Map(
      files.map(f => [
        f,
        relativeImports(f, { valuesOnly: true })
          .map(resolveTs)
          .filter((t): t is string => t !== undefined),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of edges.get(f) ?? []) {
        if (state.get(t) === 'open')
          cycles.push(
            [...stack.slice(stack.indexOf(t)), t].map(x => path.relative(ROOT, x)).join(' -> '),
          );
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    assert.deepStrictEqual(cycles, []);
  });
});

/** The targets (absolute, without extension) of a file's relative `import … from` / `export … from`. */
function relativeImports(file: string, opts: { valuesOnly?: boolean } = {}): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:^|\n)\s*(import|export)\s+(type\s)?[^'"]*?from\s+['"](\.[^'"]+)['"]/g,
  )) {
    if (opts.valuesOnly && m[2]) continue;
    out.push(path.resolve(path.dirname(file), m[3]));
  }
  for (const m of text.matchAll(/require\(['"](\.[^'"]+)['"]\)/g))
    out.push(path.resolve(path.dirname(file), m[1]));
  return out;
}

function resolveTs(target: string): string | undefined {
  return [`${target}.ts`, path.join(target, 'index.ts')].find(c => fs.existsSync(c));
}
