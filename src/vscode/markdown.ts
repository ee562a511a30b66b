import * as vscode from 'vscode';
import { Component, OwnersModel, Outcome } from '../core/owners/model';
import { PersonOwnership } from '../core/owners/personOwnership';
import { oneLine } from '../core/owners/printable';
import { num } from '../core/format';
import { isHttpUrl, markdownLinkTarget } from '../core/links';
import { outcomeStateMarkdown } from './outcomes/outcomeMarkdown';
import { esc } from './markdownEscape';

export { esc } from './markdownEscape';

/**
 * Markdown built only from escaped text: OWNERS.yaml is repository content, so it is never
 * trusted (no command: links), never HTML, and links are http(s) only.
 */
export function safeMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** An inline code span; backticks cannot be escaped inside one, so they are dropped. */
export function code(text: string): string {
  return '`' + oneLine(text).replace(/`/g, "'") + '`';
}

export function plain(text: string): vscode.MarkdownString {
  const md = safeMarkdown();
  md.appendText(text);
  return md;
}

/** A link only for http(s) URLs; anything else is shown as escaped text. */
export function link(label: string, url: string | undefined): string {
  if (!url || !isHttpUrl(url)) return esc(label) + (url ? ` (${esc(url)})` : '');
  // Percent-encoded so that `()[]!<>` in the URL can never end this link or start an image or another link.
  return `[${esc(label)}](${markdownLinkTarget(url)})`;
}

export function outcomeLine(o: Outcome): vscode.MarkdownString {
  const md = safeMarkdown();
  md.appendMarkdown(outcomeText(o));
  return md;
}

function outcomeText(o: Outcome): string {
  return [
    link(o.name ?? o.id, o.link),
    o.target && `target ${esc(o.target)}`,
    outcomeStateMarkdown(o),
    o.metric && `(${esc(o.metric)})`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The hover card of a component: who, accountable for what, with which rights and support. */
export function componentCard(
  model: OwnersModel,
  c: Component,
  path?: string,
): vscode.MarkdownString {
  const md = safeMarkdown();
  const team = model.teams.get(c.team);
  const owner = model.people.get(c.owner.toLowerCase())?.name;
  md.appendMarkdown(`**${esc(c.name ?? c.id)}** ${code(c.id)}${path ? ` — ${esc(path)}` : ''}\n\n`);
  md.appendMarkdown(
    `Owner: **${esc(c.owner)}**${owner ? ` (${esc(owner)})` : ''} · Team: ${esc(team?.name ?? c.team)} · Lead: ${esc(team?.lead || '—')}\n\n`,
  );
  const outcomes = c.outcomes.map(id => model.outcomes.get(id)).filter((o): o is Outcome => !!o);
  if (outcomes.length) md.appendMarkdown(`Outcomes: ${outcomes.map(outcomeText).join('; ')}\n\n`);
  appendComponentDetails(md, c);
  return md;
}

/** What a login owns and leads, for hovers on logins inside OWNERS.yaml. */
export function personCard(p: PersonOwnership): vscode.MarkdownString {
  const md = safeMarkdown();
  md.appendMarkdown(`**${esc(p.login)}**${p.name ? ` (${esc(p.name)})` : ''}\n\n`);
  md.appendMarkdown(
    p.owns.length
      ? `Owns ${num(p.owns.length)}: ${p.owns.map(c => esc(c.name ?? c.id)).join(', ')}\n\n`
      : 'Owns no component\n\n',
  );
  if (p.leads.length)
    md.appendMarkdown(`Leads: ${p.leads.map(t => esc(t.name ?? t.id)).join(', ')}\n\n`);
  const memberOnly = p.memberOf.filter(t => !p.leads.includes(t));
  if (memberOnly.length)
    md.appendMarkdown(`Member of: ${memberOnly.map(t => esc(t.name ?? t.id)).join(', ')}\n\n`);
  return md;
}

/** Authority, support, stakeholders and the last handoff of a component: the card's lower part, shared by every card. */
export function appendComponentDetails(md: vscode.MarkdownString, c: Component): void {
  if (c.authority.length) md.appendMarkdown(`Authority: ${c.authority.map(esc).join('; ')}\n\n`);
  if (c.support.length) md.appendMarkdown(`Support: ${c.support.map(esc).join('; ')}\n\n`);
  if (c.stakeholders.length)
    md.appendMarkdown(`Stakeholders: ${c.stakeholders.map(esc).join('; ')}\n\n`);
  const last = c.handoffs[c.handoffs.length - 1];
  if (last) {
    md.appendMarkdown(
      `Last handoff: ${esc(last.date)}, ${esc(last.from)} → ${esc(last.to)}${last.notes ? `: ${esc(last.notes)}` : ''}\n\n`,
    );
    if (last.decisions.length)
      md.appendMarkdown(`Open decisions: ${last.decisions.map(esc).join('; ')}\n\n`);
  }
}
