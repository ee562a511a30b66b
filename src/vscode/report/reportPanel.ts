import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { DelegationRow, TeamReportView } from '../../core/report/teamReport';
import { exportReport } from './exportReport';

export { exportReport };

const panels = new Map<string, TeamReportPanel>();

/** A team's report in one folder and its report across repositories are two panels. */
const ACROSS = 'across ';
const panelKey = (view: TeamReportView) =>
  view.repositories ? ACROSS + view.team.id : view.team.id;

/** A team report webview: strict CSP with a nonce, local script and style only, no remote content. */
export class TeamReportPanel {
  private view: TeamReportView;
  private ready = false;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    view: TeamReportView,
    private readonly memory?: vscode.Memento,
    private recompute?: () => Promise<TeamReportView | undefined>,
  ) {
    this.view = view;
    panel.webview.html = html(panel.webview, extensionUri, view.team.name);
    panel.webview.onDidReceiveMessage(
      (m: { type?: string; format?: string; component?: unknown; to?: unknown }) =>
        this.onMessage(m),
    );
    panel.onDidDispose(() => panels.delete(panelKey(view)));
  }

  /**
   * Opens (or reveals and refreshes) the report of `view.team`; `memory` keeps the folder of the last
   * export; `recompute` answers the view as the settings and data are now (an export never writes a stale one).
   */
  static show(
    extensionUri: vscode.Uri,
    view: TeamReportView,
    memory?: vscode.Memento,
    recompute?: () => Promise<TeamReportView | undefined>,
  ): TeamReportPanel {
    const existing = panels.get(panelKey(view));
    if (existing) {
      existing.recompute = recompute ?? existing.recompute;
      existing.update(view);
      existing.panel.reveal();
      return existing;
    }
    const title = `Team report: ${view.team.name}${view.repositories ? ` (${view.repositories.length} repositories)` : ''}`;
    const panel = vscode.window.createWebviewPanel(
      'ownershipLens.teamReport',
      title,
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [
          vscode.Uri.joinPath(extensionUri, 'dist', 'media'),
          vscode.Uri.joinPath(extensionUri, 'media', 'report'),
        ],
        retainContextWhenHidden: false,
      },
    );
    const created = new TeamReportPanel(panel, extensionUri, view, memory, recompute);
    panels.set(panelKey(view), created);
    return created;
  }

  /** The team ids whose report across repositories is open. */
  static openAcross(): string[] {
    return [...panels.keys()].filter(k => k.startsWith(ACROSS)).map(k => k.slice(ACROSS.length));
  }

  /** The open report of a team in one folder, or (`across`) over every repository in view. */
  static current(teamId: string, across = false): TeamReportPanel | undefined {
    return panels.get(across ? ACROSS + teamId : teamId);
  }

  get report(): TeamReportView {
    return this.view;
  }

  update(view: TeamReportView): void {
    this.view = view;
    if (this.ready) void this.panel.webview.postMessage({ type: 'report', report: view });
  }

  dispose(): void {
    this.panel.dispose();
  }

  private async onMessage(m: {
    type?: string;
    format?: string;
    component?: unknown;
    to?: unknown;
  }): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      void this.panel.webview.postMessage({ type: 'report', report: this.view });
    } else if (m.type === 'handoff') {
      // Only a component of this report with the candidate it shows: the webview cannot name anything else.
      // A carried component has no candidate: its owner already owns it.
      const d = this.view.delegation.find(
        (x): x is Extract<DelegationRow, { kind: 'owned' }> =>
          x.kind === 'owned' &&
          x.component === m.component &&
          x.candidate !== null &&
          x.candidate === m.to,
      );
      if (d)
        await vscode.commands.executeCommand(Commands.handoff, {
          component: d.component,
          suggestedTo: d.candidate,
        });
      // Or the backup the report shows on a component whose knowledge sits in one place or whose owner is on paper only.
      const rotate =
        d ||
        typeof m.component !== 'string' ||
        !Object.prototype.hasOwnProperty.call(this.view.suggestions, m.component)
          ? undefined
          : this.view.suggestions[m.component].handoff;
      if (rotate && rotate.kind === 'rotate' && rotate.candidate.login === m.to) {
        await vscode.commands.executeCommand(Commands.handoff, {
          component: m.component,
          suggestedTo: rotate.candidate.login,
        });
      }
    } else if (m.type === 'refresh') {
      await vscode.commands.executeCommand(Commands.refresh);
    } else if (m.type === 'export' && (m.format === 'markdown' || m.format === 'csv')) {
      await this.exportTo(m.format);
    }
  }

  /** Export CSV/Markdown: of the report as it is now (team-only mode included); `target` skips the dialog. */
  async exportTo(format: 'markdown' | 'csv', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const now = await this.recompute?.().catch(() => undefined);
    if (now) this.update(now);
    return exportReport(this.view, format, target, this.memory);
  }
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(18))]
    .map(b => b.toString(16).padStart(2, '0'))
    .join('');
  const script = webview.asWebviewUri(
    vscode.Uri.joinPath(extensionUri, 'dist', 'media', 'report.js'),
  );
  const style = webview.asWebviewUri(
    vscode.Uri.joinPath(extensionUri, 'media', 'report', 'report.css'),
  );
  const csp = [
    `default-src 'none'`,
    `img-src ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const safeTitle = title.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}"><title>Team report: ${safeTitle}</title></head>
<body><main id="root" aria-live="polite"><p>Loading the report…</p></main>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
}
