import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

describe('the .vsix', () => {
  it('ships the bundles, media and docs only: no sources, tests, maps or node_modules', function () {
    this.timeout(60000);
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').map(s => s.trim()).filter(Boolean);
    assert.ok(files.includes('dist/extension.js') && files.includes('dist/cli.js') && files.includes('package.json'), files.join('\n'));
    const unwanted = files.filter(f => /^(src|test|out|scripts|node_modules|\.vscode-test|\.ci)\/|\.ts$|\.map$|\.vsix$/.test(f));
    assert.deepStrictEqual(unwanted, []);
  });
});
