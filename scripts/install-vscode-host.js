#!/usr/bin/env node
// One-time install of the real VS Code that `npm test` and `npm run demo` use, from the npm
// registry and Debian's packages only: Node 24 (code-server needs it), code-server (VS Code
// 1.139), playwright-core, and Debian's Chromium. Safe to run again at any time:
//  - each stage is complete only when its marker is written; a stage without a marker (a failed
//    or interrupted run) is deleted and done again, so a second run always recovers;
//  - the npm variables of an outer `npm test` are removed (code-server's postinstall reads the
//    Node version from npm_config_user_agent and refused the outer Node 20);
//  - a lock makes a second concurrent run wait instead of installing into the same folders.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const L = require('./hostLayout');

const LOG = path.join(L.HOST, 'install.log');
const LOCK = path.join(L.HOST, '.install-lock');
const tty = process.stdout.isTTY;
let verbose = true; // false when everything is installed already: one line is enough
const RETRY =
  'Run the same command again (npm test, npm run demo, or: node scripts/install-vscode-host.js); it starts over from the step that failed.';

/** The parent's environment without the variables an outer npm exported for its own run. */
function cleanEnv(extra = {}) {
  const keep =
    /^npm_config_(registry|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|cache|userconfig|globalconfig|@.*:registry|\/\/.*)$/i;
  const env = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_/i.test(k) || keep.test(k)) env[k] = v;
  return {
    ...env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

const seconds = ms => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
};

function lastLines(file, n) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .filter(l => l.trim())
      .slice(-n);
  } catch {
    return [];
  }
}

class StepFailed extends Error {}

const displayPath = p => {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
};

/** Runs one command with its output in the log, showing elapsed time and what it is doing now. */
function run(label, cmd, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    fs.appendFileSync(LOG, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
    const out = fs.openSync(LOG, 'a');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const t0 = Date.now();
    const show = () => {
      // The newest line that says what is being built; compilers also print long runs of notes and carets.
      const recent = lastLines(LOG, 40).reverse();
      const now = (
        recent.find(l =>
          /\b(CXX|CC|LINK|SOLINK_MODULE|COPY|ACTION)\(target\)|^added \d|^> |Setting up|Unpacking/.test(
            l,
          ),
        ) ||
        recent.find(l => /[A-Za-z]{3}/.test(l) && !/^\s*(\d+\s*)?\||\b(note|warning):/.test(l)) ||
        ''
      )
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 70);
      const line = `    ${label}: ${seconds(Date.now() - t0)}${now ? `  ${now}` : ''}`;
      if (tty) process.stdout.write(`\r\x1b[K${line}`);
      else console.log(line);
    };
    const timer = setInterval(show, tty ? 1000 : 20000);
    const interrupt = signal => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      if (tty) process.stdout.write('\n');
      console.error(
        `\nInterrupted during "${label}". Nothing is half-installed: the next run starts this step over.`,
      );
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    child.on('error', e => {
      clearInterval(timer);
      reject(new StepFailed(`${label}: could not start ${cmd}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      process.removeListener('SIGINT', interrupt);
      process.removeListener('SIGTERM', interrupt);
      if (tty) process.stdout.write('\r\x1b[K');
      if (code === 0) return resolve(Date.now() - t0);
      reject(
        new StepFailed(
          `${label} failed after ${seconds(Date.now() - t0)} (${signal ? `signal ${signal}` : `exit ${code}`}).`,
        ),
      );
    });
  });
}

function writePackageJson(dir) {
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: path.basename(dir), private: true, version: '0.0.0' }, null, 2),
  );
}

/** A stage is done again from an empty folder unless its marker says it completed. */
async function stage(title, estimate, dir, { present, check }, install) {
  const marker = L.markerOf(dir);
  if (fs.existsSync(marker) && present()) {
    if (verbose) console.log(`  ✓ ${title}: ready`);
    return;
  }
  console.log(`  • ${title} (usually ${estimate})`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  writePackageJson(dir);
  const t0 = Date.now();
  await install(dir);
  if (!check())
    throw new StepFailed(`${title}: installed, but the result does not work (see the log).`);
  fs.writeFileSync(marker, `${new Date().toISOString()} ${seconds(Date.now() - t0)}\n`);
  console.log(`  ✓ ${title}: done in ${seconds(Date.now() - t0)}`);
}

const has = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * Debian packages: Chromium drives the workbench; compilers and the gssapi headers build
 * code-server's native modules; Prometheus (with promtool) serves the outcome tests and the demo.
 */
async function systemPackages() {
  const wanted = [
    ['chromium', () => fs.existsSync(L.CHROMIUM)],
    ['prometheus', () => has('prometheus') && has('promtool')],
    ['libkrb5-dev', () => fs.existsSync('/usr/include/gssapi/gssapi.h')],
    ['g++', () => has('g++')],
    ['make', () => has('make')],
    ['python3', () => has('python3')],
    ['pkg-config', () => has('pkg-config')],
  ];
  const missing = wanted.filter(([, ok]) => !ok()).map(([name]) => name);
  if (process.env.OWNERSHIP_LENS_SKIP_APT === '1') {
    if (missing.length)
      console.log(
        `  ! OWNERSHIP_LENS_SKIP_APT=1: not installing ${missing.join(', ')}; the build or the tests may fail without them`,
      );
    return;
  }
  if (!missing.length) {
    if (verbose)
      console.log('  ✓ system packages (Chromium, compilers, Kerberos headers, Prometheus): ready');
    return;
  }
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo =
    !root && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!has('apt-get') || (!root && !sudo)) {
    throw new StepFailed(
      `These system packages are missing: ${missing.join(', ')}.\n` +
        (has('apt-get')
          ? `Install them once with:\n    sudo apt-get update && sudo ${install}\n`
          : "Install them with your system's package manager (Debian/Ubuntu names above).\n") +
        `then run the same command again.${fs.existsSync(L.CHROMIUM) ? '' : ' (Set CHROMIUM=/path/to/chromium to use a Chromium elsewhere.)'}`,
    );
  }
  console.log(`  • system packages: ${missing.join(', ')} (usually under a minute)`);
  const apt = (label, ...args) =>
    sudo
      ? run(label, 'sudo', ['-n', 'apt-get', ...args], { cwd: L.HOST, env })
      : run(label, 'apt-get', args, { cwd: L.HOST, env });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  await apt('apt-get update', 'update', '-q');
  await apt('apt-get install', 'install', '-y', '-q', '--no-install-recommends', ...missing);
  const still = wanted.filter(([, ok]) => !ok()).map(([name]) => name);
  if (still.length)
    throw new StepFailed(`apt-get finished but these are still missing: ${still.join(', ')}.`);
  console.log(`  ✓ system packages: done in ${seconds(Date.now() - t0)}`);
}

function nodeWorks() {
  const r = spawnSync(path.join(L.NODE24_BIN, 'node'), ['--version'], { encoding: 'utf8' });
  return (
    r.status === 0 &&
    r.stdout.trim() === `v${L.VERSIONS.node}` &&
    fs.existsSync(path.join(L.NODE_HOME, 'include/node/node.h'))
  );
}

function node24Env(extra = {}) {
  // npm and node-gyp must run on Node 24, against Node 24's headers (shipped in its platform package: no download).
  return cleanEnv({
    PATH: `${L.NODE24_BIN}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: L.NODE_HOME,
    ...extra,
  });
}

function codeServerWorks() {
  const r = spawnSync(L.CODE_SERVER, ['--config', '/dev/null', '--version'], {
    env: node24Env(),
    encoding: 'utf8',
  });
  return r.status === 0 && r.stdout.includes(L.VERSIONS.codeServer);
}

const playwrightWorks = () => fs.existsSync(path.join(L.PLAYWRIGHT, 'package.json'));

/** Waits for another install to finish (its lock holds its pid); a lock whose process is gone is stale. */
async function lock() {
  let said = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      process.on('exit', () => fs.rmSync(LOCK, { recursive: true, force: true }));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(
        fs.readFileSync(path.join(LOCK, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0,
      );
      let alive = false;
      try {
        alive = pid > 0 && process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive) {
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!said) {
        console.log(`  another install is running (pid ${pid}); waiting for it…`);
        said = true;
      }
      await new Promise(r => setTimeout(r, 2000));
    }
  }
}

async function main() {
  fs.mkdirSync(L.HOST, { recursive: true });
  const ready = [L.NODE_DIR, L.CODE_SERVER_DIR, L.PLAYWRIGHT_DIR].every(d =>
    fs.existsSync(L.markerOf(d)),
  );
  if (!ready) {
    console.log(
      `Installing a real VS Code for the tests and the demo, once, into ${displayPath(L.HOST)}`,
    );
    console.log(
      `(code-server ${L.VERSIONS.codeServer} on Node ${L.VERSIONS.node}; about 850 MB; usually 3 to 6 minutes; later runs reuse it). Log: ${LOG}`,
    );
  }
  verbose = !ready;
  await lock();
  if (!ready) fs.writeFileSync(LOG, `install started ${new Date().toISOString()}\n`);
  await systemPackages();
  const exists = file => () => fs.existsSync(file);
  await stage(
    `Node ${L.VERSIONS.node}`,
    '10 seconds',
    L.NODE_DIR,
    { present: exists(path.join(L.NODE24_BIN, 'node')), check: nodeWorks },
    dir =>
      run(
        `npm install ${L.NODE_PACKAGE}`,
        'npm',
        ['install', `${L.NODE_PACKAGE}@${L.VERSIONS.node}`],
        { cwd: dir, env: cleanEnv() },
      ),
  );
  await stage(
    `code-server ${L.VERSIONS.codeServer}, native modules compiled from source`,
    '2 to 5 minutes',
    L.CODE_SERVER_DIR,
    { present: exists(L.CODE_SERVER), check: codeServerWorks },
    dir =>
      run(
        'npm install code-server',
        'npm',
        ['install', `code-server@${L.VERSIONS.codeServer}`, '--foreground-scripts'],
        { cwd: dir, env: node24Env() },
      ),
  );
  await stage(
    `playwright-core ${L.VERSIONS.playwright} (drives Debian's Chromium; no browser download)`,
    '10 seconds',
    L.PLAYWRIGHT_DIR,
    { present: playwrightWorks, check: playwrightWorks },
    dir =>
      run(
        'npm install playwright-core',
        'npm',
        ['install', `playwright-core@${L.VERSIONS.playwright}`],
        { cwd: dir, env: cleanEnv({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }) },
      ),
  );
  console.log(
    ready
      ? `VS Code host: ready (code-server ${L.VERSIONS.codeServer}, ${displayPath(L.HOST)})`
      : `VS Code host installed into ${L.HOST}`,
  );
}

function hint(lines) {
  const text = lines.join('\n');
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(text))
    return "The npm registry (or Debian's mirror) did not answer: check the network or proxy settings.";
  if (/ENOSPC|No space left/i.test(text))
    return 'The disk is full: the host needs about 850 MB free.';
  if (/gssapi|krb5/i.test(text))
    return 'The Kerberos headers are missing: apt-get install libkrb5-dev.';
  if (/EACCES|permission denied/i.test(text)) return `No permission to write into ${L.HOST}.`;
  return undefined;
}

/** `--system-packages`: only the Debian packages (npm test runs it before the unit tests, which start a real Prometheus). */
async function systemPackagesOnly() {
  fs.mkdirSync(L.HOST, { recursive: true });
  verbose = false;
  await lock();
  await systemPackages();
  console.log('System packages: ready (Chromium, compilers, Kerberos headers, Prometheus)');
}

(process.argv.includes('--system-packages') ? systemPackagesOnly() : main()).catch(e => {
  if (tty) process.stdout.write('\n');
  const tail = lastLines(LOG, 30);
  console.error(
    `\n✗ ${e instanceof StepFailed ? e.message : `the install stopped: ${e.stack || e}`}`,
  );
  if (tail.length && !/missing:/.test(e.message))
    console.error(`\nLast lines of ${LOG}:\n${tail.map(l => `    ${l}`).join('\n')}`);
  const h = hint(tail);
  if (h) console.error(`\n${h}`);
  console.error(`\n${RETRY}`);
  process.exit(1);
});
