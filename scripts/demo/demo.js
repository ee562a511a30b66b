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
const DEMO_TOKEN = 'demo-token-for-the-local-fake-github';

/** demo/pull-requests.json stores days before "now"; the server gets absolute dates. */
function materialise(file, now = Date.now()) {
  const relative = JSON.parse(fs.readFileSync(file, 'utf8'));
  const DAY = 86_400_000;
  return {
    repo: relative.repo,
    pullRequests: relative.pullRequests.map((p, i) => {
      const merged = now - p.daysAgo * DAY - ((p.number * 7919) % 20) * 3_600_000 - 3_600_000;
      return {
        number: p.number, author: p.author, authorType: p.authorType, state: 'MERGED',
        createdAt: new Date(merged - 2 * DAY).toISOString(), updatedAt: new Date(merged + 60_000 + i).toISOString(),
        mergedAt: new Date(merged).toISOString(), files: p.files, reviews: p.reviews,
      };
    }),
  };
}

/** A copy of the sample workspace as its own git repository with a GitHub remote. */
function prepareWorkspace(tmp) {
  const ws = path.join(tmp, 'acme-shop');
  fs.cpSync(path.join(ROOT, 'demo/workspace'), ws, { recursive: true });
  const git = (...args) => spawnSync('git', args, { cwd: ws, stdio: 'ignore' });
  if (git('init', '-q').status === 0) {
    git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
  } else {
    fs.mkdirSync(path.join(ws, '.git'));   // no git: a minimal config is all the extension reads
    fs.writeFileSync(path.join(ws, '.git/config'), '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n');
  }
  return ws;
}

async function main() {
  if (spawnSync('bash', [path.join(ROOT, 'scripts/install-vscode-host.sh')], { stdio: 'inherit' }).status !== 0) process.exit(2);
  host.requireHost();
  console.log('Packaging the extension…');
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', path.join(ROOT, 'ownership-lens.vsix')], { cwd: ROOT, stdio: 'ignore' });

  const dirs = host.freshDirs('demo-');
  const ws = prepareWorkspace(dirs.tmp);
  const { startFakeGitHub } = require(path.join(ROOT, 'out/test/fake-github/server.js'));
  const github = await startFakeGitHub({ data: materialise(path.join(ROOT, 'demo/pull-requests.json')), port: 0, token: DEMO_TOKEN });
  const settingsFile = path.join(dirs.tmp, 'user-data/User/settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  // User-level settings: the only place the extension takes a GitHub host and a token source from.
  Object.assign(settings, { 'ownershipLens.github.apiUrl': github.url, 'ownershipLens.github.authentication': 'environment', 'workbench.colorTheme': 'Default Dark Modern' });
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

  const port = Number(process.env.DEMO_PORT || 8080);
  const cs = await host.startCodeServer(dirs, port, ws, { GITHUB_TOKEN: DEMO_TOKEN }, { install: path.join(ROOT, 'ownership-lens.vsix'), smokeTestDriver: false });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`;
  console.log(`
Ownership Lens demo is running.

  Open:  ${url}

  Try:   the Ownership view in the activity bar (teams, flags, components, unowned folders)
         hover an import in services/checkout/src/index.ts
         F1 > "Ownership: Refresh Pull Request Data", then "Ownership: Show Team Report"
         F1 > "Ownership: Hand Off Component…"

  Fake GitHub (acme/shop, ${JSON.parse(fs.readFileSync(path.join(ROOT, 'demo/pull-requests.json'), 'utf8')).pullRequests.length} merged pull requests): ${github.url}
  Press Ctrl+C to stop.`);
  const stop = async () => {
    await cs.stop();
    await github.close();
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.DEMO_EXIT_AFTER_MS) setTimeout(stop, Number(process.env.DEMO_EXIT_AFTER_MS));
}

main().catch(e => { console.error(`demo failed: ${e.message}`); process.exit(1); });
