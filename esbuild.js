// Builds the shipped bundles (dist/) and a transpiled tree of sources and tests (out/) for mocha.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');

function tsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

async function main() {
  // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow ("Cannot find module
  // './impl/format'" at run time): bundles take its ES module build instead.
  const alias = { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' };
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    alias,
  };
  const builds = [
    esbuild.build({
      ...common,
      entryPoints: ['src/vscode/extension.ts'],
      external: ['vscode'],
      outfile: 'dist/extension.js',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    }),
    esbuild.build({
      ...common,
      entryPoints: ['src/node/analysisProcess.ts'],
      outfile: 'dist/analysisProcess.js',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['src/node/gitFiguresProcess.ts'],
      outfile: 'dist/gitFiguresProcess.js',
    }),
  ];
  if (fs.existsSync('bench/index.ts')) {
    builds.push(
      esbuild.build({
        ...common,
        entryPoints: ['bench/index.ts'],
        outfile: 'dist/bench/index.js',
        sourcemap: false,
        external: ['codeowners'],
      }),
    );
  }
  if (fs.existsSync('media/report/main.ts')) {
    builds.push(
      esbuild.build({
        ...common,
        platform: 'browser',
        format: 'iife',
        target: 'es2020',
        entryPoints: ['media/report/main.ts'],
        outfile: 'dist/media/report.js',
      }),
    );
  }
  // Tests and sources transpiled one file each (mocha and the extension host load them by path).
  builds.push(
    esbuild.build({
      entryPoints: [...tsFiles('src'), ...tsFiles('test'), ...tsFiles('scripts')],
      outdir: 'out',
      outbase: '.',
      bundle: false,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      sourcemap: true,
      logLevel: 'warning',
    }),
  );
  await Promise.all(builds);
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch(e => {
  console.error(e.message || e);
  process.exit(1);
});
