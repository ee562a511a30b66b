import * as vscode from 'vscode';
import { OwnersDiagnostic } from '../core/owners/model';
import { validateOwners } from '../core/owners/validate';
import { OwnersStore } from './ownersStore';
import type { OwnersState } from './ownersState';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A core diagnostic as VS Code's, keeping the core's code (quick fixes key on it). */
export function toDiagnostic(d: OwnersDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(
    d.span.line - 1,
    d.span.column - 1,
    d.span.endLine - 1,
    d.span.endColumn - 1,
  );
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  diagnostic.code = d.code;
  diagnostic.source = 'ownership-lens';
  return diagnostic;
}

/** Problems of every OWNERS.yaml, validated against the cached file list after each reparse. */
export class OwnersDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ownership-lens');
  private readonly subscriptions: vscode.Disposable[];
  private readonly seen = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: OwnersStore) {
    // Revalidating against a large file list costs a second or so: wait for file bursts to settle.
    this.subscriptions = [
      store.onDidChange(() => this.schedule()),
      store.onDidChangeFiles(() => this.schedule(1500)),
    ];
    this.schedule(0);
  }

  private schedule(ms = 100): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.store.ready.then(() => this.update());
    }, ms);
  }

  /** Validates the states whose text or file list changed since last time. */
  update(): void {
    const live = new Set<string>();
    for (const state of this.store.states()) {
      const key = state.ownersUri.toString();
      live.add(key);
      const stamp = `${state.generation}:${state.files.version}`;
      if (this.seen.get(key) === stamp) continue;
      // A stale state shows the last good version; its problems are those of the text as it is now.
      const worker = state.inWorker() && !state.stale ? state.workerDiagnostics() : undefined;
      // A large repository is checked in a worker: meanwhile, the problems that need no file list.
      if (state.inWorker() && !worker && !state.stale) {
        this.collection.set(state.ownersUri, validateOwners(state.parsed).map(toDiagnostic));
        continue;
      }
      this.seen.set(key, stamp);
      this.collection.set(state.ownersUri, worker ? worker.map(toDiagnostic) : this.compute(state));
    }
    this.collection.forEach(uri => {
      if (!live.has(uri.toString())) {
        this.collection.delete(uri);
        this.seen.delete(uri.toString());
      }
    });
  }

  /** Validation on this thread, whatever the size of the file list (tests and the bench compare with it). */
  compute(state: OwnersState): vscode.Diagnostic[] {
    return validateOwners(state.current, state.files.loaded ? state.files.all() : undefined).map(
      toDiagnostic,
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach(d => d.dispose());
    this.collection.dispose();
  }
}
