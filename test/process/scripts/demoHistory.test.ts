import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runGit } from '../../../src/node/git/safeGit';
import { REPO_ROOT } from '../../repoRoot';

// The demo's git history is made from its pull requests (scripts/demo/demoHistory.js): on the
// first-parent line each pull request is one GitHub merge commit whose diff adds and removes exactly
// the lines the pull request says, by its author's address from OWNERS.yaml, at its merge date.
const { writeDemoHistory } = require(path.join(REPO_ROOT, 'scripts/demo/demoHistory.js'));

describe("demo history: a real git history from the demo's pull requests", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-history-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one merge commit per pull request with its author, date and exact added and removed lines; a clean working tree', async () => {
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/a.ts'), 'export const a = 1;\n');
    fs.writeFileSync(path.join(dir, 'OWNERS.yaml'), 'version: 1\n');
    assert.strictEqual((await runGit(dir, ['init', '-q'])).code, 0);
    const pr = (
      number: number,
      author: string,
      mergedAt: string,
      files: { path: string; additions: number; deletions: number }[],
    ) => ({
      number,
      author,
      title: `Change ${number}`,
      createdAt: new Date(Date.parse(mergedAt) - 86_400_000).toISOString(),
      mergedAt,
      files,
    });
    await writeDemoHistory(dir, [
      pr(2, 'erin', '2026-03-02T10:00:00Z', [
        { path: 'src/a.ts', additions: 3, deletions: 2 },
        { path: 'package-lock.json', additions: 4, deletions: 0 },
      ]),
      pr(1, 'dan', '2026-03-01T10:00:00Z', [{ path: 'src/a.ts', additions: 5, deletions: 0 }]),
      pr(3, 'dependabot[bot]', '2026-03-03T10:00:00Z', [
        { path: 'package-lock.json', additions: 1, deletions: 2 },
      ]),
    ]);
    const log = (
      await runGit(dir, [
        'log',
        '--first-parent',
        '-m',
        '--numstat',
        '--format=%x1e%an <%ae>|%aI|%s',
        'HEAD',
      ])
    ).stdout.toString();
    const changes = log
      .split('\x1e')
      .filter(Boolean)
      .map(c => {
        const [head, ...rest] = c.trim().split('\n');
        return [head, rest.filter(Boolean).join(';')];
      });
    assert.deepStrictEqual(changes, [
      [
        'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>|2026-03-03T10:00:00+00:00|Merge pull request #3 from dependabot/pr-3',
        '1\t2\tpackage-lock.json',
      ],
      [
        'erin <erin@acme.example>|2026-03-02T10:00:00+00:00|Merge pull request #2 from erin/pr-2',
        '4\t0\tpackage-lock.json;3\t2\tsrc/a.ts',
      ],
      [
        'dan <dan@acme.example>|2026-03-01T10:00:00+00:00|Merge pull request #1 from dan/pr-1',
        '5\t0\tsrc/a.ts',
      ],
      [
        'Acme Shop <shop@acme.example>|2026-01-30T10:00:00+00:00|The Acme Shop sample repository',
        '1\t0\tOWNERS.yaml;5\t0\tpackage-lock.json;1\t0\tsrc/a.ts',
      ],
    ]);
    assert.strictEqual(
      (await runGit(dir, ['status', '--porcelain'])).stdout.toString(),
      '',
      'the working tree is clean at main',
    );
    // the sample's own text stays first; the generated lines are comments after it; JSON stays JSON
    assert.match(
      fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8'),
      /^export const a = 1;\n(\/\/ #\d+ [\d.]+\n)+$/,
    );
    assert.doesNotThrow(() =>
      JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')),
    );
  });
});
