import * as vscode from 'vscode';

/** What one step returns: a value, a request to go back, or cancellation (undefined). */
export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

interface Common {
  title: string;
  step: number;
  totalSteps: number;
}

/**
 * One QuickPick step; `custom` turns typed text into an extra item (any valid login, or why it is
 * not one). An item marked `blocked` only informs: Enter on it does nothing.
 */
export function pickStep<T extends vscode.QuickPickItem & { blocked?: boolean }>(
  o: Common & {
    items: T[];
    placeholder: string;
    active?: T;
    custom?: (value: string) => T | undefined;
  },
): Promise<StepResult<T>> {
  const qp = vscode.window.createQuickPick<T>();
  Object.assign(qp, {
    title: o.title,
    step: o.step,
    totalSteps: o.totalSteps,
    placeholder: o.placeholder,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  qp.items = o.items;
  if (o.active) qp.activeItems = [o.active];
  if (o.step > 1) qp.buttons = [vscode.QuickInputButtons.Back];
  return new Promise(resolve => {
    const done = (r: StepResult<T>) => {
      resolve(r);
      qp.dispose();
    };
    qp.onDidTriggerButton(() => done(BACK));
    qp.onDidChangeValue(value => {
      const extra = o.custom?.(value.trim());
      qp.items =
        extra && !o.items.some(i => i.label === extra.label) ? [extra, ...o.items] : o.items;
    });
    qp.onDidAccept(() => {
      if (qp.activeItems[0] && !qp.activeItems[0].blocked) done(qp.activeItems[0]);
    });
    qp.onDidHide(() => done(undefined));
    qp.show();
  });
}

/** One InputBox step; `validate` returns a message to block acceptance. */
export function inputStep(
  o: Common & {
    prompt: string;
    value?: string;
    placeholder?: string;
    validate?: (v: string) => string | undefined;
  },
): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  Object.assign(box, {
    title: o.title,
    step: o.step,
    totalSteps: o.totalSteps,
    prompt: o.prompt,
    value: o.value ?? '',
    placeholder: o.placeholder,
    ignoreFocusOut: true,
  });
  if (o.step > 1) box.buttons = [vscode.QuickInputButtons.Back];
  return new Promise(resolve => {
    const done = (r: StepResult<string>) => {
      resolve(r);
      box.dispose();
    };
    box.onDidTriggerButton(() => done(BACK));
    box.onDidChangeValue(v => {
      box.validationMessage = o.validate?.(v);
    });
    box.onDidAccept(() => {
      if (!o.validate?.(box.value)) done(box.value);
    });
    box.onDidHide(() => done(undefined));
    box.show();
  });
}

/** A QuickPick step where several items may be ticked; `selected` start ticked. Enter accepts the ticked ones (possibly none). */
export function pickManyStep<T extends vscode.QuickPickItem>(
  o: Common & { items: T[]; selected: T[]; placeholder: string },
): Promise<StepResult<T[]>> {
  const qp = vscode.window.createQuickPick<T>();
  Object.assign(qp, {
    title: o.title,
    step: o.step,
    totalSteps: o.totalSteps,
    placeholder: o.placeholder,
    ignoreFocusOut: true,
    canSelectMany: true,
    matchOnDescription: true,
  });
  qp.items = o.items;
  qp.selectedItems = o.selected;
  if (o.step > 1) qp.buttons = [vscode.QuickInputButtons.Back];
  return new Promise(resolve => {
    const done = (r: StepResult<T[]>) => {
      resolve(r);
      qp.dispose();
    };
    qp.onDidTriggerButton(() => done(BACK));
    qp.onDidAccept(() => done([...qp.selectedItems]));
    qp.onDidHide(() => done(undefined));
    qp.show();
  });
}
