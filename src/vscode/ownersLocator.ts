import * as vscode from 'vscode';
import { Settings } from './ids';

import { OWNERS_FILE_LOCATIONS } from '../core/owners/locations';

/** Looked up inside a workspace folder (and at the repository root above it). */
export const OWNERS_CANDIDATES = OWNERS_FILE_LOCATIONS;
/** Where existing ownership lives: CODEOWNERS (GitHub's places, GitLab's), a Kubernetes OWNERS tree's root, a Backstage catalog. */
export const CODEOWNERS_CANDIDATES = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
  'OWNERS',
  'catalog-info.yaml',
];

export interface Located {
  /** The folder that contains `.git` (paths in OWNERS.yaml are relative to it), else the workspace folder. */
  root: vscode.Uri;
  ownersUri: vscode.Uri | undefined;
  codeownersUri: vscode.Uri | undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory;
  } catch {
    return false;
  }
}

async function repoRoot(folder: vscode.Uri): Promise<vscode.Uri> {
  if (folder.scheme !== 'file') return folder;
  for (let dir = folder; ; dir = vscode.Uri.joinPath(dir, '..')) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, '.git'));
      return dir;
    } catch {
      /* keep climbing */
    }
    if (dir.path === '/' || vscode.Uri.joinPath(dir, '..').path === dir.path) return folder;
  }
}

async function firstExisting(
  bases: vscode.Uri[],
  names: readonly string[],
): Promise<vscode.Uri | undefined> {
  for (const base of bases) {
    for (const name of names) {
      const uri = vscode.Uri.joinPath(base, name);
      if (await exists(uri)) return uri;
    }
  }
  return undefined;
}

/** Finds OWNERS.yaml (or the `ownershipLens.ownersFile` override, trusted workspaces only) and CODEOWNERS. */
export async function locateOwners(folder: vscode.WorkspaceFolder): Promise<Located> {
  const root = await repoRoot(folder.uri);
  const bases = root.path === folder.uri.path ? [folder.uri] : [folder.uri, root];
  const override = vscode.workspace.isTrusted
    ? vscode.workspace
        .getConfiguration(Settings.section, folder.uri)
        .get<string>(Settings.ownersFile, '')
        .trim()
    : '';
  const ownersUri = override
    ? (await exists(vscode.Uri.joinPath(folder.uri, override)))
      ? vscode.Uri.joinPath(folder.uri, override)
      : undefined
    : await firstExisting(bases, OWNERS_CANDIDATES);
  const codeownersUri = await firstExisting(bases, CODEOWNERS_CANDIDATES);
  return { root, ownersUri, codeownersUri };
}

/** The path of `uri` relative to `root`, '/'-separated, or undefined when outside it. */
export function relativeTo(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.replace(/\/$/, '') + '/';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
