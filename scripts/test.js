#!/usr/bin/env node
// `npm test`: every test phase in order, streamed, then one closing line "N passed, N failed".
// Phases: build, typecheck, lint, format, packages (Debian's, as root or with the sudo line printed), unit (mocha in node:
// test/unit, test/process and test/repository), unit-dated (those again on another day), integration (mocha inside a real VS Code),
// integration-dated (the GitHub suite on another day), ui (the real workbench driven by headless Chromium),
// ui-dated (the workbench on another day), demo (a smoke run of `npm run demo`). Set TEST_PHASES=unit,integration to choose.
'use strict';
const { spawn, spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const npx = (bin, ...args) => [path.join(ROOT, 'node_modules/.bin', bin), ...args];
// No test may depend on today's date. The dated phases keep that checked: the unit tests with the whole
// process clock moved (Debian's faketime, else the product's own clock, OWNERSHIP_LENS_NOW), the GitHub
// suite with the product's and the demo data's clock moved (faketime under a browser breaks its driver).
// A leap day that ends a month, and the 1st of a month (the report's last month then has one day).
const UNIT_DAY = '2028-02-29 08:30:00';
const GITHUB_DAY = '2027-03-01T08:30:00Z';
// The tests mocha runs in Node, by kind (test/README.md): pure unit tests, tests that start processes or
// servers, checks of the repository itself. `.mocharc.json` holds the options, these the folders.
const NODE_TESTS = ['out/test/unit', 'out/test/process', 'out/test/repository'];
const PHASES = [
  { name: 'build', cmd: ['node', 'esbuild.js'] },
  { name: 'typecheck', cmd: npx('tsc', '-p', '.', '--noEmit') },
  // ESLint (eslint.config.js): unused names, and no vscode in src/core or src/node, no test/ or bench/ in src.
  { name: 'lint', cmd: npx('eslint', '.') },
  // Prettier (.prettierrc.json) formats the code; `npm run format` rewrites what this phase finds.
  { name: 'format', cmd: npx('prettier', '--check', '.') },
  // The process tests (test/process/node/outcomes, run in the unit phase) start a real Prometheus (Debian's package): installed here, as the VS Code host's packages are.
  { name: 'packages', cmd: ['node', 'scripts/install-vscode-host.js', '--system-packages'] },
  { name: 'unit', cmd: npx('mocha', ...NODE_TESTS), counts: true },
  { name: 'unit-dated', cmd: () => datedUnitCommand(), counts: true },
  {
    name: 'integration',
    cmd: [
      'bash',
      '-c',
      'node scripts/install-vscode-host.js && node scripts/run-integration-tests.js',
    ],
    counts: true,
    optionalFile: 'scripts/run-integration-tests.js',
  },
  {
    name: 'integration-dated',
    cmd: [
      'bash',
      '-c',
      'node scripts/install-vscode-host.js && node scripts/run-integration-tests.js',
    ],
    env: { SUITES: 'github', OWNERSHIP_LENS_NOW: GITHUB_DAY },
    counts: true,
    optionalFile: 'scripts/run-integration-tests.js',
  },
  {
    name: 'ui',
    cmd: ['bash', '-c', 'node scripts/install-vscode-host.js && node scripts/run-ui-tests.js'],
    counts: true,
    optionalFile: 'scripts/run-ui-tests.js',
  },
  // The workbench on another day too (the product's clock: faketime under a browser breaks its driver); its pictures go to a scratch folder.
  {
    name: 'ui-dated',
    cmd: ['bash', '-c', 'node scripts/install-vscode-host.js && node scripts/run-ui-tests.js'],
    env: {
      OWNERSHIP_LENS_NOW: GITHUB_DAY,
      SCREENSHOTS_DIR: require('path').join(require('os').tmpdir(), 'ownership-lens-ui-dated'),
    },
    counts: true,
    optionalFile: 'scripts/run-ui-tests.js',
  },
  // `npm run demo` as a user starts it: URL printed, workbench served, extension installed, Ctrl+C stops it.
  { name: 'demo', cmd: ['node', 'scripts/demo-smoke.js'] },
];

const has = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** faketime, installed with apt-get when we are root and it is missing (as the VS Code host's packages are). */
function faketimeAvailable() {
  if (has('faketime')) return { ok: true };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get'))
    return { ok: false, why: 'faketime is not installed (sudo apt-get install faketime)' };
  console.log('  • installing faketime (apt-get install faketime)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-q', 'faketime'], { stdio: 'ignore', env }).status ===
    0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore', env });
    install();
  }
  return has('faketime') ? { ok: true } : { ok: false, why: 'apt-get could not install faketime' };
}

/** The unit tests on UNIT_DAY: every clock of the process moved by faketime, or the product's clock when faketime is missing. */
function datedUnitCommand() {
  const fake = faketimeAvailable();
  if (fake.ok) {
    console.log(`  the unit tests with the clock at ${UNIT_DAY} UTC (faketime)`);
    return {
      cmd: ['faketime', '-f', `@${UNIT_DAY}`, ...npx('mocha', ...NODE_TESTS)],
      env: { TZ: 'UTC' },
    };
  }
  console.log(
    `  ${fake.why}: the unit tests with the product's clock at ${UNIT_DAY} UTC (OWNERSHIP_LENS_NOW) instead`,
  );
  return {
    cmd: npx('mocha', ...NODE_TESTS),
    env: { OWNERSHIP_LENS_NOW: `${UNIT_DAY.replace(' ', 'T')}Z` },
  };
}

function run(phase) {
  return new Promise(resolve => {
    const { cmd, env } =
      typeof phase.cmd === 'function' ? phase.cmd() : { cmd: phase.cmd, env: phase.env };
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    const tee = stream => chunk => {
      stream.write(chunk);
      out += chunk.toString();
      if (out.length > 4e6) out = out.slice(-2e6);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', code => resolve({ code: code ?? 1, out }));
  });
}

/** Sums mocha's "N passing" / "N failing" lines (the extension host prints mocha's own reporter). */
function counts(out) {
  const sum = re => [...out.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: sum(/^\s*(\d+) passing/gm), failed: sum(/^\s*(\d+) failing/gm) };
}

(async () => {
  const only = process.env.TEST_PHASES ? process.env.TEST_PHASES.split(',') : undefined;
  let passed = 0,
    failed = 0,
    broken = [];
  for (const phase of PHASES) {
    if (only && !only.includes(phase.name)) continue;
    if (phase.optionalFile && !require('fs').existsSync(path.join(ROOT, phase.optionalFile))) {
      console.log(`\n== ${phase.name}: not present`);
      continue;
    }
    console.log(`\n== ${phase.name}`);
    const t0 = Date.now();
    const { code, out } = await run(phase);
    if (phase.counts) {
      const c = counts(out);
      passed += c.passed;
      failed += c.failed;
      // A phase that failed without a failing test (harness error, timeout) still fails the run.
      if (code !== 0 && c.failed === 0) failed += 1;
    } else if (code !== 0) {
      failed += 1;
    }
    if (code !== 0) broken.push(phase.name);
    console.log(`== ${phase.name}: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  if (broken.length) console.log(`\nfailed phases: ${broken.join(', ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(broken.length ? 1 : 0);
})();
