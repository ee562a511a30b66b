import { fromGithubCodeowners } from '../src/core/ownersImport/githubCodeowners';
import { fromGitlabCodeowners } from '../src/core/ownersImport/gitlabCodeowners';
import { ImportDraft } from '../src/core/ownersImport/draft';
import { finishImport } from '../src/core/ownersImport/summary';

const SIZES = [2_500, 5_000, 10_000, 20_000];

/** The two shapes of the issue: each rule its own directory and owner; 300 directories x 50 teams. */
const SHAPES: { name: string; line: (i: number) => string }[] = [
  { name: 'own dir+owner (/a/bN/a/ @userN)', line: i => `/a/b${i}/a/ @user${i}` },
  { name: '300 dirs x 50 teams', line: i => `/d${i % 300}/f${i}/ @org/team${i % 50}` },
];

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Import (draft + OWNERS.yaml + validation) of generated CODEOWNERS files, sizes side by side: time must grow no faster than n log n. */
export async function run(log: (line: string) => void): Promise<void> {
  log('## import of a generated CODEOWNERS (draft, OWNERS.yaml, validation), seconds');
  log(
    `${'source / shape'.padEnd(46)}${SIZES.map(n => String(n).padStart(9)).join('')}   ratio 20k/10k`,
  );
  for (const source of ['github', 'gitlab'] as const) {
    for (const shape of SHAPES) {
      const times = SIZES.map(n => {
        const lines = Array.from({ length: n }, (_, i) => shape.line(i));
        const text = (source === 'gitlab' ? ['[Main]', ...lines] : lines).join('\n') + '\n';
        let draft: ImportDraft;
        return seconds(() => {
          draft =
            source === 'gitlab'
              ? fromGitlabCodeowners(text, 'CODEOWNERS')
              : fromGithubCodeowners(text, 'CODEOWNERS');
          finishImport(draft);
        });
      });
      const ratio = times[3] / times[2];
      log(
        `${`${source}: ${shape.name}`.padEnd(46)}${times.map(t => t.toFixed(2).padStart(9)).join('')}   ${ratio.toFixed(2)}`,
      );
    }
  }
  log(
    'aim: 20,000 rules under 5 s for either shape; doubling the rules should about double the time (n log n: ratio near 2.1)',
  );
}
