import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CLOCK_ENV, now, nowMs, setClock, today } from '../../../src/core/clock';
import { REPO_ROOT as ROOT } from '../../repoRoot';

describe('the product\'s clock (one "now" for the CLI, the extension and the demo data)', () => {
  const before = process.env[CLOCK_ENV];
  after(() => setClock(before));

  it('starts where it is set and runs on', async () => {
    setClock('2028-02-29T23:59:59.500Z');
    assert.strictEqual(today(), '2028-02-29');
    const t = nowMs();
    assert.ok(
      t >= Date.parse('2028-02-29T23:59:59.500Z') && t < Date.parse('2028-03-01T00:00:30Z'),
      now().toISOString(),
    );
    await new Promise(r => setTimeout(r, 600));
    assert.strictEqual(today(), '2028-03-01', 'the clock runs: half a second later it is March');
  });

  it('takes a date alone as its midnight UTC, a date-time without a zone as UTC, and refuses anything else', () => {
    setClock('2027-06-01');
    assert.strictEqual(today(), '2027-06-01');
    setClock('2027-01-01T08:30:00');
    assert.match(now().toISOString(), /^2027-01-01T08:3/);
    for (const bad of ['tomorrow', '01/06/2027', '2027-13-45'])
      assert.throws(() => setClock(bad), new RegExp(`${CLOCK_ENV} must be a date`), bad);
    setClock(undefined);
    assert.ok(Math.abs(nowMs() - Date.now()) < 5, 'undefined puts the real clock back');
  });

  it('is read from the environment by the CLI, in its own process: --since alone ends tomorrow by it', () => {
    const report = (clock: string) =>
      spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'dist/cli.js'),
          'report',
          '--owners',
          'demo/workspace/OWNERS.yaml',
          '--repo',
          'acme/shop',
          '--since',
          '2026-06-01',
        ],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', [CLOCK_ENV]: clock },
          cwd: ROOT,
        },
      );
    const early = report('2026-01-01T08:30:00Z');
    assert.strictEqual(early.status, 2);
    assert.match(
      early.stderr,
      /empty window: --since 2026-06-01 is not before --until 2026-01-02\n$/,
    );
    // Later than --since: the window is good, and the CLI goes on to ask for a token.
    const later = report('2026-07-01T08:30:00Z');
    assert.strictEqual(later.status, 2);
    assert.match(later.stderr, /needs a GitHub token/);
  });
});
