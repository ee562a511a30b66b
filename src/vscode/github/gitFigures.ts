import * as vscode from 'vscode';
import { Settings } from '../ids';
import { ChangeCache } from '../../node/git/changeCache';
import type { GitFiguresRunner } from '../../node/gitFiguresRunner';
import { nowMs } from '../../core/clock';
import { figuresOfReports } from '../../core/figures/repository';
import { flagWindow, trendWindow } from '../../core/figures/window';
import type { Log } from '../log';
import type { OwnersState } from '../ownersState';
import type { RepoPullRequests, TeamFiguresView } from './figuresTypes';
import { readSmallText } from './rootFiles';

/** Which source the figures of a folder come from: the setting, or (auto) GitHub when signed in to a GitHub repository. */
export type FiguresSourceSetting = 'auto' | 'github' | 'git';

export function figuresSourceSetting(folder: vscode.Uri): FiguresSourceSetting {
  const v = vscode.workspace
    .getConfiguration(Settings.section, folder)
    .get<string>(Settings.figuresSource, 'auto');
  return v === 'github' || v === 'git' ? v : 'auto';
}

interface Entry {
  data: RepoPullRequests;
  /** The OWNERS.yaml version the view was computed for. */
  computedFor?: OwnersState;
  view?: TeamFiguresView;
  running?: Promise<void>;
  /** Not a git repository: the git source has nothing to say (no status row). */
  notRepository?: boolean;
  /** The branch moved while a computation ran: compute again when it ends. */
  moved?: boolean;
}

/** What moves when someone commits, checks out, pulls or resets: the figures are computed again. */
const REFS = '{HEAD,packed-refs,refs/heads/**}';
/** A commit writes several refs and logs in a burst: one computation after it settles. */
const SETTLE_MS = 1000;

/**
 * The git source in the editor: figures computed from the folder's own history in a child process
 * (never in the extension host), changes kept by commit in a cache file so a new commit costs only
 * itself. Never runs in Restricted Mode: git would read the repository's configuration.
 */
export class GitFigures implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Per root, a watcher of its refs: a new commit shows in the figures without a Refresh. */
  private readonly watchers = new Map<string, vscode.Disposable>();

  constructor(
    private readonly runner: GitFiguresRunner,
    private readonly cacheDir: vscode.Uri,
    private readonly log: Log,
    private readonly changed: () => void,
  ) {}

  /** The status of the folder's git source, starting a computation when none matches its OWNERS.yaml; undefined outside a git repository. */
  dataFor(state: OwnersState): RepoPullRequests | undefined {
    const entry = this.entry(state);
    if (entry.notRepository) return undefined;
    if (!vscode.workspace.isTrusted) {
      entry.data.status = {
        kind: 'failed',
        message: 'Restricted Mode: the git history is read only in a trusted workspace',
      };
      return entry.data;
    }
    if (entry.computedFor !== state && !entry.running) void this.compute(state, entry);
    return entry.data;
  }

  /** The figures last computed (possibly for an older OWNERS.yaml while the new ones are computed). */
  figuresFor(state: OwnersState): TeamFiguresView | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    this.dataFor(state);
    return this.entry(state).view;
  }

  dispose(): void {
    this.watchers.forEach(w => w.dispose());
    this.watchers.clear();
  }

  /** Reads the history again (new commits); only the new ones are read from git. */
  async refresh(state: OwnersState): Promise<RepoPullRequests> {
    const entry = this.entry(state);
    await entry.running;
    entry.notRepository = false;
    await this.compute(state, entry);
    if (entry.data.status.kind === 'failed')
      throw new Error(`Figures from the git history: ${entry.data.status.message}`);
    return entry.data;
  }

  private entry(state: OwnersState): Entry {
    const key = state.root.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        data: {
          repo: state.folder.name,
          pullRequests: [],
          status: { kind: 'never' },
          source: 'git',
        },
      };
      this.entries.set(key, entry);
      this.watchRefs(state.root, entry);
    }
    return entry;
  }

  /**
   * Watches `.git`'s refs (a worktree's `.git` is a file: its refs live elsewhere and are not
   * watched; Refresh still reads them). Only in a trusted workspace is anything computed.
   */
  private watchRefs(root: vscode.Uri, entry: Entry): void {
    if (root.scheme !== 'file' || this.watchers.has(root.toString())) return;
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.joinPath(root, '.git'), REFS),
    );
    let timer: NodeJS.Timeout | undefined;
    const moved = () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.headMoved(entry), SETTLE_MS);
    };
    const listeners = [
      watcher.onDidChange(moved),
      watcher.onDidCreate(moved),
      watcher.onDidDelete(moved),
    ];
    this.watchers.set(root.toString(), {
      dispose: () => {
        clearTimeout(timer);
        listeners.forEach(l => l.dispose());
        watcher.dispose();
      },
    });
  }

  /** The branch moved: the figures already shown are computed again, at the new tip. */
  private headMoved(entry: Entry): void {
    const state = entry.computedFor;
    if (!state || !vscode.workspace.isTrusted) return;
    if (entry.running) {
      entry.moved = true;
      return;
    }
    entry.notRepository = false; // `git init` then a first commit: now there is a history
    this.log.info(`${state.folder.name}: the branch moved; computing the figures from git again`);
    void this.compute(state, entry);
  }

  private compute(state: OwnersState, entry: Entry): Promise<void> {
    entry.computedFor = state;
    entry.data.status = { kind: 'fetching' };
    const run = (async () => {
      try {
        const [ownersText, attributes] = await Promise.all([
          readSmallText(state.ownersUri),
          readSmallText(vscode.Uri.joinPath(state.root, '.gitattributes')),
        ]);
        const now = nowMs();
        const flag = flagWindow(state.parsed.model.metrics.windowDays, now);
        const trend = trendWindow(now);
        const answer = await this.runner.run({
          root: state.root.fsPath,
          ref: 'HEAD',
          ownersText,
          attributes,
          windows: [flag, trend],
          cacheFile: ChangeCache.fileFor(this.cacheDir.fsPath, state.root.fsPath),
        });
        const [report, trendReport] = answer.reports;
        Object.assign(entry.data, {
          repo: answer.repo,
          tip: answer.tip,
          fetchedAt: new Date().toISOString(),
          status: { kind: 'ok' },
          changes: report.pullRequests,
        });
        entry.view = { ...figuresOfReports(report, trendReport, trend), data: entry.data };
        this.log.info(
          `${answer.repo}: figures from the git history at ${answer.tip.slice(0, 10)} (${answer.readFromGit} commit(s) read from git, the rest from the cache)`,
        );
      } catch (e) {
        const message = (e as Error).message;
        if (/not (inside )?a git repository|names no commit|unknown revision "HEAD"/.test(message))
          entry.notRepository = true;
        entry.data.status = { kind: 'failed', message };
        this.log.warn(`Figures from the git history of ${state.folder.name}: ${message}`);
      } finally {
        entry.running = undefined;
        this.changed();
        if (entry.moved) {
          entry.moved = false;
          this.headMoved(entry);
        }
      }
    })();
    entry.running = run;
    return run;
  }
}
