import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allowList } from '../src/core/outcomes/allowedHosts';
import type { TeamOutcomeView } from '../src/core/outcomes/teamOutcomeView';
import { parseOwners } from '../src/core/owners/parse';
import { buildTeamReport } from '../src/core/report/teamReport';
import { OutcomeReader } from '../src/node/outcomes/outcomeReader';
import { teamOutcomes } from '../src/node/outcomes/teamOutcomes';
import { startPrometheus } from '../test/fixtures/prometheusServer';

const DAY = 86_400;
const OUTCOMES = 50;
const window = { since: '2025-01-01', until: '2026-01-01' };
const start = Date.parse('2025-01-01T00:00:00Z') / 1000;
const value = (o: number, d: number) =>
  Math.round((90 + (o % 10) + Math.sin(d / 7 + o)) * 100) / 100;

function owners(source: (o: number) => string): string {
  const outcomes = Array.from(
    { length: OUTCOMES },
    (_, o) =>
      `  o${o}:\n    target: ">= ${95 + (o % 5)}"\n    unit: "%"\n    source: ${source(o)}\n`,
  ).join('');
  const components = Array.from(
    { length: OUTCOMES },
    (_, o) => `  c${o}: {team: t, owner: alice, paths: [/c${o}/], outcomes: [o${o}]}\n`,
  ).join('');
  return `version: 1\nteams:\n  t: {lead: alice}\noutcomes:\n${outcomes}components:\n${components}`;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

/** A team report with 50 outcomes over a year of daily points: reading them (cold and cached) and the report view. */
async function measure(
  log: (line: string) => void,
  label: string,
  text: string,
  root: string,
): Promise<void> {
  const model = parseOwners(text).model;
  const reader = new OutcomeReader({
    root,
    allowedHosts: allowList(['127.0.0.1']),
    tokenFor: () => undefined,
    cacheMs: 300_000,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
  });
  const read = () => teamOutcomes(model, reader, ['t'], window, Date.parse('2026-01-01T00:00:00Z'));
  const cold = await timed(read);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed(read)).ms);
  warm.sort((a, b) => a - b);
  const list = cold.result.get('t')!;
  const points = list.reduce((n, o) => n + o.history.length, 0);
  const views: TeamOutcomeView[] = list.map(o => ({ ...o, name: o.outcome, unit: '%' }));
  const build = await timed(async () =>
    JSON.stringify({ ...buildTeamReport(model, 't', undefined, [], window), outcomeValues: views }),
  );
  log(
    `${label}: ${list.length} outcomes, ${points} points; cold ${cold.ms.toFixed(0)} ms (all in parallel), cached ${warm[2].toFixed(1)} ms (median of 5); ` +
      `report view + JSON ${build.ms.toFixed(1)} ms, ${(build.result.length / 1024).toFixed(0)} KB posted; statuses ${['met', 'missed', 'unknown'].map(s => `${list.filter(o => o.status === s).length} ${s}`).join(', ')}`,
  );
  log(
    `  aim: cached read + view within the team report's budget (21–23 ms for 10,000 pull requests): ${warm[2] + build.ms < 25 ? 'met' : 'NOT met'}`,
  );
}

export async function run(log: (line: string) => void): Promise<void> {
  log('## Outcomes: a team report with 50 outcomes over a year of daily points');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-outcomes-bench-'));
  try {
    const rows = ['date,outcome,value'];
    for (let o = 0; o < OUTCOMES; o++)
      for (let d = 0; d < 365; d++)
        rows.push(
          `${new Date((start + d * DAY) * 1000).toISOString().slice(0, 10)},o${o},${value(o, d)}`,
        );
    fs.writeFileSync(path.join(dir, 'outcomes.csv'), `${rows.join('\n')}\n`);
    await measure(
      log,
      'file source (one CSV, 18,250 rows)',
      owners(() => '{ file: outcomes.csv }'),
      dir,
    );
    let prometheus;
    try {
      prometheus = await startPrometheus(
        Array.from({ length: OUTCOMES }, (_, o) => ({
          name: `outcome_${o}`,
          help: 'bench',
          samples: Array.from(
            { length: 366 },
            (__, d) => [start + d * DAY, value(o, d)] as [number, number],
          ),
        })),
      );
    } catch (e) {
      log(`Prometheus source: not measured (${String((e as Error).message).split('\n')[0]})`);
      return;
    }
    try {
      await measure(
        log,
        `Prometheus source (real, ${prometheus.url}; instant + range query each)`,
        owners(o => `{ prometheus: "${prometheus!.url}", query: outcome_${o} }`),
        dir,
      );
    } finally {
      await prometheus.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
