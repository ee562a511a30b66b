import * as vscode from 'vscode';
import type { Component, OwnersModel, Outcome } from '../../core/owners/model';
import { Commands } from '../ids';
import { appendComponentDetails, code, esc, outcomeLine, safeMarkdown } from '../markdown';

/**
 * What every developer hovering an import needs first, above the fold: the component, its owner,
 * team and lead, the outcome it answers for. Untrusted: every value is repository text, escaped.
 */
export function importCardTop(
  model: OwnersModel,
  c: Component,
  path: string,
): vscode.MarkdownString {
  const md = safeMarkdown();
  const team = model.teams.get(c.team);
  const owner = model.people.get(c.owner.toLowerCase())?.name;
  md.appendMarkdown(`**${esc(c.name ?? c.id)}** ${code(c.id)} — ${esc(path)}\n\n`);
  md.appendMarkdown(
    `Owner: **${esc(c.owner)}**${owner ? ` (${esc(owner)})` : ''} · Team: ${esc(team?.name ?? c.team)} · Lead: ${esc(team?.lead || '—')}\n\n`,
  );
  const outcomes = c.outcomes.map(id => model.outcomes.get(id)).filter((o): o is Outcome => !!o);
  if (outcomes.length)
    md.appendMarkdown(`Outcomes: ${outcomes.map(o => outcomeLine(o).value).join('; ')}`);
  return md;
}

/**
 * How to reach the owner, in one line: copy the @mention, open the component in OWNERS.yaml, and
 * (when pull-request figures are loaded) the team's figures one click away. Trusted for these
 * commands only; their arguments are JSON, the labels escaped.
 */
export function importCardActions(
  c: Component,
  folder: string,
  teamFigures: boolean,
): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = {
    enabledCommands: [Commands.copyOwner, Commands.revealInOwners, Commands.showTeamReport],
  };
  md.supportHtml = false;
  const arg = (o: object) => encodeURIComponent(JSON.stringify([o]));
  const links = [
    `[Copy @${esc(c.owner)}](command:${Commands.copyOwner}?${arg({ component: c.id, folder, mention: true })} "Copy the owner's @mention, to ask them in a review or a chat")`,
    `[Open in OWNERS.yaml](command:${Commands.revealInOwners}?${arg({ component: c.id, folder })})`,
  ];
  if (teamFigures)
    links.push(
      `[Team figures…](command:${Commands.showTeamReport}?${arg({ team: c.team, folder })} "The team report: who writes the team's code, by month")`,
    );
  md.appendMarkdown(links.join(' · '));
  return md;
}

/** The rest of the component, below the fold: authority, support, stakeholders, the last handoff. */
export function importCardDetails(c: Component): vscode.MarkdownString | undefined {
  const md = safeMarkdown();
  appendComponentDetails(md, c);
  return md.value ? md : undefined;
}
