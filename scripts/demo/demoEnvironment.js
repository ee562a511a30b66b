// The sample repository and its GitHub, as the demo, the `github` integration suite and the report
// UI test use them: a git copy of demo/workspace (remote acme/shop), the project's fake GitHub on
// 127.0.0.1 serving demo/pull-requests.json with dates relative to now, and user-level settings
// that point the extension at it with a token from the environment; and its outcome sources
// (scripts/demo/outcomesEnvironment.js).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { startOutcomeSources } = require('./outcomesEnvironment');

const ROOT = path.resolve(__dirname, '../..');
const DEMO_TOKEN = 'demo-token-for-the-local-fake-github';
const DAY = 86_400_000;

/** The product's clock (src/core/clock.ts, built into out/): OWNERSHIP_LENS_NOW moves the demo's "now" with the extension's. */
const clockNow = () => require(path.join(ROOT, 'out/src/core/clock.js')).nowMs();

/** demo/pull-requests.json stores days before "now"; the server gets absolute dates. */
function materialise(file, now = clockNow()) {
  const relative = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    repo: relative.repo,
    pullRequests: relative.pullRequests.map((p, i) => {
      const merged = now - p.daysAgo * DAY - ((p.number * 7919) % 20) * 3_600_000 - 3_600_000;
      return {
        number: p.number,
        title: p.title,
        author: p.author,
        authorType: p.authorType,
        state: 'MERGED',
        createdAt: new Date(merged - 2 * DAY).toISOString(),
        updatedAt: new Date(merged + 60_000 + i).toISOString(),
        mergedAt: new Date(merged).toISOString(),
        files: p.files,
        reviews: p.reviews,
      };
    }),
  };
}

/** Makes `dir` a git repository whose origin is `remote` (without git, just the config the extension reads). */
function gitRepository(dir, remote) {
  const git = (...args) => spawnSync('git', args, { cwd: dir, stdio: 'ignore' });
  if (git('init', '-q').status === 0 && git('remote', 'add', 'origin', remote).status === 0) return;
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.git/config'), `[remote "origin"]\n\turl = ${remote}\n`);
}

/** A copy of the sample workspace as its own git repository with a GitHub remote. */
function prepareWorkspace(parent) {
  const ws = path.join(parent, 'acme-shop');
  fs.cpSync(path.join(ROOT, 'demo/workspace'), ws, { recursive: true });
  gitRepository(ws, 'https://github.com/acme/shop.git');
  return ws;
}

/**
 * Points the code-server whose user data lives in `dirs.tmp` at the fake GitHub, in user settings
 * (the only place the extension takes a GitHub host and a token source from).
 */
function useFakeGitHub(dirs, url, extra = {}) {
  const settingsFile = path.join(dirs.tmp, 'user-data/User/settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  Object.assign(
    settings,
    { 'ownershipLens.github.apiUrl': url, 'ownershipLens.github.authentication': 'environment' },
    extra,
  );
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

/**
 * Starts the sample environment for a code-server whose user data lives in `dirs.tmp`: the sample
 * copy with a real git history made from the pull requests the fake GitHub serves (scripts/demo/demoHistory.js),
 * the fake GitHub and the outcome sources. With `acrossRepositories` (the demo; not the tests that count
 * the tree's rows) the fake GitHub serves acme/tools and acme/infra too, as scripts/demo/teamsEnvironment.js
 * makes them, and ownershipLens.teams.otherRepositories lists them: a team across three repositories.
 * Returns the workspace folder, the fake GitHub, the environment for code-server and `stop()`.
 */
async function startDemoEnvironment(dirs, { theme, acrossRepositories = false } = {}) {
  const ws = prepareWorkspace(dirs.tmp);
  const { startFakeGitHub } = require(path.join(ROOT, 'out/test/fake-github/server.js'));
  const data = materialise(path.join(ROOT, 'demo/pull-requests.json'));
  let others = [];
  if (acrossRepositories) {
    data.files = { 'OWNERS.yaml': fs.readFileSync(path.join(ws, 'OWNERS.yaml'), 'utf8') };
    others = require('./teamsEnvironment').otherRepositories(data);
  }
  const github = await startFakeGitHub({ data, repositories: others, port: 0, token: DEMO_TOKEN });
  useFakeGitHub(dirs, github.url, {
    ...(theme ? { 'workbench.colorTheme': theme } : {}),
    ...(acrossRepositories
      ? { 'ownershipLens.teams.otherRepositories': others.map(r => r.repo) }
      : {}),
  });
  const outcomes = await startOutcomeSources(ws, dirs);
  // after the outcome sources have pointed OWNERS.yaml at theirs: the working tree starts clean at main
  await require('./demoHistory').writeDemoHistory(ws, data.pullRequests);
  // GH_TOKEN, not GITHUB_TOKEN: code-server takes GITHUB_TOKEN for its own GitHub sign-in and removes it.
  return {
    ws,
    github,
    outcomes,
    pullRequests: data.pullRequests.length,
    otherRepositories: others.map(r => r.repo),
    env: { GH_TOKEN: DEMO_TOKEN },
    stop: async () => {
      await outcomes.stop();
      await github.close();
    },
  };
}

module.exports = { startDemoEnvironment, materialise, gitRepository, useFakeGitHub, DEMO_TOKEN };
