import * as vscode from 'vscode';
import { unownedOnPurpose } from '../core/owners/resolve';
import { onPurposeWords } from '../core/owners/unownedWords';
import { Settings } from './ids';
import { OwnersStore } from './ownersStore';

/** Explorer tooltips naming each file's owner; refreshed whenever ownership changes. */
export class OwnerDecorationProvider implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private lastGeneration = -1;

  constructor(private readonly store: OwnersStore) {
    // File-list changes do not change anyone's owner; only a reparse does.
    this.subscriptions = [
      store.onDidChange(() => {
        const generation = store.states().reduce((g, s) => g + s.generation, 0);
        if (generation !== this.lastGeneration) { this.lastGeneration = generation; this.changed.fire(undefined); }
      }),
      // New files are decorated once the file list knows them.
      store.onDidChangeFiles(() => { clearTimeout(this.timer); this.timer = setTimeout(() => this.changed.fire(undefined), 500); }),
      // Turned off or on: every badge and tooltip goes or comes back now, not at the next parse.
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${Settings.section}.${Settings.decorations}`)) this.changed.fire(undefined); }),
    ];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return undefined;
    if (!vscode.workspace.getConfiguration(Settings.section, uri).get<boolean>(Settings.decorations, true)) return undefined;
    const resolved = this.store.resolve(uri);
    if (!resolved || !resolved.state.files.has(resolved.path)) return undefined;
    const o = resolved.ownership;
    if (o.kind === 'unowned') {
      const pattern = unownedOnPurpose(o);
      return new vscode.FileDecoration(undefined, pattern ? `Owner: none, ${onPurposeWords(pattern)}` : 'Owner: none (not in OWNERS.yaml)');
    }
    const team = o.team ? `, team ${o.team.name ?? o.team.id}` : '';
    return new vscode.FileDecoration(undefined, `Owner: ${o.component.owner} (${o.component.name ?? o.component.id}${team})`);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach(d => d.dispose());
    this.changed.dispose();
  }
}
