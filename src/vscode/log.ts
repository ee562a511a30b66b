import * as vscode from 'vscode';

/** The one output channel; errors keep their stacks. */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Ownership Lens', { log: true });
}

export function userMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Registers a command whose errors are logged and shown once, at the command boundary. */
export function command(id: string, log: Log, run: (...args: any[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (e) {
      log.error(`[${id}]`, e);
      void vscode.window.showErrorMessage(`Ownership Lens: ${userMessage(e)}`);
      return undefined;
    }
  });
}
