import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository's root: the nearest folder above this file holding package.json. Tests run from
 * out/test/<kind>/<area>/, at any depth, so they reach fixtures, dist/ and scripts/ through this, not by counting `..`.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = findRoot(__dirname);
