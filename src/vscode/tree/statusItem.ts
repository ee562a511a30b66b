import * as vscode from 'vscode';
import type { CountedPullRequests } from '../../core/metrics/countedPullRequests';
import { windowLabel } from '../../core/report/teamReport';
import type { ReportWindow } from '../../core/metrics/types';
import { num } from '../../core/format';
import { Commands } from '../ids';
import { plain } from '../markdown';
import type { RepoPullRequests } from '../github/pullRequestData';

export interface PullRequestStatus {
  data: RepoPullRequests;
  trusted: boolean;
  counted?: { window: ReportWindow; counts: CountedPullRequests };
}

const RESTRICTED =
  'Restricted Mode: Ownership Lens only reads here. Fetching pull requests from GitHub, handing off a component and creating OWNERS.yaml are off until you trust this workspace.';

/** The tree row that says when pull-request data was fetched, or why it was not; a click does what helps. */
export function pullRequestStatusItem({
  data,
  trusted,
  counted,
}: PullRequestStatus): vscode.TreeItem {
  if (data.source === 'git') return gitStatusItem(data, trusted);
  const item = new vscode.TreeItem('Pull requests', vscode.TreeItemCollapsibleState.None);
  item.command = { command: Commands.refresh, title: 'Refresh Pull Request Data' };
  item.contextValue = `pullRequests ${data.status.kind}`;
  const when = data.fetchedAt
    ? `fetched ${data.fetchedAt.replace('T', ' ').slice(0, 16)} UTC`
    : undefined;
  const counts = counted && `${num(counted.counts.counted)} in the figures`;
  switch (data.status.kind) {
    case 'never':
      item.description = trusted
        ? 'not fetched yet: click to fetch'
        : 'not fetched: Restricted Mode (click to manage trust)';
      item.iconPath = new vscode.ThemeIcon(trusted ? 'cloud-download' : 'shield');
      break;
    case 'fetching':
      item.description = `fetching ${data.repo}…`;
      item.iconPath = new vscode.ThemeIcon('sync~spin');
      break;
    case 'ok':
      item.description = [when, counts ?? `${num(data.pullRequests.length)} merged`].join(' · ');
      item.iconPath = new vscode.ThemeIcon('git-pull-request');
      break;
    case 'failed':
      item.description = `could not refresh: ${data.status.message}${when ? ` (showing data ${when})` : ''}`;
      item.iconPath = new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('editorWarning.foreground'),
      );
      break;
  }
  const lines = [data.repo, item.description as string];
  if (counted && data.fetchedAt) {
    const c = counted.counts;
    lines.push(
      `${num(c.fetched)} merged pull requests fetched. The team figures count ${num(c.counted)}: those merged ${windowLabel(counted.window)}` +
        `${c.bots || c.ignoredAuthors ? `, leaving out ${num(c.bots)} by bots and ${num(c.ignoredAuthors)} by ignored authors` : ''}` +
        `${c.outsideWindow ? `; the other ${num(c.outsideWindow)} are older and feed only the monthly trend` : ''}.`,
    );
  }
  if (data.apiRequests !== undefined)
    lines.push(`Last refresh: ${num(data.apiRequests)} GitHub API requests.`);
  if (!trusted) {
    lines.push(RESTRICTED);
    item.command = { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' };
    item.contextValue += ' restricted';
  } else {
    lines.push('Click to refresh.');
  }
  item.tooltip = plain(lines.join('\n'));
  return item;
}

/** The status row of the git source: which source, at which commit, how fresh; or why it does not run. */
function gitStatusItem(data: RepoPullRequests, trusted: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(
    'Figures from git history',
    vscode.TreeItemCollapsibleState.None,
  );
  item.command = trusted
    ? { command: Commands.refresh, title: 'Refresh Pull Request Data' }
    : { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' };
  item.contextValue = `pullRequests git ${data.status.kind}${trusted ? '' : ' restricted'}`;
  const when = data.fetchedAt
    ? `computed ${data.fetchedAt.replace('T', ' ').slice(0, 16)} UTC`
    : undefined;
  const at = data.tip ? `at ${data.tip.slice(0, 7)}` : undefined;
  switch (data.status.kind) {
    case 'never':
    case 'fetching':
      item.description = 'reading the git history…';
      item.iconPath = new vscode.ThemeIcon('sync~spin');
      break;
    case 'ok':
      item.description = [
        at,
        when,
        data.changes !== undefined ? `${num(data.changes)} changes` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon('git-commit');
      break;
    case 'failed':
      item.description = trusted
        ? `could not read: ${data.status.message}`
        : 'not computed: Restricted Mode (click to manage trust)';
      item.iconPath = new vscode.ThemeIcon(
        trusted ? 'warning' : 'shield',
        trusted ? new vscode.ThemeColor('editorWarning.foreground') : undefined,
      );
      break;
  }
  const lines = [
    `${data.repo}: figures from the folder's own git history (changes on the first-parent line of HEAD in place of pull requests; no GitHub sign-in).`,
    item.description as string,
    'Reviews come only from Reviewed-by, Approved-by and Acked-by trailers: without them the review figures are unknown, not zero.',
    'The source is chosen by the setting ownershipLens.figures.source.',
  ];
  lines.push(
    trusted
      ? 'Click to read new commits.'
      : 'Restricted Mode: git is not run in an untrusted workspace (a repository can name programs for git to start). Trust the workspace to compute the figures.',
  );
  item.tooltip = plain(lines.join('\n'));
  return item;
}
