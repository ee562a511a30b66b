import * as os from 'os';
import * as vscode from 'vscode';
import { exportFileName, teamReportCsv, teamReportMarkdown } from '../../core/report/exportReport';
import type { TeamReportView } from '../../core/report/teamReport';

/** Global-state key: the folder of the last export, offered again next time. */
const LAST_FOLDER = 'ownershipLens.report.lastExportFolder';

/**
 * Where the save dialog starts: the folder of the last export if it still exists, else the home folder.
 * Never the repository by default: an export saved there is an untracked file that no component owns.
 */
export async function defaultExportUri(name: string, memory?: vscode.Memento): Promise<vscode.Uri> {
  const last = memory?.get<string>(LAST_FOLDER);
  if (last) {
    const folder = vscode.Uri.parse(last);
    const stat = await Promise.resolve(vscode.workspace.fs.stat(folder)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.Directory) return vscode.Uri.joinPath(folder, name);
  }
  return vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), name);
}

/**
 * Saves the report where the user chooses (`target` skips the dialog, for tests), remembers the folder
 * and says where it went, with an Open action; nothing is written without the save dialog.
 */
export async function exportReport(
  view: TeamReportView,
  format: 'markdown' | 'csv',
  target?: vscode.Uri,
  memory?: vscode.Memento,
): Promise<vscode.Uri | undefined> {
  const name = exportFileName(view, format);
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: await defaultExportUri(name, memory),
      filters: format === 'markdown' ? { Markdown: ['md'] } : { CSV: ['csv'] },
      saveLabel: 'Export',
      title: `Export the team report of ${view.team.name}`,
    }));
  if (!uri) return undefined;
  const text = format === 'markdown' ? teamReportMarkdown(view) : teamReportCsv(view);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await memory?.update(LAST_FOLDER, vscode.Uri.joinPath(uri, '..').toString());
  const where = uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
  // The message names no value from OWNERS.yaml: notifications render [text](link) as links.
  void vscode.window
    .showInformationMessage(`Saved the team report to ${where}`, 'Open')
    .then(choice => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', uri);
    });
  return uri;
}
