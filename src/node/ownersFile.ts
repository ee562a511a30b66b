import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../core/owners/inputGuards';

/** SPEC section 1's lookup order, relative to each workspace folder or the current directory. */
export const OWNERS_FILE_CANDIDATES = ['OWNERS.yaml', '.github/OWNERS.yaml', 'docs/OWNERS.yaml'];

/** The repository root: the nearest directory at or above `dir` that contains `.git`. */
export function findRepoRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * OWNERS.yaml for `startDir` (or `override`), with the repository root its paths are relative
 * to: the file's repository, else (an override outside any repository) `startDir`'s, else the file's folder.
 */
export function findOwnersFile(startDir: string, override?: string): { file: string; root: string } | undefined {
  if (override) {
    const file = path.resolve(startDir, override);
    if (!fs.existsSync(file)) return undefined;
    // A file kept outside any repository describes the repository the command runs in.
    return { file, root: findRepoRoot(path.dirname(file)) ?? findRepoRoot(startDir) ?? path.dirname(file) };
  }
  const root = findRepoRoot(startDir);
  for (const base of root && root !== path.resolve(startDir) ? [path.resolve(startDir), root] : [path.resolve(startDir)]) {
    for (const candidate of OWNERS_FILE_CANDIDATES) {
      const file = path.join(base, candidate);
      if (fs.existsSync(file)) return { file, root: root ?? base };
    }
  }
  return undefined;
}

/** The file's text for `parseOwners`: read as UTF-8, BOM removed; throws a readable Error. */
export function readOwnersText(file: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let bytes: Buffer;
  try {
    // Checked before reading: /dev/zero or a FIFO would never end, a huge file would fill memory.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new Error(`${file} is not a regular file (a device, pipe or socket); OWNERS.yaml must be a file`);
    if (stat.size > maxBytes) throw new Error(`${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; files over ${(maxBytes / 1024 / 1024).toFixed(0)} MB (the file size limit) are not read`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    throw new Error(code === 'ENOENT' ? `${file} does not exist` : code === 'EISDIR' ? `${file} is a directory` : `${file} cannot be read (${code ?? (e as Error).message})`);
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
