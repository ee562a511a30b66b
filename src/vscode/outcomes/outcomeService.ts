import * as vscode from 'vscode';
import { nowMs } from '../../core/clock';
import { settingId } from '../ids';
import { tokenVariable } from '../../core/outcomes/allowedHosts';
import type { HistoryPoint, OutcomeEntry } from '../../core/outcomes/model';
import type { Component, Outcome, OwnersModel } from '../../core/owners/model';
import { outcomeStateNote } from './handoffOutcomes';
import { OutcomeReader } from '../../node/outcomes/outcomeReader';
import type { Log } from '../log';
import type { OwnersStore } from '../ownersStore';
import type { OwnersState } from '../ownersState';
import { outcomeBoard, outcomeKey } from './outcomeBoard';
import { allowedOutcomeHosts, outcomeRefreshMs, secretKey } from './outcomeSettings';

/**
 * Reads every outcome's value in the background, in parallel, once per refresh interval (and after
 * OWNERS.yaml, the settings or the workspace trust change), and posts them on `outcomeBoard`.
 * Network sources only in a trusted workspace, only to hosts of the user's own settings, with
 * tokens from the secret storage or the environment.
 */
export class OutcomeService implements vscode.Disposable {
  /** The running service (one per extension host), for the team report. */
  static current: OutcomeService | undefined;
  private readers = new Map<string, OutcomeReader>();
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: OwnersStore,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {
    const reset = () => {
      this.readers.clear();
      this.refreshSoon(0);
    };
    this.subscriptions = [
      store.onDidChange(() => this.refreshSoon(1000)),
      vscode.workspace.onDidGrantWorkspaceTrust(reset),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(settingId('outcomes'))) {
          reset();
          this.schedule();
        }
      }),
      secrets.onDidChange(e => {
        if (e.key.startsWith('ownershipLens.outcomes.token.')) reset();
      }),
    ];
    OutcomeService.current = this;
    this.schedule();
    void store.ready.then(
      () => this.refreshSoon(0),
      () => undefined,
    );
  }

  /** The reader of a folder: settings and trust are read when it is made (they reset it when they change). */
  private reader(state: OwnersState): OutcomeReader {
    const root = state.root.fsPath;
    let reader = this.readers.get(root);
    if (!reader) {
      reader = new OutcomeReader({
        root,
        allowedHosts: allowedOutcomeHosts(),
        trusted: vscode.workspace.isTrusted,
        cacheMs: outcomeRefreshMs() - 1000,
        tokenFor: async host =>
          (await this.secrets.get(secretKey(host))) || this.env[tokenVariable(host)] || undefined,
      });
      this.readers.set(root, reader);
    }
    return reader;
  }

  /** The interval between background reads now in force (ownershipLens.outcomes.refreshMinutes). */
  refreshIntervalMs = 0;

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.refreshIntervalMs = outcomeRefreshMs();
    this.timer = setInterval(() => this.refreshSoon(0), this.refreshIntervalMs);
  }

  private refreshSoon(ms: number): void {
    if (this.soon) clearTimeout(this.soon);
    this.soon = setTimeout(() => {
      void this.refresh();
    }, ms);
  }

  /** Reads every outcome of every folder (answers kept for the refresh interval are reused). */
  refresh(force = false): Promise<void> {
    if (force) this.readers.clear();
    const run = async () => {
      const next = new Map<string, OutcomeEntry>();
      await Promise.all(
        this.store.states().map(async state => {
          const outcomes = [...state.model.outcomes.values()];
          if (!outcomes.length) return;
          const entries = await this.reader(state).entries(outcomes);
          entries.forEach((e, i) =>
            next.set(outcomeKey(outcomes[i], state.folder.uri.toString()), e),
          );
        }),
      );
      outcomeBoard.replace(next);
    };
    const previous = this.running ?? Promise.resolve();
    this.running = previous
      .then(run)
      .catch(e => this.log.error('Reading outcome values failed', e));
    return this.running;
  }

  /** The last known entry of an outcome (the board hovers and the tree read). */
  peek(outcome: Outcome): OutcomeEntry | undefined {
    return outcomeBoard.peek(outcome);
  }

  /** The outcomes' state as the start of a handoff's notes. */
  handoffNote(model: OwnersModel, component: Component): string {
    return outcomeStateNote(model, component);
  }

  /** An outcome's points over a window, for the team report (read once per refresh interval). */
  history(
    state: OwnersState,
    outcome: Outcome,
    window: { since: string; until: string },
  ): Promise<HistoryPoint[]> {
    return this.reader(state).history(outcome, window);
  }

  /** The entry as at the window's end, for the team report. */
  async entryAt(state: OwnersState, outcome: Outcome, untilMs: number): Promise<OutcomeEntry> {
    const [entry] = await this.reader(state).entries(
      [outcome],
      untilMs >= nowMs() ? undefined : untilMs,
    );
    return entry;
  }

  dispose(): void {
    if (OutcomeService.current === this) OutcomeService.current = undefined;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    for (const s of this.subscriptions) s.dispose();
  }
}
