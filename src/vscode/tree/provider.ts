import * as vscode from 'vscode';
import { Component } from '../../core/owners/model';
import { GroupBy, settingId, Settings } from '../ids';
import { componentCard } from '../markdown';
import { teamName } from '../../core/owners/displayNames';
import { componentFiguresMarkdown, suggestionFor } from './teamFlag';
import type {
  CrossRepositoryView,
  PullRequestData,
  RepoPullRequests,
  TeamFiguresView,
} from '../github/pullRequestData';
import { OwnersStore } from '../ownersStore';
import type { OwnersState } from '../ownersState';
import {
  componentChildren,
  componentNode,
  folderChildren,
  groupComponents,
  sectionChildren,
  unownedChildren,
} from './children';
import { countPullRequests } from '../../core/metrics/countedPullRequests';
import { childId, Node } from './nodes';
import { treeItem } from './treeItem';
import { teamNextStep } from './teamGlance';
import { affectsOtherRepositories } from '../github/otherRepositories';

/** How long the view must have asked for, and been given, no children before a refresh (see `refreshSoon`). */
const QUIET_MS = 250;

/** A row above the folder's nodes when OWNERS.yaml cannot be read as it is now: they show its last good version. */
function withStale(state: OwnersState, nodes: Node[], parent?: Node): Node[] {
  return state.stale
    ? [{ kind: 'stale', id: childId(parent, state, 'stale-owners'), state, parent }, ...nodes]
    : nodes;
}

/** The Ownership tree; nodes are rebuilt from the store's current state on every refresh. */
export class OwnershipTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Set once the root has been answered with the loaded model (for the activation measurement). */
  firstRender: Promise<number>;
  private resolveFirstRender!: (ms: number) => void;

  constructor(
    private readonly store: OwnersStore,
    private groupBy: GroupBy,
    private readonly startedAt = Date.now(),
  ) {
    this.firstRender = new Promise(r => {
      this.resolveFirstRender = r;
    });
    // File events come in bursts (checkouts, builds) and each one means recounting coverage.
    this.subscriptions = [
      store.onDidChange(() => this.refreshSoon()),
      store.onDidChangeFiles(s => {
        this.fileEvents++;
        this.refreshSoon(s && s.files.version <= 1 ? 0 : 500);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(settingId(Settings.teamOnly)) || affectsOtherRepositories(e))
          this.changed.fire(undefined);
      }),
    ];
  }

  private pullRequests: PullRequestData | undefined;
  private fileEvents = 0;
  /** When the view last asked for children (see `refreshSoon`). */
  private lastAsked = 0;
  private pullRequestEvents = 0;
  /** What the last root render read (see `refreshSoon`); undefined until a root render has read anything. */
  private rendered: string | undefined;

  /** Adds the pull-request figures (team flags, a status row) wherever a GitHub repository is known. */
  setPullRequests(data: PullRequestData): vscode.Disposable {
    this.pullRequests = data;
    this.refreshSoon(0);
    return data.onDidChange(() => {
      this.pullRequestEvents++;
      this.refreshSoon(0);
    });
  }

  private outcomeEvents = 0;

  /** Outcome values changed: redraw through `refreshSoon`, which never refreshes a root render still in progress. */
  repaint(): void {
    this.outcomeEvents++;
    this.refreshSoon(0);
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  setGrouping(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.changed.fire(undefined);
  }

  /**
   * Coalesces bursts of file events; an OWNERS.yaml edit shows within a frame or two. Skipped when
   * the last root render already read the current state, or when no root render has read anything
   * yet (one that is waiting for OWNERS.yaml will read it): at startup the store's and the file
   * list's first events arrive while the view loads, and each needless refresh of the root drops
   * the items whose children the view is asking for ("No tree item with id … found").
   */
  refreshSoon(ms = 30): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // The view is still walking down the tree (a multi-root workspace: folders, then their teams,
      // one request per level): a refresh now would drop the nodes it asks for next. Wait until it is done.
      const sinceAsked = Date.now() - this.lastAsked;
      if (sinceAsked < QUIET_MS) return this.refreshSoon(QUIET_MS - sinceAsked);
      if (this.rendered !== undefined && this.rendered !== this.signature())
        this.changed.fire(undefined);
    }, ms);
  }

  /** Everything a root render reads that events change: each folder's OWNERS.yaml version, the file lists, the pull-request data. */
  private signature(): string {
    return [
      ...this.store.states().map(s => `${s.folder.uri.toString()} ${s.generation}`),
      this.fileEvents,
      this.pullRequestEvents,
      this.outcomeEvents,
      this.pullRequests ? 1 : 0,
    ].join('|');
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return treeItem(node);
  }

  /** The component card is built only when a tooltip is about to show (5,000 of them would cost ~0.3 s). */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind === 'component' && !item.tooltip) {
      const card = componentCard(node.state.model, node.component);
      const figures = node.figures;
      const f = figures?.components.get(node.component.id);
      if (figures)
        componentFiguresMarkdown(
          card,
          figures.report.teams.find(t => t.team === node.component.team),
          f,
          figures.report.window,
          teamName(node.state.model, node.component.team),
          f && suggestionFor(node.state.model, figures.report.teams, f),
        );
      item.tooltip = card;
    }
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    // Quiet is counted from the answer too: a root render that waited (OWNERS.yaml, the data) is
    // followed at once by the view asking for the expanded nodes' children, which a refresh in
    // between would drop ("No tree item with id … found").
    this.lastAsked = Date.now();
    try {
      return await this.childrenOf(node);
    } finally {
      this.lastAsked = Date.now();
    }
  }

  private async childrenOf(node?: Node): Promise<Node[]> {
    if (!node) {
      await this.store.ready;
      this.rendered = this.signature();
      const roots = await this.withPullRequests(this.roots());
      const across = await this.pullRequests?.acrossRepositories().catch(() => undefined);
      if (across) {
        for (let i = 0; i < roots.length; i++)
          if (roots[i].kind === 'folder') roots[i] = { ...roots[i], collapsed: true } as Node;
        roots.unshift(this.teamsAcrossNode(across));
      }
      if (roots.length) this.resolveFirstRender(Date.now() - this.startedAt);
      return roots;
    }
    switch (node.kind) {
      case 'folder': {
        // Without awaiting (see `peekRows`): the pull-request rows come with a later refresh if not at hand.
        const nodes = withStale(node.state, folderChildren(node.state, this.groupBy, node), node);
        const now = this.pullRequests?.peekRows(node.state);
        return now ? this.withRows(nodes, node.state, now.data, now.figures) : nodes;
      }
      case 'team':
      case 'person':
      case 'outcomeGroup': {
        // Without awaiting: the view asks for the expanded groups' children in one batch, one at a
        // time, and a root refresh landing between two of them would drop the next ones.
        const figures =
          (node.kind === 'team' ? node.figures : undefined) ??
          this.pullRequests?.peekFigures(node.state);
        const components = groupComponents(node).map(c => componentNode(node, c, figures));
        return node.kind === 'team'
          ? [...teamNextStep({ ...node, figures }), ...components]
          : components;
      }
      case 'teamsAcross':
        return this.teamsAcross(node);
      case 'teamAcross':
        return (node.view.result.byRepository.get(node.figures.team) ?? []).map(
          r =>
            ({
              kind: 'teamInRepository',
              id: `${node.id}/${encodeURIComponent(r.repo)}`,
              state: node.state,
              view: node.view,
              repo: r.repo,
              figures: r.figures,
              parent: node,
            }) as Node,
        );
      case 'component':
        return componentChildren(node);
      case 'section':
        return sectionChildren(node);
      case 'unowned':
        return unownedChildren(node);
      default:
        return [];
    }
  }

  getParent(node: Node): Node | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  /** Team nodes with their figures, after a status row saying when the data was fetched or what failed. */
  private async withPullRequests(nodes: Node[]): Promise<Node[]> {
    const data = this.pullRequests;
    const state = nodes.find(n => n.kind !== 'folder')?.state;
    if (!data || !state) return nodes;
    const repo = await data.dataFor(state).catch(() => undefined);
    return this.withRows(nodes, state, repo, repo && (await data.figuresFor(state)));
  }

  private withRows(
    nodes: Node[],
    state: OwnersState,
    repo: RepoPullRequests | undefined,
    figures: TeamFiguresView | undefined,
  ): Node[] {
    // No GitHub remote: no row (the folder may simply not be on GitHub); a refresh says how to set one.
    if (!repo) return nodes;
    const parent = nodes[0] && 'parent' in nodes[0] ? nodes[0].parent : undefined;
    const counted =
      figures && !repo.source
        ? {
            window: figures.report.window,
            counts: countPullRequests(
              repo.pullRequests,
              figures.report.window,
              state.parsed.model.metrics.ignoreAuthors,
            ),
          }
        : undefined;
    const status: Node = {
      kind: 'pullRequests',
      id: childId(parent, state, 'pull-requests'),
      state,
      data: repo,
      counted,
      parent,
    };
    // The stale-file row stays first: it says what everything below is.
    const first = nodes[0]?.kind === 'stale' ? [nodes[0]] : [];
    return [
      ...first,
      status,
      ...nodes.slice(first.length).map(n => (n.kind === 'team' && figures ? { ...n, figures } : n)),
    ];
  }

  private teamsAcrossNode(view: CrossRepositoryView): Node {
    return {
      kind: 'teamsAcross',
      id: 'teams-across-repositories',
      state: this.store.states()[0],
      view,
    };
  }

  /** Each team once (the summed report's order), named as the first OWNERS.yaml that names it. */
  private teamsAcross(node: Extract<Node, { kind: 'teamsAcross' }>): Node[] {
    const states = this.store.states();
    const teams = node.view.result.report.teams
      .filter(t => node.view.result.byRepository.has(t.team))
      .map(
        figures =>
          ({
            kind: 'teamAcross',
            id: `${node.id}/${encodeURIComponent(figures.team)}`,
            state: node.state,
            view: node.view,
            figures,
            parent: node,
            name:
              states.map(s => s.model.teams.get(figures.team)?.name).find(Boolean) ?? figures.team,
          }) as Node,
      );
    // A listed repository that adds nothing says why, in its own row (the setting names it).
    const leftOut = node.view.leftOut.map(
      x =>
        ({
          kind: 'detail',
          id: `${node.id}/left-out/${encodeURIComponent(x.repo)}`,
          state: node.state,
          parent: node,
          icon: 'warning',
          label: x.repo,
          description: `left out: ${x.why}`,
          tooltip: `${x.repo} is left out of the teams: ${x.why}. It is listed in the setting ownershipLens.teams.otherRepositories.`,
        }) as Node,
    );
    return [...teams, ...leftOut];
  }

  private roots(): Node[] {
    const states = this.store.states();
    if (states.length === 1 && (vscode.workspace.workspaceFolders?.length ?? 0) <= 1)
      return withStale(states[0], folderChildren(states[0], this.groupBy));
    return states.map(state => ({ kind: 'folder', id: state.folder.uri.toString(), state }));
  }

  /** The node of `component` under the current grouping (for TreeView.reveal). */
  nodeOf(state: OwnersState, component: Component): Node {
    const multi =
      this.store.states().length > 1 || (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const folder: Node | undefined = multi
      ? { kind: 'folder', id: state.folder.uri.toString(), state }
      : undefined;
    const groups = folderChildren(state, this.groupBy, folder);
    const group =
      groups.find(g => groupComponents(g).some(c => c.id === component.id)) ?? groups[0];
    return componentNode(group, component);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach(d => d.dispose());
    this.changed.dispose();
  }
}
