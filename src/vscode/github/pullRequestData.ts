import * as vscode from 'vscode';
import { readCache } from '../../core/github/cacheStore';
import { GitHubError } from '../../core/github/errors';
import { syncPullRequests } from '../../core/github/sync';
import type { FetchLike } from '../../core/github/transport';
import { parseRepo, RepoRef, SyncedPullRequest } from '../../core/github/types';
import { computeLeadReport, hideIndividuals, MonthlyShare, parseGitattributes } from '../../core/metrics';
import type { ComponentFigures, LeadReport, ReportWindow } from '../../core/metrics/types';
import type { Log } from '../log';
import type { OwnersState } from '../ownersState';
import { repoFromGitConfig } from './gitRemote';
import { GitHubSettings, readGitHubSettings } from './githubSettings';
import type { TokenSource } from './githubSession';
import { flagWindow, trendWindow } from './reportWindow';

export type FetchStatus =
  | { kind: 'never' }
  | { kind: 'fetching' }
  | { kind: 'ok' }
  | { kind: 'failed'; message: string };

/** One repository's pull requests as last fetched, and how the last attempt went. */
export interface RepoPullRequests {
  repo: string;
  pullRequests: SyncedPullRequest[];
  fetchedAt?: string;
  status: FetchStatus;
  apiRequests?: number;
}

export interface TeamFiguresView {
  report: LeadReport;
  monthly: Map<string, MonthlyShare[]>;
  /** Per component id, its figures in the flag window (SPEC 5 componentFigures). */
  components: Map<string, ComponentFigures>;
  trend: ReportWindow;
  data: RepoPullRequests;
  /** Team-only mode: no individual but each team's lead is named anywhere in these figures. */
  teamOnly: boolean;
}

/** Team-only mode from the setting or from OWNERS.yaml (`metrics.teamOnly`): either one turns it on. */
export function teamOnlyMode(state: OwnersState): boolean {
  return state.parsed.model.metrics.teamOnly || vscode.workspace.getConfiguration('ownershipLens.report', state.folder.uri).get<boolean>('teamOnly') === true;
}

/**
 * Pull-request data per repository root: last good data from the cache at first use, refreshed
 * only on request, never in an untrusted workspace. Figures are computed once per OWNERS.yaml
 * version and data version.
 */
export class PullRequestData implements vscode.Disposable {
  private readonly repos = new Map<string, RepoPullRequests>();
  /** Per state: the full figures and, made on demand, their team-only form (the mode can change at any time). */
  private readonly figures = new WeakMap<OwnersState, { data: RepoPullRequests; prs: SyncedPullRequest[]; attributes: string; full: TeamFiguresView; hidden?: TeamFiguresView }>();
  /** The git remote of each root, read once: the tree asks on every render. */
  private readonly remotes = new Map<string, Promise<RepoRef | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly cacheDir: vscode.Uri, private readonly tokens: TokenSource, private readonly fetchImpl: FetchLike, private readonly log: Log) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The data of the state's repository, loading the cache (no network) the first time. */
  async dataFor(state: OwnersState): Promise<RepoPullRequests | undefined> {
    const settings = readGitHubSettings(state.folder.uri);
    const repo = await this.repoOf(state, settings);
    if (!repo) return undefined;
    const key = `${settings.apiUrl} ${repo.owner}/${repo.name}`;
    let data = this.repos.get(key);
    if (!data) {
      data = { repo: `${repo.owner}/${repo.name}`, pullRequests: [], status: { kind: 'never' } };
      const cached = readCache(this.cacheDir.fsPath, { repo: data.repo, apiUrl: settings.apiUrl });
      if (cached.kind === 'ok') Object.assign(data, { pullRequests: cached.data.pullRequests, fetchedAt: cached.data.fetchedAt, status: { kind: 'ok' } });
      else if (cached.kind === 'corrupt') this.log.warn(`Pull-request cache of ${data.repo} is corrupt (${cached.reason}); it will be rebuilt on the next refresh.`);
      this.repos.set(key, data);
    }
    return data;
  }

  /** Figures for every team of the state, or undefined before any data. */
  async figuresFor(state: OwnersState): Promise<TeamFiguresView | undefined> {
    const data = await this.dataFor(state);
    if (!data || !data.fetchedAt) return undefined;
    const attributes = await readRootFile(state.root, '.gitattributes');
    let memo = this.figures.get(state);
    if (!memo || memo.data !== data || memo.prs !== data.pullRequests || memo.attributes !== attributes) {
      const window = flagWindow(state.parsed.model.metrics.windowDays);
      const trend = trendWindow();
      const options = { generated: parseGitattributes(attributes) };
      const report = computeLeadReport(state.index, data.pullRequests, window, options);
      const full: TeamFiguresView = {
        report, monthly: new Map(computeLeadReport(state.index, data.pullRequests, trend, options).teams.map(t => [t.team, t.months])),
        components: componentsOf(report), trend, data, teamOnly: false,
      };
      memo = { data, prs: data.pullRequests, attributes, full };
      this.figures.set(state, memo);
    }
    return this.shaped(memo, state);
  }

  /** The figures as the team-only mode in force wants them: with people, or with no one but the leads. */
  private shaped(memo: { full: TeamFiguresView; hidden?: TeamFiguresView }, state: OwnersState): TeamFiguresView {
    if (!teamOnlyMode(state)) return memo.full;
    if (!memo.hidden) {
      const report = hideIndividuals(memo.full.report);
      memo.hidden = { ...memo.full, report, components: componentsOf(report), teamOnly: true };
    }
    return memo.hidden;
  }

  /** The figures already computed for this state, without waiting (hovers must answer at once). */
  peekFigures(state: OwnersState): TeamFiguresView | undefined {
    const memo = this.figures.get(state);
    if (!memo) void this.figuresFor(state).catch(() => undefined);
    return memo && this.shaped(memo, state);
  }

  /** Fetches what changed since the last refresh; failures are kept in the status with the last good data. */
  async refresh(state: OwnersState, cancel: vscode.CancellationToken): Promise<RepoPullRequests> {
    const settings = readGitHubSettings(state.folder.uri);
    this.remotes.delete(state.root.toString()); // an explicit refresh re-reads the remote
    const repo = await this.repoOf(state, settings);
    if (!repo) throw new GitHubError('not-found', 'No GitHub repository found: this folder has no git remote. Set `ownershipLens.github.repository` to OWNER/NAME.');
    const data = (await this.dataFor(state))!;
    if (!vscode.workspace.isTrusted) throw new GitHubError('forbidden', 'Pull-request data is not fetched in an untrusted workspace. Trust the workspace to fetch it.');
    this.log.info(`Refreshing ${data.repo} from ${settings.apiUrl} (token from ${settings.authentication === 'environment' ? 'GITHUB_TOKEN/GH_TOKEN' : 'VS Code sign-in'})`);
    const token = await this.tokens(settings, true);
    if (token === undefined) {
      // Say what helps in the mode the user chose: signing in cannot help when the token comes from the environment.
      const message = settings.authentication === 'environment'
        ? 'no GitHub token: ownershipLens.github.authentication is "environment", and neither GH_TOKEN nor GITHUB_TOKEN is set where VS Code runs. Set one and restart VS Code, or set ownershipLens.github.authentication to "vscode" to sign in with VS Code\'s GitHub account.'
        : 'not signed in to GitHub: the sign-in was cancelled or refused. Refresh again and accept VS Code\'s GitHub sign-in.';
      data.status = { kind: 'failed', message: settings.authentication === 'environment' ? 'no GH_TOKEN or GITHUB_TOKEN in the environment' : 'not signed in to GitHub' };
      this.changed.fire();
      throw new GitHubError('no-token', message.charAt(0).toUpperCase() + message.slice(1));
    }
    const abort = new AbortController();
    const onCancel = cancel.onCancellationRequested(() => abort.abort());
    data.status = { kind: 'fetching' };
    this.changed.fire();
    try {
      const since = [flagWindow(state.parsed.model.metrics.windowDays).since, trendWindow().since].sort()[0];
      const result = await syncPullRequests({
        // In the editor a dead network should fail within seconds; the CLI keeps the longer back-off.
        // The cancellation signal is combined with the transport's timeouts, never replacing them.
        github: { token, apiUrl: settings.apiUrl, fetch: this.fetchImpl, signal: abort.signal, log: line => this.log.info(line), maxRetries: 2, retryBaseMs: 500, timeoutMs: 30_000, totalTimeoutMs: 5 * 60_000 },
        repo, since: `${since}T00:00:00Z`, cacheDir: this.cacheDir.fsPath, log: line => this.log.info(line),
        commitAuthors: state.parsed.model.metrics.creditCoAuthors,
      });
      Object.assign(data, { pullRequests: result.pullRequests, fetchedAt: result.fetchedAt, apiRequests: result.apiRequests, status: { kind: 'ok' } });
      this.log.info(`${data.repo}: ${result.pullRequests.length} pull requests, ${result.apiRequests} API requests, cache ${result.cache}`);
      return data;
    } catch (e) {
      const message = cancel.isCancellationRequested ? 'Refresh cancelled.' : (e as Error).message;
      data.status = { kind: 'failed', message };
      throw cancel.isCancellationRequested ? new vscode.CancellationError() : e;
    } finally {
      onCancel.dispose();
      this.changed.fire();
    }
  }

  private async repoOf(state: OwnersState, settings: GitHubSettings): Promise<RepoRef | undefined> {
    const configured = settings.repository ? parseRepo(settings.repository) : undefined;
    if (configured) return configured;
    const key = state.root.toString();
    let remote = this.remotes.get(key);
    if (!remote) this.remotes.set(key, remote = repoFromGitConfig(state.root));
    return remote;
  }
}

function componentsOf(report: LeadReport): Map<string, ComponentFigures> {
  return new Map(report.teams.flatMap(t => t.componentFigures.map(c => [c.component, c] as const)));
}

/** A small file at the repository root as text, '' when absent or unreadable (the root `.gitattributes`). */
async function readRootFile(root: vscode.Uri, name: string): Promise<string> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, name));
    return bytes.length > 1024 * 1024 || bytes.includes(0) ? '' : new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}
