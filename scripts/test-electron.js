#!/usr/bin/env node
// The same integration suites on desktop VS Code (Electron) through @vscode/test-electron. Not part of
// `npm test`: it needs a VS Code download (update.code.visualstudio.com), which this network blocks.
// Usage: node scripts/test-electron.js                 uses VSCODE_EXECUTABLE or a cached .vscode-test/vscode-* build, else skips
//        node scripts/test-electron.js --download      downloads 1.90.0 (the minimum engine) and stable, then runs
// Exit: 0 passed (or skipped, with a SKIPPED line), 1 failures or download error, 2 harness error.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const host = require('./vscodeHost');

const ROOT = host.ROOT;
const TESTS = path.join(ROOT, 'out/test/integration/index.js');
const SUITES = (process.env.SUITES || 'acme,multi').split(',');

function cachedExecutable() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  const cache = path.join(ROOT, '.vscode-test');
  const builds = fs.existsSync(cache)
    ? fs.readdirSync(cache).filter(d => d.startsWith('vscode-'))
    : [];
  for (const b of builds) {
    for (const exe of [
      'code',
      'VSCode-linux-x64/code',
      'Visual Studio Code.app/Contents/MacOS/Electron',
      'Code.exe',
    ]) {
      const p = path.join(cache, b, exe);
      if (fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

async function runSuite(runTests, suite, target) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-electron-'));
  const ws = host.copyFixtures(tmp);
  const open =
    suite === 'multi' ? path.join(ws, 'multi-root.code-workspace') : path.join(ws, 'acme');
  try {
    await runTests({
      ...target,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: TESTS,
      extensionTestsEnv: { OWNERSHIP_LENS_SUITE: suite },
      launchArgs: [
        open,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        path.join(tmp, 'user-data'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
      ],
    });
    return 0;
  } catch (e) {
    console.error(
      `[${suite}] ${/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|download/i.test(String(e)) ? 'could not download VS Code: ' : ''}${e.message || e}`,
    );
    return 1;
  } finally {
    host.removeFixtures(tmp);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

(async () => {
  if (!fs.existsSync(TESTS)) {
    console.error(`${TESTS} is missing: run npm run build first`);
    process.exit(2);
  }
  const { runTests } = require('@vscode/test-electron');
  const executable = cachedExecutable();
  const download = process.argv.includes('--download');
  if (!executable && !download) {
    console.log(
      'SKIPPED: no desktop VS Code here. @vscode/test-electron would download it from update.code.visualstudio.com,',
    );
    console.log(
      'which this network cannot reach. Set VSCODE_EXECUTABLE=/path/to/code, or run with --download where the',
    );
    console.log(
      'download works. The same suites run in a real VS Code through `npm test` (code-server, see scripts/run-integration-tests.js).',
    );
    process.exit(0);
  }
  const targets = executable
    ? [{ vscodeExecutablePath: executable }]
    : [{ version: '1.90.0' }, { version: 'stable' }];
  let failed = 0;
  for (const target of targets) {
    for (const suite of SUITES) {
      console.log(`== ${suite} on ${target.version || target.vscodeExecutablePath}`);
      try {
        failed += await runSuite(runTests, suite, target);
      } catch (e) {
        console.error(
          `could not start VS Code (${target.version || target.vscodeExecutablePath}): ${e.message || e}`,
        );
        failed++;
      }
    }
  }
  process.exit(failed ? 1 : 0);
})();
