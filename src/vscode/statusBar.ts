import * as vscode from 'vscode';
import { Commands } from './ids';
import { unownedOnPurpose } from '../core/owners/resolve';
import { onPurposeWords } from '../core/owners/unownedWords';
import { componentCard } from './markdown';
import { OwnersStore } from './ownersStore';

/** The active file's component and owner; clicking it asks `whoOwns`. */
export function registerStatusBar(
  store: OwnersStore,
  subscriptions: vscode.Disposable[],
): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(
    'ownershipLens.owner',
    vscode.StatusBarAlignment.Left,
    50,
  );
  item.name = 'Ownership Lens: owner of the current file';
  item.command = Commands.whoOwns;
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const resolved = uri && store.resolve(uri);
    if (!resolved || resolved.state.ownersUri.toString() === uri.toString()) return item.hide();
    const o = resolved.ownership;
    if (o.kind === 'owned') {
      item.text = `$(organization) ${o.component.name ?? o.component.id} · ${o.component.owner}`;
      item.tooltip = componentCard(resolved.state.model, o.component, resolved.path);
    } else {
      const pattern = unownedOnPurpose(o);
      item.text = pattern ? '$(organization) Unowned on purpose' : '$(organization) Unowned';
      item.tooltip = pattern
        ? `${resolved.path} has no owner: ${onPurposeWords(pattern)}`
        : `${resolved.path} has no owner in OWNERS.yaml`;
    }
    item.show();
  };
  subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    store.onDidChange(update),
  );
  update();
  return item;
}
