#!/usr/bin/env node
// Runs the mocha suites of test/integration INSIDE the real VS Code extension host (code-server from
// .vscode-test/host), once per fixture workspace. Exit 0 all passed, 1 test failures, 2 harness error.
// Env: SUITES=acme,multi,github,restricted,git,teams,bench (default all; million only on request); OWNERSHIP_LENS_BENCH_OUT=file.json for the bench figures.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const host = require('./vscodeHost');
const { startDemoEnvironment } = require('./demo/demoEnvironment');
const { startTeamsEnvironment } = require('./demo/teamsEnvironment');

const chromium = host.requireHost().chromium;
const TESTS = path.join(host.ROOT, 'out/test/integration/index.js');
const TIMEOUT_S = Number(process.env.TIMEOUT_S || 300);

/** Where each suite runs: a folder, a .code-workspace, or a generated 5,000-component repository. */
function target(suite, ws) {
  if (suite === 'acme') return { folder: path.join(ws, 'acme') };
  if (suite === 'multi') return { workspace: path.join(ws, 'multi-root.code-workspace') };
  if (suite === 'bench') return { folder: generateBench(ws) };
  if (suite === 'million') return { folder: makeMillion(ws) };
  if (suite === 'git')
    return {
      folder: require(path.join(host.ROOT, 'out/test/fixtures/gitRepo.js')).makeGitRepo(
        path.join(ws, 'git-repo'),
      ),
    };
  throw new Error(`unknown suite ${suite}`);
}

function generateBench(ws) {
  const { generateOwners } = require(path.join(host.ROOT, 'out/test/oracles/generateOwners.js'));
  const dir = path.join(ws, 'bench-5000');
  const repo = generateOwners(5000);
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'OWNERS.yaml'), repo.owners);
  const made = new Set();
  for (const f of repo.files) {
    const d = path.dirname(path.join(dir, f));
    if (!made.has(d)) {
      fs.mkdirSync(d, { recursive: true });
      made.add(d);
    }
    fs.writeFileSync(
      path.join(dir, f),
      f.endsWith('.ts') ? `import { x } from './file-1';\nexport const y = 1;\n` : '',
    );
  }
  return dir;
}

/** OWNERSHIP_LENS_MILLION_DIR keeps the generated repository between runs (the tests only read it). */
function makeMillion(ws) {
  const t0 = Date.now();
  const keep = process.env.OWNERSHIP_LENS_MILLION_DIR;
  const dir = keep ? path.resolve(keep) : path.join(ws, 'million');
  if (keep && fs.existsSync(path.join(dir, '.git/ownership-lens-complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const made = require(path.join(host.ROOT, 'out/test/fixtures/millionRepo.js')).makeMillionRepo(
    dir,
  );
  console.log(
    `[million] generated ${made.files} files (+${made.ignored} ignored) in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  fs.writeFileSync(path.join(dir, '.git/ownership-lens-complete'), '');
  return dir;
}

async function runSuite(suite, ws, dirs) {
  const port = await host.freePort();
  // `github`: the sample repository with the project's fake GitHub behind user-level settings;
  // `restricted`: the same, opened in Restricted Mode (workspace trust on, folder not trusted).
  // `teams`: a team across three repositories (two folders open, one from the setting).
  const demo =
    suite === 'github' || suite === 'restricted'
      ? await startDemoEnvironment(dirs)
      : suite === 'teams'
        ? await startTeamsEnvironment(dirs)
        : undefined;
  // Restricted Mode opens a repository whose .git/config runs a program from any git that reads
  // the index: the suite asserts that the extension never started git there.
  if (suite === 'restricted')
    fs.appendFileSync(
      path.join(demo.ws, '.git/config'),
      '[core]\n\tfsmonitor = "touch .git/fsmonitor-ran; exit 1"\n',
    );
  const where = demo
    ? demo.workspace
      ? { workspace: demo.workspace }
      : { folder: demo.ws }
    : target(suite, ws);
  const results = path.join(dirs.tmp, `results-${suite}.json`);
  const env = {
    OWNERSHIP_LENS_SUITE: suite,
    OWNERSHIP_LENS_TEST_RESULTS: results,
    ...(demo ? demo.env : {}),
  };
  if (process.env.OWNERSHIP_LENS_BENCH_OUT)
    env.OWNERSHIP_LENS_BENCH_OUT = path.resolve(process.env.OWNERSHIP_LENS_BENCH_OUT);
  const server = await host.startCodeServer(
    dirs,
    port,
    where.folder || path.dirname(where.workspace),
    env,
    { restricted: suite === 'restricted' },
  );
  let context;
  try {
    context = await host.launchChromium(chromium, dirs.tmp);
    const external = host.watchRequests(context);
    const page = context.pages()[0] || (await context.newPage());
    const exit = new Promise(resolve => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args]));
        if (
          process.env.VERBOSE ||
          !/^\s+at |ECONNREFUSED 127\.0\.0\.1:9|vsda|authentication provider/.test(line)
        )
          console.log(line);
      });
      page.exposeFunction('codeAutomationExit', code => resolve(code));
    });
    await page.goto(host.workbenchUrl(port, { ...where, testsPath: TESTS }));
    const code = await Promise.race([
      exit,
      new Promise(r => setTimeout(() => r('timeout'), TIMEOUT_S * 1000)),
    ]);
    if (external.size) console.error(`non-loopback requests: ${[...external].join(', ')}`);
    if (code === 'timeout') {
      console.error(`[${suite}] TIMEOUT after ${TIMEOUT_S}s (logs in ${dirs.tmp})`);
      return 2;
    }
    return code === 0 && external.size === 0 ? 0 : code || 1;
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
    if (demo) await demo.stop();
  }
}

(async () => {
  if (!fs.existsSync(TESTS)) {
    console.error(`${TESTS} is missing: run npm run build first`);
    process.exit(2);
  }
  const suites = (process.env.SUITES || 'acme,multi,github,restricted,git,teams,bench').split(',');
  let worst = 0;
  for (const suite of suites) {
    const dirs = host.freshDirs(`it-${suite}-`, { restricted: suite === 'restricted' });
    const t0 = Date.now();
    let code;
    try {
      code = await runSuite(suite, host.copyFixtures(dirs.tmp), dirs);
    } catch (e) {
      console.error(`[${suite}] harness error:`, e);
      code = 2;
    }
    console.log(
      `[${suite}] extension host exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
    );
    if (code === 0 && !process.env.KEEP_TMP) {
      host.removeFixtures(dirs.tmp);
      fs.rmSync(dirs.tmp, { recursive: true, force: true });
    } else console.log(`[${suite}] logs kept in ${dirs.tmp}`);
    worst = Math.max(worst, code === 2 ? 2 : code ? 1 : 0);
  }
  process.exit(worst);
})();
