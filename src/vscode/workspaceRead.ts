import * as vscode from 'vscode';
import { BoundedRead, readRegularFile, writeFileNoFollow } from '../node/safeFiles';

/**
 * Reading and writing repository files from the editor without leaving the repository (see
 * node/safeFiles): on disk, links are resolved and refused when they lead outside `root` or to
 * anything but a regular file, reads stop at the limit + 1 byte, writes never follow a link. On a
 * remote file system, where the extension cannot resolve links itself, a link is refused outright.
 */
export async function readWorkspaceFile(
  uri: vscode.Uri,
  root: vscode.Uri,
  maxBytes: number,
): Promise<BoundedRead> {
  if (uri.scheme === 'file') return readRegularFile(uri.fsPath, maxBytes, root.fsPath);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.type & vscode.FileType.SymbolicLink)
    return { kind: 'refused', reason: `${uri.path} is a symbolic link` };
  if (!(stat.type & vscode.FileType.File))
    return { kind: 'refused', reason: `${uri.path} is not a regular file` };
  if (stat.size > maxBytes) return { kind: 'too-large', bytes: stat.size };
  const bytes = await vscode.workspace.fs.readFile(uri);
  return bytes.length > maxBytes
    ? { kind: 'too-large', bytes: bytes.length }
    : { kind: 'ok', bytes: Buffer.from(bytes) };
}

/** Writes a new file (never through a link, never outside `root`); throws a readable Error. */
export async function writeWorkspaceFile(
  uri: vscode.Uri,
  root: vscode.Uri,
  bytes: Uint8Array,
): Promise<void> {
  if (uri.scheme === 'file')
    return writeFileNoFollow(uri.fsPath, bytes, { root: root.fsPath, overwrite: false });
  const existing = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    s => s,
    () => undefined,
  );
  if (existing)
    throw new Error(
      `${uri.path} exists${existing.type & vscode.FileType.SymbolicLink ? ' (a symbolic link)' : ''}; it is not written`,
    );
  await vscode.workspace.fs.writeFile(uri, bytes);
}
