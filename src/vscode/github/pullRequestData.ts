import * as vscode from 'vscode';
import { settingId, Settings } from '../ids';
import { nowMs } from '../../core/clock';
import { repositoryFigures, shapeFigures } from '../../core/figures/repository';
import { flagWindow, trendWindow } from '../../core/figures/window';
import { readCache } from '../../core/github/cacheStore';
import { GitHubError } from '../../core/github/errors';
import type { FetchLike } from '../../core/github/transport';
import { parseRepo, RepoRef, SyncedPullRequest } from '../../core/github/types';
import { GeneratedFiles, parseGitattributes } from '../../core/metrics/gitattributes';
import type { RepositoryKnowledge } from '../../core/knowledge/knowledge';
import { KnowledgeLogCache } from '../../node/git/knowledgeLog';
import { gitKnowledge } from '../../node/gitKnowledge';
import type { GitFiguresRunner } from '../../node/gitFiguresRunner';
import type { Log } from '../log';
import type { OwnersState } from '../ownersState';
import { AcrossRepositoriesView } from './acrossView';
import type { CrossRepositoryView, RepoPullRequests, TeamFiguresView } from './figuresTypes';
import { FiguresSourceChoice } from './figuresSource';
import { PullRequestFetcher } from './pullRequestFetcher';
import { GitFigures } from './gitFigures';
import { repoFromGitConfig } from './gitRemote';
import { GitHubSettings, readGitHubSettings } from './githubSettings';
import type { TokenSource } from './githubSession';
import { affectsOtherRepositories, OtherRepositoryFiles } from './otherRepositories';
import { readRootAttributes } from './rootFiles';
import { teamOnlyMode } from './teamOnlySetting';

// The views import these from here.
export type {
  CrossRepositoryView,
  FetchStatus,
  RepoPullRequests,
  TeamFiguresView,
} from './figuresTypes';
export { teamOnlyMode } from './teamOnlySetting';

/**
 * Pull-request data per repository root: last good data from the cache at first use, refreshed
 * only on request, never in an untrusted workspace. Figures are computed once per OWNERS.yaml
 * version and data version.
 */
export class PullRequestData implements vscode.Disposable {
  private readonly repos = new Map<string, RepoPullRequests>();
  /** Per state: the full figures and, made on demand, their team-only form (the mode can change at any time). */
  private readonly figures = new WeakMap<
    OwnersState,
    {
      data: RepoPullRequests;
      prs: SyncedPullRequest[];
      attributes: string;
      fromGit: boolean;
      full: TeamFiguresView;
      hidden?: TeamFiguresView;
    }
  >();
  /** The git remote of each root, read once: the tree asks on every render. */
  private readonly remotes = new Map<string, Promise<RepoRef | undefined>>();
  /** The same, once read (the tree answers a folder's children without waiting). */
  private readonly settledRemotes = new Map<string, RepoRef | undefined>();
  /** Per repository root, the commits already logged for knowledge: a new commit costs only itself. */
  private readonly knowledgeLogs = new Map<string, KnowledgeLogCache>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private readonly otherFiles: OtherRepositoryFiles;
  private readonly across: AcrossRepositoriesView;
  /** The git source (`ownershipLens.figures.source`), when a runner was given. */
  private readonly git: GitFigures | undefined;
  private readonly source: FiguresSourceChoice;
  private readonly fetcher: PullRequestFetcher;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly cacheDir: vscode.Uri,
    private readonly tokens: TokenSource,
    fetchImpl: FetchLike,
    private readonly log: Log,
    statesOf: () => OwnersState[] = () => [],
    gitRunner?: GitFiguresRunner,
  ) {
    this.otherFiles = new OtherRepositoryFiles(cacheDir.fsPath, line => log.warn(line));
    // The figures' shape (team-only), which repository they are of and their source change with these settings:
    // everything that shows figures (tree, hovers, open reports) follows this one event, at once; no reload.
    if (gitRunner)
      this.git = new GitFigures(gitRunner, vscode.Uri.joinPath(cacheDir, 'git'), log, () =>
        this.changed.fire(),
      );
    // `tokens` is read at each use (tests replace it on this object).
    const currentTokens: TokenSource = (settings, interactive) =>
      this.tokens(settings, interactive);
    this.fetcher = new PullRequestFetcher(
      cacheDir.fsPath,
      currentTokens,
      fetchImpl,
      log,
      this.otherFiles,
      (repo, apiUrl) => this.dataOf(repo, apiUrl),
      () => this.changed.fire(),
    );
    this.source = new FiguresSourceChoice(currentTokens, (state, settings) =>
      this.repoOf(state, settings),
    );
    this.across = new AcrossRepositoriesView({
      statesOf,
      dataFor: state => this.dataFor(state),
      dataOf: (repo, apiUrl) => this.dataOf(repo, apiUrl),
      otherFiles: this.otherFiles,
      warn: line => log.warn(line),
    });
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (
          e.affectsConfiguration(settingId(Settings.figuresSource)) ||
          e.affectsConfiguration(settingId('github'))
        )
          this.source.forget();
        if (
          e.affectsConfiguration(settingId(Settings.teamOnly)) ||
          e.affectsConfiguration(settingId('github')) ||
          affectsOtherRepositories(e) ||
          e.affectsConfiguration(settingId(Settings.figuresSource)) ||
          e.affectsConfiguration(settingId('knowledge'))
        )
          this.changed.fire();
      }),
    );
  }

  dispose(): void {
    this.git?.dispose();
    this.subscriptions.forEach(d => d.dispose());
    this.changed.dispose();
  }

  /**
   * Where the state's figures come from: `ownershipLens.figures.source`, or for `auto` GitHub when
   * the folder is a GitHub repository and the user is signed in (asked silently), else git.
   */
  async sourceFor(state: OwnersState): Promise<'github' | 'git'> {
    return this.git ? this.source.sourceFor(state) : 'github';
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
      if (cached.kind === 'ok')
        Object.assign(data, {
          pullRequests: cached.data.pullRequests,
          fetchedAt: cached.data.fetchedAt,
          status: { kind: 'ok' },
        });
      else if (cached.kind === 'corrupt')
        this.log.warn(
          `Pull-request cache of ${data.repo} is corrupt (${cached.reason}); it will be rebuilt on the next refresh.`,
        );
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
    const attributes = await readRootAttributes(state.root);
    let memo = this.figures.get(state);
    // Turning knowledge.fromGit on or off recomputes the figures, with or without the knowledge.
    const fromGit =
      vscode.workspace
        .getConfiguration(Settings.section, state.folder.uri)
        .get<boolean>(Settings.knowledgeFromGit) !== false;
    if (
      !memo ||
      memo.data !== data ||
      memo.prs !== data.pullRequests ||
      memo.attributes !== attributes ||
      memo.fromGit !== fromGit
    ) {
      const now = nowMs();
      const window = flagWindow(state.parsed.model.metrics.windowDays, now);
      const generated = parseGitattributes(attributes);
      const knowledge = await this.knowledgeOf(state, window.until, generated);
      const figures = repositoryFigures(
        { index: state.index, changes: data.pullRequests, generated, ownership: { knowledge } },
        { flag: window, trend: trendWindow(now) },
      );
      memo = { data, prs: data.pullRequests, attributes, fromGit, full: { ...figures, data } };
      this.figures.set(state, memo);
    }
    return this.shaped(memo, state);
  }

  /**
   * Who knows each component's files, from the local git history (trusted workspaces, setting
   * `ownershipLens.knowledge.fromGit`); undefined when off or when git cannot answer. Shown beside
   * the GitHub figures; the knowledge itself comes from git only.
   */
  private async knowledgeOf(
    state: OwnersState,
    until: string,
    generated: GeneratedFiles,
  ): Promise<RepositoryKnowledge | undefined> {
    if (
      !vscode.workspace.isTrusted ||
      vscode.workspace
        .getConfiguration(Settings.section, state.folder.uri)
        .get<boolean>(Settings.knowledgeFromGit) === false
    )
      return undefined;
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

  /** The figures as the team-only mode in force wants them: with people, or with no one but the leads (made once). */
  private shaped(
    memo: { full: TeamFiguresView; hidden?: TeamFiguresView },
    state: OwnersState,
  ): TeamFiguresView {
    if (!teamOnlyMode(state)) return memo.full;
    return (memo.hidden ??= shapeFigures(memo.full, true));
  }

  /** The git source's views with their team-only form, made once per computed view. */
  private readonly gitShaped = new WeakMap<
    TeamFiguresView,
    { full: TeamFiguresView; hidden?: TeamFiguresView }
  >();
  private gitShapes(view: TeamFiguresView): { full: TeamFiguresView; hidden?: TeamFiguresView } {
    let memo = this.gitShaped.get(view);
    if (!memo) this.gitShaped.set(view, (memo = { full: view }));
    return memo;
  }

  /** The figures already computed for this state, without waiting (hovers must answer at once). */
  peekFigures(state: OwnersState): TeamFiguresView | undefined {
    if (this.git && this.source.isGitNow(state)) {
      const view = this.git.figuresFor(state);
      return view && this.shaped(this.gitShapes(view), state);
    }
    const memo = this.figures.get(state);
    if (!memo) void this.figuresFor(state).catch(() => undefined);
    return memo && this.shaped(memo, state);
  }

  /** Fetches what changed since the last refresh; failures are kept in the status with the last good data. */
  async refresh(
    state: OwnersState,
    cancel: vscode.CancellationToken,
    waiting?: (message: string) => void,
  ): Promise<RepoPullRequests> {
    this.source.forget(state);
    if (this.git && (await this.sourceFor(state)) === 'git') return this.git.refresh(state);
    const settings = readGitHubSettings(state.folder.uri);
    this.remotes.delete(state.root.toString()); // an explicit refresh re-reads the remote
    this.settledRemotes.delete(state.root.toString());
    const repo = await this.repoOf(state, settings);
    if (!repo)
      throw new GitHubError(
        'not-found',
        'No GitHub repository found: this folder has no git remote. Set `ownershipLens.github.repository` to OWNER/NAME.',
      );
    const data = (await this.dataFor(state))!;
    if (!vscode.workspace.isTrusted)
      throw new GitHubError(
        'forbidden',
        'Pull-request data is not fetched in an untrusted workspace. Trust the workspace to fetch it.',
      );
    return this.fetcher.refresh(data, repo, settings, state.parsed.model, cancel, waiting);
  }

  /**
   * Brings the repositories of `ownershipLens.teams.otherRepositories` up to date: their OWNERS.yaml
   * and .gitattributes (one request per 25), then their pull requests since the window of `model`.
   */
  refreshOthers(
    model: OwnersState['parsed']['model'],
    cancel: vscode.CancellationToken,
    progress?: (repo: string, waiting?: string) => void,
  ): Promise<RepoPullRequests[]> {
    return this.fetcher.refreshOthers(model, cancel, progress);
  }

  /** The transport's waits; integration tests shorten them (a silent server takes 30 s to give up on). */
  get waits(): PullRequestFetcher['waits'] {
    return this.fetcher.waits;
  }
  set waits(w: PullRequestFetcher['waits']) {
    this.fetcher.waits = w;
  }

  /**
   * Teams over every repository in view (each workspace folder's, and the other repositories of
   * the setting), summed per pull request; undefined while fewer than two repositories have data.
   */
  acrossRepositories(): Promise<CrossRepositoryView | undefined> {
    return this.across.view();
  }

  private async repoOf(state: OwnersState, settings: GitHubSettings): Promise<RepoRef | undefined> {
    const configured = settings.repository ? parseRepo(settings.repository) : undefined;
    if (configured) return configured;
    const key = state.root.toString();
    let remote = this.remotes.get(key);
    if (!remote) {
      const read = (remote = repoFromGitConfig(state.root));
      this.remotes.set(key, read);
      void read.then(
        r => {
          if (this.remotes.get(key) === read) this.settledRemotes.set(key, r);
        },
        () => undefined,
      );
    }
    return remote;
  }

  /**
   * Without waiting: the state's data and figures when already at hand (undefined data: no GitHub
   * repository); otherwise undefined, and they are read meanwhile, `onDidChange` firing once they are.
   * The tree answers a folder's children from this: a child list that waits lets a root refresh land
   * between two folders' answers, and the view then drops the next folder's items.
   */
  peekRows(
    state: OwnersState,
  ): { data: RepoPullRequests | undefined; figures: TeamFiguresView | undefined } | undefined {
    const settings = readGitHubSettings(state.folder.uri);
    const key = state.root.toString();
    const configured = settings.repository ? parseRepo(settings.repository) : undefined;
    if (!configured && !this.settledRemotes.has(key)) {
      void this.repoOf(state, settings).then(
        () => this.changed.fire(),
        () => undefined,
      );
      return undefined;
    }
    const repo = configured ?? this.settledRemotes.get(key);
    if (!repo) return { data: undefined, figures: undefined };
    const data = this.dataOf(repo, settings.apiUrl);
    if (!data.fetchedAt) return { data, figures: undefined };
    const memo = this.figures.get(state);
    if (memo && memo.data === data && memo.prs === data.pullRequests)
      return { data, figures: this.shaped(memo, state) };
    void this.figuresFor(state).then(
      () => this.changed.fire(),
      () => undefined,
    );
    return undefined;
  }
}
