import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { makeRepo, runCli, runCliInRepo } from '../../fixtures/cliRepo';

describe('outcomes (CLI): usage and exit codes', () => {
  const owners =
    'version: 1\nteams:\n  t: { lead: alice }\noutcomes:\n  csat:\n    target: ">= 4.2"\n    source: { file: m.csv }\n  other: { name: Other }\ncomponents:\n  c: { team: t, owner: alice, paths: [/src/], outcomes: [csat] }\n';
  it('prints every outcome in file order, exactly the six fields; exit 0 whatever the statuses', () => {
    const dir = makeRepo(owners, ['src/a.ts']);
    try {
      fs.writeFileSync(path.join(dir, 'm.csv'), 'date,outcome,value\n2026-01-01,csat,4.0\n');
      const r = runCli(dir, ['outcomes', '--json', '--until', '2026-02-01']);
      assert.strictEqual(r.code, 0, r.err);
      assert.deepStrictEqual(JSON.parse(r.out), [
        {
          outcome: 'csat',
          value: 4,
          target: '>= 4.2',
          status: 'missed',
          asOf: '2026-01-01T00:00:00Z',
          reason: null,
        },
        {
          outcome: 'other',
          value: null,
          target: null,
          status: 'unknown',
          asOf: null,
          reason: 'no source: the outcome does not say where its value lives',
        },
      ]);
      const text = runCli(dir, ['outcomes', '--until', '2026-02-01']);
      assert.match(
        text.out,
        /^csat\s+MISSED\s+4\s+\(target >= 4\.2\), as of 2026-01-01T00:00:00Z$/m,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a bad --until or an unknown option is bad usage (exit 2)', () => {
    assert.strictEqual(runCliInRepo(owners, [], ['outcomes', '--until', '2026-13-01']).code, 2);
    assert.strictEqual(runCliInRepo(owners, [], ['outcomes', '--since', '2026-01-01']).code, 2);
    assert.strictEqual(runCliInRepo(owners, [], ['outcomes', '--allow-host']).code, 2);
  });
});
