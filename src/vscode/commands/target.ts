import * as vscode from 'vscode';
import { Component } from '../../core/owners/model';
import type { Ctx } from '../context';
import type { OwnersState } from '../ownersState';
import type { Node } from '../tree/nodes';

/** A component named by a command argument: a tree node, `{ component, folder? }`, or the active file's. */
export interface Target {
  state: OwnersState;
  component: Component | undefined;
}

export function targetOf(ctx: Ctx, arg: unknown): Target | undefined {
  const node = arg as Partial<Node> | undefined;
  if (node && node.kind === 'component' && node.state) {
    const state =
      ctx.store.states().find(s => s.ownersUri.toString() === node.state!.ownersUri.toString()) ??
      node.state;
    return { state, component: state.model.components.get(node.component!.id) };
  }
  const named = arg as { component?: string; folder?: string } | undefined;
  if (named && typeof named.component === 'string') {
    // Without a folder (a report's button, a script), the folder whose OWNERS.yaml has the component.
    const candidates = ctx.store
      .states()
      .filter(
        s =>
          !named.folder ||
          s.folder.name === named.folder ||
          s.folder.uri.toString() === named.folder,
      );
    const state =
      candidates.find(s => s.model.components.has(named.component!)) ??
      candidates[0] ??
      ctx.store.states()[0];
    return state && { state, component: state.model.components.get(named.component) };
  }
  const uri = vscode.window.activeTextEditor?.document.uri;
  const resolved = uri && ctx.store.resolve(uri);
  if (resolved)
    return {
      state: resolved.state,
      component: resolved.ownership.kind === 'owned' ? resolved.ownership.component : undefined,
    };
  const state = ctx.store.states()[0];
  return state && { state, component: undefined };
}
