import * as path from 'path';
import { OWNERS_FILE_LOCATIONS } from '../core/owners/locations';
import { GitFiguresRunner } from '../node/gitFiguresRunner';
import * as vscode from 'vscode';
import { RepositoryAnalyzer } from '../node/analysis';
import { setGitAllowed } from '../node/git/safeGit';
import { registerCopyOwner } from './commands/copyOwner';
import { registerCreateOwnersFile } from './commands/createOwnersFile';
import { registerGroupBy } from './commands/groupBy';
import { registerHandoff } from './commands/handoff';
import { interactiveHandoffFlow } from './commands/handoffFlow';
import { registerReload } from './commands/reload';
import { registerLegend } from './commands/legend';
import { registerRevealActive } from './commands/revealActive';
import { registerRevealInOwners } from './commands/revealInOwners';
import { registerWhoOwns } from './commands/whoOwns';
import { registerOwnersOfChanges } from './commands/ownersOfChanges';
import { OwnersLanguage } from './language/ownersLanguage';
import { OutcomeKeysHoverProvider } from './language/outcomeKeysHover';
import { outcomeBoard } from './outcomes/outcomeBoard';
import { registerOutcomeCommands } from './commands/outcomes';
import { OutcomeService } from './outcomes/outcomeService';
import type { Ctx } from './context';
import { OwnerDecorationProvider } from './decorations';
import { OwnersDiagnostics } from './diagnostics';
import { vscodeTokenSource } from './github/githubSession';
import { PullRequestData } from './github/pullRequestData';
import { registerRefresh } from './commands/refresh';
import { registerShowTeamReport } from './commands/showTeamReport';
import { TeamReportPanel } from './report/reportPanel';
import { OwnersFileHoverProvider } from './hover/ownersHover';
import { ImportHoverProvider } from './hover/importHover';
import { ContextKeys, GroupBy, GROUPINGS, Settings, Views } from './ids';
import { createLog } from './log';
import { OwnersStore } from './ownersStore';
import { OwnersQuickFixes } from './quickFixes';
import { registerStatusBar } from './statusBar';
import { OwnershipTreeProvider } from './tree/provider';
import { today } from '../core/clock';

/** What activate() returns: the parts integration tests look at, and the activation figures. */
export interface OwnershipLensApi {
  ctx: Ctx;
  hover: ImportHoverProvider;
  ownersHover: OwnersFileHoverProvider;
  decorations: OwnerDecorationProvider;
  diagnostics: OwnersDiagnostics;
  quickFixes: OwnersQuickFixes;
  /** Pull-request data (GitHub); fetched only by `ownershipLens.refresh`. */
  pullRequests: PullRequestData;
  /** Outcome values, read in the background (trusted workspaces, user-allowed hosts only). */
  outcomes: OutcomeService;
  timings: {
    activateMs: number;
    ownersLoaded: Promise<number>;
    firstTreeRender: Promise<number>;
    filesListed: Promise<number>;
  };
  /** The status-bar item naming the owner of the active file. */
  statusBar: vscode.StatusBarItem;
  /** This extension's log folder; the extension host's own log is next to it. */
  logUri: vscode.Uri;
  /** The open team reports (what the webview shows and exports). */
  teamReports: { current(team: string, across?: boolean): TeamReportPanel | undefined };
}

const CODE_FILES: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'vscode-remote' },
  { scheme: 'untitled' },
];
const OWNERS_FILES: vscode.DocumentSelector = [
  { pattern: `**/{${OWNERS_FILE_LOCATIONS.join(',')}}` },
];

/** Says at the top of the view why handoff and refresh are missing, until the workspace is trusted. */
function showRestrictedMode(
  view: vscode.TreeView<unknown>,
  subscriptions: vscode.Disposable[],
): void {
  if (vscode.workspace.isTrusted) return;
  view.message =
    'Restricted Mode: read-only. Trust this workspace to hand off components, create OWNERS.yaml and fetch pull requests.';
  subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      view.message = undefined;
    }),
  );
}

/** Wiring only: nothing here awaits the disk or the network. */
export function activate(context: vscode.ExtensionContext): OwnershipLensApi {
  const started = Date.now();
  const log = createLog();
  // Restricted Mode: no git at all (a repository's .git/config can name programs git would run).
  setGitAllowed(vscode.workspace.isTrusted);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => setGitAllowed(true)));
  try {
    const store = new OwnersStore(
      log,
      new RepositoryAnalyzer(path.join(context.extensionPath, 'dist', 'analysisProcess.js')),
    );
    const configured = vscode.workspace
      .getConfiguration(Settings.section)
      .get<GroupBy>(Settings.groupBy, 'team');
    const groupBy = GROUPINGS.includes(configured) ? configured : 'team';
    const tree = new OwnershipTreeProvider(store, groupBy, started);
    const treeView = vscode.window.createTreeView(Views.tree, {
      treeDataProvider: tree,
      showCollapseAll: true,
    });
    showRestrictedMode(treeView, context.subscriptions);
    const ctx: Ctx = {
      subscriptions: context.subscriptions,
      log,
      store,
      tree,
      treeView,
      handoffFlow: interactiveHandoffFlow,
      today,
    };
    // Reads the cache at most; the network only on `ownershipLens.refresh`.
    const pullRequests = new PullRequestData(
      vscode.Uri.joinPath(context.globalStorageUri, 'pull-requests'),
      vscodeTokenSource,
      (input, init) => fetch(input, init),
      log,
      () => store.states(),
      new GitFiguresRunner(path.join(context.extensionPath, 'dist', 'gitFiguresProcess.js')),
    );
    const hover = new ImportHoverProvider(store, state => pullRequests.peekFigures(state));
    const ownersHover = new OwnersFileHoverProvider(store);
    const decorations = new OwnerDecorationProvider(
      store,
      state => pullRequests.peekFigures(state)?.components,
      pullRequests.onDidChange,
    );
    const diagnostics = new OwnersDiagnostics(store);
    const quickFixes = new OwnersQuickFixes(store);
    const language = new OwnersLanguage(store);
    context.subscriptions.push(
      log,
      store,
      tree,
      treeView,
      decorations,
      diagnostics,
      vscode.languages.registerHoverProvider(CODE_FILES, hover),
      vscode.languages.registerHoverProvider(OWNERS_FILES, ownersHover),
      vscode.languages.registerHoverProvider(OWNERS_FILES, new OutcomeKeysHoverProvider()),
      vscode.languages.registerCodeActionsProvider(OWNERS_FILES, quickFixes, {
        providedCodeActionKinds: OwnersQuickFixes.kinds,
      }),
      vscode.languages.registerCompletionItemProvider(OWNERS_FILES, language, '/', ' '),
      vscode.languages.registerDefinitionProvider(OWNERS_FILES, language),
      vscode.languages.registerReferenceProvider(OWNERS_FILES, language),
      vscode.languages.registerRenameProvider(OWNERS_FILES, language),
      vscode.languages.registerDocumentSymbolProvider(OWNERS_FILES, language),
      vscode.window.registerFileDecorationProvider(decorations),
      store.onDidChange(() => updateContextKeys(store)),
    );
    context.subscriptions.push(pullRequests, tree.setPullRequests(pullRequests));
    const outcomes = new OutcomeService(store, context.secrets, log);
    context.subscriptions.push(
      outcomes,
      outcomeBoard.onDidChange(() => tree.repaint()),
    );
    registerOutcomeCommands(context.subscriptions, outcomes, context.secrets, log);
    registerRefresh(ctx, pullRequests);
    registerShowTeamReport(ctx, pullRequests, context.extensionUri, context.globalState);
    const statusBar = registerStatusBar(store, context.subscriptions);
    registerHandoff(ctx, state => pullRequests.peekFigures(state)?.components);
    for (const register of [
      registerWhoOwns,
      registerRevealInOwners,
      registerCopyOwner,
      registerCreateOwnersFile,
      registerGroupBy,
      registerRevealActive,
      registerReload,
      registerOwnersOfChanges,
      registerLegend,
    ])
      register(ctx);
    void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, groupBy);
    // The setting changed in the Settings editor or settings.json: regroup now, not at the next start.
    context.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration(`${Settings.section}.${Settings.groupBy}`)) return;
        const value = vscode.workspace
          .getConfiguration(Settings.section)
          .get<GroupBy>(Settings.groupBy, 'team');
        const next = GROUPINGS.includes(value) ? value : 'team';
        if (next === tree.grouping) return;
        tree.setGrouping(next);
        void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, next);
      }),
    );
    void store.ready.then(
      () => updateContextKeys(store),
      e => log.error('Loading OWNERS.yaml failed', e),
    );
    const activateMs = Date.now() - started;
    log.info(`Activated in ${activateMs} ms`);
    return {
      ctx,
      hover,
      ownersHover,
      decorations,
      diagnostics,
      quickFixes,
      pullRequests,
      outcomes,
      statusBar,
      logUri: context.logUri,
      teamReports: TeamReportPanel,
      timings: {
        activateMs,
        ownersLoaded: store.ready.then(() => Date.now() - started),
        firstTreeRender: tree.firstRender,
        filesListed: store.ready
          .then(() => Promise.all(store.states().map(s => s.files.ready)))
          .then(() => Date.now() - started),
      },
    };
  } catch (e) {
    log.error('Activation failed', e);
    void vscode.window.showErrorMessage(`Ownership Lens could not start: ${(e as Error).message}`);
    throw e;
  }
}

function updateContextKeys(store: OwnersStore): void {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const withFile = new Set(store.states().map(s => s.folder.uri.toString()));
  void vscode.commands.executeCommand('setContext', ContextKeys.hasOwnersFile, withFile.size > 0);
  void vscode.commands.executeCommand(
    'setContext',
    ContextKeys.everyFolderHasOwnersFile,
    folders.length > 0 && folders.every(f => withFile.has(f.uri.toString())),
  );
  void vscode.commands.executeCommand(
    'setContext',
    ContextKeys.hasCodeowners,
    store.hasCodeowners(),
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.loaded, true);
}

export function deactivate(): void {
  /* everything is in context.subscriptions */
}
