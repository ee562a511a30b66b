import {
  completionContext,
  nameCompletions,
  pathCompletions,
} from '../src/core/language/ownersCompletion';
import {
  documentSymbols,
  indexSymbols,
  referencesOf,
  renameEdits,
  symbolAt,
} from '../src/core/language/ownersSymbols';
import { parseOwners } from '../src/core/owners/parse';
import { validateOwners } from '../src/core/owners/validate';
import { generateOwners } from '../test/oracles/generateOwners';

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
    log(
      `${String(components).padStart(5)} components, ${(owners.length / 1024).toFixed(0)} KB, ${files.length} files: ` +
        `parse ${parseMs.toFixed(0)} ms, parse+validate ${validateMs.toFixed(0)} ms, ` +
        `parse+validate against the ${files.length} repository files ${repoMs.toFixed(0)} ms (${problems} problems)`,
    );
  }
  log('aim: parse+validate of 5,000 components well under 500 ms');
  languageFeatures(log);
}

/** Completion, references, rename and the outline on a 5,000-component file (what one keystroke or command costs). */
function languageFeatures(log: (line: string) => void): void {
  const { owners, files } = generateOwners(5000);
  const model = parseOwners(owners).model;
  const index = indexSymbols(owners);
  const teamAt = owners.indexOf('team: ') + 7;
  const team = symbolAt(index, teamAt)!;
  const pathAt = owners.indexOf('- /') + 3;
  const figures = {
    index: time(() => indexSymbols(owners), 7),
    parse: time(() => parseOwners(owners), 7),
    outline: time(() => documentSymbols(owners), 5),
    references: time(() => referencesOf(index, team, true), 21),
    rename: time(() => renameEdits(owners, index, teamAt, 'renamed-team'), 21),
    teamCompletion: time(() => {
      completionContext(owners, teamAt);
      nameCompletions(model, 'team');
    }, 21),
    pathCompletion: time(
      () => pathCompletions(files, owners.slice(pathAt - 1, owners.indexOf('/', pathAt) + 1)),
      21,
    ),
  };
  log(`## OWNERS.yaml language features, 5,000 components, ${files.length} files (median)`);
  log(
    `symbol index ${figures.index.toFixed(1)} ms (once per edit; the peer, parseOwners of the same text: ${figures.parse.toFixed(1)} ms, ratio ${(figures.index / figures.parse).toFixed(2)}); ` +
      `outline ${figures.outline.toFixed(1)} ms; references of a team (${referencesOf(index, team, true).length}) ${figures.references.toFixed(2)} ms; ` +
      `rename edits ${figures.rename.toFixed(2)} ms; team completion ${figures.teamCompletion.toFixed(2)} ms; path completion over ${files.length} files ${figures.pathCompletion.toFixed(2)} ms`,
  );
}
