import * as fs from 'fs';
import * as path from 'path';
import { runGit, spawnGit } from './git/safeGit';

/** Where a file list came from: git (exact) or a walk of the disk (no git, or not a repository). */
export type RepoFileSource = 'git' | 'walk';

export interface RepoFileList {
  /** Repository-relative, '/'-separated, each once, in git's order (walk: directory order). */
  files: string[];
  source: RepoFileSource;
  /** Why git was not used, when it was not. */
  fallbackReason?: string;
}

/** Folders a walk never enters: git's own data and dependency trees nobody owns file by file. */
const WALK_SKIP = new Set(['.git', 'node_modules']);

/**
 * Every file of the repository at `root`, as `git ls-files -co --exclude-standard` sees it:
 * tracked files still on disk plus untracked files that no .gitignore (nor info/exclude, nor
 * core.excludesFile) ignores. Outside git (no git binary, not a repository) it walks the disk,
 * skipping .git and node_modules (a symbolic link is listed, never followed); `{ git: false }` (an
 * untrusted workspace) walks without trying git. The CLI and the editor both list files through
 * this function.
 */
export async function listRepoFiles(
  root: string,
  options: { git?: boolean } = {},
): Promise<RepoFileList> {
  // Untrusted (the editor's Restricted Mode): no git at all, since a repository's configuration can name programs.
  if (options.git === false)
    return {
      files: await walk(root),
      source: 'walk',
      fallbackReason: 'the workspace is not trusted',
    };
  try {
    return { files: await gitFiles(root), source: 'git' };
  } catch (e) {
    return { files: await walk(root), source: 'walk', fallbackReason: (e as Error).message };
  }
}

/**
 * One `git ls-files` run, read as a stream (a million paths never sit in one buffer). `-t` tags
 * each entry, so deleted (`R`) and sparse-checkout (`S`) files drop out without a stat per file.
 */
async function gitFiles(root: string, pathspec: readonly string[] = []): Promise<string[]> {
  const args = [
    'ls-files',
    '-z',
    '-t',
    '--cached',
    '--others',
    '--deleted',
    '--exclude-standard',
    '--',
    ...pathspec,
  ];
  const child = await spawnGit(root, args);
  return new Promise((resolve, reject) => {
    // git's output is sorted within each kind, so repeats (an unmerged file's stages) are adjacent:
    // no set of a million paths is needed to drop them.
    const files: string[] = [];
    let last = '';
    const removed = new Set<string>();
    let carry = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      const parts = (carry + chunk).split('\0');
      carry = parts.pop() ?? '';
      for (const entry of parts) {
        const tag = entry.charCodeAt(0);
        const file = entry.slice(2);
        // 'R' removed from disk, 'S' skip-worktree (not checked out); a trailing '/' is a nested repository
        if (tag === 82 /* R */ || tag === 83 /* S */) removed.add(file);
        else if (file && file !== last && !file.endsWith('/')) files.push((last = file));
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });
    child.on('error', e =>
      reject(new Error(`git could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`)),
    );
    child.on('close', code => {
      if (code !== 0)
        return reject(
          new Error(stderr.trim().split('\n')[0] || `git ls-files exited with ${code}`),
        );
      resolve(removed.size === 0 ? files : files.filter(f => !removed.has(f)));
    });
  });
}

/**
 * Of `paths` (repository-relative), those git would list: not ignored, or tracked. Used to keep a
 * list current as files appear, without listing the repository again. Outside git: all of them.
 */
export async function filterIgnored(root: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  try {
    const { code, stdout } = await runGit(
      root,
      ['check-ignore', '-z', '--stdin'],
      paths.join('\0') + '\0',
    );
    // 0: some ignored, 1: none ignored, anything else: git could not tell (not a repository)
    if (code !== 0 && code !== 1) return [...paths];
    const ignored = new Set(stdout.toString('utf8').split('\0'));
    return paths.filter(p => !ignored.has(p));
  } catch {
    return [...paths];
  }
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue; // unreadable folder: its files are simply not listed
    }
    for (const entry of entries) {
      if (WALK_SKIP.has(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      // A link is listed as the file it is (git tracks links so), never followed: a folder link
      // could lead anywhere on the disk, or back into the repository without end.
      if (entry.isDirectory()) pending.push(child);
      else if (entry.isFile() || entry.isSymbolicLink()) out.push(child);
    }
  }
  return out;
}
