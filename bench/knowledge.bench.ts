import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseOwners } from '../src/core/owners/parse';
import { createOwnershipIndex } from '../src/core/owners/resolve';
import { KnowledgeLogCache } from '../src/node/git/knowledgeLog';
import { runGit, spawnGit } from '../src/node/git/safeGit';
import { gitKnowledge } from '../src/node/gitKnowledge';

const COMMITS = 15_000;
const DIRS = 60;
const AUTHORS = 40;

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic repository of 15,000 commits built with `git fast-import` (the history data of the
 * project holds about 2,000 non-merge commits, too few): 40 authors, 60 folders, files added,
 * changed (one line of 40 each time), renamed and deleted.
 */
async function syntheticRepository(dir: string): Promise<void> {
  await runGit(dir, ['init', '-q', '-b', 'main']);
  const rnd = random(21);
  const files = new Map<string, string[]>();
  const names: string[] = [];
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let serial = 0;
  for (let n = 0; n < COMMITS; n++) {
    const who = Math.floor(rnd() * rnd() * AUTHORS);
    const time = 1_600_000_000 + n * 3600;
    const ops: string[] = [];
    const changes = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < changes; k++) {
      const r = rnd();
      if (names.length < 200 || r < 0.15) {
        const name = `d${Math.floor(rnd() * DIRS)}/f${serial++}.ts`;
        const lines = Array.from(
          { length: 40 },
          (_, i) => `export const v${i} = ${Math.floor(rnd() * 1e6)}; // ${name}`,
        );
        files.set(name, lines);
        names.push(name);
        ops.push(`M 100644 inline ${name}\n${data(lines.join('\n'))}`);
      } else if (r < 0.03 + 0.15 && names.length > 300) {
        const i = Math.floor(rnd() * names.length);
        const from = names[i];
        const to = `d${Math.floor(rnd() * DIRS)}/moved${serial++}.ts`;
        files.set(to, files.get(from)!);
        files.delete(from);
        names[i] = to;
        ops.push(`R ${from} ${to}\n`);
      } else if (r < 0.01 + 0.18 && names.length > 300) {
        const i = Math.floor(rnd() * names.length);
        files.delete(names[i]);
        ops.push(`D ${names[i]}\n`);
        names[i] = names[names.length - 1];
        names.pop();
      } else {
        const name = names[Math.floor(rnd() * names.length)];
        const lines = files.get(name)!;
        lines[Math.floor(rnd() * lines.length)] =
          `export const w${n} = ${Math.floor(rnd() * 1e6)};`;
        ops.push(`M 100644 inline ${name}\n${data(lines.join('\n'))}`);
      }
    }
    chunks.push(
      `commit refs/heads/main\nauthor Dev ${who} <dev${who}@example.com> ${time} +0000\ncommitter Dev ${who} <dev${who}@example.com> ${time} +0000\n${data(`change ${n}`)}${ops.join('')}\n`,
    );
  }
  const child = await spawnGit(dir, ['fast-import', '--quiet'], {
    spawn: { stdio: ['pipe', 'ignore', 'pipe'] },
  });
  const done = new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)));
  for (const c of chunks)
    if (!child.stdin!.write(c)) await new Promise(r => child.stdin!.once('drain', r));
  child.stdin!.end();
  if ((await done) !== 0) throw new Error('git fast-import failed');
  await runGit(dir, ['reset', '-q', '--hard', 'main']);
}

/** Time of one `git log --no-merges -M --numstat` over the whole history, its output read and dropped. */
async function numstatLog(dir: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = await spawnGit(dir, ['log', '--no-merges', '-M', '--numstat', 'HEAD']);
  child.stdout!.on('data', () => {
    /* read */
  });
  await new Promise(resolve => child.on('close', resolve));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(log: (line: string) => void): Promise<void> {
  log(
    `## Knowledge (degree of authorship, bus factor) over ${COMMITS.toLocaleString('en')} commits`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-knowledge-bench-'));
  try {
    const t0 = Date.now();
    await syntheticRepository(dir);
    log(
      `synthetic repository built with git fast-import in ${((Date.now() - t0) / 1000).toFixed(1)} s (the shared history data has about 2,000 non-merge commits, too few)`,
    );
    const owners =
      `version: 1\nteams:\n  t: {lead: dev0}\ncomponents:\n` +
      Array.from(
        { length: DIRS },
        (_, i) => `  c${i}: {team: t, owner: dev${i % AUTHORS}, paths: [/d${i}/]}\n`,
      ).join('');
    const index = createOwnershipIndex(parseOwners(owners).model);
    const until = '2100-01-01';
    const numstat: number[] = [];
    const knowledge: number[] = [];
    let last;
    for (let i = 0; i < 3; i++) {
      numstat.push(await numstatLog(dir));
      const t1 = process.hrtime.bigint();
      last = await gitKnowledge(dir, index, { until });
      knowledge.push(Number(process.hrtime.bigint() - t1) / 1e6);
    }
    const ratio = median(knowledge) / median(numstat);
    log(
      `git log --no-merges -M --numstat: ${median(numstat).toFixed(0)} ms | knowledge (log + snapshot + figures): ${median(knowledge).toFixed(0)} ms` +
        ` | ratio ${ratio.toFixed(2)} (budget 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER BUDGET'}`,
    );
    log(
      `${last!.commits} commits, ${last!.knowledge.repository.files} owned files, repository bus factor ${last!.knowledge.repository.busFactor}`,
    );
    // Cached by commit: after one new commit only that commit is logged.
    const cache = new KnowledgeLogCache();
    await gitKnowledge(dir, index, { until, cache });
    await runGit(dir, [
      '-c',
      'user.name=Dev 1',
      '-c',
      'user.email=dev1@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'one more',
    ]);
    const t2 = process.hrtime.bigint();
    const warm = await gitKnowledge(dir, index, { until, cache });
    log(
      `one new commit with a warm cache: ${warm.loggedCommits} commit logged, ${(Number(process.hrtime.bigint() - t2) / 1e6).toFixed(0)} ms (the figures are recomputed from the cached history)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
