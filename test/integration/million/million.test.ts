import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import type { Node } from '../../../src/vscode/tree/nodes';
import { api, EXTENSION_ID, file, folderUri, waitFor } from '../helpers';
import { computeCoverage } from '../../../src/core/owners/resolve';
import type { OwnersDiagnostic } from '../../../src/core/owners/model';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (ms: number) => Math.round(ms * 1000) / 1000;
const mb = (bytes: number) => Math.round(bytes / (1 << 20));
const timeSync = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/**
 * A million files and 5,000 components (test/fixtures/millionRepo.ts), measured inside the
 * extension host; figures go to $OWNERSHIP_LENS_BENCH_OUT for `npm run bench`. The assertions
 * check answers, not times: the times are the bench's to report.
 */
describe('a repository of a million files', () => {
  const figures: Record<string, unknown> = {};
  after(() => {
    const out = process.env.OWNERSHIP_LENS_BENCH_OUT;
    if (out) fs.writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
    console.log(`bench figures: ${JSON.stringify(figures)}`);
  });

  it('renders the tree, lists the files and counts coverage', async function () {
    this.timeout(600_000);
    void vscode.commands.executeCommand('workbench.view.extension.ownershipLens');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const a = ext.isActive ? ext.exports : await ext.activate();
    const firstTreeRenderMs = await a.timings.firstTreeRender;
    await a.ctx.store.ready;
    const state = a.ctx.store.states()[0];
    // How long the main thread is ever blocked while the list is read and counted (a child process counts).
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    await state.files.ready;
    const listedAt = await a.timings.filesListed;
    let t = performance.now();
    await state.analysed();
    const coverageMs = performance.now() - t;
    stalls.disable();
    const coverage = state.coverage();
    const roots = await a.ctx.tree.getChildren();
    const unowned = roots.find((n: Node) => n.kind === 'unowned')!;
    t = performance.now();
    const item = a.ctx.tree.getTreeItem(unowned);
    const unownedNodeMs = performance.now() - t;
    t = performance.now();
    const folders = await a.ctx.tree.getChildren(unowned);
    const unownedExpandMs = performance.now() - t;
    t = performance.now();
    const problems = a.diagnostics.compute(state);
    const diagnosticsMs = performance.now() - t;
    const inWorker = await waitFor<OwnersDiagnostic[]>(
      'diagnostics from the child process',
      () => state.workerDiagnostics(),
      60_000,
    );
    assert.deepStrictEqual(
      inWorker.map(d => `${d.code}@${d.span.line}`),
      problems.map((d: vscode.Diagnostic) => `${d.code}@${d.range.start.line + 1}`),
    );
    figures.mainThreadLongestStallMs = Math.round(stalls.max / 1e6);
    figures.coverageSyncMs = round(timeSync(() => computeCoverage(state.index, state.files.all())));
    Object.assign(figures, {
      vscode: vscode.version,
      components: state.model.components.size,
      files: state.files.all().length,
      fileSource: state.files.source,
      activateMs: a.timings.activateMs,
      ownersLoadedMs: await a.timings.ownersLoaded,
      firstTreeRenderMs,
      filesListedMs: listedAt,
      coverageProcessMs: round(coverageMs),
      unownedNodeMs: round(unownedNodeMs),
      unownedExpandMs: round(unownedExpandMs),
      diagnosticsMs: round(diagnosticsMs),
      unownedDescription: item.description,
      unownedFolders: folders.length,
      problems: problems.length,
    });
    assert.strictEqual(state.model.components.size, 5000);
    assert.strictEqual(state.files.source, 'git');
    assert.ok(!state.files.has('build/out-0/chunk-0.js'), 'an ignored file was listed');
    assert.strictEqual(coverage.totalFiles, state.files.all().length);
    assert.ok(coverage.totalFiles > 990_000, `${coverage.totalFiles} files`);
  });

  it('answers hovers and Explorer decorations from the cached list', async function () {
    this.timeout(600_000);
    const a = await api();
    const state = a.ctx.store.states()[0];
    const doc = await vscode.workspace.openTextDocument(
      file('services/area-49/svc-4999/src/file-2.ts'),
    );
    const pos = doc.positionAt(doc.getText().indexOf('./file-1') + 3);
    const hover: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      assert.ok(a.hover.provideHover(doc, pos), 'hover answered');
      hover.push(performance.now() - t);
    }
    const all = state.files.all();
    const decoration: number[] = [];
    const root = folderUri();
    for (let i = 0; i < 2000; i++) {
      const uri = vscode.Uri.joinPath(root, all[(i * 7919) % all.length]);
      const t = performance.now();
      const d = a.decorations.provideFileDecoration(uri);
      decoration.push(performance.now() - t);
      assert.ok(d && /Owner: /.test(String(d.tooltip)), `decoration of ${uri.path}`);
    }
    const mem = process.memoryUsage();
    Object.assign(figures, {
      hoverP50Ms: round(percentile(hover, 0.5)),
      hoverP95Ms: round(percentile(hover, 0.95)),
      decorationP50Ms: round(percentile(decoration, 0.5)),
      decorationP95Ms: round(percentile(decoration, 0.95)),
      hostRssMb: mb(mem.rss),
      hostHeapUsedMb: mb(mem.heapUsed),
    });
  });

  it('the CLI agrees: validate over the same repository', async function () {
    this.timeout(600_000);
    const a = await api();
    const state = a.ctx.store.states()[0];
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    let t = performance.now();
    const git = spawnSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
      cwd: folderUri().fsPath,
      maxBuffer: 1 << 30,
    });
    Object.assign(figures, { gitLsFilesMs: Math.round(performance.now() - t) });
    assert.strictEqual(git.status, 0);
    t = performance.now();
    const r = spawnSync(
      process.execPath,
      [path.join(ext.extensionPath, 'dist/cli.js'), 'validate', '--json'],
      { cwd: folderUri().fsPath, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    Object.assign(figures, { cliValidateMs: Math.round(performance.now() - t) });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(
      JSON.parse(r.stdout).map((d: { code: string; line: number }) => `${d.code}@${d.line}`),
      a.diagnostics.compute(state).map(d => `${d.code}@${d.range.start.line + 1}`),
    );
  });
});
