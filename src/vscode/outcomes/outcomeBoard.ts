import * as vscode from 'vscode';
import type { OutcomeEntry } from '../../core/outcomes/model';
import type { Outcome } from '../../core/owners/model';

/**
 * The last known state of every outcome, read synchronously by the tree and hovers: they never
 * fetch (a hover must not wait on the network). Filled by `OutcomeService` on its refresh cadence.
 * Keyed by outcome id and source, so an edit of the source is not shown with the old value.
 */
class OutcomeBoard {
  private readonly entries = new Map<string, OutcomeEntry>();
  /** The same entries without the folder in the key (the last folder's wins). */
  private readonly anyFolder = new Map<string, OutcomeEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  static key(outcome: Outcome, folder: string): string {
    return `${folder}\0${outcome.id}\0${JSON.stringify(outcome.source ?? null)}\0${outcome.target ?? ''}`;
  }

  /** Any folder's entry for this outcome (hovers do not always know the folder). */
  peek(outcome: Outcome, folder?: string): OutcomeEntry | undefined {
    if (folder !== undefined) return this.entries.get(OutcomeBoard.key(outcome, folder));
    return this.anyFolder.get(OutcomeBoard.key(outcome, ''));
  }

  /** Takes the new entries; tells the views only when something they show changed. */
  replace(entries: Map<string, OutcomeEntry>): void {
    const same =
      entries.size === this.entries.size &&
      [...entries].every(([k, v]) => JSON.stringify(this.entries.get(k)) === JSON.stringify(v));
    if (same) return;
    this.entries.clear();
    this.anyFolder.clear();
    for (const [k, v] of entries) {
      this.entries.set(k, v);
      this.anyFolder.set(k.slice(k.indexOf('\0')), v);
    }
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const outcomeBoard = new OutcomeBoard();
export const outcomeKey = OutcomeBoard.key;
