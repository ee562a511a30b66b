import * as vscode from 'vscode';
import { parseOwners, ParsedOwners } from '../core/owners/parse';
import { UNREADABLE_CODES } from '../core/owners/diagnosticCodes';
import type { PathAliases } from '../core/moduleImports/resolveSpecifier';
import { Ownership } from '../core/owners/resolve';
import { Settings } from './ids';
import { Log } from './log';
import {
  CODEOWNERS_CANDIDATES,
  locateOwners,
  OWNERS_CANDIDATES,
  relativeTo,
} from './ownersLocator';
import { OwnersState } from './ownersState';
import { readAliases } from './tsconfigAliases';
import { WorkspaceFiles } from './workspaceFiles';
import { readWorkspaceFile } from './workspaceRead';
import type { RepositoryAnalyzer } from '../node/analysis';
import { DEFAULT_MAX_BYTES } from '../core/owners/inputGuards';

interface FolderEntry {
  folder: vscode.WorkspaceFolder;
  /** Listed only once the folder has an OWNERS file: a folder without one costs no search. */
  files?: WorkspaceFiles;
  state?: OwnersState;
  codeownersUri?: vscode.Uri;
  /** The repository root the locator found (paths in OWNERS.yaml and import sources are relative to it). */
  root?: vscode.Uri;
  watchers: vscode.Disposable[];
}

/** Where a file stands: its folder's OWNERS.yaml state, its repo-relative path and owner. */
export interface Resolved {
  state: OwnersState;
  path: string;
  ownership: Ownership;
}

/**
 * Finds and watches OWNERS.yaml in every workspace folder, parses it once per change (from the
 * editor buffer when open, else from disk) and fires `onDidChange`. Everything else reads from here.
 */
export class OwnersStore implements vscode.Disposable {
  private readonly entries = new Map<string, FolderEntry>();
  private readonly changed = new vscode.EventEmitter<OwnersState | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Edited OWNERS.yaml documents waiting for the debounce delay to pass. */
  private readonly pendingEdits = new Map<string, vscode.TextDocument>();
  private generation = 0;
  readonly onDidChange = this.changed.event;
  private readonly filesChanged = new vscode.EventEmitter<OwnersState | undefined>();
  /** The file list changed (counts and dead patterns may change; owners did not). */
  readonly onDidChangeFiles = this.filesChanged.event;
  ready: Promise<void>;

  constructor(
    private readonly log: Log,
    private readonly analyzer?: RepositoryAnalyzer,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.ready = this.loadAll();
      }),
      vscode.workspace.onDidChangeTextDocument(e => this.onEdit(e.document)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.ownersFile}`))
          this.ready = this.loadAll();
        // Edits waiting for the old delay wait for the new one instead.
        if (e.affectsConfiguration(`${Settings.section}.${Settings.debounceMs}`))
          for (const doc of this.pendingEdits.values()) this.onEdit(doc);
      }),
    );
    this.ready = this.loadAll();
  }

  states(): OwnersState[] {
    // In the workspace's folder order, whichever folder finished loading first.
    return [...this.entries.values()]
      .flatMap(e => (e.state ? [e.state] : []))
      .sort((a, b) => a.folder.index - b.folder.index);
  }

  hasCodeowners(): boolean {
    return [...this.entries.values()].some(e => e.codeownersUri);
  }

  codeownersOf(folder: vscode.WorkspaceFolder): vscode.Uri | undefined {
    return this.entries.get(folder.uri.toString())?.codeownersUri;
  }

  stateFor(uri: vscode.Uri): OwnersState | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.entries.get(folder.uri.toString())?.state;
  }

  /** The owner of a workspace file, or undefined outside any folder with OWNERS.yaml. */
  resolve(uri: vscode.Uri): Resolved | undefined {
    const state = this.stateFor(uri);
    const path = state && relativeTo(state.root, uri);
    return state && path ? { state, path, ownership: state.ownerOf(path) } : undefined;
  }

  /** Reparses `ownersUri` from this text now (after our own edits: no debounce). */
  reparse(ownersUri: vscode.Uri, text: string): OwnersState | undefined {
    const entry = [...this.entries.values()].find(
      e => e.state?.ownersUri.toString() === ownersUri.toString(),
    );
    if (!entry?.state || entry.state.current.text === text) return entry?.state;
    const s = entry.state;
    entry.state = this.stateOf(
      s.folder,
      s.root,
      s.ownersUri,
      parseOwners(text),
      s.files,
      s.aliases,
      s,
    );
    this.changed.fire(entry.state);
    return entry.state;
  }

  /**
   * The state of a new parse. A text that cannot be read (a typo such as `pa` for `paths:` is a YAML
   * syntax error, and nothing of the file is read) keeps the last good version on show, marked stale
   * with the error, rather than empty every view.
   */
  private stateOf(
    folder: vscode.WorkspaceFolder,
    root: vscode.Uri,
    ownersUri: vscode.Uri,
    parsed: ParsedOwners,
    files: WorkspaceFiles,
    aliases: PathAliases | undefined,
    previous: OwnersState | undefined,
  ): OwnersState {
    const error = parsed.diagnostics.find(
      d => d.severity === 'error' && UNREADABLE_CODES.has(d.code),
    );
    const lastGood =
      previous?.ownersUri.toString() === ownersUri.toString() ? previous.parsed : undefined;
    if (error && lastGood) {
      this.log.warn(
        `${ownersUri.fsPath} cannot be read (line ${error.span.line}:${error.span.column} ${error.code}: ${error.message}); the last good version stays on show.`,
      );
      return new OwnersState(
        folder,
        root,
        ownersUri,
        lastGood,
        files,
        aliases,
        ++this.generation,
        this.workerFor(),
        { parsed, error },
      );
    }
    return new OwnersState(
      folder,
      root,
      ownersUri,
      parsed,
      files,
      aliases,
      ++this.generation,
      this.workerFor(),
    );
  }

  async loadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const [key, entry] of this.entries) {
      if (!folders.some(f => f.uri.toString() === key)) this.drop(key, entry);
    }
    await Promise.all(folders.map(f => this.load(f)));
    this.changed.fire(undefined);
  }

  rootOf(folder: vscode.WorkspaceFolder): vscode.Uri | undefined {
    return this.entries.get(folder.uri.toString())?.root;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const t0 = Date.now();
    const located = await locateOwners(folder);
    let entry = this.entries.get(folder.uri.toString());
    if (!entry) {
      entry = { folder, watchers: [this.watchOwners(folder)] };
      this.entries.set(folder.uri.toString(), entry);
    }
    entry.codeownersUri = located.codeownersUri;
    entry.root = located.root;
    if (!located.ownersUri) {
      entry.state = undefined;
      return;
    }
    if (!entry.files) {
      const files = (entry.files = new WorkspaceFiles(folder, located.root, line =>
        this.log.info(line),
      ));
      const e = entry;
      entry.watchers.push(
        files,
        files.onDidChange(() => this.filesChanged.fire(e.state)),
      );
    }
    const [read, aliases] = await Promise.all([
      this.readText(located.ownersUri, located.root),
      readAliases(folder.uri, located.root),
    ]);
    entry.state = this.stateOf(
      folder,
      located.root,
      located.ownersUri,
      parseOwners(read.text, { fileBytes: read.bytes, notRead: read.notRead }),
      entry.files,
      aliases,
      entry.state,
    );
    this.log.info(
      `Loaded ${located.ownersUri.fsPath}: ${entry.state.model.components.size} components in ${Date.now() - t0} ms`,
    );
  }

  /** Large repositories are counted in a worker; its figures arrive like a file-list change. */
  private workerFor() {
    return (
      this.analyzer && {
        analyzer: this.analyzer,
        log: (line: string) => this.log.info(line),
        onAnalysed: (state: OwnersState) => this.filesChanged.fire(state),
      }
    );
  }

  /** The file's text; an oversized file is not read at all (its size makes the file-too-large diagnostic). */
  private async readText(
    uri: vscode.Uri,
    root: vscode.Uri,
  ): Promise<{ text: string; bytes?: number; notRead?: string }> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) return { text: open.getText() };
    // A link to /dev/zero (size 0 to stat) or outside the repository is not read; the read stops at the limit + 1 byte.
    const read = await readWorkspaceFile(uri, root, DEFAULT_MAX_BYTES);
    if (read.kind === 'too-large') return { text: '', bytes: read.bytes };
    if (read.kind === 'refused') return { text: '', notRead: read.reason };
    if (read.kind === 'missing') return { text: '', notRead: 'it does not exist' };
    return { text: new TextDecoder().decode(read.bytes) };
  }

  private watchOwners(folder: vscode.WorkspaceFolder): vscode.Disposable {
    const names = [...OWNERS_CANDIDATES, ...CODEOWNERS_CANDIDATES].join(',');
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(folder, `{${names}}`),
    );
    const reload = () =>
      this.schedule(folder.uri.toString(), 50, async () => {
        await this.load(folder);
        this.changed.fire(undefined);
      });
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    return watcher;
  }

  private onEdit(doc: vscode.TextDocument): void {
    const entry = [...this.entries.values()].find(
      e => e.state?.ownersUri.toString() === doc.uri.toString(),
    );
    if (!entry) return;
    const delay = vscode.workspace
      .getConfiguration(Settings.section, doc.uri)
      .get<number>(Settings.debounceMs, 250);
    const key = doc.uri.toString();
    this.pendingEdits.set(key, doc);
    this.schedule(key, delay, () => {
      this.pendingEdits.delete(key);
      if (!doc.isClosed) this.reparse(doc.uri, doc.getText());
    });
  }

  private schedule(key: string, ms: number, run: () => unknown): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        Promise.resolve(run()).catch(e => this.log.error('Reloading OWNERS.yaml failed', e));
      }, ms),
    );
  }

  private drop(key: string, entry: FolderEntry): void {
    entry.watchers.forEach(w => w.dispose());
    this.entries.delete(key);
  }

  dispose(): void {
    for (const [key, entry] of this.entries) this.drop(key, entry);
    this.timers.forEach(t => clearTimeout(t));
    this.disposables.forEach(d => d.dispose());
    this.changed.dispose();
    this.filesChanged.dispose();
  }
}
