import * as vscode from 'vscode';
import { readCache } from '../../core/github/cacheStore';
import { GitHubError } from '../../core/github/errors';
import { syncPullRequests } from '../../core/github/sync';
import type { FetchLike } from '../../core/github/transport';
import { parseRepo, RepoRef, SyncedPullRequest } from '../../core/github/types';
import { computeLeadReport, hideIndividuals, MonthlyShare, parseGitattributes } from '../../core/metrics';
import { hideInTeam } from '../../core/metrics/teamOnly';
import type { ComponentFigures, LeadReport, ReportWindow } from '../../core/metrics/types';
import { TeamsAcrossRepositories, teamsAcrossRepositories } from '../../core/metrics/acrossRepositories';
import type { OwnersModel } from '../../core/owners/model';
import { parseOwners } from '../../core/owners/parse';
import { createOwnershipIndex, OwnershipIndex } from '../../core/owners/resolve';
import type { TransportOptions } from '../../core/github/transport';
import { affectsOtherRepositories, otherRepositorySetting, OtherRepositoryFiles, whyLeftOut } from './otherRepositories';
import type { Log } from '../log';
import type { OwnersState } from '../ownersState';
import { repoFromGitConfig } from './gitRemote';
import { GitHubSettings, readGitHubSettings } from './githubSettings';
import type { TokenSource } from './githubSession';
import { flagWindow, trendWindow } from './reportWindow';
import { KnowledgeLogCache } from '../../node/git/knowledgeLog';
import { gitKnowledge } from '../../node/gitKnowledge';
import type { RepositoryKnowledge } from '../../core/knowledge/knowledge';
import type { GitFiguresRunner } from '../../node/gitFiguresRunner';
import { figuresSourceSetting, GitFigures } from './gitFigures';

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
  /** Set when the figures come from the folder's own git history: the commit they were computed at and the changes counted. */
  source?: 'git';
  tip?: string;
  changes?: number;
}

/** Teams over every repository in view, summed per pull request (issue 12: team ids are organisation-wide). */
export interface CrossRepositoryView {
  result: TeamsAcrossRepositories;
  window: ReportWindow;
  teamOnly: boolean;
  /** Repositories in view not fetched yet (a refresh will read them). */
  pending: string[];
  /** Repositories in view that a refresh read and that add nothing, with why (no OWNERS.yaml, not found, fetch failed). */
  leftOut: { repo: string; why: string }[];
  /** The oldest fetch among the summed repositories. */
  fetchedAt: string;
  /** Per team, its months over the trend window, summed the same way: computed when a report asks for them. */
  monthly: () => Map<string, MonthlyShare[]>;
  /** Every summed repository's OWNERS.yaml model, in order (the report lists components from all). */
  models: OwnersModel[];
  thresholds: { leadShare: number; watch: number; minPullRequests: number };
}

export interface TeamFiguresView {
  report: LeadReport;
  monthly: Map<string, MonthlyShare[]>;
  /** Per component id, its figures in the flag window (docs/figures.md ("Components") componentFigures). */
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
  private readonly figures = new WeakMap<OwnersState, { data: RepoPullRequests; prs: SyncedPullRequest[]; attributes: string; fromGit: boolean; full: TeamFiguresView; hidden?: TeamFiguresView }>();
  /** The git remote of each root, read once: the tree asks on every render. */
  private readonly remotes = new Map<string, Promise<RepoRef | undefined>>();
  /** The same, once read (the tree answers a folder's children without waiting). */
  private readonly settledRemotes = new Map<string, RepoRef | undefined>();
  /** Per repository root, the commits already logged for knowledge: a new commit costs only itself. */
  private readonly knowledgeLogs = new Map<string, KnowledgeLogCache>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private readonly otherFiles: OtherRepositoryFiles;
  /** The other repositories' parsed OWNERS.yaml, by text: parsed once per version. */
  private readonly otherIndexes = new Map<string, OwnershipIndex>();
  private across: { signature: string; inputs: { index: OwnershipIndex; prs: readonly SyncedPullRequest[]; generated: string }[]; view: CrossRepositoryView } | undefined;

  /** The git source (`ownershipLens.figures.source`), when a runner was given. */
  private readonly git: GitFigures | undefined;
  /** Per root, what `auto` chose (signed in to a GitHub repository or not), until settings change or a refresh. */
  private readonly autoSource = new Map<string, Promise<'github' | 'git'>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** What `auto` last chose per root, for answers that cannot wait (hovers). */
  private readonly resolvedSource = new Map<string, 'github' | 'git'>();

  constructor(private readonly cacheDir: vscode.Uri, private readonly tokens: TokenSource, private readonly fetchImpl: FetchLike, private readonly log: Log,
    private readonly statesOf: () => OwnersState[] = () => [], gitRunner?: GitFiguresRunner) {
    this.otherFiles = new OtherRepositoryFiles(cacheDir.fsPath, line => log.warn(line));
    // The figures' shape (team-only), which repository they are of and their source change with these settings:
    // everything that shows figures (tree, hovers, open reports) follows this one event, at once; no reload.
    if (gitRunner) this.git = new GitFigures(gitRunner, vscode.Uri.joinPath(cacheDir, 'git'), log, () => this.changed.fire());
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('ownershipLens.figures.source') || e.affectsConfiguration('ownershipLens.github')) this.autoSource.clear();
      if (e.affectsConfiguration('ownershipLens.report.teamOnly') || e.affectsConfiguration('ownershipLens.github') || affectsOtherRepositories(e)
        || e.affectsConfiguration('ownershipLens.figures.source') || e.affectsConfiguration('ownershipLens.knowledge')) this.changed.fire();
    }));
  }

  dispose(): void {
    this.subscriptions.forEach(d => d.dispose());
    this.changed.dispose();
  }

  /**
   * Where the state's figures come from: `ownershipLens.figures.source`, or for `auto` GitHub when
   * the folder is a GitHub repository and the user is signed in (asked silently), else git.
   */
  async sourceFor(state: OwnersState): Promise<'github' | 'git'> {
    if (!this.git) return 'github';
    const setting = figuresSourceSetting(state.folder.uri);
    if (setting !== 'auto') return setting;
    const key = state.root.toString();
    let chosen = this.autoSource.get(key);
    if (!chosen) {
      chosen = (async () => {
        const settings = readGitHubSettings(state.folder.uri);
        if (!(await this.repoOf(state, settings))) return (await hasGitHistory(state.root)) ? 'git' : 'github';
        const token = await this.tokens(settings, false).catch(() => undefined);
        if (token) return 'github';
        // Not signed in: the folder's own history, when it has one (read from disk: git itself may not run here);
        // else GitHub, whose status row says how to sign in.
        return (await hasGitHistory(state.root)) ? 'git' : 'github';
      })();
      this.autoSource.set(key, chosen);
      void chosen.then(source => this.resolvedSource.set(key, source));
    }
    return chosen;
  }

  /** The data of the state's repository, loading the cache (no network) the first time. */
  async dataFor(state: OwnersState): Promise<RepoPullRequests | undefined> {
    if (this.git && (await this.sourceFor(state)) === 'git') return this.git.dataFor(state);
    const settings = readGitHubSettings(state.folder.uri);
    const repo = await this.repoOf(state, settings);
    return repo && this.dataOf(repo, settings.apiUrl);
  }

  /** One repository's data (open or not), from memory or the cache. */
  private dataOf(repo: RepoRef, apiUrl: string): RepoPullRequests {
    const key = `${apiUrl} ${repo.owner}/${repo.name}`.toLowerCase();
    let data = this.repos.get(key);
    if (!data) {
      data = { repo: `${repo.owner}/${repo.name}`, pullRequests: [], status: { kind: 'never' } };
      const cached = readCache(this.cacheDir.fsPath, { repo: data.repo, apiUrl });
      if (cached.kind === 'ok') Object.assign(data, { pullRequests: cached.data.pullRequests, fetchedAt: cached.data.fetchedAt, status: { kind: 'ok' } });
      else if (cached.kind === 'corrupt') this.log.warn(`Pull-request cache of ${data.repo} is corrupt (${cached.reason}); it will be rebuilt on the next refresh.`);
      this.repos.set(key, data);
    }
    return data;
  }

  /** Figures for every team of the state, or undefined before any data. */
  async figuresFor(state: OwnersState): Promise<TeamFiguresView | undefined> {
    if (this.git && (await this.sourceFor(state)) === 'git') {
      const view = this.git.figuresFor(state);
      return view && this.shaped(this.gitShapes(view), state);
    }
    const data = await this.dataFor(state);
    if (!data || !data.fetchedAt) return undefined;
    const attributes = await readRootFile(state.root, '.gitattributes');
    let memo = this.figures.get(state);
    // Turning knowledge.fromGit on or off recomputes the figures, with or without the knowledge.
    const fromGit = vscode.workspace.getConfiguration('ownershipLens.knowledge', state.folder.uri).get<boolean>('fromGit') !== false;
    if (!memo || memo.data !== data || memo.prs !== data.pullRequests || memo.attributes !== attributes || memo.fromGit !== fromGit) {
      const window = flagWindow(state.parsed.model.metrics.windowDays);
      const trend = trendWindow();
      // Both windows resolve the same paths: once is enough.
      const options = { generated: parseGitattributes(attributes), resolutions: new Map() };
      const knowledge = await this.knowledgeOf(state, window.until, options.generated);
      const report = computeLeadReport(state.index, data.pullRequests, window, { ...options, knowledge });
      const full: TeamFiguresView = {
        report, monthly: new Map(computeLeadReport(state.index, data.pullRequests, trend, options).teams.map(t => [t.team, t.months])),
        components: componentsOf(report), trend, data, teamOnly: false,
      };
      memo = { data, prs: data.pullRequests, attributes, fromGit, full };
      this.figures.set(state, memo);
    }
    return this.shaped(memo, state);
  }

  /**
   * Who knows each component's files, from the local git history (trusted workspaces, setting
   * `ownershipLens.knowledge.fromGit`); undefined when off or when git cannot answer. Shown beside
   * the GitHub figures; the knowledge itself comes from git only.
   */
  private async knowledgeOf(state: OwnersState, until: string, generated: ReturnType<typeof parseGitattributes>): Promise<RepositoryKnowledge | undefined> {
    if (!vscode.workspace.isTrusted || vscode.workspace.getConfiguration('ownershipLens.knowledge', state.folder.uri).get<boolean>('fromGit') === false) return undefined;
    if (state.root.scheme !== 'file') return undefined;
    const root = state.root.fsPath;
    let cache = this.knowledgeLogs.get(root);
    if (!cache) this.knowledgeLogs.set(root, (cache = new KnowledgeLogCache()));
    try {
      return (await gitKnowledge(root, state.index, { until, generated, cache })).knowledge;
    } catch (e) {
      this.log.info(`Knowledge from git is not available for ${root}: ${(e as Error).message}`);
      return undefined;
    }
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

  /** The git source's views with their team-only form, made once per computed view. */
  private readonly gitShaped = new WeakMap<TeamFiguresView, { full: TeamFiguresView; hidden?: TeamFiguresView }>();
  private gitShapes(view: TeamFiguresView): { full: TeamFiguresView; hidden?: TeamFiguresView } {
    let memo = this.gitShaped.get(view);
    if (!memo) this.gitShaped.set(view, memo = { full: view });
    return memo;
  }

  /** The figures already computed for this state, without waiting (hovers must answer at once). */
  peekFigures(state: OwnersState): TeamFiguresView | undefined {
    const setting = this.git ? figuresSourceSetting(state.folder.uri) : 'github';
    if (this.git && (setting === 'git' || (setting === 'auto' && this.resolvedSource.get(state.root.toString()) === 'git'))) {
      const view = this.git.figuresFor(state);
      return view && this.shaped(this.gitShapes(view), state);
    }
    const memo = this.figures.get(state);
    if (!memo) void this.figuresFor(state).catch(() => undefined);
    return memo && this.shaped(memo, state);
  }

  /** Fetches what changed since the last refresh; failures are kept in the status with the last good data. */
  async refresh(state: OwnersState, cancel: vscode.CancellationToken, waiting?: (message: string) => void): Promise<RepoPullRequests> {
    this.autoSource.delete(state.root.toString());
    if (this.git && (await this.sourceFor(state)) === 'git') return this.git.refresh(state);
    const settings = readGitHubSettings(state.folder.uri);
    this.remotes.delete(state.root.toString()); // an explicit refresh re-reads the remote
    this.settledRemotes.delete(state.root.toString());
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
    const since = [flagWindow(state.parsed.model.metrics.windowDays).since, trendWindow().since].sort()[0];
    return this.sync(data, repo, settings.apiUrl, token, since, state.parsed.model.metrics.creditCoAuthors, cancel, waiting);
  }

  /**
   * Brings the repositories of `ownershipLens.teams.otherRepositories` up to date: their OWNERS.yaml
   * and .gitattributes (one request per 25), then their pull requests since the window of `model`.
   */
  async refreshOthers(model: OwnersState['parsed']['model'], cancel: vscode.CancellationToken, progress?: (repo: string, waiting?: string) => void): Promise<RepoPullRequests[]> {
    const { refs, invalid } = otherRepositorySetting();
    if (invalid.length) this.log.warn(`ownershipLens.teams.otherRepositories: ${invalid.map(x => JSON.stringify(x)).join(', ')} ${invalid.length > 1 ? 'are' : 'is'} not OWNER/NAME and left out.`);
    if (refs.length === 0) return [];
    if (!vscode.workspace.isTrusted) throw new GitHubError('forbidden', 'Pull-request data is not fetched in an untrusted workspace. Trust the workspace to fetch it.');
    const settings = readGitHubSettings();
    const token = await this.tokens(settings, true);
    if (token === undefined) throw new GitHubError('no-token', settings.authentication === 'environment' ? 'No GH_TOKEN or GITHUB_TOKEN in the environment: the other repositories cannot be read.' : 'Not signed in to GitHub: the other repositories cannot be read.');
    const abort = new AbortController();
    const onCancel = cancel.onCancellationRequested(() => abort.abort());
    try {
      this.log.info(`Reading OWNERS.yaml of ${refs.length} other repositor${refs.length > 1 ? 'ies' : 'y'} from ${settings.apiUrl}`);
      const others = await this.otherFiles.fetch(settings.apiUrl, refs, { ...this.transport(token, settings.apiUrl), signal: abort.signal });
      this.changed.fire();
      const since = [flagWindow(model.metrics.windowDays).since, trendWindow().since].sort()[0];
      const results: RepoPullRequests[] = [];
      for (const other of others) {
        const why = whyLeftOut(other);
        if (why || !other.owners) { this.log.warn(`${other.name}: ${why}; it is left out of the teams.`); continue; }
        progress?.(other.name);
        results.push(await this.sync(this.dataOf(other.ref, settings.apiUrl), other.ref, settings.apiUrl, token, since, parseOwners(other.owners.text).model.metrics.creditCoAuthors, cancel, m => progress?.(other.name, m)));
      }
      return results;
    } finally {
      onCancel.dispose();
    }
  }

  /** Fetches what changed since the last refresh of one repository; a failure is kept in its status with the last good data. */
  private async sync(data: RepoPullRequests, repo: RepoRef, apiUrl: string, token: string, since: string, commitAuthors: boolean, cancel: vscode.CancellationToken, waiting?: (message: string) => void): Promise<RepoPullRequests> {
    const abort = new AbortController();
    const onCancel = cancel.onCancellationRequested(() => abort.abort());
    data.status = { kind: 'fetching' };
    this.changed.fire();
    try {
      const result = await syncPullRequests({
        github: { ...this.transport(token, apiUrl), signal: abort.signal, progress: waiting },
        repo, since: `${since}T00:00:00Z`, cacheDir: this.cacheDir.fsPath, log: line => this.log.info(line), commitAuthors,
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

  /**
   * In the editor a dead network should fail within seconds; the CLI keeps the longer back-off.
   * The cancellation signal is combined with the transport's timeouts, never replacing them.
   */
  private transport(token: string, apiUrl: string): TransportOptions {
    return { token, apiUrl, fetch: this.fetchImpl, log: line => this.log.info(line), maxRetries: 2, retryBaseMs: 500, timeoutMs: 30_000, totalTimeoutMs: 5 * 60_000, ...this.waits };
  }

  /** The transport's waits; integration tests shorten them (a silent server takes 30 s to give up on). */
  waits: Pick<TransportOptions, 'timeoutMs' | 'progressAfterMs'> = {};

  /**
   * Teams over every repository in view (each workspace folder's, and the other repositories of
   * the setting), summed per pull request; undefined while fewer than two repositories have data.
   */
  async acrossRepositories(): Promise<CrossRepositoryView | undefined> {
    const states = this.statesOf();
    const first = states[0];
    if (!first) return undefined;
    const settings = readGitHubSettings();
    // `generated`: the .gitattributes text; a folder's (at `root`) is read only once two repositories
    // are in view (the tree asks on every render, and most workspaces hold one).
    const parts: { name: string; index: OwnershipIndex; generated: string; root?: vscode.Uri; data: RepoPullRequests; model: OwnersModel }[] = [];
    const seen = new Set<string>();
    const pending: string[] = [];
    const leftOut: { repo: string; why: string }[] = [];
    // Not fetched, or fetched and failed: the failure is the reason, never "not fetched yet" forever.
    const notYet = (data: RepoPullRequests) => {
      if (data.status.kind === 'failed') leftOut.push({ repo: data.repo, why: `the last refresh failed: ${data.status.message}` });
      else pending.push(data.repo);
    };
    for (const state of states) {
      const data = await this.dataFor(state).catch(() => undefined);
      if (!data || seen.has(data.repo.toLowerCase())) continue;
      seen.add(data.repo.toLowerCase());
      if (!data.fetchedAt) { notYet(data); continue; }
      parts.push({ name: data.repo, index: state.index, model: state.parsed.model, generated: '', root: state.root, data });
    }
    const others = this.otherFiles.known(settings.apiUrl, otherRepositorySetting().refs);
    // One parsed OWNERS.yaml per listed repository's current text (older versions are dropped).
    const current = new Set(others.flatMap(o => (o.owners ? [o.owners.text] : [])));
    for (const text of this.otherIndexes.keys()) if (!current.has(text)) this.otherIndexes.delete(text);
    for (const other of others) {
      if (seen.has(other.name.toLowerCase())) continue;
      seen.add(other.name.toLowerCase());
      const data = this.dataOf(other.ref, settings.apiUrl);
      const why = whyLeftOut(other);
      if (why) { leftOut.push({ repo: other.name, why }); continue; }
      if (!other.owners) { pending.push(other.name); continue; }
      if (!data.fetchedAt) { notYet(data); continue; }
      const memo = this.otherIndexes.get(other.owners.text) ?? createOwnershipIndex(parseOwners(other.owners.text).model);
      this.otherIndexes.set(other.owners.text, memo);
      parts.push({ name: other.name, index: memo, model: memo.model, generated: other.gitattributes, data });
    }
    if (parts.length + pending.length + leftOut.length < 2 || parts.length === 0) return undefined;
    await Promise.all(parts.map(async p => { if (p.root) p.generated = await readRootFile(p.root, '.gitattributes'); }));
    const teamOnly = states.some(teamOnlyMode);
    const signature = [...parts.map(p => p.name), teamOnly].join(' ');
    const memo = this.across;
    if (memo && memo.signature === signature && memo.inputs.length === parts.length && memo.inputs.every((x, i) => x.index === parts[i].index && x.prs === parts[i].data.pullRequests && x.generated === parts[i].generated)) {
      return { ...memo.view, pending, leftOut };
    }
    const window = flagWindow(first.parsed.model.metrics.windowDays);
    const inputs = parts.map(p => ({ name: p.name, index: p.index, generated: parseGitattributes(p.generated), pullRequests: p.data.pullRequests, resolutions: new Map() }));
    const computed = teamsAcrossRepositories(inputs, window, line => this.log.warn(line));
    const result = teamOnly ? hideAcross(computed) : computed;
    let months: Map<string, MonthlyShare[]> | undefined;
    const monthly = () => (months ??= new Map(teamsAcrossRepositories(inputs, trendWindow()).report.teams.map(t => [t.team, t.months])));
    const view: CrossRepositoryView = {
      result, window, teamOnly, pending, leftOut, monthly, models: parts.map(p => p.model),
      fetchedAt: parts.map(p => p.data.fetchedAt!).sort()[0],
      thresholds: { leadShare: first.parsed.model.metrics.leadShareThreshold, watch: first.parsed.model.metrics.watchThreshold, minPullRequests: first.parsed.model.metrics.minPullRequests },
    };
    this.across = { signature, inputs: parts.map(p => ({ index: p.index, prs: p.data.pullRequests, generated: p.generated })), view };
    return view;
  }

  private async repoOf(state: OwnersState, settings: GitHubSettings): Promise<RepoRef | undefined> {
    const configured = settings.repository ? parseRepo(settings.repository) : undefined;
    if (configured) return configured;
    const key = state.root.toString();
    let remote = this.remotes.get(key);
    if (!remote) {
      const read = remote = repoFromGitConfig(state.root);
      this.remotes.set(key, read);
      void read.then(r => { if (this.remotes.get(key) === read) this.settledRemotes.set(key, r); }, () => undefined);
    }
    return remote;
  }

  /**
   * Without waiting: the state's data and figures when already at hand (undefined data: no GitHub
   * repository); otherwise undefined, and they are read meanwhile, `onDidChange` firing once they are.
   * The tree answers a folder's children from this: a child list that waits lets a root refresh land
   * between two folders' answers, and the view then drops the next folder's items.
   */
  peekRows(state: OwnersState): { data: RepoPullRequests | undefined; figures: TeamFiguresView | undefined } | undefined {
    const settings = readGitHubSettings(state.folder.uri);
    const key = state.root.toString();
    const configured = settings.repository ? parseRepo(settings.repository) : undefined;
    if (!configured && !this.settledRemotes.has(key)) {
      void this.repoOf(state, settings).then(() => this.changed.fire(), () => undefined);
      return undefined;
    }
    const repo = configured ?? this.settledRemotes.get(key);
    if (!repo) return { data: undefined, figures: undefined };
    const data = this.dataOf(repo, settings.apiUrl);
    if (!data.fetchedAt) return { data, figures: undefined };
    const memo = this.figures.get(state);
    if (memo && memo.data === data && memo.prs === data.pullRequests) return { data, figures: this.shaped(memo, state) };
    void this.figuresFor(state).then(() => this.changed.fire(), () => undefined);
    return undefined;
  }
}

/** Team-only mode over the summed figures and each repository's. */
function hideAcross(r: TeamsAcrossRepositories): TeamsAcrossRepositories {
  return { ...r, report: hideIndividuals(r.report), byRepository: new Map([...r.byRepository].map(([team, list]) => [team, list.map(x => ({ ...x, figures: hideInTeam(x.figures) }))])) };
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

/**
 * A repository whose HEAD names a commit (read from disk: git itself may not run here), or a
 * worktree's `.git` file: the git source has a history to read. An empty repository has none.
 */
async function hasGitHistory(root: vscode.Uri): Promise<boolean> {
  const read = async (name: string) => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, '.git', name)));
    } catch {
      return undefined;
    }
  };
  try {
    if ((await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '.git'))).type === vscode.FileType.File) return true;
  } catch {
    return false;
  }
  const head = (await read('HEAD'))?.trim();
  if (!head) return false;
  const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
  if (!ref) return /^[0-9a-f]{40,64}$/.test(head);
  if (ref.split('/').includes('..')) return false;
  return (await read(ref)) !== undefined || ((await read('packed-refs')) ?? '').split('\n').some(l => l.endsWith(` ${ref}`));
}
