import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../core/owners/inputGuards';
import { OWNERS_FILE_LOCATIONS } from '../core/owners/locations';
import { readRegularFile } from './safeFiles';

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
export function findOwnersFile(
  startDir: string,
  override?: string,
): { file: string; root: string } | undefined {
  if (override) {
    const file = path.resolve(startDir, override);
    if (!fs.existsSync(file)) return undefined;
    // A file kept outside any repository describes the repository the command runs in.
    return {
      file,
      root: findRepoRoot(path.dirname(file)) ?? findRepoRoot(startDir) ?? path.dirname(file),
    };
  }
  const root = findRepoRoot(startDir);
  for (const base of root && root !== path.resolve(startDir)
    ? [path.resolve(startDir), root]
    : [path.resolve(startDir)]) {
    for (const candidate of OWNERS_FILE_LOCATIONS) {
      const file = path.join(base, candidate);
      if (fs.existsSync(file)) return { file, root: root ?? base };
    }
  }
  return undefined;
}

/**
 * The file's text for `parseOwners`: read as UTF-8, BOM removed; throws a readable Error. Only a
 * regular file is read (never /dev/zero or a FIFO), at most `maxBytes` (+1 to tell it is larger),
 * and a file inside `root` whose links lead outside it is refused.
 */
export function readOwnersText(file: string, maxBytes = DEFAULT_MAX_BYTES, root?: string): string {
  const read = readRegularFile(file, maxBytes, root);
  if (read.kind === 'missing') throw new Error(`${file} does not exist`);
  if (read.kind === 'refused')
    throw new Error(
      /not a regular file/.test(read.reason)
        ? `${read.reason}; OWNERS.yaml must be a file`
        : read.reason,
    );
  if (read.kind === 'too-large')
    throw new Error(
      `${file} is ${(read.bytes / 1024 / 1024).toFixed(1)} MB; files over ${(maxBytes / 1024 / 1024).toFixed(0)} MB (the file size limit) are not read`,
    );
  const text = read.bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
