#!/usr/bin/env node
// `npm run package`: the .vsix, built with vsce. The Marketplace page can show the README's relative
// links and screenshots only when vsce rewrites them against the public GitHub repository named in
// package.json; until `repository.url` names one, they stay relative (they resolve inside the .vsix,
// which ships every file the README links to) and this says so instead of failing or guessing a URL.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** The public GitHub repository vsce rewrites links against, or null when package.json names none. */
function publicGitHubRepository(pkg) {
  const url =
    typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && pkg.repository.url;
  const m = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url || '');
  return m ? `${m[1]}/${m[2]}` : null;
}

/** vsce's arguments: rewrite relative links on GitHub, keep them relative (and say so) elsewhere. */
function vsceArguments(pkg, out) {
  const rewrite = publicGitHubRepository(pkg) !== null;
  return [
    'package',
    '--no-dependencies',
    ...(rewrite ? [] : ['--allow-missing-repository', '--no-rewrite-relative-links']),
    '-o',
    out,
  ];
}

function main() {
  const outIndex = process.argv.indexOf('--out');
  const out =
    outIndex > 0
      ? path.resolve(process.argv[outIndex + 1])
      : path.join(ROOT, 'ownership-lens.vsix');
  const pkg = require(path.join(ROOT, 'package.json'));
  const repository = publicGitHubRepository(pkg);
  if (repository)
    console.log(
      `README links rewritten against https://github.com/${repository} for the Marketplace page.`,
    );
  else
    console.warn(
      `package.json's repository.url (${(pkg.repository && pkg.repository.url) || 'none'}) is not a public GitHub repository: the README's links stay relative. They work in VS Code's Extensions view, which reads them from the .vsix; for the Marketplace page, set repository.url to https://github.com/OWNER/NAME before packaging.`,
    );
  const vsce = path.join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'vsce.cmd' : 'vsce',
  );
  const run = spawnSync(vsce, vsceArguments(pkg, out), { cwd: ROOT, stdio: 'inherit' });
  process.exit(run.status === null ? 1 : run.status);
}

if (require.main === module) main();
module.exports = { publicGitHubRepository, vsceArguments };
