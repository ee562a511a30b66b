import * as assert from 'assert';
import { componentFolders } from '../../../../src/core/owners/componentFolders';

describe('componentFolders: where each component starts in the Explorer', () => {
  const owner: Record<string, string | undefined> = {
    'src/a.ts': 'api',
    'src/forced.pyc': 'build',
    'src/lib/util.ts': 'api',
    'src/lib/deep/x.ts': 'api',
    'docs/guide.md': 'docs',
    'docs/img/a.png': 'docs',
    'docs/notes.txt': undefined,
    'README.md': 'docs',
    'vendor/x.js': undefined,
    'web/app/a.ts': 'web',
    'web/app/b.ts': 'web',
    'web/lib/c.ts': 'api',
  };
  const folders = componentFolders(Object.keys(owner), p => owner[p]);

  it('gives the topmost folder whose owned files are one component, not its subfolders, a mixed one or the root', () => {
    assert.deepStrictEqual([...folders].sort(), [
      ['docs', 'docs'],
      ['src/lib', 'api'],
      ['web/app', 'web'],
      ['web/lib', 'api'],
    ]);
  });

  it('a folder turns mixed whatever order the files come in', () => {
    const reversed = componentFolders(Object.keys(owner).reverse(), p => owner[p]);
    assert.deepStrictEqual([...reversed].sort(), [...folders].sort());
  });
});
