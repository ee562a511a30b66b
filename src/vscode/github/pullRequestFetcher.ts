import * as vscode from 'vscode';
import { nowMs } from '../../core/clock';
import { fetchSince } from '../../core/figures/window';
import { GitHubError } from '../../core/github/errors';
import { syncPullRequests } from '../../core/github/sync';
import type { FetchLike, TransportOptions } from '../../core/github/transport';
import type { RepoRef } from '../../core/github/types';
import type { OwnersModel } from '../../core/owners/model';
import { parseOwners } from '../../core/owners/parse';
import type { Log } from '../log';
import type { OwnersState } from '../ownersState';
import type { RepoPullRequests } from './figuresTypes';
import { GitHubSettings, readGitHubSettings } from './githubSettings';
import type { TokenSource } from './githubSession';
import { otherRepositorySetting, OtherRepositoryFiles, whyLeftOut } from './otherRepositories';

/** Fetching pull requests from GitHub into the data the editor keeps: one repository, or the other repositories of the setting. */
export class PullRequestFetcher {
  /** The transport's waits; integration tests shorten them (a silent server takes 30 s to give up on). */
  waits: Pick<TransportOptions, 'timeoutMs' | 'progressAfterMs'> = {};

  constructor(
    private readonly cacheDir: string,
    private readonly tokens: TokenSource,
    private readonly fetchImpl: FetchLike,
    private readonly log: Log,
    private readonly otherFiles: OtherRepositoryFiles,
    private readonly dataOf: (repo: RepoRef, apiUrl: string) => RepoPullRequests,
    private readonly changed: () => void,
  ) {}

  /** One repository's refresh: the token (asked interactively), then what changed since the last fetch. */
  async refresh(
    data: RepoPullRequests,
    repo: RepoRef,
    settings: GitHubSettings,
    model: OwnersModel,
    cancel: vscode.CancellationToken,
    waiting?: (message: string) => void,
  ): Promise<RepoPullRequests> {
    this.log.info(
      `Refreshing ${data.repo} from ${settings.apiUrl} (token from ${settings.authentication === 'environment' ? 'GITHUB_TOKEN/GH_TOKEN' : 'VS Code sign-in'})`,
    );
    const token = await this.tokens(settings, true);
    if (token === undefined) {
      // Say what helps in the mode the user chose: signing in cannot help when the token comes from the environment.
      const message =
        settings.authentication === 'environment'
          ? 'no GitHub token: ownershipLens.github.authentication is "environment", and neither GH_TOKEN nor GITHUB_TOKEN is set where VS Code runs. Set one and restart VS Code, or set ownershipLens.github.authentication to "vscode" to sign in with VS Code\'s GitHub account.'
          : "not signed in to GitHub: the sign-in was cancelled or refused. Refresh again and accept VS Code's GitHub sign-in.";
      data.status = {
        kind: 'failed',
        message:
          settings.authentication === 'environment'
            ? 'no GH_TOKEN or GITHUB_TOKEN in the environment'
            : 'not signed in to GitHub',
      };
      this.changed();
      throw new GitHubError('no-token', message.charAt(0).toUpperCase() + message.slice(1));
    }
    const since = fetchSince(model.metrics.windowDays, nowMs());
    return this.sync(
      data,
      repo,
      settings.apiUrl,
      token,
      since,
      model.metrics.creditCoAuthors,
      cancel,
      waiting,
    );
  }

  /**
   * Brings the repositories of `ownershipLens.teams.otherRepositories` up to date: their OWNERS.yaml
   * and .gitattributes (one request per 25), then their pull requests since the window of `model`.
   */
  async refreshOthers(
    model: OwnersState['parsed']['model'],
    cancel: vscode.CancellationToken,
    progress?: (repo: string, waiting?: string) => void,
  ): Promise<RepoPullRequests[]> {
    const { refs, invalid } = otherRepositorySetting();
    if (invalid.length)
      this.log.warn(
        `ownershipLens.teams.otherRepositories: ${invalid.map(x => JSON.stringify(x)).join(', ')} ${invalid.length > 1 ? 'are' : 'is'} not OWNER/NAME and left out.`,
      );
    if (refs.length === 0) return [];
    if (!vscode.workspace.isTrusted)
      throw new GitHubError(
        'forbidden',
        'Pull-request data is not fetched in an untrusted workspace. Trust the workspace to fetch it.',
      );
    const settings = readGitHubSettings();
    const token = await this.tokens(settings, true);
    if (token === undefined)
      throw new GitHubError(
        'no-token',
        settings.authentication === 'environment'
          ? 'No GH_TOKEN or GITHUB_TOKEN in the environment: the other repositories cannot be read.'
          : 'Not signed in to GitHub: the other repositories cannot be read.',
      );
    const abort = new AbortController();
    const onCancel = cancel.onCancellationRequested(() => abort.abort());
    try {
      this.log.info(
        `Reading OWNERS.yaml of ${refs.length} other repositor${refs.length > 1 ? 'ies' : 'y'} from ${settings.apiUrl}`,
      );
      const others = await this.otherFiles.fetch(settings.apiUrl, refs, {
        ...this.transport(token, settings.apiUrl),
        signal: abort.signal,
      });
      this.changed();
      const since = fetchSince(model.metrics.windowDays, nowMs());
      const results: RepoPullRequests[] = [];
      for (const other of others) {
        const why = whyLeftOut(other);
        if (why || !other.owners) {
          this.log.warn(`${other.name}: ${why}; it is left out of the teams.`);
          continue;
        }
        progress?.(other.name);
        results.push(
          await this.sync(
            this.dataOf(other.ref, settings.apiUrl),
            other.ref,
            settings.apiUrl,
            token,
            since,
            parseOwners(other.owners.text).model.metrics.creditCoAuthors,
            cancel,
            m => progress?.(other.name, m),
          ),
        );
      }
      return results;
    } finally {
      onCancel.dispose();
    }
  }

  /** Fetches what changed since the last refresh of one repository; a failure is kept in its status with the last good data. */
  async sync(
    data: RepoPullRequests,
    repo: RepoRef,
    apiUrl: string,
    token: string,
    since: string,
    commitAuthors: boolean,
    cancel: vscode.CancellationToken,
    waiting?: (message: string) => void,
  ): Promise<RepoPullRequests> {
    const abort = new AbortController();
    const onCancel = cancel.onCancellationRequested(() => abort.abort());
    data.status = { kind: 'fetching' };
    this.changed();
    try {
      const result = await syncPullRequests({
        github: { ...this.transport(token, apiUrl), signal: abort.signal, progress: waiting },
        repo,
        since: `${since}T00:00:00Z`,
        cacheDir: this.cacheDir,
        log: line => this.log.info(line),
        commitAuthors,
      });
      Object.assign(data, {
        pullRequests: result.pullRequests,
        fetchedAt: result.fetchedAt,
        apiRequests: result.apiRequests,
        status: { kind: 'ok' },
      });
      this.log.info(
        `${data.repo}: ${result.pullRequests.length} pull requests, ${result.apiRequests} API requests, cache ${result.cache}`,
      );
      return data;
    } catch (e) {
      const message = cancel.isCancellationRequested ? 'Refresh cancelled.' : (e as Error).message;
      data.status = { kind: 'failed', message };
      throw cancel.isCancellationRequested ? new vscode.CancellationError() : e;
    } finally {
      onCancel.dispose();
      this.changed();
    }
  }

  /**
   * In the editor a dead network should fail within seconds; the CLI keeps the longer back-off.
   * The cancellation signal is combined with the transport's timeouts, never replacing them.
   */
  private transport(token: string, apiUrl: string): TransportOptions {
    return {
      token,
      apiUrl,
      fetch: this.fetchImpl,
      log: line => this.log.info(line),
      maxRetries: 2,
      retryBaseMs: 500,
      timeoutMs: 30_000,
      totalTimeoutMs: 5 * 60_000,
      ...this.waits,
    };
  }
}
