import * as vscode from 'vscode';

/**
 * Says, where the user just acted, why a command does nothing in Restricted Mode and offers the
 * way out; commands stay in the palette so nobody has to guess where they went.
 */
export async function explainRestrictedMode(action: string): Promise<void> {
  const manage = 'Manage Workspace Trust';
  const picked = await vscode.window.showWarningMessage(
    `Restricted Mode: ${action} is off until you trust this workspace. Ownership Lens only reads an untrusted workspace.`,
    manage,
  );
  if (picked === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}
