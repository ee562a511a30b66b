import * as vscode from 'vscode';
import { allowList } from '../../core/outcomes/allowedHosts';

export const OUTCOME_SETTINGS = 'ownershipLens.outcomes';

/**
 * The hosts outcome sources may contact: the USER setting only (`inspect().globalValue`), never a
 * workspace's, so a repository cannot make the editor contact a host.
 */
export function allowedOutcomeHosts(): Set<string> {
  const hosts = vscode.workspace
    .getConfiguration(OUTCOME_SETTINGS)
    .inspect<unknown[]>('allowedHosts')?.globalValue;
  return allowList(Array.isArray(hosts) ? hosts : []);
}

/** How long a value is kept before it is read again (minutes, at least 1). */
export function outcomeRefreshMs(): number {
  const minutes = vscode.workspace
    .getConfiguration(OUTCOME_SETTINGS)
    .get<number>('refreshMinutes', 5);
  return Math.max(1, Number.isFinite(minutes) ? minutes : 5) * 60_000;
}

/** Where a host's token is kept in the editor's secret storage. */
export const secretKey = (host: string) => `ownershipLens.outcomes.token.${host.toLowerCase()}`;
