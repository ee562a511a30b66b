import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OwnershipLensApi } from '../../src/vscode/extension';
import type { Node } from '../../src/vscode/tree/nodes';

export const EXTENSION_ID = 'ownership-lens.ownership-lens';

/** The activated extension's test API, with OWNERS.yaml and the file list loaded. */
export async function api(): Promise<OwnershipLensApi> {
  const ext = vscode.extensions.getExtension<OwnershipLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const a = ext.isActive ? ext.exports : await ext.activate();
  await a.ctx.store.ready;
  for (const s of a.ctx.store.states()) await s.analysed();
  return a;
}

export function folderUri(name?: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const f = name ? folders.find(x => x.name === name) : folders[0];
  assert.ok(f, `no workspace folder ${name ?? ''}`);
  return f.uri;
}

export function file(rel: string, folder?: string): vscode.Uri {
  return vscode.Uri.joinPath(folderUri(folder), rel);
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

export interface Row {
  depth: number;
  label: string;
  description?: string;
  contextValue?: string;
  id?: string;
  node: Node;
}

/** Label text of a TreeItem (string or TreeItemLabel). */
export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Walks the tree provider as the view would, down to `maxDepth`. */
export async function treeRows(
  a: OwnershipLensApi,
  maxDepth = 2,
  from?: Node,
  depth = 0,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const node of await a.ctx.tree.getChildren(from)) {
    const item = a.ctx.tree.getTreeItem(node);
    rows.push({
      depth,
      label: labelOf(item),
      description: item.description as string | undefined,
      contextValue: item.contextValue,
      id: item.id,
      node,
    });
    if (depth < maxDepth && item.collapsibleState !== vscode.TreeItemCollapsibleState.None)
      rows.push(...(await treeRows(a, maxDepth, node, depth + 1)));
  }
  return rows;
}

/** Hover text at the first occurrence of `needle` (+ `offset` characters) through VS Code's own hover command. */
export async function hoverText(uri: vscode.Uri, needle: string, offset = 1): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${uri.path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    doc.positionAt(at + offset),
  );
  return hovers
    .flatMap(h =>
      h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)),
    )
    .join('\n---\n');
}

/** Markdown with its backslash escapes removed, for readable assertions. */
export function unescape(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&"'])/g, '$1');
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Runs `run` with the notifications the extension shows captured instead of shown (the extension
 * and these tests share one \`vscode\` API object), and answers each with `answer` (or nothing).
 */
export async function captureMessages<T>(
  run: () => Promise<T> | Thenable<T>,
  answer?: string,
): Promise<{ result: T; info: string[]; warning: string[]; error: string[] }> {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = {
    info: w.showInformationMessage,
    warning: w.showWarningMessage,
    error: w.showErrorMessage,
  };
  const seen = { info: [] as string[], warning: [] as string[], error: [] as string[] };
  const stub =
    (list: string[]) =>
    async (message: string, ...items: unknown[]) => {
      list.push(message);
      return items.find(i => i === answer);
    };
  Object.assign(w, {
    showInformationMessage: stub(seen.info),
    showWarningMessage: stub(seen.warning),
    showErrorMessage: stub(seen.error),
  });
  try {
    return { result: await run(), ...seen };
  } finally {
    Object.assign(w, {
      showInformationMessage: saved.info,
      showWarningMessage: saved.warning,
      showErrorMessage: saved.error,
    });
  }
}

/**
 * Lines matching `pattern` in the extension host's own log (`host`, where VS Code's tree views
 * log their errors) or in this extension's output channel (`extension`).
 */
export function logLines(
  a: OwnershipLensApi,
  which: 'host' | 'extension',
  pattern: RegExp,
): string[] {
  const dir = which === 'host' ? path.dirname(a.logUri.fsPath) : a.logUri.fsPath;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.log'))
    .flatMap(f => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter(l => pattern.test(l));
}
