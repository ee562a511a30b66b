import * as vscode from 'vscode';
import { Commands } from '../ids';
import {
  buildTeamReport,
  buildTeamReportAcross,
  TeamReportView,
} from '../../core/report/teamReport';
import type { Ctx } from '../context';
import { PullRequestData, teamOnlyMode } from '../github/pullRequestData';
import { nowMs } from '../../core/clock';
import { flagWindow } from '../../core/figures/window';
import { command } from '../log';
import type { OwnersState } from '../ownersState';
import type { Node } from '../tree/nodes';
import { TeamReportPanel } from '../report/reportPanel';
import { withOutcomeValues } from '../outcomes/reportOutcomes';
import { outcomeBoard } from '../outcomes/outcomeBoard';

/** The report of one team from the current OWNERS.yaml and the pull-request data as last fetched. */
export async function teamReportView(
  state: OwnersState,
  teamId: string,
  data: PullRequestData,
): Promise<TeamReportView> {
  const figures = await data.figuresFor(state);
  const teamFigures = figures?.report.teams.find(t => t.team === teamId);
  // Without data the window is still the one the figures will use once fetched (handoffs are shown in it).
  const view = buildTeamReport(
    state.parsed.model,
    teamId,
    teamFigures,
    figures?.monthly.get(teamId) ?? [],
    figures?.report.window ?? flagWindow(state.parsed.model.metrics.windowDays, nowMs()),
    figures?.data.fetchedAt,
    figures !== undefined,
    figures?.teamOnly ?? teamOnlyMode(state),
    figures?.report.teams,
  );
  return withOutcomeValues(view, state);
}

/** The report of a team over every repository in view, or undefined when there is no cross-repository data. */
export async function teamReportAcrossView(
  teamId: string,
  data: PullRequestData,
): Promise<TeamReportView | undefined> {
  const across = await data.acrossRepositories();
  if (!across) return undefined;
  return buildTeamReportAcross(
    across.models,
    teamId,
    across.result.report.teams.find(t => t.team === teamId),
    across.monthly().get(teamId) ?? [],
    across.result.byRepository.get(teamId) ?? [],
    across.window,
    across.fetchedAt,
    across.teamOnly,
  );
}

/**
 * `ownershipLens.showTeamReport`: from a team node of the tree, or a team picked in the palette;
 * an open report follows OWNERS.yaml and data changes; `memory` keeps the folder of the last export.
 */
export function registerShowTeamReport(
  ctx: Ctx,
  data: PullRequestData,
  extensionUri: vscode.Uri,
  memory?: vscode.Memento,
): void {
  ctx.subscriptions.push(
    command(
      Commands.showTeamReport,
      ctx.log,
      async (node?: Node | { folder: string; team: string }) => {
        await ctx.store.ready;
        // A team across repositories: the report of the summed figures.
        if (node && 'kind' in node && node.kind === 'teamAcross') {
          const team = node.figures.team;
          const view = await teamReportAcrossView(team, data);
          return (
            view &&
            TeamReportPanel.show(extensionUri, view, memory, () => teamReportAcrossView(team, data))
              .report
          );
        }
        const target =
          node && 'kind' in node && node.kind === 'team'
            ? { state: node.state, team: node.team.id }
            : node && 'team' in node && typeof node.team === 'string'
              ? findTeam(ctx, node.team, (node as { folder?: string }).folder)
              : await pickTeam(ctx);
        if (!target) return undefined;
        // The state of the moment: OWNERS.yaml may have changed since the panel opened.
        const recompute = async () => {
          const state = ctx.store
            .states()
            .find(
              s =>
                s.folder.uri.toString() === target.state.folder.uri.toString() &&
                s.parsed.model.teams.has(target.team),
            );
          return state && teamReportView(state, target.team, data);
        };
        const panel = TeamReportPanel.show(
          extensionUri,
          await teamReportView(target.state, target.team, data),
          memory,
          recompute,
        );
        return panel.report;
      },
    ),
  );
  const update = async () => {
    // Reports across repositories are recomputed only when one is open.
    for (const team of TeamReportPanel.openAcross()) {
      const view = await teamReportAcrossView(team, data).catch(() => undefined);
      if (view) TeamReportPanel.current(team, true)?.update(view);
    }
    for (const state of ctx.store.states()) {
      for (const team of state.parsed.model.teams.keys()) {
        const panel = TeamReportPanel.current(team);
        if (panel) panel.update(await teamReportView(state, team, data));
      }
    }
  };
  ctx.subscriptions.push(
    ctx.store.onDidChange(() => void update()),
    data.onDidChange(() => void update()),
    outcomeBoard.onDidChange(() => void update()),
  );
}

function findTeam(
  ctx: Ctx,
  team: string,
  folder?: string,
): { state: OwnersState; team: string } | undefined {
  const state = ctx.store
    .states()
    .find(
      s =>
        s.parsed.model.teams.has(team) &&
        (!folder || s.folder.name === folder || s.folder.uri.toString() === folder),
    );
  return state ? { state, team } : undefined;
}

async function pickTeam(ctx: Ctx): Promise<{ state: OwnersState; team: string } | undefined> {
  // In the tree's order: by display name.
  const byName = (a: { name?: string; id: string }, b: { name?: string; id: string }) =>
    (a.name ?? a.id).localeCompare(b.name ?? b.id);
  const items = ctx.store.states().flatMap(state =>
    [...state.parsed.model.teams.values()].sort(byName).map(t => ({
      label: t.name ?? t.id,
      description: `lead ${t.lead || '?'}`,
      detail: ctx.store.states().length > 1 ? state.folder.name : undefined,
      state,
      team: t.id,
    })),
  );
  if (items.length === 0) throw new Error('No teams in OWNERS.yaml yet.');
  const picked =
    items.length === 1
      ? items[0]
      : await vscode.window.showQuickPick(items, {
          title: 'Team report',
          placeHolder: 'Which team?',
        });
  return picked && { state: picked.state, team: picked.team };
}
