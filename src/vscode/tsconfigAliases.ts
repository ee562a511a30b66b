import * as vscode from 'vscode';
import { parseJsonc } from '../core/imports/jsonc';
import { PathAliases } from '../core/imports/resolveSpecifier';
import { relativeTo } from './ownersLocator';

/** `compilerOptions.paths` of the folder's tsconfig.json or jsconfig.json, if any. */
export async function readAliases(folder: vscode.Uri, root: vscode.Uri): Promise<PathAliases | undefined> {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
      const json = parseJsonc(new TextDecoder().decode(bytes)) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
      const options = json?.compilerOptions;
      if (!options?.paths && !options?.baseUrl) return undefined;
      const base = vscode.Uri.joinPath(folder, options.baseUrl ?? '.');
      return { baseDir: base.path === root.path ? '' : relativeTo(root, base) ?? '', paths: options.paths ?? {} };
    } catch { /* no such file, or unreadable: no aliases */ }
  }
  return undefined;
}
