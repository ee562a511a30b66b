import * as vscode from 'vscode';
import { explainRestrictedMode } from '../trust';
import { handoffEdits } from '../../core/handoff/edit';
import { handedOffMessage } from '../../core/handoff/flowWords';
import { isGitHubLogin } from '../../core/owners/model';
import { validateOwners } from '../../core/owners/validate';
import type { ComponentFigures } from '../../core/metrics/types';
import type { Ctx } from '../context';
import type { OwnersState } from '../ownersState';
import { Commands } from '../ids';
import { command } from '../log';
import type { HandoffAnswers } from './handoffFlow';
import { targetOf } from './target';

export type HandoffOutcome =
  | { kind: 'applied'; component: string; to: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'cancelled' };

/** A component's pull-request figures over the window, when they are loaded (the owner step shows them). */
export type FiguresOf = (state: OwnersState) => ReadonlyMap<string, ComponentFigures> | undefined;

/**
 * `ownershipLens.handoff`: asks through the flow (or takes `{ component, to, notes, decisions,
 * stakeholders, outcomes?, authority?, support? }` for non-interactive use), then applies the
 * core's edits as one WorkspaceEdit.
 */
export function registerHandoff(ctx: Ctx, figures?: FiguresOf): void {
  ctx.subscriptions.push(
    command(Commands.handoff, ctx.log, async (arg?: unknown) => {
      if (!vscode.workspace.isTrusted) {
        void explainRestrictedMode('handing off a component (it edits OWNERS.yaml)');
        return {
          kind: 'refused',
          reason: 'this workspace is not trusted; handing off writes OWNERS.yaml.',
        } satisfies HandoffOutcome;
      }
      const outcome = await handoff(ctx, arg, figures);
      if (outcome.kind === 'refused')
        void vscode.window.showErrorMessage(`Hand off refused: ${outcome.reason}`);
      if (outcome.kind === 'applied') {
        const model = ctx.store
          .states()
          .find(s => s.model.components.has(outcome.component))?.model;
        void vscode.window.showInformationMessage(
          model
            ? handedOffMessage(model, outcome.component, outcome.to)
            : `${outcome.component} is now owned by ${outcome.to}. Undo with Ctrl+Z in OWNERS.yaml.`,
        );
      }
      return outcome;
    }),
  );
}

async function handoff(ctx: Ctx, arg: unknown, figures?: FiguresOf): Promise<HandoffOutcome> {
  if (!vscode.workspace.isTrusted)
    return {
      kind: 'refused',
      reason: 'this workspace is not trusted; handing off writes OWNERS.yaml.',
    };
  await ctx.store.ready;
  const target = targetOf(ctx, arg);
  if (!target) return { kind: 'refused', reason: 'no OWNERS.yaml in this workspace.' };
  const named = arg as { component?: unknown; kind?: unknown } | undefined;
  if (
    named &&
    named.kind === undefined &&
    typeof named.component === 'string' &&
    !target.component
  ) {
    // A team across repositories lists components of repositories that are not open.
    return {
      kind: 'refused',
      reason: `there is no component "${named.component}" in the OWNERS.yaml of an open folder; open its repository to hand it off.`,
    };
  }
  const doc = await vscode.workspace.openTextDocument(target.state.ownersUri);
  const startText = doc.getText();
  const startVersion = doc.version;
  // The text as it is now (a stale state shows an older one): a handoff never writes into a file with errors.
  const errors = validateOwners(
    (ctx.store.reparse(doc.uri, startText) ?? target.state).current,
  ).filter(d => d.severity === 'error');
  if (errors.length)
    return {
      kind: 'refused',
      reason: `OWNERS.yaml has ${errors.length} error(s); fix them first (line ${errors[0].span.line}: ${errors[0].message})`,
    };
  const state = ctx.store.stateFor(doc.uri) ?? target.state;
  const direct = arg as Partial<HandoffAnswers> | undefined;
  const wanted = (arg as { suggestedTo?: unknown } | undefined)?.suggestedTo;
  const suggested = typeof wanted === 'string' && isGitHubLogin(wanted) ? wanted : undefined;
  const answers =
    direct && typeof direct.to === 'string' && typeof direct.component === 'string'
      ? directAnswers(direct)
      : await ctx.handoffFlow({
          model: state.model,
          preselected: target.component?.id,
          figures: id => {
            try {
              return figures?.(state)?.get(id);
            } catch {
              return undefined;
            }
          },
          // "Could go to X" (tree row or hover action): component and new owner chosen; X is pull-request data, so it must be a login.
          skipComponent:
            (arg as { kind?: string })?.kind === 'component' ||
            (suggested !== undefined && target.component !== undefined),
          suggestedTo: target.component ? suggested : undefined,
        });
  if (!answers) return { kind: 'cancelled' };
  if (doc.isClosed || doc.version !== startVersion || doc.getText() !== startText) {
    return {
      kind: 'refused',
      reason: 'OWNERS.yaml changed while you were answering; run the handoff again.',
    };
  }
  const result = handoffEdits(startText, { ...answers, date: ctx.today() });
  if (result.kind === 'refused') return result;
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits)
    edit.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)),
      e.newText,
    );
  if (!(await vscode.workspace.applyEdit(edit)))
    return { kind: 'refused', reason: 'VS Code could not apply the edit.' };
  await doc.save();
  // Show the new owner at once, without waiting for the typing debounce.
  ctx.store.reparse(doc.uri, doc.getText());
  return { kind: 'applied', component: answers.component, to: answers.to };
}

/** Arguments given directly (a test, another extension): lists are kept only when they are lists of text. */
function directAnswers(direct: Partial<HandoffAnswers>): HandoffAnswers {
  const texts = (v: unknown) =>
    Array.isArray(v) && v.every(x => typeof x === 'string') ? (v as string[]) : undefined;
  return {
    component: direct.component!,
    to: direct.to!,
    notes: typeof direct.notes === 'string' ? direct.notes : '',
    decisions: texts(direct.decisions) ?? [],
    stakeholders: texts(direct.stakeholders) ?? [],
    outcomes: texts(direct.outcomes),
    authority: texts(direct.authority),
    support: texts(direct.support),
  };
}
