import { runGit } from './git/safeGit';

/** What changed: a `BASE...HEAD` (or `A..B`) range, or the staged files. */
export type ChangeSet = { kind: 'range'; range: string } | { kind: 'staged' };

/**
 * Repository-relative paths of the files a change touches (added, modified, deleted; a rename is both its paths),
 * from git (started through safeGit: the repository's filters, fsmonitor and diff drivers are overridden).
 * Rejects with a readable Error when git cannot answer (not a repository, unknown revision).
 */
export async function changedFiles(root: string, change: ChangeSet): Promise<string[]> {
  if (change.kind === 'range' && (change.range.startsWith('-') || /\s/.test(change.range))) {
    throw new Error(`"${change.range}" is not a revision range; use BASE...HEAD`);
  }
  // Outside a repository `git diff` compares files instead and answers with a puzzling error.
  const inside = await runGit(root, ['rev-parse', '--is-inside-work-tree']).catch(() => undefined);
  if (!inside || inside.code !== 0)
    throw new Error(`${root} is not inside a git repository: --diff and --staged need one`);
  // --no-renames: a moved file is its old path deleted and its new path added, so the component it
  // leaves is asked to review too. --no-ext-diff/--no-textconv: names only, no program of the repository's.
  const common = ['diff', '--name-only', '--no-renames', '--no-ext-diff', '--no-textconv', '-z'];
  const args = change.kind === 'staged' ? [...common, '--cached'] : [...common, change.range, '--'];
  let result;
  try {
    result = await runGit(root, args);
  } catch (e) {
    throw new Error(`git could not list the changed files: ${(e as Error).message}`);
  }
  if (result.code !== 0) {
    const stderr = result.stderr.trim().split('\n')[0];
    throw new Error(`git could not list the changed files${stderr ? `: ${stderr}` : ''}`);
  }
  return result.stdout.toString('utf8').split('\0').filter(Boolean);
}
