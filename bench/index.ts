/**
 * Runs every benchmark module in turn (a static list: esbuild bundles them into one file).
 * `npm run bench` = build + `node dist/bench/index.js`.
 */
import * as gitSource from './gitSource.bench';
import * as github from './github.bench';
import * as inputs from './inputs.bench';
import * as importBench from './import.bench';
import * as knowledge from './knowledge.bench';
import * as matcher from './matcher.bench';
import * as org from './org.bench';
import * as outcomes from './outcomes.bench';
import * as owners from './owners.bench';
import * as report from './report.bench';
import * as vscodeHost from './vscode.bench';

const benches: { name: string; run: (log: (line: string) => void) => Promise<void> }[] = [
  { name: 'matcher', run: matcher.run },
  { name: 'owners', run: owners.run },
  { name: 'inputs', run: inputs.run },
  { name: 'import', run: importBench.run },
  { name: 'github', run: github.run },
  { name: 'report', run: report.run },
  { name: 'git', run: gitSource.run },
  { name: 'outcomes', run: outcomes.run },
  { name: 'org', run: org.run },
  { name: 'knowledge', run: knowledge.run },
  { name: 'vscode', run: vscodeHost.run },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const bench of benches) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    await bench.run(line => console.log(line));
    console.log('');
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
