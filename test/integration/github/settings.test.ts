import * as assert from 'assert';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TeamReportView } from '../../../src/core/report/teamReport';
import type { GitHubSettings } from '../../../src/vscode/github/githubSettings';
import type { Node } from '../../../src/vscode/tree/nodes';
import { api, EXTENSION_ID, file, hoverText, sleep, treeRows, waitFor } from '../helpers';

// Runs after pullRequests.test (files run in name order): the demo's pull requests are fetched.
// Every setting the extension contributes must take effect when it changes, without a reload.

const G = vscode.ConfigurationTarget.Global;
const read = async (uri: vscode.Uri) =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
/** The rows of an RFC 4180 CSV (quoted fields may hold commas and doubled quotes), header left out. */
function csvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = '',
    quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.slice(1);
}

describe('settings take effect when they change, without a reload (the real editor)', function () {
  this.timeout(60_000);

  /** One check per contributed setting: change it, see its effect, put it back. */
  const checks: Record<string, () => Promise<void>> = {
    'ownershipLens.ownersFile': async () => {
      const a = await api();
      const alt = file('alt/OWNERS.yaml');
      await vscode.workspace.fs.writeFile(
        alt,
        new TextEncoder().encode(
          'version: 1\nteams:\n  alt-team: { lead: maya }\ncomponents:\n  web: { team: alt-team, owner: maya, paths: [/web/] }\n',
        ),
      );
      const config = vscode.workspace.getConfiguration('ownershipLens');
      try {
        await config.update('ownersFile', 'alt/OWNERS.yaml', G);
        await waitFor(
          'the other OWNERS file',
          () =>
            a.ctx.store.states()[0]?.ownersUri.path.endsWith('/alt/OWNERS.yaml') &&
            a.ctx.store.states()[0].model.teams.has('alt-team'),
        );
      } finally {
        await config.update('ownersFile', undefined, G);
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(alt, '..'), { recursive: true });
      }
      await waitFor(
        'OWNERS.yaml again',
        () =>
          a.ctx.store.states()[0]?.ownersUri.toString() === file('OWNERS.yaml').toString() &&
          a.ctx.store.states()[0].model.teams.has('payments'),
      );
    },

    'ownershipLens.tree.groupBy': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.tree');
      assert.strictEqual(a.ctx.tree.grouping, 'team');
      try {
        await config.update('groupBy', 'owner', G);
        await waitFor('the tree grouped by owner', () => a.ctx.tree.grouping === 'owner');
        const rows = await treeRows(a, 0);
        assert.ok(
          rows.some(r => r.node.kind === 'person') && !rows.some(r => r.node.kind === 'team'),
          rows.map(r => r.label).join(', '),
        );
      } finally {
        await config.update('groupBy', undefined, G);
      }
      await waitFor('the tree grouped by team again', () => a.ctx.tree.grouping === 'team');
      assert.ok((await treeRows(a, 0)).some(r => r.node.kind === 'team'));
    },

    'ownershipLens.decorations.enabled': async () => {
      const a = await api();
      const target = file('services/checkout/src/index.ts');
      assert.match(a.decorations.provideFileDecoration(target)?.tooltip ?? '', /^Owner: /);
      let fired = 0;
      const listening = a.decorations.onDidChangeFileDecorations(() => fired++);
      const config = vscode.workspace.getConfiguration('ownershipLens.decorations');
      try {
        await config.update('enabled', false, G);
        // The Explorer asks again only when told to: the provider must say its decorations changed.
        await waitFor('the decorations to be withdrawn', () => fired > 0);
        assert.strictEqual(a.decorations.provideFileDecoration(target), undefined);
        fired = 0;
        await config.update('enabled', undefined, G);
        await waitFor('the decorations to come back', () => fired > 0);
        assert.match(a.decorations.provideFileDecoration(target)?.tooltip ?? '', /^Owner: /);
      } finally {
        listening.dispose();
        await config.update('enabled', undefined, G);
      }
    },

    // Marking folders needs knowledge from the git history (the git suite checks the badge on a real
    // repository); with the GitHub source the figures carry none, so turning it on marks nothing.
    'ownershipLens.decorations.knowledgeAtRisk': async () => {
      // The sample has a real git history: with the setting on, exactly the folders of components whose
      // knowledge sits with one person (bus factor 1 or 0) carry that figure as a badge; off, none.
      const a = await api();
      const state = a.ctx.store.states()[0];
      const folders = [
        ...new Set(
          state.files.all().flatMap(f => {
            const parts = f.split('/').slice(0, -1);
            return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
          }),
        ),
      ];
      const marked = () =>
        folders.filter(f =>
          /^[01]$/.test(
            String(
              a.decorations.provideFileDecoration(vscode.Uri.joinPath(state.root, ...f.split('/')))
                ?.badge ?? '',
            ),
          ),
        );
      const atRisk = () =>
        [...(a.pullRequests.peekFigures(state)?.components.values() ?? [])].filter(
          c => c.knowledge && c.knowledge.files > 0 && c.knowledge.busFactor <= 1,
        );
      const config = vscode.workspace.getConfiguration('ownershipLens.decorations');
      let fired = 0;
      const listening = a.decorations.onDidChangeFileDecorations(() => fired++);
      try {
        assert.deepStrictEqual(marked(), [], 'off by default');
        await config.update('knowledgeAtRisk', true, G);
        await waitFor('the decorations told to refresh', () => fired > 0);
        await waitFor(
          'a badge exactly when some component has its knowledge in one place',
          () => marked().length > 0 === atRisk().length > 0,
        );
        for (const f of marked())
          assert.match(
            String(
              a.decorations.provideFileDecoration(vscode.Uri.joinPath(state.root, ...f.split('/')))
                ?.tooltip,
            ),
            /knowledge concentrated in one place/,
          );
        fired = 0;
        await config.update('knowledgeAtRisk', undefined, G);
        await waitFor('the decorations told to refresh again', () => fired > 0);
        await waitFor('no knowledge badge once off', () => marked().length === 0);
      } finally {
        listening.dispose();
        await config.update('knowledgeAtRisk', undefined, G);
      }
    },

    'ownershipLens.decorations.markUnowned': async () => {
      const a = await api();
      const state = a.ctx.store.states()[0];
      const uriOf = (p: string) =>
        vscode.Uri.joinPath(state.root, ...p.replace(/^\//, '').split('/'));
      const unowned = state.files
        .all()
        .map(uriOf)
        .find(u => a.decorations.provideFileDecoration(u)?.badge === '?');
      assert.ok(unowned, 'a file no pattern owns, marked');
      let fired = 0;
      const listening = a.decorations.onDidChangeFileDecorations(() => fired++);
      const config = vscode.workspace.getConfiguration('ownershipLens.decorations');
      try {
        await config.update('markUnowned', false, G);
        await waitFor('the decorations told to refresh', () => fired > 0);
        const plain = a.decorations.provideFileDecoration(unowned);
        assert.deepStrictEqual(
          [plain?.badge, plain?.color, plain?.tooltip],
          [undefined, undefined, 'Owner: none (not in OWNERS.yaml)'],
        );
        fired = 0;
        await config.update('markUnowned', undefined, G);
        await waitFor('the decorations told to refresh again', () => fired > 0);
        assert.strictEqual(a.decorations.provideFileDecoration(unowned)?.badge, '?');
      } finally {
        listening.dispose();
        await config.update('markUnowned', undefined, G);
      }
    },

    'ownershipLens.hover.showTeamFigures': async () => {
      const card = () =>
        hoverText(file('services/checkout/src/index.ts'), "'../../payments/src/charge'", 3);
      assert.doesNotMatch(await card(), /Top authors/i);
      const config = vscode.workspace.getConfiguration('ownershipLens.hover');
      try {
        await config.update('showTeamFigures', true, G);
        await waitFor('the team figures in the import hover', async () =>
          /Top authors/i.test(await card()),
        );
      } finally {
        await config.update('showTeamFigures', undefined, G);
      }
      await waitFor(
        'the import hover without the team figures',
        async () => !/Top authors/i.test(await card()),
      );
    },

    // The demo folder's .git has no history, so no knowledge phrase can show here: what the setting
    // changes at once is whether the figures, recomputed, ask git for it.
    'ownershipLens.knowledge.fromGit': async () => {
      const a = await api();
      const state = a.ctx.store.states()[0];
      const logs = (a.pullRequests as unknown as { knowledgeLogs: Map<string, unknown> })
        .knowledgeLogs;
      let fired = 0;
      const listening = a.pullRequests.onDidChange(() => fired++);
      const config = vscode.workspace.getConfiguration('ownershipLens.knowledge');
      try {
        await config.update('fromGit', false, G);
        await waitFor('the figures told to change', () => fired > 0);
        logs.clear();
        const off = await a.pullRequests.figuresFor(state);
        assert.ok(off, 'figures without knowledge');
        assert.strictEqual(logs.size, 0, 'git read for knowledge with knowledge.fromGit off');
        fired = 0;
        await config.update('fromGit', undefined, G);
        await waitFor('the figures told to change again', () => fired > 0);
        const on = await a.pullRequests.figuresFor(state);
        assert.notStrictEqual(on, off, 'the figures recomputed');
        assert.ok(logs.has(state.root.fsPath), 'the git history asked for knowledge again');
      } finally {
        listening.dispose();
        await config.update('fromGit', undefined, G);
      }
    },

    // API uptime is read from a JSON endpoint on 127.0.0.1, the one host the user settings allow.
    'ownershipLens.outcomes.allowedHosts': async () => {
      const a = await api();
      const uptime = a.ctx.store.states()[0].model.outcomes.get('platform-uptime')!;
      const config = vscode.workspace.getConfiguration('ownershipLens.outcomes');
      const allowed = config.inspect<string[]>('allowedHosts')!.globalValue;
      assert.deepStrictEqual(allowed, ['127.0.0.1']);
      await waitFor('API uptime read', async () => {
        await a.outcomes.refresh();
        return a.outcomes.peek(uptime)?.value === 99.91;
      });
      try {
        await config.update('allowedHosts', [], G);
        await waitFor('the host refused', async () => {
          await a.outcomes.refresh();
          return /host 127\.0\.0\.1 is not allowed/.test(a.outcomes.peek(uptime)?.reason ?? '');
        });
        assert.strictEqual(a.outcomes.peek(uptime)?.value, null);
      } finally {
        await config.update('allowedHosts', allowed, G);
      }
      await waitFor('API uptime read again', async () => {
        await a.outcomes.refresh();
        return a.outcomes.peek(uptime)?.value === 99.91;
      });
    },

    'ownershipLens.outcomes.refreshMinutes': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.outcomes');
      assert.strictEqual(a.outcomes.refreshIntervalMs, 5 * 60_000);
      try {
        await config.update('refreshMinutes', 2, G);
        await waitFor('the two-minute interval', () => a.outcomes.refreshIntervalMs === 2 * 60_000);
      } finally {
        await config.update('refreshMinutes', undefined, G);
      }
      await waitFor(
        'the five-minute interval again',
        () => a.outcomes.refreshIntervalMs === 5 * 60_000,
      );
    },

    'ownershipLens.diagnostics.debounceMs': async () => {
      const a = await api();
      const doc = await vscode.workspace.openTextDocument(file('OWNERS.yaml'));
      const config = vscode.workspace.getConfiguration('ownershipLens.diagnostics');
      const original = doc.getText();
      try {
        await config.update('debounceMs', 600_000, G);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, new vscode.Position(0, 0), '# waiting for the delay\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        await sleep(1000);
        assert.notStrictEqual(
          a.ctx.store.states()[0].current.text,
          doc.getText(),
          'reparsed before a ten-minute delay',
        );
        // The edit waiting for the old delay waits for the new one.
        await config.update('debounceMs', 0, G);
        await waitFor(
          'the reparse after the shorter delay',
          () => a.ctx.store.states()[0].current.text === doc.getText(),
        );
      } finally {
        await config.update('debounceMs', undefined, G);
        const undo = new vscode.WorkspaceEdit();
        undo.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
        await vscode.workspace.applyEdit(undo);
        await doc.save();
      }
      await waitFor(
        'the original text parsed again',
        () => a.ctx.store.states()[0].current.text === original,
      );
    },

    'ownershipLens.github.apiUrl': async () => {
      const seen: string[] = [];
      const other = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"message":"Bad credentials"}');
      });
      await new Promise<void>(r => other.listen(0, '127.0.0.1', r));
      const config = vscode.workspace.getConfiguration('ownershipLens.github');
      const good = config.inspect<string>('apiUrl')!.globalValue;
      try {
        await config.update(
          'apiUrl',
          `http://127.0.0.1:${(other.address() as { port: number }).port}`,
          G,
        );
        await vscode.commands.executeCommand('ownershipLens.refresh');
        assert.ok(seen.length > 0, 'the refresh went to the new host');
      } finally {
        await config.update('apiUrl', good, G);
        other.close();
      }
    },

    'ownershipLens.github.authentication': async () => {
      const a = await api();
      const data = a.pullRequests as unknown as {
        tokens: (s: GitHubSettings, interactive: boolean) => Promise<string | undefined>;
      };
      const tokens = data.tokens;
      const asked: string[] = [];
      // VS Code's sign-in would open a dialog: record which way the token is asked for, then answer none.
      data.tokens = async s => {
        asked.push(s.authentication);
        return undefined;
      };
      const config = vscode.workspace.getConfiguration('ownershipLens.github');
      try {
        await config.update('authentication', 'vscode', G);
        await vscode.commands.executeCommand('ownershipLens.refresh');
        assert.strictEqual(asked[0], 'vscode');
        await config.update('authentication', 'environment', G);
        await vscode.commands.executeCommand('ownershipLens.refresh');
        assert.strictEqual(asked.at(-1), 'environment');
      } finally {
        data.tokens = tokens;
        await config.update('authentication', 'environment', G);
      }
    },

    'ownershipLens.report.teamOnly': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.report');
      try {
        await config.update('teamOnly', true, G);
        await waitFor(
          'team-only figures',
          async () => (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))?.teamOnly,
        );
      } finally {
        await config.update('teamOnly', undefined, G);
      }
      await waitFor(
        'figures with people again',
        async () => (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))?.teamOnly === false,
      );
    },

    'ownershipLens.github.repository': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.github');
      const statusRepo = async () =>
        (await treeRows(a, 0)).find(r => r.node.kind === 'pullRequests')?.node as
          Extract<Node, { kind: 'pullRequests' }> | undefined;
      assert.strictEqual((await statusRepo())?.data.repo, 'acme/shop');
      try {
        await config.update('repository', 'acme/elsewhere', G);
        await waitFor(
          'the tree on the other repository',
          async () => (await statusRepo())?.data.repo === 'acme/elsewhere',
        );
      } finally {
        await config.update('repository', undefined, G);
      }
      await waitFor(
        'the tree on acme/shop again',
        async () => (await statusRepo())?.data.repo === 'acme/shop',
      );
    },

    'ownershipLens.teams.otherRepositories': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.teams');
      const across = async () =>
        (await a.ctx.tree.getChildren()).find(n => n.kind === 'teamsAcross') as
          Extract<Node, { kind: 'teamsAcross' }> | undefined;
      assert.strictEqual(await across(), undefined);
      try {
        await config.update('otherRepositories', ['acme/not-fetched'], G);
        const node = await waitFor('teams across repositories', across);
        assert.deepStrictEqual(node.view.pending, ['acme/not-fetched']);
      } finally {
        await config.update('otherRepositories', undefined, G);
      }
      await waitFor('no teams across repositories', async () => (await across()) === undefined);
    },
    'ownershipLens.figures.source': async () => {
      // The sample has a real git history: "git" computes the team figures from it with no GitHub, and back.
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens');
      const status = async () =>
        (await treeRows(a, 0)).find(r => (r.contextValue ?? '').startsWith('pullRequests'));
      try {
        await config.update('figures.source', 'git', G);
        const row = await waitFor(
          'figures from git history',
          async () => {
            const r = await status();
            return r && /^pullRequests git ok/.test(r.contextValue ?? '') && r;
          },
          60000,
        );
        assert.strictEqual(row.label, 'Figures from git history');
        const platform = await waitFor(
          'Platform figured from git',
          async () =>
            (await treeRows(a, 0)).find(
              r => r.label === 'Platform' && /%/.test(r.description ?? ''),
            ),
          60000,
        );
        assert.match(
          platform.contextValue ?? '',
          /signal-doing-the-work/,
          "the lead does the work in the git history as in GitHub's",
        );
      } finally {
        await config.update('figures.source', undefined, G);
      }
      await waitFor(
        'the GitHub source again',
        async () => {
          const r = await status();
          return r && r.label !== 'Figures from git history';
        },
        30000,
      );
    },
  };

  it('checks every setting of package.json contributes.configuration', () => {
    const contributed = Object.keys(
      vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration
        .properties,
    ).sort();
    assert.deepStrictEqual(Object.keys(checks).sort(), contributed);
  });

  for (const [setting, check] of Object.entries(checks)) it(setting, check);

  it('team-only mode turned on and off changes an open team report and its exports at once', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('ownershipLens.report');
    const shown = await vscode.commands.executeCommand<TeamReportView>(
      'ownershipLens.showTeamReport',
      { team: 'platform' },
    );
    const panel = a.teamReports.current('platform')!;
    assert.ok(
      shown.figures!.authors.some(x => x.login === 'erin'),
      'the report names erin before',
    );
    assert.ok(shown.delegation.some(d => d.kind === 'owned' && d.candidate === 'erin'));
    const others = shown.figures!.authors.map(x => x.login).filter(l => l !== 'dan');
    assert.ok(others.length > 0);
    const csvOf = async (name: string) =>
      read(
        (await panel.exportTo(
          'csv',
          vscode.Uri.file(path.join(os.tmpdir(), `${name}-${process.pid}-${Date.now()}.csv`)),
        ))!,
      );
    const mdOf = async (name: string) =>
      read(
        (await panel.exportTo(
          'markdown',
          vscode.Uri.file(path.join(os.tmpdir(), `${name}-${process.pid}-${Date.now()}.md`)),
        ))!,
      );
    try {
      await config.update('teamOnly', true, G);
      const hidden = await waitFor(
        'the open report in team-only form',
        () => panel.report.teamOnly && panel.report,
      );
      assert.deepStrictEqual(
        hidden.figures!.authors.map(x => x.login),
        ['dan'],
        'no bars or rows for anyone but the lead',
      );
      assert.ok(
        hidden.figures!.topPullRequests.every(p => p.author === null || p.author === 'dan'),
      );
      const deploy = hidden.delegation.find(d => d.component === 'deploy')!;
      assert.ok(
        deploy.kind === 'owned' && deploy.candidate === null && deploy.candidateHidden,
        JSON.stringify(deploy),
      );
      const csv = await csvOf('team-only');
      // One table: `section` first, the item (a login on `author` rows) third.
      assert.deepStrictEqual(
        csvRows(csv)
          .filter(r => r[0] === 'author')
          .map(r => r[2]),
        ['dan'],
        csv,
      );
      for (const login of others)
        assert.doesNotMatch(
          csv,
          new RegExp(`\\b${login}\\b`),
          `${login} is named in the team-only CSV`,
        );
      const md = await mdOf('team-only');
      assert.match(
        md,
        /\| Deployment \| owned by the lead \| [\d,]+ of [\d,]+ \| candidate not named in team-only mode \(others wrote \d+% of its lines\) \|/,
      );
      assert.doesNotMatch(md, /nobody else changed it|could go to erin|\| erin \| \d/);
    } finally {
      await config.update('teamOnly', undefined, G);
    }
    const full = await waitFor(
      'the open report with people again',
      () => !panel.report.teamOnly && panel.report,
    );
    assert.ok(full.figures!.authors.some(x => x.login === 'erin'));
    const authorsAgain = csvRows(await csvOf('full'))
      .filter(r => r[0] === 'author')
      .map(r => r[2]);
    assert.deepStrictEqual(
      [...authorsAgain].sort(),
      [...shown.figures!.authors.map(x => x.login)].sort(),
      "the others' author rows come back",
    );
    assert.ok(authorsAgain.includes('erin'));
    assert.match(await mdOf('full'), /could go to erin/);
  });
});
