import * as vscode from 'vscode';
import type { RepoRef } from '../../core/github/types';
import type { OwnersState } from '../ownersState';
import { figuresSourceSetting } from './gitFigures';
import { GitHubSettings, readGitHubSettings } from './githubSettings';
import type { TokenSource } from './githubSession';

/**
 * Where a folder's figures come from: `ownershipLens.figures.source`, or for `auto` GitHub when
 * the folder is a GitHub repository and the user is signed in (asked silently), else git. What
 * `auto` chose is kept per root until the settings change or a refresh.
 */
export class FiguresSourceChoice {
  private readonly chosen = new Map<string, Promise<'github' | 'git'>>();
  /** What `auto` last chose per root, for answers that cannot wait (hovers). */
  private readonly resolved = new Map<string, 'github' | 'git'>();

  constructor(
    private readonly tokens: TokenSource,
    private readonly repoOf: (
      state: OwnersState,
      settings: GitHubSettings,
    ) => Promise<RepoRef | undefined>,
  ) {}

  sourceFor(state: OwnersState): Promise<'github' | 'git'> {
    const setting = figuresSourceSetting(state.folder.uri);
    if (setting !== 'auto') return Promise.resolve(setting);
    const key = state.root.toString();
    let chosen = this.chosen.get(key);
    if (!chosen) {
      chosen = (async () => {
        const settings = readGitHubSettings(state.folder.uri);
        if (!(await this.repoOf(state, settings)))
          return (await hasGitHistory(state.root)) ? 'git' : 'github';
        const token = await this.tokens(settings, false).catch(() => undefined);
        if (token) return 'github';
        // Not signed in: the folder's own history, when it has one (read from disk: git itself may not run here);
        // else GitHub, whose status row says how to sign in.
        return (await hasGitHistory(state.root)) ? 'git' : 'github';
      })();
      this.chosen.set(key, chosen);
      void chosen.then(source => this.resolved.set(key, source));
    }
    return chosen;
  }

  /** Without waiting: git when the setting says so, or when `auto` last chose it. */
  isGitNow(state: OwnersState): boolean {
    const setting = figuresSourceSetting(state.folder.uri);
    return (
      setting === 'git' ||
      (setting === 'auto' && this.resolved.get(state.root.toString()) === 'git')
    );
  }

  /** Choose again for this root (a refresh), or for every root (settings changed). */
  forget(state?: OwnersState): void {
    if (state) this.chosen.delete(state.root.toString());
    else this.chosen.clear();
  }
}

/**
 * A repository whose HEAD names a commit (read from disk: git itself may not run here), or a
 * worktree's `.git` file: the git source has a history to read. An empty repository has none.
 */
export async function hasGitHistory(root: vscode.Uri): Promise<boolean> {
  const read = async (name: string) => {
    try {
      return new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, '.git', name)),
      );
    } catch {
      return undefined;
    }
  };
  try {
    if (
      (await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '.git'))).type ===
      vscode.FileType.File
    )
      return true;
  } catch {
    return false;
  }
  const head = (await read('HEAD'))?.trim();
  if (!head) return false;
  const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
  if (!ref) return /^[0-9a-f]{40,64}$/.test(head);
  if (ref.split('/').includes('..')) return false;
  return (
    (await read(ref)) !== undefined ||
    ((await read('packed-refs')) ?? '').split('\n').some(l => l.endsWith(` ${ref}`))
  );
}
