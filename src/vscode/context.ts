import * as vscode from 'vscode';
import type { HandoffFlow } from './commands/handoffFlow';
import type { Log } from './log';
import type { OwnersStore } from './ownersStore';
import type { Node } from './tree/nodes';
import type { OwnershipTreeProvider } from './tree/provider';

/** What commands share; one object owns every lifetime through `subscriptions`. */
export interface Ctx {
  readonly subscriptions: vscode.Disposable[];
  readonly log: Log;
  readonly store: OwnersStore;
  readonly tree: OwnershipTreeProvider;
  readonly treeView: vscode.TreeView<Node>;
  /** The handoff's user interface; replaceable in tests. */
  handoffFlow: HandoffFlow;
  /** Today as YYYY-MM-DD (UTC); replaceable in tests. */
  today: () => string;
}
