import { execFileSync } from 'child_process';

/** What changed: a `BASE...HEAD` (or `A..B`) range, or the staged files. */
export type ChangeSet = { kind: 'range'; range: string } | { kind: 'staged' };

/**
 * Repository-relative paths of the files a change touches (added, modified, renamed to, deleted),
 * from git. Throws a readable Error when git cannot answer (not a repository, unknown revision).
 */
export function changedFiles(root: string, change: ChangeSet): string[] {
  if (change.kind === 'range' && (change.range.startsWith('-') || /\s/.test(change.range))) {
    throw new Error(`"${change.range}" is not a revision range; use BASE...HEAD`);
  }
  const args = change.kind === 'staged' ? ['diff', '--name-only', '--cached', '-z'] : ['diff', '--name-only', '-z', change.range, '--'];
  try {
    const out = execFileSync('git', args, { cwd: root, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    return out.toString('utf8').split('\0').filter(Boolean);
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new Error(`git could not list the changed files${stderr ? `: ${stderr}` : ''}`);
  }
}
