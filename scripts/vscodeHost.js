// Starts and stops a throw-away code-server (the real VS Code) from .vscode-test/host, loopback only.
// Shared by run-integration-tests.js and run-ui-tests.js.
'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const { ROOT, HOST, CODE_SERVER, NODE24_BIN, PLAYWRIGHT, CHROMIUM } = require('./hostLayout');

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'workbench.colorTheme': 'Default Light Modern',
};
// The workbench asks the extension gallery (open-vsx.org by default) at start: point it at a dead local port.
const GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/res/{publisher}/{name}/{version}/{path}',
});

/** Exits 2 with a clear message unless scripts/install-vscode-host.js has run. */
function requireHost() {
  const missing = [CODE_SERVER, path.join(NODE24_BIN, 'node'), PLAYWRIGHT, CHROMIUM].filter(
    p => !fs.existsSync(p),
  );
  if (missing.length) {
    console.error(
      `The VS Code test host is not installed (missing: ${missing.join(', ')}).\nRun: node scripts/install-vscode-host.js`,
    );
    process.exit(2);
  }
  return require(PLAYWRIGHT);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function waitPort(port, ms) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const once = () => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve();
      });
      s.on('error', () =>
        Date.now() > end ? reject(new Error('code-server did not listen')) : setTimeout(once, 150),
      );
    };
    once();
  });
}

/**
 * A fresh temp dir with its own user data, XDG dirs and TMPDIR, so nothing lands in $HOME.
 * `restricted`: workspace trust on and never prompted for, so the folder opens in Restricted Mode.
 */
function freshDirs(prefix, { restricted = false } = {}) {
  const base = path.join(HOST, 'tmp');
  fs.mkdirSync(base, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(base, prefix));
  const env = { TMPDIR: path.join(tmp, 't') };
  for (const [k, d] of [
    ['XDG_DATA_HOME', 'data'],
    ['XDG_CONFIG_HOME', 'config'],
    ['XDG_CACHE_HOME', 'cache'],
  ])
    env[k] = path.join(tmp, 'xdg', d);
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'user-data/User'), { recursive: true });
  const settings = restricted
    ? {
        ...SETTINGS,
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
      }
    : SETTINGS;
  fs.writeFileSync(
    path.join(tmp, 'user-data/User/settings.json'),
    JSON.stringify(settings, null, 2),
  );
  return { tmp, env };
}

/**
 * Under Debian's faketime this process's clock is moved, but VS Code starts the extension host
 * without LD_PRELOAD, so it would run on the real clock while the tests, the fixtures and the demo
 * data run on the moved one. The product's own clock (OWNERSHIP_LENS_NOW) carries the moved time
 * over instead; a clock already given is kept.
 */
function movedClock(env = process.env) {
  if (env.OWNERSHIP_LENS_NOW) return {};
  const faked = env.FAKETIME !== undefined || /faketime/i.test(env.LD_PRELOAD ?? '');
  return faked ? { OWNERSHIP_LENS_NOW: new Date().toISOString() } : {};
}

/**
 * Starts code-server in its own process group on 127.0.0.1; `stop()` kills that group.
 * `options.install`: a .vsix installed first (the demo); `options.smokeTestDriver: false` for a
 * plain workbench (no extension-development payload).
 */
async function startCodeServer({ tmp, env }, port, openPath, extraEnv = {}, options = {}) {
  const common = [
    '--user-data-dir',
    path.join(tmp, 'user-data'),
    '--extensions-dir',
    path.join(tmp, 'extensions'),
  ];
  if (options.install) {
    const r = require('child_process').spawnSync(
      CODE_SERVER,
      ['--config', '/dev/null', ...common, '--install-extension', options.install],
      {
        env: {
          ...process.env,
          ...env,
          PATH: `${NODE24_BIN}:${process.env.PATH}`,
          EXTENSIONS_GALLERY: GALLERY,
        },
        encoding: 'utf8',
      },
    );
    if (r.status !== 0)
      throw new Error(`could not install ${options.install}: ${r.stderr || r.stdout}`);
  }
  fs.writeFileSync(
    path.join(tmp, 'config.yaml'),
    `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`,
  );
  const log = fs.openSync(path.join(tmp, 'code-server.log'), 'w');
  const cs = spawn(
    CODE_SERVER,
    [
      '--config',
      path.join(tmp, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.restricted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // a built workbench honours the extensionDevelopmentPath/extensionTestsPath payload only with the smoke-test driver on
      ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
      openPath,
    ],
    {
      env: {
        ...process.env,
        ...env,
        ...movedClock(),
        ...extraEnv,
        PATH: `${NODE24_BIN}:${process.env.PATH}`,
        EXTENSIONS_GALLERY: GALLERY,
      },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const exited = new Promise(r => cs.on('exit', r));
  try {
    await Promise.race([
      waitPort(port, 60000),
      exited.then(() => {
        throw new Error(`code-server exited; see ${tmp}/code-server.log`);
      }),
    ]);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    stop: async () => {
      stop();
      await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
    },
  };
}

/** The workbench URL that loads this repository as the extension under development. */
function workbenchUrl(port, { folder, workspace, testsPath }) {
  const authority = `127.0.0.1:${port}`;
  const remote = p => `vscode-remote://${authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['skipWelcome', 'true'],
  ];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const open = workspace
    ? `workspace=${encodeURIComponent(workspace)}`
    : `folder=${encodeURIComponent(folder)}`;
  return `http://${authority}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function launchChromium(chromium, tmp, viewport) {
  return chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Records every request that leaves 127.0.0.1. Webview resources use the special origin
 * `*.vscode-resource.vscode-cdn.net`, which the webview's service worker answers from the
 * extension host: those pass only when a service worker did answer them.
 */
function watchRequests(context) {
  const external = new Set();
  const isWebviewResource = u => u.hostname.endsWith('.vscode-resource.vscode-cdn.net');
  context.on('request', r => {
    const u = new URL(r.url());
    if (
      !['data:', 'blob:', 'about:'].includes(u.protocol) &&
      !['127.0.0.1'].includes(u.hostname) &&
      !isWebviewResource(u)
    )
      external.add(`${u.protocol}//${u.host}`);
  });
  context.on('response', res => {
    const u = new URL(res.url());
    if (isWebviewResource(u) && !res.fromServiceWorker())
      external.add(`${u.protocol}//${u.host} (not served by the webview service worker)`);
  });
  context.on('requestfailed', r => {
    const u = new URL(r.url());
    if (isWebviewResource(u))
      external.add(`${u.protocol}//${u.host} (failed: ${r.failure()?.errorText})`);
  });
  return external;
}

/** Copies the fixture workspaces to a fresh place: tests edit them. */
function copyFixtures(tmp) {
  // Outside this repository, each folder its own repository root: OWNERS.yaml paths are relative to the folder with .git.
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-ws-'));
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspaces'), dest, { recursive: true });
  for (const e of fs.readdirSync(dest, { withFileTypes: true }))
    if (e.isDirectory()) fs.mkdirSync(path.join(dest, e.name, '.git'));
  stripNoCheck(dest);
  fs.writeFileSync(path.join(tmp, 'workspaces.txt'), dest);
  return dest;
}

/** The fixtures' `// @ts-nocheck` lines only keep this project's typecheck quiet; users never see them. */
function stripNoCheck(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) stripNoCheck(p);
    else if (/\.tsx?$/.test(e.name))
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/^\/\/ @ts-nocheck[^\n]*\n/, ''));
  }
}

/** Removes the copy made by copyFixtures. */
function removeFixtures(tmp) {
  const file = path.join(tmp, 'workspaces.txt');
  if (fs.existsSync(file))
    fs.rmSync(fs.readFileSync(file, 'utf8'), { recursive: true, force: true });
}

module.exports = {
  ROOT,
  HOST,
  requireHost,
  freePort,
  freshDirs,
  startCodeServer,
  workbenchUrl,
  launchChromium,
  watchRequests,
  copyFixtures,
  removeFixtures,
};
