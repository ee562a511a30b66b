import * as vscode from 'vscode';
import type { ComponentAuthor } from '../../core/metrics/componentAuthors';
import type { LeadFlag, ReportWindow, TeamFigures } from '../../core/metrics/types';
import { pct } from '../../core/report/teamReport';
import { esc, safeMarkdown } from '../markdown';

const FLAGS: Record<LeadFlag, { words: string; icon: string; color?: string }> = {
  'doing-the-work': { words: 'doing the work', icon: 'flame', color: 'errorForeground' },
  watch: { words: 'watch', icon: 'eye', color: 'editorWarning.foreground' },
  absent: { words: 'absent', icon: 'circle-slash', color: 'editorInfo.foreground' },
  ok: { words: 'ok', icon: 'pass', color: 'testing.iconPassed' },
  'insufficient-data': { words: 'not enough data', icon: 'question' },
};

/** The flag as a short phrase and a themed icon, for tree items and the status line. */
export function flagPresentation(flag: LeadFlag): { words: string; icon: vscode.ThemeIcon } {
  const f = FLAGS[flag];
  return { words: f.words, icon: new vscode.ThemeIcon(f.icon, f.color ? new vscode.ThemeColor(f.color) : undefined) };
}

/** "lead 63% · doing the work" */
export function teamFlagDescription(f: TeamFigures): string {
  return f.flag === 'insufficient-data' ? `${f.pullRequests} PRs · not enough data` : `lead ${pct(f.leadShare)} · ${FLAGS[f.flag].words}`;
}

/** Explains the numbers, the thresholds and the window in words a lead can act on. */
export function teamFlagTooltip(f: TeamFigures, window: ReportWindow, thresholds: { leadShare: number; watch: number; minPullRequests: number }, fetchedAt?: string): vscode.MarkdownString {
  const md = safeMarkdown();
  md.appendMarkdown(`**${esc(f.team)}**: ${esc(FLAGS[f.flag].words)}\n\n`);
  md.appendMarkdown(`Lead ${esc(f.lead)} wrote **${pct(f.leadShare)}** of ${f.lines} changed lines and ${f.leadPullRequests} of ${f.pullRequests} pull requests ` +
    `(${pct(f.leadPullRequestShare)}), and reviewed **${pct(f.leadReviewedShare)}** of the others' pull requests.\n\n`);
  const top = f.authors.slice(0, 5).map(a => `${esc(a.login)} ${pct(a.share)}`).join(' · ');
  if (top) md.appendMarkdown(`Authors: ${top}\n\n`);
  md.appendMarkdown(`Merged pull requests from ${window.since} to ${window.until} (exclusive), bots and lock files left out. ` +
    `Doing the work at ${pct(thresholds.leadShare)} or more, watch at ${pct(thresholds.watch)}, judged from ${thresholds.minPullRequests} pull requests.`);
  if (fetchedAt) md.appendMarkdown(`\n\nFetched ${fetchedAt.replace('T', ' ').slice(0, 16)} UTC.`);
  return md;
}

/** Lines for a component hover: the team's flag and the component's top authors in the window. */
export function componentFiguresMarkdown(md: vscode.MarkdownString, team: TeamFigures | undefined, authors: ComponentAuthor[] | undefined, window: ReportWindow): void {
  if (!team && !authors) return;
  md.appendMarkdown('\n\n---\n\n');
  if (team) md.appendMarkdown(`Team ${esc(team.team)}: **${esc(FLAGS[team.flag].words)}**, lead ${pct(team.leadShare)} of the lines, reviewed ${pct(team.leadReviewedShare)}\n\n`);
  const top = (authors ?? []).slice(0, 3).map(a => `${esc(a.login)} (${a.lines} lines, ${a.pullRequests} PRs)`).join(' · ');
  md.appendMarkdown(`Top authors ${window.since} to ${window.until}: ${top || 'none'}`);
}
