import * as vscode from 'vscode';
import { Commands } from '../ids';
import { plain } from '../markdown';
import type { RepoPullRequests } from './pullRequestData';

/** The tree row that says when pull-request data was fetched, or what went wrong; a click refreshes. */
export function pullRequestStatusItem(data: RepoPullRequests): vscode.TreeItem {
  const item = new vscode.TreeItem('Pull requests', vscode.TreeItemCollapsibleState.None);
  const when = data.fetchedAt ? `fetched ${data.fetchedAt.replace('T', ' ').slice(0, 16)} UTC` : undefined;
  const count = `${data.pullRequests.length} merged in ${data.repo}`;
  switch (data.status.kind) {
    case 'never':
      item.description = 'not fetched yet: click to fetch';
      item.iconPath = new vscode.ThemeIcon('cloud-download');
      break;
    case 'fetching':
      item.description = `fetching ${data.repo}…`;
      item.iconPath = new vscode.ThemeIcon('sync~spin');
      break;
    case 'ok':
      item.description = `${when} · ${count}`;
      item.iconPath = new vscode.ThemeIcon('git-pull-request');
      break;
    case 'failed':
      item.description = `could not refresh: ${data.status.message}${when ? ` (showing data ${when})` : ''}`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
      break;
  }
  item.tooltip = plain(`${data.repo}\n${item.description}\n${data.apiRequests !== undefined ? `Last refresh: ${data.apiRequests} GitHub API requests.\n` : ''}Click to refresh.`);
  item.command = { command: Commands.refresh, title: 'Refresh Pull Request Data' };
  item.contextValue = `pullRequests ${data.status.kind}`;
  return item;
}
