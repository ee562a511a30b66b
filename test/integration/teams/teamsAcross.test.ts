import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TeamFigures } from '../../../src/core/metrics/types';
import { teamReportMarkdown } from '../../../src/core/report/exportReport';
import type { TeamReportView } from '../../../src/core/report/teamReport';
import type { Node } from '../../../src/vscode/tree/nodes';
import { api, EXTENSION_ID, folderUri, waitFor } from '../helpers';

type Across = Extract<Node, { kind: 'teamsAcross' }>;
type TeamAcross = Extract<Node, { kind: 'teamAcross' }>;
type TeamInRepository = Extract<Node, { kind: 'teamInRepository' }>;

const REPOS = ['acme/shop', 'acme/tools', 'acme/infra'];

/** `ownership-lens report ... --json` as a user runs it in a folder, against the same fake GitHub. */
function cliReport(
  cwd: string,
  repos: string[],
  extra: string[] = [],
): { window: { since: string; until: string }; pullRequests: number; teams: TeamFigures[] } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const apiUrl = vscode.workspace
    .getConfiguration('ownershipLens.github')
    .inspect<string>('apiUrl')!.globalValue!;
  const r = spawnSync(
    process.execPath,
    [
      path.join(ext.extensionPath, 'dist/cli.js'),
      'report',
      ...repos.flatMap(x => ['--repo', x]),
      ...extra,
      '--json',
      '--no-cache',
      '--api-url',
      apiUrl,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      maxBuffer: 1 << 26,
    },
  );
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** What a lead reads off a team: the lead-authorship and component figures, not the lists. */
const headline = (t: TeamFigures) => ({
  team: t.team,
  lead: t.lead,
  pullRequests: t.pullRequests,
  lines: t.lines,
  leadLines: t.leadLines,
  leadPullRequests: t.leadPullRequests,
  leadShare: t.leadShare,
  leadReviewedShare: t.leadReviewedShare,
  leadSoleApprovalShare: t.leadSoleApprovalShare,
  leadOwnedComponents: t.leadOwnedComponents,
  components: t.components,
  flag: t.flag,
  signals: t.signals,
  excluded: t.excluded,
});

describe('a team across repositories (acme/shop and acme/tools open, acme/infra from the setting)', () => {
  let across: Across;
  let teams: TeamAcross[];

  before(async function () {
    this.timeout(120_000);
    const a = await api();
    await waitFor('both folders loaded', () => a.ctx.store.states().length === 2, 20_000);
    const summaries =
      await vscode.commands.executeCommand<{ repo: string; pullRequests: number }[]>(
        'ownershipLens.refresh',
      );
    assert.deepStrictEqual(summaries.map(s => s.repo).sort(), [...REPOS].sort());
    const roots = await a.ctx.tree.getChildren();
    across = roots.find((n: Node) => n.kind === 'teamsAcross') as Across;
    assert.ok(across, `no "Teams across" node among ${roots.map((n: Node) => n.kind)}`);
    teams = (await a.ctx.tree.getChildren(across)) as TeamAcross[];
  });

  it('shows each team once, under "Teams across 3 repositories"', async () => {
    const a = await api();
    const item = a.ctx.tree.getTreeItem(across);
    assert.strictEqual(item.label, 'Teams across 3 repositories');
    const ids = teams.map(t => t.figures.team);
    assert.deepStrictEqual([...new Set(ids)], ids, 'a team shown twice');
    assert.deepStrictEqual([...ids].sort(), ['data', 'payments', 'platform', 'storefront']);
    const platform = a.ctx.tree.getTreeItem(teams.find(t => t.figures.team === 'platform')!);
    assert.strictEqual(platform.label, 'Platform');
    assert.match(String(platform.description), /^lead dan · \d+% · .* · 3 repositories$/);
  });

  it('sums every figure over the union of the pull requests exactly as `report --repo A --repo B --repo C` does', () => {
    const cli = cliReport(folderUri('shop').fsPath, REPOS);
    assert.deepStrictEqual(across.view.window, cli.window);
    assert.strictEqual(across.view.result.report.pullRequests, cli.pullRequests);
    for (const t of teams) {
      const expected = cli.teams.find(x => x.team === t.figures.team);
      assert.ok(expected, `the CLI has no team ${t.figures.team}`);
      assert.deepStrictEqual(headline(t.figures), headline(expected));
    }
    // Platform spans all three: its lead owns Terraform in acme/infra, which no open folder holds.
    const platform = teams.find(t => t.figures.team === 'platform')!.figures;
    assert.ok(
      platform.componentFigures.some(c => c.component === 'terraform' && c.lines > 0),
      "acme/infra's component is counted",
    );
    assert.ok(
      platform.excluded.generatedLines > 0,
      "acme/infra's .gitattributes (read from the API) marks generated lines",
    );
  });

  it("expands to each repository, whose pull requests and lines add up to the team's (a sum, never an average of shares)", async () => {
    const a = await api();
    const platform = teams.find(t => t.figures.team === 'platform')!;
    const rows = (await a.ctx.tree.getChildren(platform)) as TeamInRepository[];
    assert.deepStrictEqual(
      rows.map(r => r.repo),
      REPOS,
    );
    const sum = (k: 'pullRequests' | 'lines' | 'leadLines') =>
      rows.reduce((n, r) => n + r.figures[k], 0);
    assert.strictEqual(sum('pullRequests'), platform.figures.pullRequests);
    assert.strictEqual(sum('lines'), platform.figures.lines);
    assert.strictEqual(sum('leadLines'), platform.figures.leadLines);
    assert.ok(Math.abs(platform.figures.leadShare - sum('leadLines') / sum('lines')) < 1e-12);
    for (const r of rows)
      assert.ok(r.figures.pullRequests > 0, `${r.repo} has pull requests in the window`);
    assert.match(
      String(a.ctx.tree.getTreeItem(rows[1]).description),
      /^lead \d+% of [\d,]+ lines · \d+ pull requests?$/,
    );
    // A repository's row is that repository's own report (the folder's OWNERS.yaml, its pull requests).
    const { since, until } = platform.view.window;
    const tools = cliReport(
      folderUri('tools').fsPath,
      ['acme/tools'],
      ['--since', since, '--until', until],
    ).teams.find(t => t.team === 'platform')!;
    assert.deepStrictEqual(
      [rows[1].figures.pullRequests, rows[1].figures.lines, rows[1].figures.leadLines],
      [tools.pullRequests, tools.lines, tools.leadLines],
    );
  });

  it('a team only one repository names has one row', async () => {
    const a = await api();
    const data = teams.find(t => t.figures.team === 'data')!;
    assert.deepStrictEqual(
      ((await a.ctx.tree.getChildren(data)) as TeamInRepository[]).map(r => r.repo),
      ['acme/tools'],
    );
    assert.match(String(a.ctx.tree.getTreeItem(data).description), /· 1 repository$/);
  });

  it("the team report of a team across repositories: the summed figures, each repository's part, components of all three", async () => {
    const platform = teams.find(t => t.figures.team === 'platform')!;
    const view = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      platform,
    );
    assert.ok(view, 'a report opened');
    assert.deepStrictEqual(
      view.repositories!.map(r => r.repo),
      REPOS,
    );
    assert.deepStrictEqual(headline(view.figures!), headline(platform.figures));
    assert.deepStrictEqual(view.components.map(c => c.id).sort(), [
      'cli',
      'deploy',
      'shared-libs',
      'terraform',
    ]);
    assert.strictEqual(view.monthly.length, 12);
    // The trend chart sums the same pull requests: month by month, what the CLI says over the chart's window.
    const trend = cliReport(folderUri('shop').fsPath, REPOS, [
      '--since',
      `${view.monthly[0].month}-01`,
      '--until',
      view.window.until,
    ]).teams.find(t => t.team === 'platform')!;
    assert.deepStrictEqual(view.monthly, trend.months);
    assert.ok(view.monthly.some(m => m.pullRequests > 0));
    // A per-folder report of Platform is another panel, unchanged by this one.
    const inShop = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      { team: 'platform', folder: 'shop' },
    );
    assert.strictEqual(inShop.repositories, undefined);
    assert.deepStrictEqual(inShop.components.map(c => c.id).sort(), ['deploy', 'shared-libs']);
    const md = teamReportMarkdown(view);
    assert.match(md, /Summed over the pull requests of 3 repositories:/);
    assert.match(md, /\| acme\/infra \| [\d,]+ \| [\d,]+ \| \d+% \|/);
  });

  it('a listed repository that does not exist or has no OWNERS.yaml says so in the tree, never "not fetched yet" forever', async function () {
    this.timeout(60_000);
    const a = await api();
    const config = vscode.workspace.getConfiguration('ownershipLens.teams');
    await config.update(
      'otherRepositories',
      ['acme/infra', 'acme/gone', 'acme/bare'],
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      // Before a refresh nothing is known of them: "not fetched yet" is then true.
      const before = await waitFor('the listed repositories, not fetched yet', async () => {
        const n = (await a.ctx.tree.getChildren()).find((x: Node) => x.kind === 'teamsAcross') as
          Across | undefined;
        return (
          n && n.view.pending.includes('acme/gone') && n.view.pending.includes('acme/bare') && n
        );
      });
      assert.match(String(a.ctx.tree.getTreeItem(before).description), /2 not fetched yet/);
      await vscode.commands.executeCommand('ownershipLens.refresh');
      const node = await waitFor('the repositories left out, with why', async () => {
        const n = (await a.ctx.tree.getChildren()).find((x: Node) => x.kind === 'teamsAcross') as
          Across | undefined;
        return n && n.view.leftOut.length === 2 && n;
      });
      assert.deepStrictEqual(node.view.pending, []);
      const item = a.ctx.tree.getTreeItem(node);
      assert.strictEqual(item.label, 'Teams across 3 repositories');
      assert.match(String(item.description), /· 2 left out$/);
      assert.doesNotMatch(String(item.description), /not fetched yet/);
      const tooltip = (item.tooltip as vscode.MarkdownString).value
        .replace(/&nbsp;/g, ' ')
        .replace(/\\(.)/g, '$1');
      assert.match(
        tooltip,
        /Left out: acme\/gone: not found on GitHub \(it does not exist, or the token cannot see it\)\./,
      );
      assert.match(
        tooltip,
        /Left out: acme\/bare: no OWNERS\.yaml on its default branch \(looked at OWNERS\.yaml, \.github\/OWNERS\.yaml and docs\/OWNERS\.yaml\)\./,
      );
      const rows = (await a.ctx.tree.getChildren(node))
        .filter(n => n.kind === 'detail')
        .map(n => a.ctx.tree.getTreeItem(n));
      assert.deepStrictEqual(
        rows.map(r => [r.label, r.description]),
        [
          [
            'acme/gone',
            'left out: not found on GitHub (it does not exist, or the token cannot see it)',
          ],
          [
            'acme/bare',
            'left out: no OWNERS.yaml on its default branch (looked at OWNERS.yaml, .github/OWNERS.yaml and docs/OWNERS.yaml)',
          ],
        ],
      );
      assert.strictEqual(
        node.view.result.report.pullRequests,
        across.view.result.report.pullRequests,
        'the figures are those of the three with data',
      );
    } finally {
      await config.update(
        'otherRepositories',
        ['acme/infra'],
        vscode.ConfigurationTarget.Workspace,
      );
    }
  });
});
