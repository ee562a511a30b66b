import * as vscode from 'vscode';

const EXCLUDE = '**/{node_modules,.git}/**';

/**
 * The files of one workspace folder as repo-relative paths: listed once with findFiles, then
 * kept current from a file watcher's create/delete events (never listed again on change).
 */
export class WorkspaceFiles implements vscode.Disposable {
  private files = new Set<string>();
  private sorted: string[] | undefined;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Bumped on every change; lets callers cache figures computed over the list. */
  version = 0;
  /** False until the first listing finished (until then "matches no file" would be a lie). */
  loaded = false;
  readonly ready: Promise<void>;

  constructor(private readonly folder: vscode.WorkspaceFolder, private readonly prefix: string) {
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'), false, true, false);
    this.watcher.onDidCreate(uri => this.update(uri, true));
    this.watcher.onDidDelete(uri => this.update(uri, false));
    this.ready = this.list();
  }

  private async list(): Promise<void> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*'), EXCLUDE);
    for (const uri of uris) {
      const rel = this.relative(uri);
      if (rel) this.files.add(rel);
    }
    this.loaded = true;
    this.bump();
  }

  private update(uri: vscode.Uri, exists: boolean): void {
    const rel = this.relative(uri);
    if (!rel || /(^|\/)(node_modules|\.git)\//.test(rel)) return;
    if (exists) {
      if (this.files.has(rel)) return;
      this.files.add(rel);
    } else if (!this.files.delete(rel)) {
      // a deleted folder arrives as one event: drop everything below it
      const dir = rel + '/';
      const below = [...this.files].filter(f => f.startsWith(dir));
      if (!below.length) return;
      below.forEach(f => this.files.delete(f));
    }
    this.bump();
  }

  private bump(): void {
    this.sorted = undefined;
    this.version++;
    this.changed.fire();
  }

  private relative(uri: vscode.Uri): string | undefined {
    const base = this.folder.uri.path.replace(/\/$/, '') + '/';
    if (!uri.path.startsWith(base)) return undefined;
    return this.prefix + uri.path.slice(base.length);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Sorted repo-relative paths (cached until the next change). */
  all(): readonly string[] {
    return (this.sorted ??= [...this.files].sort());
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
