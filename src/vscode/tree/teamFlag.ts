import * as vscode from 'vscode';
import type {
  ComponentFigures,
  LeadFlag,
  ReportWindow,
  TeamFigures,
  TeamSignal,
} from '../../core/metrics/types';
import type { Assessment } from '../../core/report/assessment';
import { isGitHubLogin } from '../../core/owners/model';
import { num } from '../../core/format';
import { pct, windowLabel } from '../../core/report/teamReport';
import {
  FIGURES_ARE_NOT,
  SIGNAL_WORDS,
  SignalThresholds,
  signalWords,
} from '../../core/report/wording';
import {
  componentPracticePhrases,
  componentPracticeSentences,
  HISTORY_NOT_WORTH,
} from '../../core/report/inPracticeWords';
import {
  candidateTeam,
  componentSuggestion,
  ComponentSuggestion,
} from '../../core/report/candidates';
import type { OwnersModel } from '../../core/owners/model';
import { Commands } from '../ids';
import { esc, safeMarkdown } from '../markdown';

const FLAGS: Record<LeadFlag, { words: string; icon: string; color?: string }> = {
  'doing-the-work': { words: 'doing the work', icon: 'flame', color: 'errorForeground' },
  watch: { words: 'watch', icon: 'eye', color: 'editorWarning.foreground' },
  absent: {
    words: SIGNAL_WORDS.absent.label,
    icon: 'circle-slash',
    color: 'editorInfo.foreground',
  },
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
  'lead-inactive': { icon: 'history', color: 'editorInfo.foreground' },
  'lead-unmapped': { icon: 'info' },
  'reviews-unknown': { icon: 'info' },
};

/** The flag as a short phrase and a themed icon, for tree items and the status line. */
export function flagPresentation(flag: LeadFlag): { words: string; icon: vscode.ThemeIcon } {
  const f = FLAGS[flag];
  return {
    words: f.words,
    icon: new vscode.ThemeIcon(f.icon, f.color ? new vscode.ThemeColor(f.color) : undefined),
  };
}

/** The icon of a team: its most pressing signal (doing the work, bottleneck, holds ownership, ...), or a check when none holds. */
export function signalIcon(signals: readonly TeamSignal[]): vscode.ThemeIcon {
  const order: TeamSignal[] = [
    'doing-the-work',
    'bottleneck',
    'holds-ownership',
    'watch',
    'absent',
    'insufficient-data',
  ];
  const first = order.find(s => signals.includes(s)) ?? signals[0];
  if (!first) return flagPresentation('ok').icon;
  const p = SIGNAL_ICONS[first];
  return new vscode.ThemeIcon(p.icon, p.color ? new vscode.ThemeColor(p.color) : undefined);
}

/** "63% · doing the work · bottleneck · holds ownership": every signal, not only the first. */
export function teamFlagDescription(f: TeamFigures): string {
  // "Not involved in pull requests" over the window already says what "not seen lately" would: one is enough on a row.
  const shown = f.signals.includes('absent')
    ? f.signals.filter(s => s !== 'lead-inactive')
    : f.signals;
  const words = shown.map(s => SIGNAL_WORDS[s].label);
  const head = f.signals.includes('insufficient-data')
    ? `${num(f.pullRequests)} PRs`
    : `lead ${pct(f.leadShare)}`;
  return [head, ...(words.length ? words : ['ok'])].join(' · ');
}

/** The thresholds a team's figures were judged against (OWNERS.yaml `metrics`). */
export type FlagThresholds = {
  leadShare: number;
  watch: number;
  minPullRequests: number;
} & SignalThresholds;

/**
 * Every signal with what it means and what a lead can do, then the numbers, thresholds and window.
 * `name` is the team's display name (the figures know only its id).
 */
export function teamFlagTooltip(
  f: TeamFigures,
  window: ReportWindow,
  thresholds: FlagThresholds,
  fetchedAt?: string,
  name = f.team,
  assessment?: Assessment,
): vscode.MarkdownString {
  const md = safeMarkdown();
  const words = f.signals.map(s => signalWords(s, thresholds));
  md.appendMarkdown(
    `**${esc(name)}**: ${words.length ? words.map(w => esc(w.label)).join(', ') : 'ok, no signal holds'}\n\n`,
  );
  // The reading for the team's size and the recent trend first: what to act on, where it is heading.
  if (assessment) md.appendMarkdown(`${esc(assessment.headline)}\n\n`);
  f.signals.forEach((sig, i) => {
    const w = words[i];
    const expected = assessment?.readings.find(r => r.signal === sig && r.standing === 'expected');
    md.appendMarkdown(
      expected
        ? `- **${esc(w.label)}**, expected here: ${esc(expected.why ?? '')}. ${esc(w.meaning)}\n`
        : `- **${esc(w.label)}**: ${esc(w.meaning)} ${esc(w.action)}\n`,
    );
  });
  if (f.signals.length) md.appendMarkdown('\n');
  md.appendMarkdown(
    `Lead ${esc(f.lead)} took part in **${pct(f.leadShare)}** of ${num(f.lines)} changed lines and ${num(f.leadPullRequests)} of ${num(f.pullRequests)} pull requests ` +
      `(${pct(f.leadPullRequestShare)}), ${f.leadReviewedShare === null ? 'reviews **unknown** (no review trailers in the history)' : `reviewed **${pct(f.leadReviewedShare)}** of the others' pull requests and was the only approver of ${pct(f.leadSoleApprovalShare)}`}; ` +
      `owns ${num(f.leadOwnedComponents)} of ${num(f.components)} components.\n\n`,
  );
  const top = f.authors
    .slice(0, 5)
    .map(a => `${esc(a.login)} ${pct(a.share)}`)
    .join(' · ');
  if (top) md.appendMarkdown(`Authors: ${top}\n\n`);
  md.appendMarkdown(
    `Merged pull requests from ${windowLabel(window)}, bots, lock files and generated files left out. ` +
      `Doing the work at ${pct(thresholds.leadShare)} or more, watch at ${pct(thresholds.watch)}, judged from ${num(thresholds.minPullRequests)} pull requests.`,
  );
  if (fetchedAt) md.appendMarkdown(`\n\nFetched ${fetchedAt.replace('T', ' ').slice(0, 16)} UTC.`);
  md.appendMarkdown(`\n\n_${esc(FIGURES_ARE_NOT)}_`);
  return md;
}

/** A team with no pull-request data: `holds-ownership` still shows, from OWNERS.yaml alone. */
export function ownershipOnlyTooltip(
  name: string,
  lead: string,
  owned: { leadOwnedComponents: number; components: number },
  leadOwnership?: number,
): vscode.MarkdownString {
  const md = safeMarkdown();
  const w = signalWords('holds-ownership', { leadOwnership });
  md.appendMarkdown(
    `**${esc(name)}**: ${esc(w.label)}\n\n- ${esc(w.meaning)} ${esc(w.action)}\n\n`,
  );
  md.appendMarkdown(
    `Lead ${esc(lead)} owns ${num(owned.leadOwnedComponents)} of ${num(owned.components)} components (from OWNERS.yaml; no pull-request data yet).`,
  );
  return md;
}

/** The ranked candidates of a component (see core/report/candidates): its team from OWNERS.yaml, every team's figures for the leads already doing the work. */
export function suggestionFor(
  model: OwnersModel,
  teams: readonly TeamFigures[],
  c: ComponentFigures,
): ComponentSuggestion {
  const team = model.components.get(c.component)?.team;
  return componentSuggestion(c, team === undefined ? undefined : candidateTeam(model, team), teams);
}

/**
 * "could go to bob (in the team · knows 3 of 4 files) · dan · 1,234 changed lines in 2 files · owner 40%" for
 * a component's tree row: the handoff first, so that it shows at the default sidebar width. `files`: the
 * component's files now; `s`: the ranked candidates, else the raw `delegateTo`.
 */
export function componentFiguresDescription(
  c: ComponentFigures,
  until?: string,
  owner?: string,
  files?: number,
  s?: ComponentSuggestion,
): string {
  const parts = [];
  // The reason goes in the "Could go to" row and the tooltip: at the default width the row keeps the owner and the figures.
  if (s) {
    if (s.delegate) parts.push(`could go to ${s.delegate.login}`);
  } else if (c.delegateTo) parts.push(`could go to ${c.delegateTo}`);
  if (owner) parts.push(owner);
  parts.push(
    `${num(c.lines)} changed ${c.lines === 1 ? 'line' : 'lines'}${files === undefined ? '' : ` in ${num(files)} ${files === 1 ? 'file' : 'files'}`}`,
  );
  if (c.ownerLines !== null && c.lines > 0) parts.push(`owner ${pct(c.ownerLines / c.lines)}`);
  if (until) parts.push(...componentPracticePhrases(c, until, s));
  return parts.join(' · ');
}

/** Lines for a component hover: the team's signals and the component's own figures in the window. `teamName`: the team's display name. */
export function componentFiguresMarkdown(
  md: vscode.MarkdownString,
  team: TeamFigures | undefined,
  c: ComponentFigures | undefined,
  window: ReportWindow,
  teamName = team?.team ?? '',
  s?: ComponentSuggestion,
): void {
  if (!team && !c) return;
  md.appendMarkdown('\n\n---\n\n');
  if (team)
    md.appendMarkdown(
      `Team ${esc(teamName)}: **${esc(teamFlagDescription(team))}**, ${team.leadReviewedShare === null ? 'reviews unknown' : `reviewed ${pct(team.leadReviewedShare)}`}\n\n`,
    );
  if (!c) return;
  md.appendMarkdown(
    `${windowLabel(window)}: ${num(c.lines)} lines in ${num(c.pullRequests)} pull requests` +
      (c.ownerLines !== null && c.lines > 0
        ? `; the owner ${esc(c.owner)} took part in ${pct(c.ownerLines / c.lines)}`
        : '') +
      '\n\n',
  );
  const top = c.authors
    .map(a => `${esc(a.login)} ${pct(a.share)} (${num(a.lines)} lines, ${num(a.pullRequests)} PRs)`)
    .join(' · ');
  md.appendMarkdown(`Top authors: ${top || 'none'}`);
  if (s) {
    if (s.delegate)
      md.appendMarkdown(
        `\n\nThe lead owns this component; it **could go to ${esc(s.delegate.login)}** (${esc(s.delegate.why)}).`,
      );
  } else if (c.delegateTo)
    md.appendMarkdown(
      `\n\nThe lead owns this component; it **could go to ${esc(c.delegateTo)}**, who wrote the most of it besides the lead.`,
    );
  const practice = componentPracticeSentences(c, window.until, s);
  if (s?.handoff?.kind === 'rotate')
    practice.push(
      `A handoff or a rotation to ${s.handoff.candidate.login} would spread what is now held in one place.`,
    );
  // Every card that shows figures says what they are not.
  md.appendMarkdown(
    `\n\n${practice.length > 0 ? `**Ownership in practice.** ${practice.map(esc).join(' ')}\n\n` : ''}_${esc(practice.length > 0 || c.knowledge ? HISTORY_NOT_WORTH : FIGURES_ARE_NOT)}_`,
  );
}

/**
 * The "could go to" action for a hover: a separate Markdown block trusted for the handoff command
 * only, whose arguments are JSON-encoded (the card itself stays untrusted). None for an invalid login.
 */
export function handoffActionMarkdown(
  c: ComponentFigures,
  folder?: string,
  name = c.component,
  s?: ComponentSuggestion,
): vscode.MarkdownString | undefined {
  const to = s ? s.handoff?.candidate.login : c.delegateTo;
  if (!to || !isGitHubLogin(to)) return undefined;
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: [Commands.handoff] };
  md.supportHtml = false;
  const args = encodeURIComponent(
    JSON.stringify([{ component: c.component, suggestedTo: to, folder }]),
  );
  md.appendMarkdown(`[Hand off ${esc(name)} to ${esc(to)}…](command:${Commands.handoff}?${args})`);
  return md;
}
