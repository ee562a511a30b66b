import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Activation, first tree render and hover latency measured inside the real VS Code extension host
 * on a generated 5,000-component repository (the `bench` integration suite writes the figures).
 */
export async function run(log: (line: string) => void): Promise<void> {
  log('## In the VS Code extension host: 5,000-component OWNERS.yaml');
  // The same one-time install as `npm test`; its progress goes to the terminal, not into the figures.
  const install = spawnSync(process.execPath, [path.join(ROOT, 'scripts/install-vscode-host.js')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) {
    log(`not measured: the VS Code test host could not be installed (exit ${install.status}; the reason is printed above)`);
    return;
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ol-bench-')), 'figures.json');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-integration-tests.js')], {
    cwd: ROOT, env: { ...process.env, SUITES: 'bench', OWNERSHIP_LENS_BENCH_OUT: out }, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (r.status !== 0 || !fs.existsSync(out)) {
    log(`failed (exit ${r.status}): ${(r.stderr || r.stdout).split('\n').slice(-5).join(' | ')}`);
    return;
  }
  const f = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, number | string>;
  const ms = (k: string) => `${Number(f[k]).toFixed(Number(f[k]) < 10 ? 2 : 0)} ms`;
  log(`VS Code ${f.vscode}, ${f.components} components, ${f.files} files`);
  log(`activate()                       ${ms('activateMs')}`);
  log(`OWNERS.yaml loaded               ${ms('ownersLoadedMs')}   (parse + index, off the activation path)`);
  log(`first tree render                ${ms('firstTreeRenderMs')}`);
  log(`tree, two levels warm (${f.treeRows} rows) ${ms('warmTreeTwoLevelsMs')}`);
  log(`import hover, our provider       p50 ${ms('hoverImportP50Ms')}, p95 ${ms('hoverImportP95Ms')}, max ${ms('hoverImportMaxMs')}`);
  log(`hover via VS Code (all providers) p50 ${ms('hoverRoundTripP50Ms')}, p95 ${ms('hoverRoundTripP95Ms')}`);
  log(`pattern hover in OWNERS.yaml     p50 ${ms('hoverOwnersPatternP50Ms')}, max ${ms('hoverOwnersPatternMaxMs')}`);
}
