import * as vscode from 'vscode';
import { unownedOnPurpose } from '../core/owners/resolve';
import { onPurposeWords } from '../core/owners/unownedWords';
import { Settings } from './ids';
import { OwnersStore } from './ownersStore';

/** The colour contributed in package.json for a file nobody owns. */
const UNOWNED_COLOR = 'ownershipLens.unownedFileForeground';

/**
 * Explorer tooltips naming each file's owner, and a `?` badge in a colour of its own on a file no
 * pattern owns (not on files unowned on purpose); refreshed whenever ownership or the settings change.
 */
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
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${Settings.section}.decorations`)) this.changed.fire(undefined); }),
    ];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return undefined;
    const config = vscode.workspace.getConfiguration(Settings.section, uri);
    if (!config.get<boolean>(Settings.decorations, true)) return undefined;
    const resolved = this.store.resolve(uri);
    if (!resolved || !resolved.state.files.has(resolved.path)) return undefined;
    const o = resolved.ownership;
    if (o.kind === 'unowned') {
      const pattern = unownedOnPurpose(o);
      if (pattern) return new vscode.FileDecoration(undefined, `Owner: none, ${onPurposeWords(pattern)}`);
      // No one answers for it and nobody said so on purpose: it stands out, unless the user turned that off.
      if (!config.get<boolean>(Settings.markUnowned, true)) return new vscode.FileDecoration(undefined, 'Owner: none (not in OWNERS.yaml)');
      return new vscode.FileDecoration('?', 'Owner: none (no pattern in OWNERS.yaml owns this file)', new vscode.ThemeColor(UNOWNED_COLOR));
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
