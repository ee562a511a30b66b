#!/usr/bin/env node
// CI's smoke run of `npm run demo`, as a user starts it: wait for the printed URL, check that it
// serves the VS Code workbench and that Ownership Lens is installed in that VS Code, then stop it
// with Ctrl+C (SIGINT) and check that it exits and frees the port. Exit 0 only if all of it holds.
'use strict';
const { spawn, spawnSync } = require('child_process');
const net = require('net');
const path = require('path');
const { CODE_SERVER, NODE24_BIN } = require('./hostLayout');

const ROOT = path.resolve(__dirname, '..');
const TIMEOUT_MS = Number(process.env.DEMO_SMOKE_TIMEOUT_MS || 15 * 60_000);

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

function fail(message, output) {
  console.error(`demo smoke: FAILED: ${message}`);
  if (output) console.error(`--- demo output ---\n${output.slice(-6000)}`);
  process.exit(1);
}

(async () => {
  const port = await freePort();
  const t0 = Date.now();
  const demo = spawn('npm', ['run', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise(r => demo.on('exit', (code, signal) => r({ code, signal })));
  demo.stdout.on('data', d => {
    output += d;
    process.stdout.write(d);
  });
  demo.stderr.on('data', d => {
    output += d;
    process.stderr.write(d);
  });
  const killAll = () => {
    try {
      process.kill(-demo.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };

  let printed = false;
  const url = await Promise.race([
    new Promise(resolve => {
      const t = setInterval(() => {
        const m = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
        if (m) {
          clearInterval(t);
          printed = true;
          resolve(m[1]);
        }
      }, 200);
    }),
    exited.then(e => {
      if (!printed)
        fail(`npm run demo exited (${e.code ?? e.signal}) before printing a URL`, output);
    }),
    new Promise(resolve => setTimeout(() => resolve(undefined), TIMEOUT_MS)),
  ]);
  if (!url) {
    killAll();
    fail(`no URL within ${TIMEOUT_MS / 1000} s`, output);
  }
  console.log(`demo smoke: URL printed after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${url}`);
  try {
    if (!url.startsWith(`http://127.0.0.1:${port}/`))
      throw new Error(`the URL is not on 127.0.0.1:${port}`);
    const res = await fetch(url);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    if (!/workbench/i.test(html) || !/vscode/i.test(html))
      throw new Error('the page is not the VS Code workbench');
    console.log(`demo smoke: the URL serves the VS Code workbench (${html.length} bytes)`);

    const extDir = /Extensions folder:\s+(\S+)/.exec(output)?.[1];
    if (!extDir) throw new Error('the demo did not print its extensions folder');
    const list = spawnSync(
      CODE_SERVER,
      ['--config', '/dev/null', '--extensions-dir', extDir, '--list-extensions', '--show-versions'],
      { env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` }, encoding: 'utf8' },
    );
    const version = require(path.join(ROOT, 'package.json')).version;
    if (!list.stdout.split('\n').includes(`ownership-lens.ownership-lens@${version}`))
      throw new Error(
        `Ownership Lens ${version} is not installed in the demo's VS Code: ${list.stdout || list.stderr}`,
      );
    console.log(`demo smoke: ownership-lens.ownership-lens@${version} is installed in it`);

    // The sample is a real git history (what the git source and "Show Owners of Changed Files" read), clean at main.
    const ws = new URL(url).searchParams.get('folder');
    const { runGit } = require(path.join(ROOT, 'out/src/node/git/safeGit.js'));
    const merges = Number(
      (await runGit(ws, ['rev-list', '--count', '--merges', '--first-parent', 'HEAD'])).stdout
        .toString()
        .trim(),
    );
    const dirty = (await runGit(ws, ['status', '--porcelain'])).stdout.toString().trim();
    if (!(merges > 100))
      throw new Error(
        `the sample repository has ${merges} merged pull requests in its git history`,
      );
    if (dirty) throw new Error(`the sample repository does not start clean: ${dirty}`);
    console.log(
      `demo smoke: the sample has a git history of ${merges} merged pull requests and a clean working tree`,
    );
  } catch (e) {
    killAll();
    fail(e.message, output);
  }

  process.kill(-demo.pid, 'SIGINT'); // what Ctrl+C sends to the terminal's process group
  const end = await Promise.race([
    exited,
    new Promise(r => setTimeout(() => r(undefined), 20_000)),
  ]);
  if (!end) {
    killAll();
    fail('the demo did not stop within 20 s of Ctrl+C', output);
  }
  const stillListening = await new Promise(r => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end();
      r(true);
    });
    s.on('error', () => r(false));
  });
  if (stillListening) {
    killAll();
    fail(`port ${port} still answers after the demo stopped`);
  }
  console.log('demo smoke: stopped on Ctrl+C, port released: OK');
  // The URL wait's 15-minute timer is still pending: without this the smoke run idled until it fired.
  process.exit(0);
})().catch(e => fail(e.stack || String(e)));
