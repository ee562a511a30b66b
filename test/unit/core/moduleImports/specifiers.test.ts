import * as assert from 'assert';
import { resolveSpecifier } from '../../../../src/core/moduleImports/resolveSpecifier';
import { specifierAt } from '../../../../src/core/moduleImports/specifier';

describe('specifierAt', () => {
  const at = (line: string, needle: string) => specifierAt(line, line.indexOf(needle) + 1);

  it('finds import, require, dynamic import and export-from specifiers', () => {
    assert.deepStrictEqual(at(`import { a } from '../lib/a';`, 'lib'), {
      value: '../lib/a',
      start: 19,
      end: 27,
      kind: 'import',
    });
    assert.strictEqual(at(`const x = require("./x")`, './x')?.kind, 'import');
    assert.strictEqual(at(`await import('./lazy')`, './lazy')?.kind, 'import');
    assert.strictEqual(
      at(`export { log } from '@acme/shared/logger';`, '@acme')?.value,
      '@acme/shared/logger',
    );
    assert.strictEqual(at(`import 'side-effect'`, 'side')?.value, 'side-effect');
  });

  it('takes other strings only when they look like paths', () => {
    assert.strictEqual(at(`const p = 'services/payments/a.proto';`, 'services')?.kind, 'path');
    assert.strictEqual(at(`log('checkout.start')`, 'checkout'), undefined);
    assert.strictEqual(at('const t = `order:${id}`', 'order'), undefined);
    assert.strictEqual(specifierAt(`import x from './x'`, 2), undefined, 'outside the quotes');
  });
});

describe('resolveSpecifier', () => {
  const files = new Set([
    'src/a.ts',
    'src/lib/index.tsx',
    'packages/shared/logger.ts',
    'docs/x.md',
    'src/b.js',
  ]);
  const has = (p: string) => files.has(p);

  it('resolves relative specifiers with TypeScript extensions and index files', () => {
    assert.strictEqual(resolveSpecifier('./a', 'src/main.ts', has), 'src/a.ts');
    assert.strictEqual(resolveSpecifier('./lib', 'src/main.ts', has), 'src/lib/index.tsx');
    assert.strictEqual(
      resolveSpecifier('./a.js', 'src/main.ts', has),
      'src/a.ts',
      'ESM .js pointing at .ts',
    );
    assert.strictEqual(resolveSpecifier('./b.js', 'src/main.ts', has), 'src/b.js');
    assert.strictEqual(
      resolveSpecifier('../../../../docs/x.md', 'src/main.ts', has),
      'docs/x.md',
      'never above the root',
    );
    assert.strictEqual(resolveSpecifier('./missing', 'src/main.ts', has), undefined);
  });

  it('uses tsconfig paths and repository-root paths', () => {
    const aliases = { baseDir: '', paths: { '@acme/shared/*': ['packages/shared/*'] } };
    assert.strictEqual(
      resolveSpecifier('@acme/shared/logger', 'src/a.ts', has, aliases),
      'packages/shared/logger.ts',
    );
    assert.strictEqual(resolveSpecifier('docs/x.md', 'src/a.ts', has), 'docs/x.md');
    assert.strictEqual(resolveSpecifier('react', 'src/a.ts', has, aliases), undefined);
  });
});
