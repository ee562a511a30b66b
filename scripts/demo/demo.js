#!/usr/bin/env node
// `npm run demo`: the whole product in a real VS Code in the browser, offline, no GitHub token.
// Builds and packages the extension, installs it into a throw-away code-server, opens a copy of
// demo/workspace (a git repository whose remote is acme/shop), and serves demo/pull-requests.json
// (derived from real cluster-api history) from the project's own GitHub-like server on loopback.
// Prints the URL; Ctrl+C stops everything. DEMO_PORT sets the port (default 8080).
'use strict';
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const host = require(path.join(ROOT, 'scripts/vscodeHost.js'));
const { startDemoEnvironment } = require('./demoEnvironment');

async function main() {
  if (spawnSync('bash', [path.join(ROOT, 'scripts/install-vscode-host.sh')], { stdio: 'inherit' }).status !== 0) process.exit(2);
  host.requireHost();
  console.log('Packaging the extension…');
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', path.join(ROOT, 'ownership-lens.vsix')], { cwd: ROOT, stdio: 'ignore' });

  const dirs = host.freshDirs('demo-');
  const demo = await startDemoEnvironment(dirs, { theme: 'Default Dark Modern' });
  const ws = demo.ws;
  const port = Number(process.env.DEMO_PORT || 8080);
  const cs = await host.startCodeServer(dirs, port, ws, demo.env, { install: path.join(ROOT, 'ownership-lens.vsix'), smokeTestDriver: false });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`;
  console.log(`
Ownership Lens demo is running.

  Open:  ${url}

  Try:   the Ownership view in the activity bar (teams, flags, components, unowned folders)
         hover an import in services/checkout/src/index.ts
         F1 > "Ownership: Refresh Pull Request Data", then "Ownership: Show Team Report"
         F1 > "Ownership: Hand Off Component…"

  Fake GitHub (acme/shop, ${demo.pullRequests} merged pull requests): ${demo.github.url}
  Press Ctrl+C to stop.`);
  const stop = async () => {
    await cs.stop();
    await demo.stop();
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.DEMO_EXIT_AFTER_MS) setTimeout(stop, Number(process.env.DEMO_EXIT_AFTER_MS));
}

main().catch(e => { console.error(`demo failed: ${e.message}`); process.exit(1); });
