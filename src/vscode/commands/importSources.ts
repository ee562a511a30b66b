import * as vscode from 'vscode';
import type { SourceFile } from '../../core/ownersImport/prowOwners';
import { relativeTo } from '../ownersLocator';
import { DEFAULT_MAX_BYTES } from '../../core/owners/inputGuards';
import { readWorkspaceFile } from '../workspaceRead';

const EXCLUDE = '**/{node_modules,vendor,third_party,.git}/**';

/**
 * The files to import for a folder, found from the source the locator saw: that CODEOWNERS alone,
 * every OWNERS and OWNERS_ALIASES of the tree, or every catalog-info.yaml. Paths are relative to the root.
 */
export async function readImportSources(
  folder: vscode.WorkspaceFolder,
  root: vscode.Uri,
  found: vscode.Uri,
): Promise<SourceFile[]> {
  const name = found.path.split('/').pop();
  const glob =
    name === 'OWNERS'
      ? '**/{OWNERS,OWNERS_ALIASES}'
      : name === 'catalog-info.yaml'
        ? '**/catalog-info.{yaml,yml}'
        : undefined;
  const uris = glob
    ? await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE, 5000)
    : [found];
  const decoder = new TextDecoder();
  return Promise.all(
    uris
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(async uri => {
        // A committed link to a file outside the repository (a private key) or to a device is refused, not imported.
        const read = await readWorkspaceFile(uri, root, DEFAULT_MAX_BYTES);
        if (read.kind !== 'ok')
          throw new Error(
            read.kind === 'refused'
              ? read.reason
              : read.kind === 'too-large'
                ? `${uri.path} is larger than 10 MB`
                : `${uri.path} does not exist`,
          );
        return { path: relativeTo(root, uri) ?? uri.path, text: decoder.decode(read.bytes) };
      }),
  );
}
