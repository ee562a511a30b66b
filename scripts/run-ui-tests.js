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
  const dirs = host.freshDirs('ui-');
  let code = 2, server, context, external = new Set();
  try {
    const ws = path.join(host.copyFixtures(dirs.tmp), 'acme');
    const port = await host.freePort();
    server = await host.startCodeServer(dirs, port, ws);
    log(`code-server on 127.0.0.1:${port}`);
    context = await host.launchChromium(chromium, dirs.tmp, { width: 1280, height: 800 });
    external = host.watchRequests(context);
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', e => log('[pageerror]', e.message));
    fs.mkdirSync(SHOTS, { recursive: true });
    const { run } = require(path.join(host.ROOT, 'test/ui/workbench.ui.js'));
    code = 1;
    const { passed, failed } = await run({ page, url: host.workbenchUrl(port, { folder: ws }), wsDir: ws, shotsDir: SHOTS, failDir: dirs.tmp, log });
    // The team report: the sample repository with the project's fake GitHub behind user settings.
    await server.stop();
    const reportDirs = host.freshDirs('ui-report-');
    const demo = await startDemoEnvironment(reportDirs);
    let report = { passed: 0, failed: 1 };
    try {
      const reportPort = await host.freePort();
      server = await host.startCodeServer(reportDirs, reportPort, demo.ws, demo.env);
      const page2 = await context.newPage();
      page2.on('pageerror', e => log('[pageerror]', e.message));
      const { run: runReport } = require(path.join(host.ROOT, 'test/ui/report.ui.js'));
      report = await runReport({ page: page2, url: host.workbenchUrl(reportPort, { folder: demo.ws }), shotsDir: SHOTS, log });
      if (report.failed) await page2.screenshot({ path: path.join(dirs.tmp, 'ui-report-failure.png') }).catch(() => {});
    } finally {
      await demo.stop();
    }
    // A team across repositories: two folders open, a third from the setting, one fake GitHub for all.
    await server.stop();
    const teamsDirs = host.freshDirs('ui-teams-');
    const teamsEnv = await startTeamsEnvironment(teamsDirs);
    let teams = { passed: 0, failed: 1 };
    try {
      const teamsPort = await host.freePort();
      server = await host.startCodeServer(teamsDirs, teamsPort, path.dirname(teamsEnv.workspace), teamsEnv.env);
      const page3 = await context.newPage();
      page3.on('pageerror', e => log('[pageerror]', e.message));
      const { run: runTeams } = require(path.join(host.ROOT, 'test/ui/teams.ui.js'));
      teams = await runTeams({ page: page3, url: host.workbenchUrl(teamsPort, { workspace: teamsEnv.workspace }), shotsDir: SHOTS, log });
      if (teams.failed) await page3.screenshot({ path: path.join(dirs.tmp, 'ui-teams-failure.png') }).catch(() => {});
    } finally {
      await teamsEnv.stop();
    }
    const ok = passed + report.passed + teams.passed, bad = failed + report.failed + teams.failed;
    console.log(`\n  ${ok} passing`);
    if (bad) console.log(`  ${bad} failing`);
    code = bad ? 1 : 0;
  } catch (e) {
    console.error('UI harness error:', e);
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) await server.stop();
  }
  if (external.size) {
    console.error(`FAIL: the browser made non-loopback requests: ${[...external].join(', ')}`);
    console.log('  1 failing');
    code = code === 2 ? 2 : 1;
  } else {
    log('no request left 127.0.0.1');
  }
  if (code === 0 && !process.env.KEEP_TMP) { host.removeFixtures(dirs.tmp); fs.rmSync(dirs.tmp, { recursive: true, force: true }); }
  else console.log(`logs kept in ${dirs.tmp}`);
  log(code === 0 ? 'UI PASSED' : 'UI FAILED');
  process.exit(code);
})();
