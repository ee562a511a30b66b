import * as assert from 'assert';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { readGitHubSettings } from '../../../src/vscode/github/githubSettings';
import { exportReport } from '../../../src/vscode/report/reportPanel';
import { lastDay, type TeamReportView } from '../../../src/core/report/teamReport';
import { api, hoverText, file, treeRows, unescape, waitFor } from '../helpers';
import type { FlowInput } from '../../../src/vscode/commands/handoffFlow';
import { today } from '../../../src/core/clock';

// Runs in a copy of demo/workspace whose git remote is acme/shop; the runner serves
// demo/pull-requests.json from the fake GitHub at the user-level ownershipLens.github.apiUrl and
// puts its token in GITHUB_TOKEN (ownershipLens.github.authentication: environment).
describe('pull-request data from (fake) GitHub', function () {
  this.timeout(60000);
  type Summary = { repo: string; pullRequests: number; apiRequests: number; fetchedAt: string };

  it('before any data: the team report says so, with the real window, not placeholder dates', async () => {
    const view = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      { team: 'payments' },
    );
    assert.strictEqual(view.hasData, false);
    assert.strictEqual(view.figures, undefined);
    assert.match(view.window.since, /^20\d\d-\d\d-\d\d$/);
    assert.ok(
      view.window.until > view.window.since && view.window.until < '2100',
      JSON.stringify(view.window),
    );
    const md = await exportReport(
      view,
      'markdown',
      vscode.Uri.file(path.join(os.tmpdir(), `report-empty-${Date.now()}.md`)),
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(md!));
    assert.match(text, /No pull-request data yet/);
    assert.doesNotMatch(text, /0000-01-01|9999-12-31|not enough/);
  });

  it("before any data: holds-ownership shows from OWNERS.yaml alone (Platform's lead owns one of its two components)", async () => {
    const a = await api();
    const rows = await treeRows(a, 0);
    const platform = rows.find(r => r.label === 'Platform')!;
    assert.match(platform.description ?? '', /holds ownership/);
    assert.match(platform.contextValue ?? '', /signal-holds-ownership/);
    const tooltip = unescape(
      (a.ctx.tree.getTreeItem(platform.node).tooltip as vscode.MarkdownString).value,
    );
    assert.match(tooltip, /owns 1 of 2 components/);
    assert.match(tooltip, /Hand a component to the person who already works on it most/);
    assert.doesNotMatch(
      rows.find(r => r.label === 'Storefront')!.description ?? '',
      /holds ownership/,
    );
  });

  it('with authentication "environment" and no token, says which variable is missing, in the message and the tree', async () => {
    const a = await api();
    const saved = { GH_TOKEN: process.env.GH_TOKEN, GITHUB_TOKEN: process.env.GITHUB_TOKEN };
    delete process.env.GH_TOKEN;
    delete process.env.GITHUB_TOKEN;
    // The sample has a real git history: "auto" would take the git source without a token. Ask for GitHub's.
    const config = vscode.workspace.getConfiguration('ownershipLens');
    await config.update('figures.source', 'github', vscode.ConfigurationTarget.Global);
    try {
      const state = a.ctx.store.states()[0];
      await assert.rejects(
        a.pullRequests.refresh(state, new vscode.CancellationTokenSource().token),
        (e: Error) => {
          assert.match(e.message, /GH_TOKEN/);
          assert.match(e.message, /GITHUB_TOKEN/);
          assert.doesNotMatch(e.message, /^Sign in/);
          return true;
        },
      );
      assert.strictEqual(await vscode.commands.executeCommand('ownershipLens.refresh'), undefined);
      const row = await waitFor('the status row to say why', async () =>
        (await treeRows(a, 0)).find(r => r.contextValue === 'pullRequests failed'),
      );
      assert.match(row.description ?? '', /no GH_TOKEN or GITHUB_TOKEN in the environment/);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
      await config.update('figures.source', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refreshes through real HTTP in a handful of requests', async () => {
    const a = await api();
    const [summary] = await vscode.commands.executeCommand<Summary[]>('ownershipLens.refresh');
    assert.strictEqual(summary.repo, 'acme/shop');
    assert.ok(summary.pullRequests > 700, `only ${summary.pullRequests} pull requests`);
    assert.ok(
      summary.apiRequests <= Math.ceil(summary.pullRequests / 100) * 1.5 + 2,
      `${summary.apiRequests} requests for ${summary.pullRequests} pull requests`,
    );
    const [again] = await vscode.commands.executeCommand<Summary[]>('ownershipLens.refresh');
    assert.ok(
      again.apiRequests <= 2,
      `a refresh with nothing new cost ${again.apiRequests} requests`,
    );
    assert.ok(a.pullRequests, 'the test API exposes the pull-request data');
  });

  it('the status row tells fetched pull requests from those the figures count, and why they differ', async () => {
    const a = await api();
    const figures = await a.pullRequests.figuresFor(a.ctx.store.states()[0]);
    assert.ok(figures);
    const row = await waitFor('the ok status row', async () =>
      (await treeRows(a, 0)).find(r => r.contextValue === 'pullRequests ok'),
    );
    assert.match(
      row.description ?? '',
      new RegExp(`· ${figures.report.pullRequests.toLocaleString('en-US')} in the figures$`),
    );
    const item = a.ctx.tree.getTreeItem(row.node);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    const m =
      /([\d,]+) merged pull requests fetched\. The team figures count ([\d,]+): .*leaving out ([\d,]+) by bots and ([\d,]+) by ignored authors; the other ([\d,]+) are older/.exec(
        tooltip.replace(/&nbsp;/g, ' ').replace(/\\/g, ''),
      );
    assert.ok(m, tooltip);
    const [fetched, counted, bots, ignored, older] = m
      .slice(1)
      .map(n => Number(n.replace(/,/g, '')));
    assert.strictEqual(fetched, figures.data.pullRequests.length);
    assert.strictEqual(
      counted,
      figures.report.pullRequests,
      'the count agrees with the figures (docs/figures.md ("The report as JSON") top-level pullRequests)',
    );
    assert.strictEqual(fetched, counted + bots + ignored + older);
    assert.ok(bots > 0, 'the sample history has bot pull requests');
  });

  it("shows each team's flag and the lead's share on the team nodes", async () => {
    const a = await api();
    const teams = await waitFor(
      'flags on team nodes',
      async () => {
        const rows = (await treeRows(a, 0)).filter(r => r.contextValue?.startsWith('team'));
        return rows.length === 3 && rows.every(r => /%/.test(r.description ?? '')) && rows;
      },
      10000,
    );
    const byLabel = Object.fromEntries(
      teams.map(r => [r.label, `${r.description} | ${r.contextValue}`]),
    );
    // the one signal to act on for a team of two (bottleneck and holds ownership are expected there), the share and its direction
    assert.match(byLabel['Platform'], /^doing the work · \d+%( [↓↑→])? \|/);
    assert.match(
      byLabel['Platform'],
      /flag-doing-the-work signal-doing-the-work signal-bottleneck signal-holds-ownership/,
    );
    // `absent` stays the id (JSON, CLI, context value); the view says what it is, not what the person is.
    assert.match(byLabel['Storefront'], /^lead not in PRs · 0%( [↓↑→])? \| .*signal-absent/);
    assert.match(byLabel['Payments'], /signal-holds-ownership/);
    assert.doesNotMatch(byLabel['Payments'], /doing the work|bottleneck/);
  });

  it('under each team, a Next row names the one next step; on Platform it starts handing Deployment to erin', async () => {
    const a = await api();
    const platform = (await treeRows(a, 0)).find(r => r.label === 'Platform')!;
    const first = (await treeRows(a, 0, platform.node))[0];
    const item = a.ctx.tree.getTreeItem(first.node);
    assert.match(String(item.label), /^Next: (hand Deployment to erin|keep handing work over)$/);
    assert.match(
      unescape((item.tooltip as vscode.MarkdownString).value).replace(/&nbsp;/g, ' '),
      /^Doing the work\. The lead wrote \d+% of the team/,
    );
    if (/erin/.test(String(item.label)))
      assert.deepStrictEqual(item.command?.arguments, [
        {
          component: 'deploy',
          suggestedTo: 'erin',
          folder: a.ctx.store.states()[0].folder.uri.toString(),
        },
      ]);
  });

  it('every signal of a team is in its tooltip with what a lead can do about it, and what the figures are not', async () => {
    const a = await api();
    const platform = (await treeRows(a, 0)).find(r => r.label === 'Platform')!;
    const tooltip = unescape(
      (a.ctx.tree.getTreeItem(platform.node).tooltip as vscode.MarkdownString).value,
    );
    const figures = (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))!.report.teams.find(
      t => t.team === 'platform',
    )!;
    assert.deepStrictEqual(figures.signals, ['doing-the-work', 'bottleneck', 'holds-ownership']);
    assert.match(
      tooltip,
      /^\*\*Platform\*\*: doing the work, bottleneck, holds ownership/,
      'the team by its name, not its id',
    );
    // dan and erin only: a second approver and a lead owning one of two components are what a team of two cannot avoid
    assert.match(
      tooltip,
      /\*\*bottleneck\*\*, expected here: with one other person in the team, nobody else can approve their pull requests\. Most pull requests by others were approved by the lead and nobody else\./,
    );
    assert.match(
      tooltip,
      /\*\*holds ownership\*\*, expected here: the lead owns 1 of 2 components, their part in a team of 2\. The lead owns half or more of the team's components/,
    );
    assert.doesNotMatch(tooltip, /Name a second approver/);
    // the headline: what to act on (62% is more than the equal half), where it is heading, the next step
    assert.match(
      tooltip,
      /^Doing the work\. The lead wrote \d+% of the team's lines[^\n]*\. (Pick one piece of work|Keep handing work over)/m,
    );
    assert.match(
      tooltip,
      new RegExp(`of ${figures.lines.toLocaleString('en-US')} changed lines`),
      'thousands separated',
    );
    const { window } = (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))!.report;
    const lastDay = new Date(Date.parse(`${window.until}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    assert.match(
      tooltip,
      new RegExp(`Merged pull requests from ${window.since} to ${lastDay},`),
      'the last day of the window, as the report says it',
    );
    assert.doesNotMatch(tooltip, /exclusive/);
    assert.match(tooltip, /\*\*doing the work\*\*: .*hand it to someone on the team/);
    assert.match(tooltip, /\*\*holds ownership\*\*/);
    assert.match(
      tooltip,
      new RegExp(`was the only approver of ${Math.round(figures.leadSoleApprovalShare! * 100)}%`),
    );
    assert.match(tooltip, /not a performance rating/);
  });

  it('component rows show their figures; on a lead-owned component "could go to" opens the handoff with both chosen', async () => {
    const a = await api();
    const rows = await treeRows(a, 2);
    const deploy = rows.find(r => r.label === 'Deployment')!;
    const figures = (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))!.components.get(
      'deploy',
    )!;
    assert.strictEqual(figures.delegateTo, 'erin');
    // "could go to" first (it shows at the default sidebar width), and lines are changed lines, not a file's size
    assert.match(
      deploy.description ?? '',
      new RegExp(
        `^could go to erin · dan · ${figures.lines.toLocaleString('en-US')} changed lines in \\d+ files? · owner \\d+%`,
      ),
    );
    assert.match(deploy.contextValue ?? '', /delegable/);
    const shared = rows.find(r => r.label === 'Shared libraries')!;
    assert.doesNotMatch(shared.description ?? '', /could go to/, "erin owns it: not the lead's");
    const children = await treeRows(a, 0, deploy.node);
    assert.match(
      children.find(r => r.label.endsWith('pull requests'))!.description ?? '',
      /owner \d+% · top: /,
    );
    const could = children.find(r => r.label === 'Could go to erin')!;
    const item = a.ctx.tree.getTreeItem(could.node);
    assert.strictEqual(item.command?.command, 'ownershipLens.handoff');
    const seen: FlowInput[] = [];
    const saved = a.ctx.handoffFlow;
    a.ctx.handoffFlow = async input => {
      seen.push(input);
      return undefined;
    };
    try {
      const outcome = await vscode.commands.executeCommand<{ kind: string }>(
        item.command!.command,
        ...(item.command!.arguments ?? []),
      );
      assert.strictEqual(outcome.kind, 'cancelled');
      assert.strictEqual(seen.length, 1);
      assert.deepStrictEqual(
        [seen[0].preselected, seen[0].suggestedTo, seen[0].skipComponent],
        ['deploy', 'erin', true],
      );
      // The owner step's figures: erin's lines in the component over the window, as the tree's row has them.
      const figures = seen[0].figures?.('deploy');
      assert.ok(
        figures && figures.authors.some(x => x.login === 'erin' && x.lines > 0),
        JSON.stringify(figures),
      );
      // A "could go to" login that is not a GitHub login is dropped, never passed on.
      await vscode.commands.executeCommand('ownershipLens.handoff', {
        component: 'deploy',
        suggestedTo: 'x](command:evil)',
      });
      assert.strictEqual(seen[1].suggestedTo, undefined);
    } finally {
      a.ctx.handoffFlow = saved;
    }
  });

  it('team-only mode (setting) names no individual but the lead in the tree and the figures', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('ownershipLens.report');
    await config.update('teamOnly', true, vscode.ConfigurationTarget.Global);
    try {
      const figures = await waitFor('team-only figures', async () => {
        const f = await a.pullRequests.figuresFor(a.ctx.store.states()[0]);
        return f?.teamOnly && f;
      });
      for (const t of figures.report.teams)
        assert.ok(
          t.authors.every(x => x.login.toLowerCase() === t.lead.toLowerCase()),
          t.team,
        );
      const rows = await treeRows(a, 1);
      assert.doesNotMatch(
        rows.find(r => r.label === 'Deployment')!.description ?? '',
        /could go to/,
      );
      assert.match(
        rows.find(r => r.label === 'Deployment')!.description ?? '',
        /owner \d+%/,
        'dan owns it and leads the team: his share stays',
      );
      assert.doesNotMatch(
        rows.find(r => r.label === 'Shared libraries')!.description ?? '',
        /owner \d+%/,
        "erin's own share is hidden",
      );
      const platform = rows.find(r => r.label === 'Platform')!;
      const tooltip = unescape(
        (a.ctx.tree.getTreeItem(platform.node).tooltip as vscode.MarkdownString).value,
      );
      assert.doesNotMatch(tooltip, /erin/);
    } finally {
      await config.update('teamOnly', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("hover cards link to the team's figures; the figures themselves show with ownershipLens.hover.showTeamFigures", async () => {
    const plainCard = await hoverText(
      file('services/checkout/src/index.ts'),
      "'../../payments/src/charge'",
      3,
    );
    assert.match(plainCard, /\[Team figures…\]\(command:ownershipLens\.showTeamReport\?/);
    assert.doesNotMatch(
      plainCard,
      /Top authors|could go to|Hand off/i,
      "a lead's figures are not every developer's",
    );
    const config = vscode.workspace.getConfiguration('ownershipLens');
    await config.update('hover.showTeamFigures', true, vscode.ConfigurationTarget.Global);
    try {
      await showsTeamFigures();
    } finally {
      await config.update('hover.showTeamFigures', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  async function showsTeamFigures(): Promise<void> {
    const text = await hoverText(
      file('services/checkout/src/index.ts'),
      "'../../payments/src/charge'",
      3,
    );
    assert.match(text, /Payments core/);
    assert.match(text, /Top authors/i);
    assert.match(text, /alice/);
    // alice leads Payments and owns Payments core: the card names who it could go to, with the action.
    const c = (await (
      await api()
    ).pullRequests.figuresFor((await api()).ctx.store.states()[0]))!.components.get(
      'payments-core',
    )!;
    assert.ok(c.delegateTo);
    assert.match(unescape(text), new RegExp(`could go to ${c.delegateTo}\\*\\*`));
    assert.match(
      text,
      new RegExp(
        `\\[Hand off Payments core to ${c.delegateTo}…\\]\\(command:ownershipLens\\.handoff\\?`,
      ),
    );
    assert.match(unescape(text), /Team Payments: \*\*lead \d+%/, 'the team by its name');
    assert.match(
      unescape(text),
      /\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d: \d{1,3}(,\d{3})* lines in \d+ pull requests/,
    );
    assert.doesNotMatch(text, /exclusive/);
  }

  it('opens the team report with figures, monthly shares and handoffs, and exports it', async () => {
    const view = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      { team: 'payments' },
    );
    assert.ok(view.figures, 'the report has figures');
    assert.strictEqual(view.figures!.lead, 'alice');
    assert.ok(view.figures!.authors.some(x => x.login === 'alice'));
    assert.strictEqual(view.monthly.length, 12);
    // The product's clock (moved by OWNERSHIP_LENS_NOW in npm test's dated phase) ends the window today.
    assert.strictEqual(lastDay(view.window), today());
    assert.strictEqual(view.trend, 'falling');
    // The demo's leader who leads: the team ships more (last three months against the first three) as
    // alice's share falls. Compared per day: the window's last month holds only the days up to today.
    const perDay = (ms: typeof view.monthly) =>
      ms.reduce((n, m) => n + m.pullRequests, 0) / ms.reduce((n, m) => n + m.days, 0);
    assert.ok(
      perDay(view.monthly.slice(-3)) > 1.2 * perDay(view.monthly.slice(0, 3)),
      JSON.stringify(view.monthly.map(m => [m.pullRequests, m.days])),
    );
    assert.strictEqual(
      view.monthly.reduce((n, m) => n + m.days, 0),
      (Date.parse(`${view.window.until}T00:00:00Z`) -
        Date.parse(`${view.monthly[0].month}-01T00:00:00Z`)) /
        86_400_000,
      "every day from the first month's 1st to today, once",
    );
    assert.deepStrictEqual(view.components.map(c => c.id).sort(), [
      'checkout-api',
      'payments-core',
    ]);
    const md = await exportReport(
      view,
      'markdown',
      vscode.Uri.file(path.join(os.tmpdir(), `report-${Date.now()}.md`)),
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(md!));
    assert.match(text, /^# Payments: lead alice/m);
    assert.match(text, /\| alice \(lead\) \|/);
    assert.match(text, /## The team's output by month/);
    assert.match(text, /## The evidence/);
    assert.match(text, /not a performance rating/);
  });

  it('the team report has the delegation, the bottleneck figure and the evidence; its handoff button asks before writing', async () => {
    const view = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      { team: 'platform' },
    );
    const f = view.figures!;
    assert.ok(f.signals.includes('bottleneck') && f.leadSoleApprovalShare! >= 0.6);
    // dan owns Deployment (it could go to erin) and writes most of Shared libraries, which erin already owns: nobody to hand it to.
    const shared = view.figures!.componentFigures.find(c => c.component === 'shared-libs')!;
    // The premise is the demo's seeded data (the lead writes 62% of Platform), not left to chance.
    assert.ok(
      shared.leadLines / shared.lines >= 0.5,
      `dan carries Shared libraries: ${shared.leadLines} of ${shared.lines} lines`,
    );
    assert.deepStrictEqual(
      view.delegation.map(d => [d.component, d.kind, d.kind === 'owned' ? d.candidate : d.owner]),
      [
        ['shared-libs', 'carried', 'erin'],
        ['deploy', 'owned', 'erin'],
      ],
    );
    assert.strictEqual(f.topPullRequests.length, 10);
    assert.ok(
      f.topPullRequests.every(
        p =>
          /^https:\/\/github\.com\/acme\/shop\/pull\/\d+$/.test(p.url ?? '') && p.title.length > 0,
      ),
    );
    assert.ok(f.topPullRequests.every((p, i, all) => i === 0 || all[i - 1].lines >= p.lines));
    assert.ok(f.excluded.botPullRequests > 0, JSON.stringify(f.excluded));
    assert.strictEqual(view.monthly.length, 12);
    assert.ok(
      view.monthly.every(m => m.authors <= 2),
      'Platform has two people',
    );
    const md = await exportReport(
      view,
      'markdown',
      vscode.Uri.file(path.join(os.tmpdir(), `report-platform-${Date.now()}.md`)),
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(md!));
    assert.match(text, /\*\*bottleneck\*\*/);
    assert.match(
      text,
      /\| Deployment \| owned by the lead \| [\d,]+ of [\d,]+ \| could go to erin \(in the team · [^)|]+\) \|/,
    );
    assert.match(
      text,
      /\| Shared libraries \| owned by erin; the lead wrote \d+% of its lines, erin \d+% \| [\d,]+ of [\d,]+ \| let erin drive it \|/,
    );
    assert.doesNotMatch(text, /Shared libraries.*could go to erin/);
    assert.match(text, /Left out: \d+ pull requests by bots/);
  });

  it('keeps the last good data and says what went wrong when GitHub becomes unreachable', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('ownershipLens.github');
    const good = new URL(config.inspect<string>('apiUrl')!.globalValue!);
    // A loopback proxy in front of the fake GitHub: refresh through it, then take it down.
    const proxy = http.createServer((req, res) => {
      const upstream = http.request(
        {
          host: good.hostname,
          port: good.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: good.host },
        },
        up => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    await config.update('apiUrl', proxyUrl, vscode.ConfigurationTarget.Global);
    try {
      const [fresh] =
        await vscode.commands.executeCommand<{ pullRequests: number }[]>('ownershipLens.refresh');
      assert.ok(fresh.pullRequests > 700);
      await new Promise<void>(r => {
        proxy.close(() => r());
        proxy.closeAllConnections();
      });
      const failed = await vscode.commands.executeCommand('ownershipLens.refresh');
      assert.strictEqual(failed, undefined, 'a failed refresh returns nothing');
      const status = await waitFor('an error row', async () =>
        (await treeRows(a, 0)).find(r => r.contextValue === 'pullRequests failed'),
      );
      assert.match(
        status.description ?? '',
        /could not refresh: .*127\.0\.0\.1.*\(showing data fetched /,
      );
      const teams = (await treeRows(a, 0)).filter(r => r.contextValue?.startsWith('team'));
      assert.ok(
        teams.length === 3 && teams.every(r => /%/.test(r.description ?? '')),
        'the last good figures disappeared',
      );
    } finally {
      proxy.close();
      await config.update(
        'apiUrl',
        good.toString().replace(/\/$/, ''),
        vscode.ConfigurationTarget.Global,
      );
    }
  });

  it('never sends the token to a host set in workspace settings', async () => {
    const seen: string[] = [];
    const trap = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('{}');
    });
    await new Promise<void>(r => trap.listen(0, '127.0.0.1', r));
    const trapUrl = `http://127.0.0.1:${(trap.address() as { port: number }).port}`;
    // A cloned repository can ship .vscode/settings.json: write it as one would, not through the API
    // (which refuses application-scoped settings at workspace level anyway).
    const settingsFile = vscode.Uri.joinPath(
      vscode.workspace.workspaceFolders![0].uri,
      '.vscode',
      'settings.json',
    );
    await vscode.workspace.fs.writeFile(
      settingsFile,
      new TextEncoder().encode(
        JSON.stringify({
          'ownershipLens.github.apiUrl': trapUrl,
          'ownershipLens.github.authentication': 'vscode',
          'ownershipLens.github.repository': 'acme/shop', // resource-scoped: shows when VS Code has read the file
        }),
      ),
    );
    try {
      await waitFor(
        'VS Code to read the workspace settings',
        () =>
          vscode.workspace.getConfiguration('ownershipLens.github').inspect<string>('repository')
            ?.workspaceValue === 'acme/shop',
        10000,
      );
      assert.notStrictEqual(readGitHubSettings().apiUrl, trapUrl);
      assert.strictEqual(readGitHubSettings().authentication, 'environment');
      const [summary] = await vscode.commands.executeCommand<Summary[]>('ownershipLens.refresh');
      assert.ok(summary.apiRequests >= 1, 'the refresh went to the user-level host');
      assert.deepStrictEqual(seen, []);
    } finally {
      await vscode.workspace.fs.delete(settingsFile);
      trap.close();
    }
  });
});
