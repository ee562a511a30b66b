import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RawChange } from '../../core/history/changes';

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

/** What the authors read from git depend on: the repository's `.mailmap`. */
export function mailmapFingerprint(root: string): string {
  try {
    return createHash('sha256')
      .update(fs.readFileSync(path.join(root, '.mailmap')))
      .digest('hex');
  } catch {
    return '';
  }
}
