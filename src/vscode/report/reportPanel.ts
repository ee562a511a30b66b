import * as vscode from 'vscode';
import { teamReportCsv, teamReportMarkdown } from '../../core/report/exportReport';
import type { TeamReportView } from '../../core/report/teamReport';

const panels = new Map<string, TeamReportPanel>();

/** A team's report in one folder and its report across repositories are two panels. */
const ACROSS = 'across ';
const panelKey = (view: TeamReportView) => (view.repositories ? ACROSS + view.team.id : view.team.id);

/** A team report webview: strict CSP with a nonce, local script and style only, no remote content. */
export class TeamReportPanel {
  private view: TeamReportView;
  private ready = false;

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, view: TeamReportView) {
    this.view = view;
    panel.webview.html = html(panel.webview, extensionUri, view.team.name);
    panel.webview.onDidReceiveMessage((m: { type?: string; format?: string; component?: unknown; to?: unknown }) => this.onMessage(m));
    panel.onDidDispose(() => panels.delete(panelKey(view)));
  }

  /** Opens (or reveals and refreshes) the report of `view.team`. */
  static show(extensionUri: vscode.Uri, view: TeamReportView): TeamReportPanel {
    const existing = panels.get(panelKey(view));
    if (existing) {
      existing.update(view);
      existing.panel.reveal();
      return existing;
    }
    const title = `Team report: ${view.team.name}${view.repositories ? ` (${view.repositories.length} repositories)` : ''}`;
    const panel = vscode.window.createWebviewPanel('ownershipLens.teamReport', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media', 'report')],
      retainContextWhenHidden: false,
    });
    const created = new TeamReportPanel(panel, extensionUri, view);
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

  private async onMessage(m: { type?: string; format?: string; component?: unknown; to?: unknown }): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      void this.panel.webview.postMessage({ type: 'report', report: this.view });
    } else if (m.type === 'handoff') {
      // Only a component of this report with the candidate it shows: the webview cannot name anything else.
      const d = this.view.delegation.find(x => x.component === m.component && x.kind === 'owned' && x.candidate !== null && x.candidate === m.to);
      if (d) await vscode.commands.executeCommand('ownershipLens.handoff', { component: d.component, suggestedTo: d.candidate });
    } else if (m.type === 'refresh') {
      await vscode.commands.executeCommand('ownershipLens.refresh');
    } else if (m.type === 'export' && (m.format === 'markdown' || m.format === 'csv')) {
      await exportReport(this.view, m.format);
    }
  }
}

/** Saves the report where the user chooses; nothing is written without the save dialog. */
export async function exportReport(view: TeamReportView, format: 'markdown' | 'csv', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const ext = format === 'markdown' ? 'md' : 'csv';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `team-report-${view.team.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${view.window.until}.${ext}`;
  const uri = target ?? await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'markdown' ? { Markdown: ['md'] } : { CSV: ['csv'] },
  });
  if (!uri) return undefined;
  const text = format === 'markdown' ? teamReportMarkdown(view) : teamReportCsv(view);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(18))].map(b => b.toString(16).padStart(2, '0')).join('');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', 'report.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report', 'report.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource}`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${webview.cspSource}`].join('; ');
  const safeTitle = title.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}"><title>Team report: ${safeTitle}</title></head>
<body><main id="root" aria-live="polite"><p>Loading the report…</p></main>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
}
