import { parseOwners } from '../core/owners/parse';
import { validateOwners } from '../core/owners/validate';
import { generateOwners } from './generateOwners';

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

/** Parse and validate of a generated 5,000-component OWNERS.yaml, with and without the repository's files. */
export async function run(log: (line: string) => void): Promise<void> {
  log('## OWNERS.yaml parse + validate (median of 7 runs)');
  for (const components of [500, 5000]) {
    const { owners, files } = generateOwners(components);
    const parsed = parseOwners(owners);
    const problems = validateOwners(parsed, files).length;
    const parseMs = time(() => parseOwners(owners), 7);
    const validateMs = time(() => validateOwners(parseOwners(owners)), 7);
    const repoMs = time(() => validateOwners(parseOwners(owners), files), 5);
    log(`${String(components).padStart(5)} components, ${(owners.length / 1024).toFixed(0)} KB, ${files.length} files: ` +
      `parse ${parseMs.toFixed(0)} ms, parse+validate ${validateMs.toFixed(0)} ms, ` +
      `parse+validate against the ${files.length} repository files ${repoMs.toFixed(0)} ms (${problems} problems)`);
  }
  log('aim: parse+validate of 5,000 components well under 500 ms');
}
