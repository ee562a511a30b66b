import * as vscode from 'vscode';
import { urlHost } from '../../core/outcomes/allowedHosts';
import { Commands } from '../ids';
import { command, Log } from '../log';
import { allowedOutcomeHosts, secretKey } from '../outcomes/outcomeSettings';
import type { OutcomeService } from '../outcomes/outcomeService';

/** Refresh the outcome values now; keep a host's token in the editor's secret storage (never in the repository). */
export function registerOutcomeCommands(
  subscriptions: vscode.Disposable[],
  service: OutcomeService,
  secrets: vscode.SecretStorage,
  log: Log,
): void {
  subscriptions.push(
    command(Commands.refreshOutcomes, log, () => service.refresh(true)),
    command(Commands.setOutcomeToken, log, async () => {
      const allowed = [...allowedOutcomeHosts()];
      const typed = allowed.length
        ? await vscode.window.showQuickPick(allowed, {
            title: 'Token for which outcome host?',
            placeHolder: 'Hosts of your user setting ownershipLens.outcomes.allowedHosts',
          })
        : await vscode.window.showInputBox({
            title: 'Token for which outcome host?',
            prompt:
              'A host name or IP without port (add it to ownershipLens.outcomes.allowedHosts in your user settings too)',
          });
      const host = typed && (urlHost(`https://${typed.trim()}`) ?? undefined);
      if (!host) return;
      const token = await vscode.window.showInputBox({
        title: `Bearer token for ${host}`,
        password: true,
        prompt:
          "Kept in VS Code's secret storage; sent only to this host. Empty: forget the token.",
      });
      if (token === undefined) return;
      if (token.trim()) await secrets.store(secretKey(host), token.trim());
      else await secrets.delete(secretKey(host));
      void vscode.window.showInformationMessage(
        token.trim()
          ? `Ownership Lens: token for ${host} saved.`
          : `Ownership Lens: token for ${host} forgotten.`,
      );
    }),
  );
}
