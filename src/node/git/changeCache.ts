import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { RawChange } from '../../core/history/changes';
import { runGit } from './safeGit';

/**
 * Changes already read from git, by commit hash: a commit never changes, so a new commit costs only
 * itself. What a change holds depends on `.mailmap` (authors are read through it), so the cache is
 * keyed by the repository and its `.mailmap` too. Kept in memory (the analysis process) and, for the
 * CLI, in one JSON file per repository under the cache directory.
 */
export class ChangeCache {
  private changes = new Map<string, RawChange>();
  private used = new Set<string>();
  private dirty = false;

  /** `fingerprint`: of the `.mailmap` the caller knows; undefined takes the file's (`windowChanges` checks it). */
  constructor(
    private readonly file?: string,
    private fingerprint?: string,
  ) {}

  /** The cache file of `root` under `dir`. */
  static fileFor(dir: string, root: string): string {
    return path.join(
      dir,
      'git-changes',
      `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}.json`,
    );
  }

  /** Reads the file (if any); a file from another `.mailmap` or version is ignored. */
  load(): this {
    if (!this.file) return this;
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as {
        version?: number;
        fingerprint?: string;
        changes?: RawChange[];
      };
      if (this.fingerprint === undefined) this.fingerprint = data.fingerprint;
      if (
        data.version === VERSION &&
        data.fingerprint === this.fingerprint &&
        Array.isArray(data.changes)
      ) {
        for (const c of data.changes)
          if (c && typeof c.commit === 'string') this.changes.set(c.commit, c);
      }
    } catch {
      /* no cache yet, or unreadable: read from git */
    }
    return this;
  }

  /** Drops everything when `.mailmap` changed since the changes were read. */
  setFingerprint(fingerprint: string): void {
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.changes.clear();
    this.dirty = true;
  }

  get(hash: string): RawChange | undefined {
    const c = this.changes.get(hash);
    if (c) this.used.add(hash);
    return c;
  }

  set(c: RawChange): void {
    this.changes.set(c.commit, c);
    this.used.add(c.commit);
    this.dirty = true;
  }

  /** Writes the changes used since the last save (older windows' changes are let go). */
  save(): void {
    if (!this.file || !this.dirty) return;
    const keep = [...this.used]
      .map(h => this.changes.get(h))
      .filter((c): c is RawChange => c !== undefined);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(
        tmp,
        JSON.stringify({ version: VERSION, fingerprint: this.fingerprint, changes: keep }),
      );
      fs.renameSync(tmp, this.file);
      this.dirty = false;
    } catch {
      /* a cache that cannot be written only costs time */
    }
  }
}

const VERSION = 1;

/**
 * What the authors read from git depend on: the repository's `.mailmap`, and `mailmap.file` and
 * `mailmap.blob` from git's configuration (the repository's, the user's or the system's). A change
 * to any of them gives another fingerprint, so caches of authors read before are dropped.
 */
export async function mailmapFingerprint(root: string): Promise<string> {
  const parts = [readSmall(path.join(root, '.mailmap'))];
  const config = await runGit(
    root,
    ['config', '--null', '--get-regexp', '^mailmap\\.(file|blob)$'],
    undefined,
    1 << 16,
  ).catch(() => undefined);
  // `--null`: "key\nvalue\0" per entry; exit 1 when none is set.
  const entries =
    config?.code === 0 ? config.stdout.toString('utf8').split('\0').filter(Boolean) : [];
  for (const entry of entries) {
    const [key, value = ''] = entry.split('\n');
    parts.push(`${key}=${value}`);
    if (key === 'mailmap.file') {
      const file = value.startsWith('~/') ? path.join(os.homedir(), value.slice(2)) : value;
      parts.push(readSmall(path.resolve(root, file)));
    } else if (value && !value.startsWith('-')) {
      const blob = await runGit(
        root,
        ['rev-parse', '--verify', '--quiet', value],
        undefined,
        1 << 10,
      ).catch(() => undefined);
      parts.push(blob?.code === 0 ? blob.stdout.toString('utf8').trim() : '');
    }
  }
  if (parts.every(p => p === '')) return '';
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** A file's text for a fingerprint: '' when absent; a file over 16 MB by its size and time (not read). */
function readSmall(file: string): string {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return '';
    if (stat.size > 16 * 1024 * 1024) return `${stat.size} ${stat.mtimeMs}`;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
