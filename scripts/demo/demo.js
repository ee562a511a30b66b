#!/usr/bin/env node
// `npm run demo`: the whole product in a real VS Code in the browser, offline, no GitHub token.
// Builds and packages the extension, installs it into a throw-away code-server, opens a copy of
// demo/workspace (a git repository whose remote is acme/shop), and serves demo/pull-requests.json
// (derived from real cluster-api history) from the project's own GitHub-like server on loopback.
// Prints the URL; Ctrl+C stops everything. DEMO_PORT sets the port (default 8080).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const host = require(path.join(ROOT, 'scripts/vscodeHost.js'));
const { startDemoEnvironment } = require('./demoEnvironment');

class DemoFailed extends Error {}

/** code-server would fail to bind while our readiness check talks to whoever holds the port. */
function portIsFree(port) {
  return new Promise(resolve => {
    const probe = require('net').createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function main() {
  console.log(
    'Ownership Lens demo: a real VS Code in your browser, on loopback, no token and no network.',
  );
  if (
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/install-vscode-host.js')], {
      stdio: 'inherit',
    }).status !== 0
  ) {
    throw new DemoFailed(
      'the demo needs the VS Code host, and its install failed (the reason is above).',
    );
  }
  host.requireHost();
  console.log('Packaging the extension…');
  const vsix = path.join(ROOT, 'ownership-lens.vsix');
  const pack = spawnSync(
    path.join(ROOT, 'node_modules/.bin/vsce'),
    [
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '-o',
      vsix,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (pack.status !== 0)
    throw new DemoFailed(
      `packaging the extension failed (vsce exit ${pack.status}):\n${(pack.stderr || pack.stdout || String(pack.error)).trim()}`,
    );
  console.log('Starting VS Code and the sample GitHub…');

  const dirs = host.freshDirs('demo-');
  const demo = await startDemoEnvironment(dirs, {
    theme: 'Default Dark Modern',
    acrossRepositories: true,
  });
  const ws = demo.ws;
  const port = Number(process.env.DEMO_PORT || 8080);
  if (!(await portIsFree(port))) {
    await demo.stop();
    throw new DemoFailed(
      `port ${port} on 127.0.0.1 is already in use (another demo?). Stop it, or choose another port: DEMO_PORT=8081 npm run demo`,
    );
  }
  let cs;
  try {
    cs = await host.startCodeServer(dirs, port, ws, demo.env, {
      install: vsix,
      smokeTestDriver: false,
    });
  } catch (e) {
    await demo.stop();
    const busy = /EADDRINUSE|did not listen/.test(String(e.message))
      ? ` Is port ${port} taken? Choose another: DEMO_PORT=8081 npm run demo.`
      : '';
    throw new DemoFailed(
      `VS Code did not start: ${e.message}.${busy}\nIts log: ${path.join(dirs.tmp, 'code-server.log')}`,
    );
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`;
  console.log(`
Ownership Lens demo is running.

  Open:  ${url}

  Try:   the Ownership view in the activity bar: each team's signal, the lead's share and its
         direction, the one next step; its ? button says what every icon means
         hover an import in services/checkout/src/index.ts
         F1 > "Ownership: Refresh Pull Request Data", then "Ownership: Show Team Report"
         F1 > "Ownership: Hand Off Component…" (or click "Next: hand Deployment to erin")
         "Teams across 3 repositories": Platform over acme/shop, acme/tools and acme/infra
         edit a file, then F1 > "Ownership: Show Owners of Changed Files" (a real git history)
         the setting "ownershipLens.figures.source": "git": the same figures from the history, no GitHub
         OWNERS.yaml: hover a component for who knows its files (bus factor, from git)

  Fake GitHub (acme/shop, ${demo.pullRequests} merged pull requests over the last year; the tree's
  figures count those in their window, bots and ignored authors left out): ${demo.github.url}
  Also served: ${demo.otherRepositories.join(', ')}.
  Extensions folder: ${path.join(dirs.tmp, 'extensions')}
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

main().catch(e => {
  console.error(`\nThe demo did not start: ${e instanceof DemoFailed ? e.message : e.stack || e}`);
  console.error('Fix the cause above and run `npm run demo` again.');
  process.exit(1);
});
