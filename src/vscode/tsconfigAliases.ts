import * as vscode from 'vscode';
import { parseJsonc } from '../core/moduleImports/jsonc';
import { PathAliases } from '../core/moduleImports/resolveSpecifier';
import { relativeTo } from './ownersLocator';
import { readWorkspaceFile } from './workspaceRead';

/** A tsconfig.json is a few KB; a larger one is not read for aliases. */
const MAX_TSCONFIG_BYTES = 1024 * 1024;

/** `compilerOptions.paths` of the folder's tsconfig.json or jsconfig.json, if any. */
export async function readAliases(
  folder: vscode.Uri,
  root: vscode.Uri,
): Promise<PathAliases | undefined> {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    try {
      // Only a regular file inside the repository, at most 1 MB (a link to /dev/zero is never read).
      const read = await readWorkspaceFile(
        vscode.Uri.joinPath(folder, name),
        root,
        MAX_TSCONFIG_BYTES,
      );
      if (read.kind !== 'ok') continue;
      const json = parseJsonc(new TextDecoder().decode(read.bytes)) as {
        compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
      };
      const options = json?.compilerOptions;
      if (!options?.paths && !options?.baseUrl) return undefined;
      const base = vscode.Uri.joinPath(folder, options.baseUrl ?? '.');
      return {
        baseDir: base.path === root.path ? '' : (relativeTo(root, base) ?? ''),
        paths: options.paths ?? {},
      };
    } catch {
      /* no such file, or unreadable: no aliases */
    }
  }
  return undefined;
}
