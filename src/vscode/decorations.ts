import * as vscode from 'vscode';
import { unownedOnPurpose } from '../core/owners/resolve';
import { onPurposeWords } from '../core/owners/unownedWords';
import { componentFolders } from '../core/owners/componentFolders';
import { HISTORY_NOT_WORTH } from '../core/report/inPracticeWords';
import type { ComponentFigures } from '../core/metrics/types';
import { Settings } from './ids';
import { OwnersStore } from './ownersStore';
import type { OwnersState } from './ownersState';

/** The figures already computed for a folder's OWNERS.yaml, per component id, without waiting. */
export type PeekComponentFigures = (
  state: OwnersState,
) => ReadonlyMap<string, ComponentFigures> | undefined;

/** The colour contributed in package.json for a file nobody owns. */
const UNOWNED_COLOR = 'ownershipLens.unownedFileForeground';

/**
 * Explorer tooltips naming each file's owner, and a `?` badge in a colour of its own on a file no
 * pattern owns (not on files unowned on purpose); with `decorations.knowledgeAtRisk` (off by
 * default) a badge on the folder where a component whose bus factor is at most 1 starts.
 * Refreshed whenever ownership, the figures or the settings change.
 */
export class OwnerDecorationProvider implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private lastGeneration = -1;
  /** Per state, its component folders for one file list and one parse. */
  private readonly folders = new WeakMap<
    OwnersState,
    { filesVersion: number; generation: number; map: Map<string, string> }
  >();

  constructor(
    private readonly store: OwnersStore,
    private readonly figures?: PeekComponentFigures,
    onFiguresChange?: vscode.Event<unknown>,
  ) {
    // File-list changes do not change anyone's owner; only a reparse does.
    this.subscriptions = [
      store.onDidChange(() => {
        const generation = store.states().reduce((g, s) => g + s.generation, 0);
        if (generation !== this.lastGeneration) {
          this.lastGeneration = generation;
          this.changed.fire(undefined);
        }
      }),
      // New files are decorated once the file list knows them.
      store.onDidChangeFiles(() => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.changed.fire(undefined), 500);
      }),
      // Turned off or on: every badge and tooltip goes or comes back now, not at the next parse.
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(`${Settings.section}.decorations`)) this.changed.fire(undefined);
      }),
      // New figures may put a folder's knowledge at risk, or take it out.
      ...(onFiguresChange
        ? [
            onFiguresChange(() => {
              if (this.anyAtRiskSetting()) this.changed.fire(undefined);
            }),
          ]
        : []),
    ];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return undefined;
    const config = vscode.workspace.getConfiguration(Settings.section, uri);
    const resolved = this.store.resolve(uri);
    if (resolved && !resolved.state.files.has(resolved.path))
      return config.get<boolean>(Settings.knowledgeAtRisk, false)
        ? this.folderAtRisk(resolved.state, resolved.path)
        : undefined;
    if (!config.get<boolean>(Settings.decorations, true)) return undefined;
    if (!resolved) return undefined;
    const o = resolved.ownership;
    if (o.kind === 'unowned') {
      const pattern = unownedOnPurpose(o);
      if (pattern)
        return new vscode.FileDecoration(undefined, `Owner: none, ${onPurposeWords(pattern)}`);
      // No one answers for it and nobody said so on purpose: it stands out, unless the user turned that off.
      if (!config.get<boolean>(Settings.markUnowned, true))
        return new vscode.FileDecoration(undefined, 'Owner: none (not in OWNERS.yaml)');
      return new vscode.FileDecoration(
        '?',
        'Owner: none (no pattern in OWNERS.yaml owns this file)',
        new vscode.ThemeColor(UNOWNED_COLOR),
      );
    }
    const team = o.team ? `, team ${o.team.name ?? o.team.id}` : '';
    return new vscode.FileDecoration(
      undefined,
      `Owner: ${o.component.owner} (${o.component.name ?? o.component.id}${team})`,
    );
  }

  /** A folder where a component starts whose knowledge the history shows in one place (bus factor 1) or in none (0). */
  private folderAtRisk(state: OwnersState, folder: string): vscode.FileDecoration | undefined {
    const figures = this.figures?.(state);
    if (!figures || !state.files.loaded) return undefined;
    let memo = this.folders.get(state);
    if (
      !memo ||
      memo.filesVersion !== state.files.version ||
      memo.generation !== state.generation
    ) {
      const componentOf = (path: string) => {
        const o = state.ownerOf(path);
        return o.kind === 'owned' ? o.component.id : undefined;
      };
      memo = {
        filesVersion: state.files.version,
        generation: state.generation,
        map: componentFolders(state.files.all(), componentOf),
      };
      this.folders.set(state, memo);
    }
    const id = memo.map.get(folder);
    const k = id === undefined ? undefined : figures.get(id)?.knowledge;
    if (!id || !k || k.files === 0 || k.busFactor > 1) return undefined;
    const name = state.model.components.get(id)?.name ?? id;
    const where =
      k.busFactor === 1
        ? 'knowledge concentrated in one place (bus factor 1)'
        : 'knowledge of most files not found in the history (bus factor 0)';
    return new vscode.FileDecoration(
      String(k.busFactor),
      `${name}: ${where}; ${k.knownFiles} of ${k.files} files known by someone. A handoff or a rotation spreads it. ${HISTORY_NOT_WORTH}`,
    );
  }

  private anyAtRiskSetting(): boolean {
    return (
      (vscode.workspace.workspaceFolders ?? []).some(f =>
        vscode.workspace
          .getConfiguration(Settings.section, f.uri)
          .get<boolean>(Settings.knowledgeAtRisk, false),
      ) ||
      vscode.workspace
        .getConfiguration(Settings.section)
        .get<boolean>(Settings.knowledgeAtRisk, false) === true
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach(d => d.dispose());
    this.changed.dispose();
  }
}
