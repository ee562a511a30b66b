import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { explainRestrictedMode } from '../trust';
import type { PullRequestData } from '../github/pullRequestData';

/**
 * `ownershipLens.refresh`: brings every folder's pull-request data (and the other repositories' of
 * `ownershipLens.teams.otherRepositories`) up to date under a cancellable
 * progress notification. Returns a summary per repository (for tests and scripts).
 */
export function registerRefresh(ctx: Ctx, data: PullRequestData): void {
  ctx.subscriptions.push(
    command(Commands.refresh, ctx.log, async () => {
      // Before any progress notification: in Restricted Mode nothing is fetched, so nothing may look like it is.
      if (!vscode.workspace.isTrusted)
        return void explainRestrictedMode('fetching pull requests from GitHub');
      await ctx.store.ready;
      const states = ctx.store.states();
      if (states.length === 0)
        throw new Error(
          'No OWNERS.yaml in this workspace: pull-request figures are computed per team of OWNERS.yaml.',
        );
      return vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: 'Ownership Lens',
          cancellable: true,
        },
        async (progress, cancel) => {
          const summaries: {
            repo: string;
            pullRequests: number;
            apiRequests?: number;
            fetchedAt?: string;
          }[] = [];
          for (const state of states) {
            progress.report({ message: `Fetching merged pull requests for ${state.folder.name}…` });
            try {
              // A slow or silent server is said in the notification: the attempt and what is waited for.
              const result = await data.refresh(state, cancel, waiting =>
                progress.report({
                  message: `Fetching merged pull requests for ${state.folder.name}: ${waiting}`,
                }),
              );
              summaries.push({
                repo: result.repo,
                pullRequests: result.pullRequests.length,
                apiRequests: result.apiRequests,
                fetchedAt: result.fetchedAt,
              });
            } catch (e) {
              if (e instanceof vscode.CancellationError) return summaries;
              throw e;
            }
          }
          // The repositories teams span without being open (ownershipLens.teams.otherRepositories).
          try {
            const others = await data.refreshOthers(
              states[0].parsed.model,
              cancel,
              (repo, waiting) =>
                progress.report({
                  message: `Fetching merged pull requests for ${repo}${waiting ? `: ${waiting}` : '…'}`,
                }),
            );
            for (const result of others)
              summaries.push({
                repo: result.repo,
                pullRequests: result.pullRequests.length,
                apiRequests: result.apiRequests,
                fetchedAt: result.fetchedAt,
              });
          } catch (e) {
            if (e instanceof vscode.CancellationError) return summaries;
            throw e;
          }
          return summaries;
        },
      );
    }),
  );
}
