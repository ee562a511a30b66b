import * as fs from 'fs';
import * as path from 'path';
import { CacheData, cacheFileName, CacheRead, decodeCache, encodeCache } from './cache';

/** Reads the repository's cache file from `dir`; a missing file is `missing`, an unreadable one `corrupt`. */
export function readCache(dir: string, expect: { repo: string; apiUrl: string }): CacheRead {
  const file = path.join(dir, cacheFileName(expect.repo, expect.apiUrl));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return {
      kind: 'corrupt',
      reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  }
  return decodeCache(text, expect);
}

/** Writes the cache of one repository (see writeFileAtomic). */
export function writeCache(dir: string, data: CacheData): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, cacheFileName(data.repo, data.apiUrl));
  writeFileAtomic(file, encodeCache(data));
  return file;
}

/** Writes atomically, readable by the user only: a temporary file in the same directory, then a rename over the old one. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
