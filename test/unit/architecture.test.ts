import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('keeps src/core and src/node free of any vscode import', () => {
    const offenders = [...sources(path.join(ROOT, 'src/core')), ...sources(path.join(ROOT, 'src/node'))]
      .filter(f => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(offenders.map(f => path.relative(ROOT, f)), []);
  });

  it('keeps src/core free of Node I/O (fs, child_process, net): it computes, callers do I/O', () => {
    const allowed = new Set(['src/core/github']); // the GitHub transport and cache take their I/O injected or own it
    const offenders = sources(path.join(ROOT, 'src/core'))
      .filter(f => ![...allowed].some(a => path.relative(ROOT, f).startsWith(a)))
      .filter(f => /from ['"](fs|child_process|net|http|https)['"]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(offenders.map(f => path.relative(ROOT, f)), []);
  });
});
