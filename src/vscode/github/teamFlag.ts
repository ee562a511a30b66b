import * as vscode from 'vscode';
import type { ComponentFigures, LeadFlag, ReportWindow, TeamFigures, TeamSignal } from '../../core/metrics/types';
import { isGitHubLogin } from '../../core/owners/model';
import { pct } from '../../core/report/teamReport';
import { FIGURES_ARE_NOT, SIGNAL_WORDS } from '../../core/report/wording';
import { Commands } from '../ids';
import { esc, safeMarkdown } from '../markdown';

const FLAGS: Record<LeadFlag, { words: string; icon: string; color?: string }> = {
  'doing-the-work': { words: 'doing the work', icon: 'flame', color: 'errorForeground' },
  watch: { words: 'watch', icon: 'eye', color: 'editorWarning.foreground' },
  absent: { words: 'absent', icon: 'circle-slash', color: 'editorInfo.foreground' },
  ok: { words: 'ok', icon: 'pass', color: 'testing.iconPassed' },
  'insufficient-data': { words: 'not enough data', icon: 'question' },
};

const SIGNAL_ICONS: Record<TeamSignal, { icon: string; color?: string }> = {
  'doing-the-work': { icon: 'flame', color: 'errorForeground' },
  bottleneck: { icon: 'debug-pause', color: 'errorForeground' },
  'holds-ownership': { icon: 'key', color: 'editorWarning.foreground' },
  watch: { icon: 'eye', color: 'editorWarning.foreground' },
  absent: { icon: 'circle-slash', color: 'editorInfo.foreground' },
  'insufficient-data': { icon: 'question' },
};

/** The flag as a short phrase and a themed icon, for tree items and the status line. */
export function flagPresentation(flag: LeadFlag): { words: string; icon: vscode.ThemeIcon } {
  const f = FLAGS[flag];
  return { words: f.words, icon: new vscode.ThemeIcon(f.icon, f.color ? new vscode.ThemeColor(f.color) : undefined) };
}

/** The icon of a team: its most pressing signal (doing the work, bottleneck, holds ownership, ...), or a check when none holds. */
export function signalIcon(signals: readonly TeamSignal[]): vscode.ThemeIcon {
  const order: TeamSignal[] = ['doing-the-work', 'bottleneck', 'holds-ownership', 'watch', 'absent', 'insufficient-data'];
  const first = order.find(s => signals.includes(s));
  if (!first) return flagPresentation('ok').icon;
  const p = SIGNAL_ICONS[first];
  return new vscode.ThemeIcon(p.icon, p.color ? new vscode.ThemeColor(p.color) : undefined);
}

/** "63% · doing the work · bottleneck · holds ownership": every signal, not only the first. */
export function teamFlagDescription(f: TeamFigures): string {
  const words = f.signals.map(s => SIGNAL_WORDS[s].label);
  const head = f.signals.includes('insufficient-data') ? `${f.pullRequests} PRs` : `lead ${pct(f.leadShare)}`;
  return [head, ...(words.length ? words : ['ok'])].join(' · ');
}

/** Every signal with what it means and what a lead can do, then the numbers, thresholds and window. */
export function teamFlagTooltip(f: TeamFigures, window: ReportWindow, thresholds: { leadShare: number; watch: number; minPullRequests: number }, fetchedAt?: string): vscode.MarkdownString {
  const md = safeMarkdown();
  md.appendMarkdown(`**${esc(f.team)}**: ${f.signals.length ? f.signals.map(s => esc(SIGNAL_WORDS[s].label)).join(', ') : 'ok, no signal holds'}\n\n`);
  for (const s of f.signals) md.appendMarkdown(`- **${esc(SIGNAL_WORDS[s].label)}**: ${esc(SIGNAL_WORDS[s].meaning)} ${esc(SIGNAL_WORDS[s].action)}\n`);
  if (f.signals.length) md.appendMarkdown('\n');
  md.appendMarkdown(`Lead ${esc(f.lead)} took part in **${pct(f.leadShare)}** of ${f.lines} changed lines and ${f.leadPullRequests} of ${f.pullRequests} pull requests ` +
    `(${pct(f.leadPullRequestShare)}), reviewed **${pct(f.leadReviewedShare)}** of the others' pull requests and was the only approver of ${pct(f.leadSoleApprovalShare)}; ` +
    `owns ${f.leadOwnedComponents} of ${f.components} components.\n\n`);
  const top = f.authors.slice(0, 5).map(a => `${esc(a.login)} ${pct(a.share)}`).join(' · ');
  if (top) md.appendMarkdown(`Authors: ${top}\n\n`);
  md.appendMarkdown(`Merged pull requests from ${window.since} to ${window.until} (exclusive), bots, lock files and generated files left out. ` +
    `Doing the work at ${pct(thresholds.leadShare)} or more, watch at ${pct(thresholds.watch)}, judged from ${thresholds.minPullRequests} pull requests.`);
  if (fetchedAt) md.appendMarkdown(`\n\nFetched ${fetchedAt.replace('T', ' ').slice(0, 16)} UTC.`);
  md.appendMarkdown(`\n\n_${esc(FIGURES_ARE_NOT)}_`);
  return md;
}

/** A team with no pull-request data: `holds-ownership` still shows, from OWNERS.yaml alone. */
export function ownershipOnlyTooltip(team: string, lead: string, owned: { leadOwnedComponents: number; components: number }): vscode.MarkdownString {
  const md = safeMarkdown();
  const w = SIGNAL_WORDS['holds-ownership'];
  md.appendMarkdown(`**${esc(team)}**: ${esc(w.label)}\n\n- ${esc(w.meaning)} ${esc(w.action)}\n\n`);
  md.appendMarkdown(`Lead ${esc(lead)} owns ${owned.leadOwnedComponents} of ${owned.components} components (from OWNERS.yaml; no pull-request data yet).`);
  return md;
}

/** "1,234 lines · owner 40% · could go to bob" for a component's tree row. */
export function componentFiguresDescription(c: ComponentFigures): string {
  const parts = [`${c.lines.toLocaleString('en-US')} lines`];
  if (c.ownerLines !== null && c.lines > 0) parts.push(`owner ${pct(c.ownerLines / c.lines)}`);
  if (c.delegateTo) parts.push(`could go to ${c.delegateTo}`);
  return parts.join(' · ');
}

/** Lines for a component hover: the team's signals and the component's own figures in the window. */
export function componentFiguresMarkdown(md: vscode.MarkdownString, team: TeamFigures | undefined, c: ComponentFigures | undefined, window: ReportWindow): void {
  if (!team && !c) return;
  md.appendMarkdown('\n\n---\n\n');
  if (team) md.appendMarkdown(`Team ${esc(team.team)}: **${esc(teamFlagDescription(team))}**, reviewed ${pct(team.leadReviewedShare)}\n\n`);
  if (!c) return;
  md.appendMarkdown(`${window.since} to ${window.until}: ${c.lines} lines in ${c.pullRequests} pull requests`
    + (c.ownerLines !== null && c.lines > 0 ? `; the owner ${esc(c.owner)} took part in ${pct(c.ownerLines / c.lines)}` : '') + '\n\n');
  const top = c.authors.map(a => `${esc(a.login)} ${pct(a.share)} (${a.lines} lines, ${a.pullRequests} PRs)`).join(' · ');
  md.appendMarkdown(`Top authors: ${top || 'none'}`);
  if (c.delegateTo) md.appendMarkdown(`\n\nThe lead owns this component; it **could go to ${esc(c.delegateTo)}**, who wrote the most of it besides the lead.`);
}

/**
 * The "could go to" action for a hover: a separate Markdown block trusted for the handoff command
 * only, whose arguments are JSON-encoded (the card itself stays untrusted). None for an invalid login.
 */
export function handoffActionMarkdown(c: ComponentFigures, folder?: string): vscode.MarkdownString | undefined {
  if (!c.delegateTo || !isGitHubLogin(c.delegateTo)) return undefined;
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: [Commands.handoff] };
  md.supportHtml = false;
  const args = encodeURIComponent(JSON.stringify([{ component: c.component, suggestedTo: c.delegateTo, folder }]));
  md.appendMarkdown(`[Hand off ${esc(c.component)} to ${esc(c.delegateTo)}…](command:${Commands.handoff}?${args})`);
  return md;
}
