import * as vscode from 'vscode';
import { filterIgnored, listRepoFiles, RepoFileSource } from '../node/repoFiles';

/** Created files checked one batch at a time; above this many, listing again is cheaper. */
const RELIST_ABOVE = 2000;
/** Files whose change changes what git ignores. */
const IGNORE_RULES = /(^|\/)\.gitignore$|^\.git\/info\/exclude$/;

/**
 * The files of one repository as repo-relative paths, exactly as the CLI lists them
 * (`listRepoFiles`: git's tracked plus untracked-but-not-ignored files, or a walk without git).
 * Listed once, then kept current from a file watcher: created files pass `git check-ignore` in
 * batches, deleted ones drop out, and a change to ignore rules (or a new folder) lists again.
 * In an untrusted workspace no git is started (a repository's configuration can name programs
 * git would run): the disk is walked instead (.git and node_modules skipped, .gitignore not
 * read, symbolic links not followed), and the files are listed again with git once trust is granted.
 */
export class WorkspaceFiles implements vscode.Disposable {
  private files = new Set<string>();
  private listed: string[] | undefined;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly trustGranted: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Bumped on every change; lets callers cache figures computed over the list. */
  version = 0;
  /** False until the first listing finished (until then "matches no file" would be a lie). */
  loaded = false;
  /** git, or a walk of the disk when git could not list (shown in the log). */
  source: RepoFileSource = 'git';
  readonly ready: Promise<void>;
  private created = new Set<string>();
  /** Paths deleted while a batch of created ones is being checked: a file created and deleted at once stays out. */
  private deletedDuringFlush = new Set<string>();
  private relistWanted = false;
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    folder: vscode.WorkspaceFolder,
    private readonly root: vscode.Uri,
    private readonly log?: (line: string) => void,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(folder, '**/*'),
    );
    this.watcher.onDidCreate(uri => this.onCreate(uri));
    this.watcher.onDidChange(uri => {
      const rel = this.relative(uri);
      if (rel && IGNORE_RULES.test(rel)) this.queue(true);
    });
    this.watcher.onDidDelete(uri => this.onDelete(uri));
    this.trustGranted = vscode.workspace.onDidGrantWorkspaceTrust(() => this.queue(true));
    this.ready = this.busy = this.relist();
  }

  private async relist(): Promise<void> {
    const t0 = Date.now();
    const listed = await listRepoFiles(this.root.fsPath, { git: vscode.workspace.isTrusted });
    const files = await setInSlices(listed.files);
    if (this.disposed) return;
    this.files = files;
    this.source = listed.source;
    this.loaded = true;
    this.log?.(
      `Listed ${listed.files.length} files with ${listed.source} in ${Date.now() - t0} ms${listed.fallbackReason ? ` (git: ${listed.fallbackReason})` : ''}`,
    );
    this.bump(listed.files);
  }

  private onCreate(uri: vscode.Uri): void {
    const rel = this.relative(uri);
    if (!rel || rel === '.git' || rel.startsWith('.git/')) {
      if (rel === '.git/info/exclude') this.queue(true);
      return;
    }
    if (IGNORE_RULES.test(rel)) this.queue(true);
    this.created.add(rel);
    this.queue(this.created.size > RELIST_ABOVE);
  }

  private onDelete(uri: vscode.Uri): void {
    const rel = this.relative(uri);
    if (!rel || rel.startsWith('.git/')) {
      if (rel === '.git/info/exclude') this.queue(true);
      return;
    }
    if (IGNORE_RULES.test(rel)) this.queue(true);
    this.created.delete(rel);
    this.deletedDuringFlush.add(rel);
    if (this.files.delete(rel)) return this.bump();
    // a deleted folder arrives as one event: drop everything below it
    const dir = rel + '/';
    let dropped = false;
    for (const f of this.files)
      if (f.startsWith(dir)) {
        this.files.delete(f);
        dropped = true;
      }
    if (dropped) this.bump();
  }

  /** Applies the pending events after a quiet moment (checkouts and builds come in bursts). */
  private queue(relist: boolean): void {
    this.relistWanted ||= relist;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.busy = this.busy
        .then(() => this.flush())
        .catch(e => this.log?.(`Updating the file list failed: ${e}`));
    }, 200);
  }

  private async flush(): Promise<void> {
    if (this.disposed) return;
    const created = [...this.created];
    this.created.clear();
    this.deletedDuringFlush.clear();
    if (this.relistWanted || !this.loaded) {
      this.relistWanted = false;
      return this.relist();
    }
    const fresh = created.filter(f => !this.files.has(f));
    const { files, folders } = await this.kinds(fresh);
    // A new folder (moved or copied in) may hold files the watcher never names: list again.
    if (folders > 0) return this.relist();
    const checked =
      this.source === 'git' && vscode.workspace.isTrusted
        ? await filterIgnored(this.root.fsPath, files)
        : files.filter(f => !/(^|\/)node_modules\//.test(f));
    const gone = [...this.deletedDuringFlush];
    const kept = gone.length
      ? checked.filter(f => !gone.some(d => f === d || f.startsWith(`${d}/`)))
      : checked;
    if (kept.length === 0 || this.disposed) return;
    for (const f of kept) this.files.add(f);
    this.bump();
  }

  /** The created paths that are files, and how many are folders (a path gone again is neither). */
  private async kinds(paths: string[]): Promise<{ files: string[]; folders: number }> {
    const types = await Promise.all(
      paths.map(p =>
        Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(this.root, p))).then(
          s => s.type,
          () => undefined,
        ),
      ),
    );
    const isFolder = (t: vscode.FileType | undefined) =>
      t !== undefined && (t & vscode.FileType.Directory) !== 0;
    return {
      files: paths.filter((_, i) => types[i] !== undefined && !isFolder(types[i])),
      folders: types.filter(isFolder).length,
    };
  }

  private bump(list?: string[]): void {
    this.listed = list;
    this.version++;
    this.changed.fire();
  }

  private relative(uri: vscode.Uri): string | undefined {
    const base = this.root.path.replace(/\/$/, '') + '/';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Repo-relative paths in listing order (cached until the next change; sorting a million costs a second). */
  all(): readonly string[] {
    return (this.listed ??= [...this.files]);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.watcher.dispose();
    this.trustGranted.dispose();
    this.changed.dispose();
  }
}

/**
 * The Set of a listing, built a slice at a time: one `new Set()` of a million paths held the
 * extension host's main thread for 0.65 s; slices of 50,000 keep each turn around 30 ms.
 */
async function setInSlices(list: readonly string[], slice = 50_000): Promise<Set<string>> {
  const set = new Set<string>();
  for (let i = 0; i < list.length; i += slice) {
    if (i > 0) await new Promise(resolve => setImmediate(resolve));
    const end = Math.min(i + slice, list.length);
    for (let j = i; j < end; j++) set.add(list[j]);
  }
  return set;
}
