#!/usr/bin/env node
// Drives the real VS Code workbench (code-server from .vscode-test/host) in headless Chromium with
// test/ui/workbench.ui.js, on a fresh copy of the acme fixture, saving screenshots into docs/images/.
// Fails on any browser request that leaves 127.0.0.1. Exit 0 passed, 1 failed, 2 harness error.
'use strict';
const fs = require('fs');
const path = require('path');
const host = require('./vscodeHost');
const { startDemoEnvironment } = require('./demo/demoEnvironment');
const { startTeamsEnvironment } = require('./demo/teamsEnvironment');

const chromium = host.requireHost().chromium;
const SHOTS = path.resolve(process.env.SCREENSHOTS_DIR || path.join(host.ROOT, 'docs/images'));

(async () => {
  const t0 = Date.now();
  const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const dirs = host.freshDirs('ui-'); // the run's failure screenshots and the first part's VS Code
  let code = 2,
    context,
    external = new Set();
  const servers = [];
  // Each part: its own VS Code (user data, settings, fake GitHub) and a new page in one browser.
  const parts = [
    [
      'workbench.ui.js',
      async () => {
        // the acme fixture
        const ws = path.join(host.copyFixtures(dirs.tmp), 'acme');
        return { dirs, open: ws, where: { folder: ws }, env: {}, wsDir: ws, stop: async () => {} };
      },
    ],
    [
      'report.ui.js',
      async () => {
        // the sample repository with the project's fake GitHub behind user settings
        const partDirs = host.freshDirs('ui-report-');
        const demo = await startDemoEnvironment(partDirs);
        return {
          dirs: partDirs,
          open: demo.ws,
          where: { folder: demo.ws },
          env: demo.env,
          wsDir: demo.ws,
          stop: demo.stop,
        };
      },
    ],
    [
      'teams.ui.js',
      async () => {
        // a team across repositories: two folders open, a third from the setting
        const partDirs = host.freshDirs('ui-teams-');
        const teams = await startTeamsEnvironment(partDirs);
        return {
          dirs: partDirs,
          open: path.dirname(teams.workspace),
          where: { workspace: teams.workspace },
          env: teams.env,
          stop: teams.stop,
        };
      },
    ],
  ];
  try {
    context = await host.launchChromium(chromium, dirs.tmp, { width: 1280, height: 800 });
    external = host.watchRequests(context);
    fs.mkdirSync(SHOTS, { recursive: true });
    code = 1;
    let passed = 0,
      failed = 0;
    for (const [script, start] of parts) {
      const part = await start();
      try {
        const port = await host.freePort();
        const server = await host.startCodeServer(part.dirs, port, part.open, part.env);
        servers.push(server);
        log(`${script}: code-server on 127.0.0.1:${port}`);
        const page =
          context.pages().find(p => p.url() === 'about:blank') || (await context.newPage());
        page.on('pageerror', e => log('[pageerror]', e.message));
        const { run } = require(path.join(host.ROOT, 'test/ui', script));
        const failShot = path.join(dirs.tmp, `${script.replace('.ui.js', '')}-failure.png`);
        const logsDir = path.join(part.dirs.tmp, 'user-data/logs');
        const r = await run({
          page,
          url: host.workbenchUrl(port, part.where),
          wsDir: part.wsDir,
          shotsDir: SHOTS,
          failShot,
          log,
          logsDir,
        });
        passed += r.passed;
        failed += r.failed;
        await server.stop();
      } finally {
        await part.stop();
      }
    }
    console.log(`\n  ${passed} passing`);
    if (failed) console.log(`  ${failed} failing`);
    code = failed ? 1 : 0;
  } catch (e) {
    console.error('UI harness error:', e);
  } finally {
    if (context) await context.close().catch(() => {});
    for (const server of servers) await server.stop();
  }
  if (external.size) {
    console.error(`FAIL: the browser made non-loopback requests: ${[...external].join(', ')}`);
    console.log('  1 failing');
    code = code === 2 ? 2 : 1;
  } else {
    log('no request left 127.0.0.1');
  }
  if (code === 0 && !process.env.KEEP_TMP) {
    host.removeFixtures(dirs.tmp);
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  } else console.log(`logs kept in ${dirs.tmp}`);
  log(code === 0 ? 'UI PASSED' : 'UI FAILED');
  process.exit(code);
})();
