/**
 * Runs every benchmark module in turn (a static list: esbuild bundles them into one file).
 * `npm run bench` = build + `node dist/bench/index.js`.
 */
import * as github from './github.bench';
import * as matcher from './matcher.bench';
import * as org from './org.bench';
import * as outcomes from './outcomes.bench';
import * as owners from './owners.bench';
import * as report from './report.bench';
import * as vscodeHost from './vscode.bench';

const benches: { name: string; run: (log: (line: string) => void) => Promise<void> }[] = [
  { name: 'matcher', run: matcher.run },
  { name: 'owners', run: owners.run },
  { name: 'github', run: github.run },
  { name: 'report', run: report.run },
  { name: 'outcomes', run: outcomes.run },
  { name: 'org', run: org.run },
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

main().catch(e => { console.error(e); process.exit(1); });
