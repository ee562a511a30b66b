import * as assert from 'assert';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TeamReportView } from '../../../src/core/report/teamReport';
import type { GitHubSettings } from '../../../src/vscode/github/githubSettings';
import type { Node } from '../../../src/vscode/tree/nodes';
import { api, EXTENSION_ID, file, sleep, treeRows, waitFor } from '../helpers';

// Runs after pullRequests.test (files run in name order): the demo's pull requests are fetched.
// Every setting the extension contributes must take effect when it changes, without a reload.

const G = vscode.ConfigurationTarget.Global;
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('settings take effect when they change, without a reload (the real editor)', function () {
  this.timeout(60_000);

  /** One check per contributed setting: change it, see its effect, put it back. */
  const checks: Record<string, () => Promise<void>> = {
    'ownershipLens.ownersFile': async () => {
      const a = await api();
      const alt = file('alt/OWNERS.yaml');
      await vscode.workspace.fs.writeFile(alt, new TextEncoder().encode('version: 1\nteams:\n  alt-team: { lead: maya }\ncomponents:\n  web: { team: alt-team, owner: maya, paths: [/web/] }\n'));
      const config = vscode.workspace.getConfiguration('ownershipLens');
      try {
        await config.update('ownersFile', 'alt/OWNERS.yaml', G);
        await waitFor('the other OWNERS file', () => a.ctx.store.states()[0]?.ownersUri.path.endsWith('/alt/OWNERS.yaml') && a.ctx.store.states()[0].model.teams.has('alt-team'));
      } finally {
        await config.update('ownersFile', undefined, G);
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(alt, '..'), { recursive: true });
      }
      await waitFor('OWNERS.yaml again', () => a.ctx.store.states()[0]?.ownersUri.toString() === file('OWNERS.yaml').toString() && a.ctx.store.states()[0].model.teams.has('payments'));
    },

    'ownershipLens.tree.groupBy': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.tree');
      assert.strictEqual(a.ctx.tree.grouping, 'team');
      try {
        await config.update('groupBy', 'owner', G);
        await waitFor('the tree grouped by owner', () => a.ctx.tree.grouping === 'owner');
        const rows = await treeRows(a, 0);
        assert.ok(rows.some(r => r.node.kind === 'person') && !rows.some(r => r.node.kind === 'team'), rows.map(r => r.label).join(', '));
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
        assert.notStrictEqual(a.ctx.store.states()[0].current.text, doc.getText(), 'reparsed before a ten-minute delay');
        // The edit waiting for the old delay waits for the new one.
        await config.update('debounceMs', 0, G);
        await waitFor('the reparse after the shorter delay', () => a.ctx.store.states()[0].current.text === doc.getText());
      } finally {
        await config.update('debounceMs', undefined, G);
        const undo = new vscode.WorkspaceEdit();
        undo.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
        await vscode.workspace.applyEdit(undo);
        await doc.save();
      }
      await waitFor('the original text parsed again', () => a.ctx.store.states()[0].current.text === original);
    },

    'ownershipLens.github.apiUrl': async () => {
      const seen: string[] = [];
      const other = http.createServer((req, res) => { seen.push(`${req.method} ${req.url}`); res.writeHead(401, { 'content-type': 'application/json' }); res.end('{"message":"Bad credentials"}'); });
      await new Promise<void>(r => other.listen(0, '127.0.0.1', r));
      const config = vscode.workspace.getConfiguration('ownershipLens.github');
      const good = config.inspect<string>('apiUrl')!.globalValue;
      try {
        await config.update('apiUrl', `http://127.0.0.1:${(other.address() as { port: number }).port}`, G);
        await vscode.commands.executeCommand('ownershipLens.refresh');
        assert.ok(seen.length > 0, 'the refresh went to the new host');
      } finally {
        await config.update('apiUrl', good, G);
        other.close();
      }
    },

    'ownershipLens.github.authentication': async () => {
      const a = await api();
      const data = a.pullRequests as unknown as { tokens: (s: GitHubSettings, interactive: boolean) => Promise<string | undefined> };
      const tokens = data.tokens;
      const asked: string[] = [];
      // VS Code's sign-in would open a dialog: record which way the token is asked for, then answer none.
      data.tokens = async s => { asked.push(s.authentication); return undefined; };
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
        await waitFor('team-only figures', async () => (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))?.teamOnly);
      } finally {
        await config.update('teamOnly', undefined, G);
      }
      await waitFor('figures with people again', async () => (await a.pullRequests.figuresFor(a.ctx.store.states()[0]))?.teamOnly === false);
    },

    'ownershipLens.github.repository': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.github');
      const statusRepo = async () => (await treeRows(a, 0)).find(r => r.node.kind === 'pullRequests')?.node as Extract<Node, { kind: 'pullRequests' }> | undefined;
      assert.strictEqual((await statusRepo())?.data.repo, 'acme/shop');
      try {
        await config.update('repository', 'acme/elsewhere', G);
        await waitFor('the tree on the other repository', async () => (await statusRepo())?.data.repo === 'acme/elsewhere');
      } finally {
        await config.update('repository', undefined, G);
      }
      await waitFor('the tree on acme/shop again', async () => (await statusRepo())?.data.repo === 'acme/shop');
    },

    'ownershipLens.teams.otherRepositories': async () => {
      const a = await api();
      const config = vscode.workspace.getConfiguration('ownershipLens.teams');
      const across = async () => (await a.ctx.tree.getChildren()).find(n => n.kind === 'teamsAcross') as Extract<Node, { kind: 'teamsAcross' }> | undefined;
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
      const status = async () => (await treeRows(a, 0)).find(r => (r.contextValue ?? '').startsWith('pullRequests'));
      try {
        await config.update('figures.source', 'git', G);
        const row = await waitFor('figures from git history', async () => { const r = await status(); return r && /^pullRequests git ok/.test(r.contextValue ?? '') && r; }, 60000);
        assert.strictEqual(row.label, 'Figures from git history');
        const platform = await waitFor('Platform figured from git', async () => (await treeRows(a, 0)).find(r => r.label === 'Platform' && /%/.test(r.description ?? '')), 60000);
        assert.match(platform.contextValue ?? '', /signal-doing-the-work/, 'the lead does the work in the git history as in GitHub\'s');
      } finally {
        await config.update('figures.source', undefined, G);
      }
      await waitFor('the GitHub source again', async () => { const r = await status(); return r && r.label !== 'Figures from git history'; }, 30000);
    },
  };

  it('checks every setting of package.json contributes.configuration', () => {
    const contributed = Object.keys(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties).sort();
    assert.deepStrictEqual(Object.keys(checks).sort(), contributed);
  });

  for (const [setting, check] of Object.entries(checks)) it(setting, check);

  it('team-only mode turned on and off changes an open team report and its exports at once', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('ownershipLens.report');
    const shown = await vscode.commands.executeCommand<TeamReportView>('ownershipLens.showTeamReport', { team: 'platform' });
    const panel = a.teamReports.current('platform')!;
    assert.ok(shown.figures!.authors.some(x => x.login === 'erin'), 'the report names erin before');
    assert.ok(shown.delegation.some(d => d.kind === 'owned' && d.candidate === 'erin'));
    const csvOf = async (name: string) => read((await panel.exportTo('csv', vscode.Uri.file(path.join(os.tmpdir(), `${name}-${process.pid}-${Date.now()}.csv`))))!);
    const mdOf = async (name: string) => read((await panel.exportTo('markdown', vscode.Uri.file(path.join(os.tmpdir(), `${name}-${process.pid}-${Date.now()}.md`))))!);
    try {
      await config.update('teamOnly', true, G);
      const hidden = await waitFor('the open report in team-only form', () => panel.report.teamOnly && panel.report);
      assert.deepStrictEqual(hidden.figures!.authors.map(x => x.login), ['dan'], 'no bars or rows for anyone but the lead');
      assert.ok(hidden.figures!.topPullRequests.every(p => p.author === null || p.author === 'dan'));
      const deploy = hidden.delegation.find(d => d.component === 'deploy')!;
      assert.ok(deploy.kind === 'owned' && deploy.candidate === null && deploy.candidateHidden, JSON.stringify(deploy));
      const csv = await csvOf('team-only');
      // the author rows (section, team, item, ...): the lead alone; month and signal rows name nobody
      assert.deepStrictEqual(csv.trim().split('\r\n').filter(row => row.startsWith('author,')).map(row => row.split(',')[2]), ['dan'], csv);
      const md = await mdOf('team-only');
      // plain Markdown, pasteable as it is
      assert.match(md, /\| Deployment \| owned by the lead \| [\d,]+ of [\d,]+ \| candidate not named in team-only mode \(others wrote \d+% of its lines\) \|/);
      assert.doesNotMatch(md, /nobody else changed it|could go to erin|\| erin \| \d/);
    } finally {
      await config.update('teamOnly', undefined, G);
    }
    const full = await waitFor('the open report with people again', () => !panel.report.teamOnly && panel.report);
    assert.ok(full.figures!.authors.some(x => x.login === 'erin'));
    assert.ok((await csvOf('full')).split('\r\n').some(row => row.startsWith('author,') && row.split(',')[2] === 'erin'));
    assert.match(await mdOf('full'), /could go to erin/);
  });
});
