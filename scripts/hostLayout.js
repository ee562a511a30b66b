// Where the real VS Code used by the tests and the demo lives, shared by the installer
// (install-vscode-host.js) and the runner (vscodeHost.js) so the two can never disagree.
'use strict';
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const VERSIONS = { node: '24.21.0', codeServer: '4.139.1', playwright: '1.65.1' };
const HOST = process.env.OWNERSHIP_LENS_HOST || path.join(ROOT, '.vscode-test/host');
// Node's own platform package (binary and headers), installed directly: the `node` wrapper package
// installs it from a preinstall script, and a second `npm install` then prunes it as extraneous.
const NODE_PACKAGE = `node-${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;
const NODE_DIR = path.join(HOST, `node-${VERSIONS.node}`);
const NODE_HOME = path.join(NODE_DIR, 'node_modules', NODE_PACKAGE);
const CODE_SERVER_DIR = path.join(HOST, `code-server-${VERSIONS.codeServer}`);
const PLAYWRIGHT_DIR = path.join(HOST, `playwright-core-${VERSIONS.playwright}`);

module.exports = {
  ROOT,
  HOST,
  VERSIONS,
  NODE_PACKAGE,
  NODE_DIR,
  NODE_HOME,
  NODE24_BIN: path.join(NODE_HOME, 'bin'),
  CODE_SERVER_DIR,
  CODE_SERVER: path.join(CODE_SERVER_DIR, 'node_modules/.bin/code-server'),
  PLAYWRIGHT_DIR,
  PLAYWRIGHT: path.join(PLAYWRIGHT_DIR, 'node_modules/playwright-core'),
  CHROMIUM: process.env.CHROMIUM || '/usr/bin/chromium',
  /** A stage is complete only when its marker exists; the marker is written last. */
  markerOf: dir => path.join(dir, '.complete'),
};
