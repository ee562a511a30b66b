import * as vscode from 'vscode';
import { repoFromRemoteUrl } from '../../core/github/remote';
import type { RepoRef } from '../../core/github/types';

/**
 * OWNER/NAME from the repository's `origin` remote (else the first remote), read from the git
 * config file; worktrees (`.git` as a file) are followed. Undefined when there is none.
 */
export async function repoFromGitConfig(root: vscode.Uri): Promise<RepoRef | undefined> {
  const read = async (uri: vscode.Uri) =>
    new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  try {
    let gitDir = vscode.Uri.joinPath(root, '.git');
    if ((await vscode.workspace.fs.stat(gitDir)).type === vscode.FileType.File) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(await read(gitDir))?.[1]?.trim();
      if (!pointer) return undefined;
      gitDir = pointer.startsWith('/')
        ? vscode.Uri.file(pointer)
        : vscode.Uri.joinPath(root, pointer);
      const common = await read(vscode.Uri.joinPath(gitDir, 'commondir')).catch(() => undefined);
      if (common) gitDir = vscode.Uri.joinPath(gitDir, common.trim());
    }
    return remoteOf(await read(vscode.Uri.joinPath(gitDir, 'config')));
  } catch {
    return undefined;
  }
}

/** The `origin` URL of a git config text, else the first remote's. */
export function remoteOf(config: string): RepoRef | undefined {
  const remotes = [...config.matchAll(/^\s*\[remote\s+"([^"]+)"\]([^[]*)/gm)].map(m => ({
    name: m[1],
    url: /^\s*url\s*=\s*(.+)$/m.exec(m[2])?.[1]?.trim(),
  }));
  const origin = remotes.find(r => r.name === 'origin') ?? remotes[0];
  return origin?.url ? repoFromRemoteUrl(origin.url) : undefined;
}
