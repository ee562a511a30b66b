import { execFileSync } from 'child_process';

/** What changed: a `BASE...HEAD` (or `A..B`) range, or the staged files. */
export type ChangeSet = { kind: 'range'; range: string } | { kind: 'staged' };

/**
 * Repository-relative paths of the files a change touches (added, modified, deleted; a rename is both its paths),
 * from git. Throws a readable Error when git cannot answer (not a repository, unknown revision).
 */
export function changedFiles(root: string, change: ChangeSet): string[] {
  if (change.kind === 'range' && (change.range.startsWith('-') || /\s/.test(change.range))) {
    throw new Error(`"${change.range}" is not a revision range; use BASE...HEAD`);
  }
  // Outside a repository `git diff` compares files instead and answers with a puzzling error.
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`${root} is not inside a git repository: --diff and --staged need one`);
  }
  // --no-renames: a moved file is its old path deleted and its new path added, so the component it
  // leaves is asked to review too.
  const args = change.kind === 'staged' ? ['diff', '--name-only', '--no-renames', '--cached', '-z'] : ['diff', '--name-only', '--no-renames', '-z', change.range, '--'];
  try {
    const out = execFileSync('git', args, { cwd: root, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    return out.toString('utf8').split('\0').filter(Boolean);
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new Error(`git could not list the changed files${stderr ? `: ${stderr}` : ''}`);
  }
}
