import * as path from 'path';
import * as fs from 'fs';
import type { PathChange } from '../../core/knowledge/types';
import { mailmapFingerprint } from './changeCache';
import { runGit, spawnGit } from './safeGit';

/** One commit that is not a merge, as `git log --use-mailmap` prints its author (mapped to a login later: OWNERS.yaml may change). */
export interface LoggedCommit {
  hash: string;
  name: string;
  email: string;
  /** Committer date, seconds since the epoch. */
  committedAt: number;
  changes: PathChange[];
}

/** The history knowledge is drawn from, and the snapshot whose files it is drawn over. */
export interface KnowledgeHistory {
  /** REF's commit. */
  tip: string;
  /** The first commit on REF's first-parent line with a committer date before `until`; null when there is none. */
  snapshot: string | null;
  /** Every commit that is not a merge, reachable from REF, committed before `until`. */
  commits: LoggedCommit[];
  /** The snapshot's files (blobs; submodules left out). */
  files: string[];
  /** How many commits `git log` was asked for this time (all of them without a cache, the new ones with it). */
  loggedCommits: number;
}

const STATUS = /^\n?([AMTDUXB]|[RC]\d*)$/;

/**
 * Reads `git log --no-merges -M --name-status -z` output as it streams: a record is
 * `\x01HASH\0CT\0NAME\0EMAIL\0` then `STATUS\0PATH\0` entries (`R…\0FROM\0TO\0`). A state machine
 * over NUL-separated tokens, so no author name or path can pass for a record start.
 */
export class NameStatusParser {
  readonly commits: LoggedCommit[] = [];
  private carry: Buffer = Buffer.alloc(0);
  private header: string[] = [];
  private current: LoggedCommit | undefined;
  private pending: { status: string; paths: string[]; need: number } | undefined;

  push(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let i = buf.indexOf(0, start); i >= 0; i = buf.indexOf(0, start)) {
      this.token(buf.toString('utf8', start, i));
      start = i + 1;
    }
    this.carry = start < buf.length ? Buffer.from(buf.subarray(start)) : Buffer.alloc(0);
  }

  end(): LoggedCommit[] {
    if (this.carry.length > 0) this.token(this.carry.toString('utf8'));
    this.carry = Buffer.alloc(0);
    return this.commits;
  }

  private token(t: string): void {
    if (this.pending) {
      this.pending.paths.push(t);
      if (this.pending.paths.length === this.pending.need) {
        const { status, paths } = this.pending;
        this.pending = undefined;
        const s = status[0] as PathChange['status'];
        if (s === 'R' || s === 'C')
          this.current!.changes.push({ status: s, from: paths[0], path: paths[1] });
        else if ('AMTD'.includes(s)) this.current!.changes.push({ status: s, path: paths[0] });
      }
      return;
    }
    if (this.header.length > 0 || t.startsWith('\x01')) {
      // A record's four header fields; status tokens never start with \x01, so this is a record start.
      this.header.push(this.header.length === 0 ? t.slice(1) : t);
      if (this.header.length === 4) {
        const [hash, ct, name, email] = this.header;
        this.header = [];
        this.current = { hash, committedAt: Number(ct), name, email, changes: [] };
        this.commits.push(this.current);
      }
      return;
    }
    const m = STATUS.exec(t);
    if (m && this.current)
      this.pending = { status: m[1], paths: [], need: m[1][0] === 'R' || m[1][0] === 'C' ? 2 : 1 };
  }
}

function checkRef(ref: string): void {
  if (!ref || ref.startsWith('-') || /[\0\s]/.test(ref))
    throw new Error(`"${ref}" is not a branch, tag or commit`);
}

/** REF's commit hash. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  checkRef(ref);
  const r = await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const hash = r.stdout.toString('utf8').trim();
  if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(hash))
    throw new Error(`git knows no commit "${ref}" in ${root}`);
  return hash;
}

/** Streams `git log` with `args` through the parser. */
async function logCommits(root: string, args: readonly string[]): Promise<LoggedCommit[]> {
  // --root: a root commit's files are adds even where log.showRoot is off; names in UTF-8 whatever i18n.logOutputEncoding says.
  const child = await spawnGit(root, [
    '-c',
    'i18n.logOutputEncoding=UTF-8',
    'log',
    '--no-merges',
    '--root',
    '-M',
    '--name-status',
    '-z',
    '--use-mailmap',
    '--format=%x01%H%x00%ct%x00%aN%x00%aE',
    ...args,
    '--',
  ]);
  const parser = new NameStatusParser();
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => parser.push(b));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => {
    if (stderr.length < 4096) stderr += s;
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', e =>
      reject(new Error(`git could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`)),
    );
    child.on('close', c => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`git log failed: ${stderr.trim().split('\n')[0] ?? ''}`);
  return parser.end();
}

/** The first commit on the first-parent line from `tip` committed before `untilSeconds` (a merge included), or null. */
export async function snapshotCommit(
  root: string,
  tip: string,
  untilSeconds: number,
): Promise<string | null> {
  const child = await spawnGit(root, ['log', '--first-parent', '--format=%H %ct', tip, '--']);
  return new Promise((resolve, reject) => {
    let rest = '';
    let found: string | null = null;
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (s: string) => {
      if (found) return;
      rest += s;
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const [hash, ct] = line.split(' ');
        if (Number(ct) < untilSeconds) {
          found = hash;
          child.kill();
          return;
        }
      }
    });
    child.on('error', e => reject(e));
    child.on('close', () => resolve(found));
  });
}

/** The snapshot's blobs (`git ls-tree -r`), submodules (mode 160000) left out. */
export async function snapshotFiles(root: string, commit: string): Promise<string[]> {
  const r = await runGit(root, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  if (r.code !== 0) throw new Error(`git ls-tree failed: ${r.stderr.trim()}`);
  const out: string[] = [];
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type] = entry.slice(0, tab).split(' ');
    if (mode === '160000' || type !== 'blob') continue;
    out.push(entry.slice(tab + 1));
  }
  return out;
}

/**
 * The logged commits per repository and tip, so that a later run whose REF descends from a cached
 * tip logs only `NEW ^OLD`: a new commit costs only itself. Serialisable (`toJSON`/`fromJSON`).
 */
export class KnowledgeLogCache {
  private readonly tips = new Map<string, LoggedCommit[]>();
  /** The mailmap the authors were read through (`mailmapFingerprint`): another one drops them. */
  private mailmap = '';

  /** Keeps the logged commits only if their authors were read through this mailmap. */
  useMailmap(fingerprint: string): void {
    if (fingerprint === this.mailmap) return;
    this.tips.clear();
    this.mailmap = fingerprint;
  }

  get(tip: string): LoggedCommit[] | undefined {
    return this.tips.get(tip);
  }
  /** Keeps one tip: the newest run's. */
  set(tip: string, commits: LoggedCommit[]): void {
    this.tips.clear();
    this.tips.set(tip, commits);
  }
  cachedTips(): string[] {
    return [...this.tips.keys()];
  }

  toJSON(): { version: 1; mailmap: string; tips: [string, LoggedCommit[]][] } {
    return { version: 1, mailmap: this.mailmap, tips: [...this.tips] };
  }
  static fromJSON(data: unknown): KnowledgeLogCache {
    const cache = new KnowledgeLogCache();
    const d = data as { version?: number; mailmap?: unknown; tips?: unknown };
    if (d && d.version === 1 && Array.isArray(d.tips)) {
      cache.mailmap = typeof d.mailmap === 'string' ? d.mailmap : '';
      for (const entry of d.tips) {
        if (
          Array.isArray(entry) &&
          typeof entry[0] === 'string' &&
          /^[0-9a-f]{40,64}$/.test(entry[0]) &&
          Array.isArray(entry[1])
        )
          cache.tips.set(entry[0], entry[1] as LoggedCommit[]);
      }
    }
    return cache;
  }
}

async function isAncestor(root: string, older: string, newer: string): Promise<boolean> {
  return (await runGit(root, ['merge-base', '--is-ancestor', older, newer])).code === 0;
}

/**
 * The history of knowledge: one `git log --no-merges -M --name-status` pass over REF (only the
 * commits since a cached tip when `cache` holds an ancestor), commits before `until` kept, and
 * the snapshot's file list.
 */
export async function readKnowledgeHistory(
  root: string,
  ref: string,
  until: string,
  cache?: KnowledgeLogCache,
): Promise<KnowledgeHistory> {
  const tip = await resolveCommit(root, ref);
  cache?.useMailmap(await mailmapFingerprint(root));
  const untilSeconds = Date.parse(until + 'T00:00:00Z') / 1000;
  if (!Number.isFinite(untilSeconds)) throw new Error(`"${until}" is not a date (YYYY-MM-DD)`);
  let all = cache?.get(tip);
  let loggedCommits = 0;
  if (!all) {
    let base: { tip: string; commits: LoggedCommit[] } | undefined;
    for (const old of cache?.cachedTips() ?? []) {
      if (await isAncestor(root, old, tip)) {
        base = { tip: old, commits: cache!.get(old)! };
        break;
      }
    }
    const fresh = await logCommits(root, base ? [tip, `^${base.tip}`] : [tip]);
    loggedCommits = fresh.length;
    all = base ? [...base.commits, ...fresh] : fresh;
    cache?.set(tip, all);
  }
  const commits = all.filter(c => c.committedAt < untilSeconds);
  const snapshot = await snapshotCommit(root, tip, untilSeconds);
  const files = snapshot ? await snapshotFiles(root, snapshot) : [];
  return { tip, snapshot, commits, files, loggedCommits };
}

/** The cache of `file`, or an empty one when it is missing or unreadable. */
export function readKnowledgeCache(file: string): KnowledgeLogCache {
  try {
    return KnowledgeLogCache.fromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return new KnowledgeLogCache();
  }
}

/** Writes the cache (0600 in a 0700 folder: it names the repository's authors); failure only costs time next run. */
export function writeKnowledgeCache(file: string, cache: KnowledgeLogCache): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(cache), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // A cache that cannot be written only costs time next run.
  }
}
