import * as vscode from 'vscode';

/** A small text file as text, '' when absent, unreadable, over 1 MB or binary (the root `.gitattributes`, OWNERS.yaml). */
export async function readSmallText(uri: vscode.Uri): Promise<string> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.length > 1024 * 1024 || bytes.includes(0) ? '' : new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}

/** The repository root's `.gitattributes` as text ('' when none). */
export function readRootAttributes(root: vscode.Uri): Promise<string> {
  return readSmallText(vscode.Uri.joinPath(root, '.gitattributes'));
}
