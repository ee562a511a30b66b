import * as vscode from 'vscode';
import { Settings } from '../ids';
import { allowList } from '../../core/outcomes/allowedHosts';

/**
 * The hosts outcome sources may contact: the USER setting only (`inspect().globalValue`), never a
 * workspace's, so a repository cannot make the editor contact a host.
 */
export function allowedOutcomeHosts(): Set<string> {
  const hosts = vscode.workspace
    .getConfiguration(Settings.section)
    .inspect<unknown[]>(Settings.outcomeHosts)?.globalValue;
  return allowList(Array.isArray(hosts) ? hosts : []);
}

/** How long a value is kept before it is read again (minutes, at least 1). */
export function outcomeRefreshMs(): number {
  const minutes = vscode.workspace
    .getConfiguration(Settings.section)
    .get<number>(Settings.outcomeRefreshMinutes, 5);
  return Math.max(1, Number.isFinite(minutes) ? minutes : 5) * 60_000;
}

/** Where a host's token is kept in the editor's secret storage. */
export const secretKey = (host: string) => `ownershipLens.outcomes.token.${host.toLowerCase()}`;
