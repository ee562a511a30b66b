import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RepositoryAnalyzer } from '../../../src/node/analysis';
import { parseOwners } from '../../../src/core/owners/parse';
import { computeCoverage, createOwnershipIndex } from '../../../src/core/owners/resolve';
import { validateOwners } from '../../../src/core/owners/validate';
import { generateOwners } from '../../oracles/generateOwners';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const BUNDLE = path.join(ROOT, 'dist/analysisProcess.js');

/** The editor's analysis of large repositories, through the bundled child process the extension ships. */
describe('analysis in a child process (dist/analysisProcess.js)', () => {
  it('answers exactly what the same core computes in-process', async () => {
    const repo = generateOwners(300);
    const files = [...repo.files, 'unowned/a.txt', 'unowned/deep/b.txt'];
    const result = await new RepositoryAnalyzer(BUNDLE).analyse(repo.owners, files);
    const parsed = parseOwners(repo.owners);
    // Maps and all: the process answers through structured clone, as the worker thread did.
    assert.deepStrictEqual(
      result.coverage,
      computeCoverage(createOwnershipIndex(parsed.model), files),
    );
    assert.ok(
      result.coverage.totalFiles > 300 && result.coverage.ownedFiles < result.coverage.totalFiles,
    );
    assert.deepStrictEqual(result.diagnostics, validateOwners(parsed, files));
  });

  it('takes an empty list and a list larger than one pipe buffer alike (the list streams through stdin)', async () => {
    const analyzer = new RepositoryAnalyzer(BUNDLE);
    const none = await analyzer.analyse('version: 1\n', []);
    assert.strictEqual(none.coverage.totalFiles, 0);
    const many = Array.from({ length: 120_000 }, (_, i) => `d${i % 97}/file-${i}.ts`);
    const all = await analyzer.analyse(
      'version: 1\nteams:\n  t: { lead: a }\ncomponents:\n  c: { team: t, owner: a, paths: [/d1/] }\n',
      many,
    );
    assert.deepStrictEqual(
      [all.coverage.totalFiles, all.coverage.ownedFiles],
      [many.length, many.filter(f => f.startsWith('d1/')).length],
    );
  });

  it('reports a process that dies before answering, with its last words', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-analysis-'));
    const crashing = path.join(dir, 'crash.js');
    fs.writeFileSync(crashing, "process.stderr.write('out of memory, say\\n'); process.exit(7);\n");
    try {
      await assert.rejects(
        new RepositoryAnalyzer(crashing).analyse('version: 1\n', ['a']),
        /exited with 7 before answering: out of memory, say/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
