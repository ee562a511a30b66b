import * as fs from 'fs';
import * as path from 'path';
import { compilePatterns } from '../src/core/match/compile';
import { parseOwners } from '../src/core/owners/parse';
import { validateOwners } from '../src/core/owners/validate';
import {
  generateHostileDocuments,
  generateHostileMatches,
  HOSTILE_ATTRIBUTE_CASES,
  ISSUE_MATCH_CASES,
  millis,
} from '../test/oracles/hostileInputs';
import { parseGitattributes } from '../src/core/metrics/gitattributes';
import { patternToRegExp } from '../test/oracles/regexReference';
import { CodeownersRule, parseCodeowners } from '../src/core/owners/codeownersFile';
import { generateCodeowners, generatePaths } from '../test/oracles/codeownersCorpus';
import {
  codeownersPeer,
  explainDivergence,
  normalizePeerOwners,
} from '../test/oracles/codeownersPeer';

const PATHS = 100_000;
/** Paths per fresh peer instance: its per-rule caches grow with every path seen. */
const PEER_CHUNK = 500;

interface Timing {
  label: string;
  paths: number;
  seconds: number;
}

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Best of `runs` (the first run also warms the JIT). */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, seconds(fn));
  return min;
}

function findFixture(name: string): string {
  for (const base of [process.cwd(), path.resolve(__dirname, '../..')]) {
    const file = path.join(base, 'test/fixtures/codeowners', name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`fixture ${name} not found (run from the repository root)`);
}

function benchCorpus(
  log: (line: string) => void,
  title: string,
  text: string,
  peerSample: number,
  naiveSample: number,
): number {
  const rules: CodeownersRule[] = parseCodeowners(text);
  const patterns = rules.map(r => r.pattern);
  const paths = generatePaths(patterns, PATHS);
  let matcher = compilePatterns(patterns);
  const compileMs =
    best(3, () => {
      matcher = compilePatterns(patterns);
    }) * 1000;
  const regexes = patterns.map(patternToRegExp);

  const ours = new Int32Array(paths.length);
  const oursTime = best(5, () => {
    for (let i = 0; i < paths.length; i++) ours[i] = matcher.winner(paths[i]);
  });

  const naivePaths = paths.slice(0, naiveSample);
  let naiveMismatch = 0;
  const naiveTime = best(2, () => {
    naiveMismatch = 0;
    for (let i = 0; i < naivePaths.length; i++) {
      let w = -1;
      for (let r = regexes.length - 1; r >= 0; r--)
        if (regexes[r].test(naivePaths[i])) {
          w = r;
          break;
        }
      if (w !== ours[i]) naiveMismatch++;
    }
  });

  const peer = codeownersPeer(text);
  const peerPaths = paths.slice(0, peerSample);
  const peerAnswers: string[][] = [];
  let peerTime = 0;
  try {
    for (let start = 0; start < peerPaths.length; start += PEER_CHUNK) {
      const instance = peer.fresh();
      const chunk = peerPaths.slice(start, start + PEER_CHUNK);
      peerTime += seconds(() => {
        for (const p of chunk) peerAnswers.push(instance.getOwner(p));
      });
    }
  } finally {
    peer.dispose();
  }
  const divergences = { same: 0, 'dir-star': 0, case: 0, unexplained: 0 };
  peerPaths.forEach((p, i) => {
    const mine = ours[i] < 0 ? [] : rules[ours[i]].owners;
    const theirs = normalizePeerOwners(peerAnswers[i]);
    if (mine.join(' ') === theirs.join(' ')) divergences.same++;
    else divergences[explainDivergence(rules, regexes, p, ours[i], theirs)]++;
  });

  const rows: Timing[] = [
    { label: 'ownership-lens (indexed)', paths: paths.length, seconds: oursTime },
    { label: 'codeowners npm 5.1.1', paths: peerPaths.length, seconds: peerTime },
    { label: 'naive regex loop', paths: naivePaths.length, seconds: naiveTime },
  ];
  const rate = (t: Timing) => t.paths / t.seconds;
  log(
    `\n### ${title}: ${rules.length} rules, ${paths.length.toLocaleString('en')} generated paths (compile ${compileMs.toFixed(1)} ms)`,
  );
  log(
    `${'matcher'.padEnd(26)} ${'paths timed'.padStart(11)} ${'lookups/s'.padStart(12)} ${'µs/lookup'.padStart(10)} ${'ours is'.padStart(9)}`,
  );
  for (const t of rows) {
    log(
      `${t.label.padEnd(26)} ${t.paths.toLocaleString('en').padStart(11)} ${Math.round(rate(t)).toLocaleString('en').padStart(12)} ` +
        `${(1e6 / rate(t)).toFixed(3).padStart(10)} ${t === rows[0] ? '' : `${(rate(rows[0]) / rate(t)).toFixed(0)}x`.padStart(9)}`,
    );
  }
  log(
    `answers: naive loop ${naiveMismatch === 0 ? 'identical' : `${naiveMismatch} DIFFERENT`} on ${naivePaths.length.toLocaleString('en')} paths; ` +
      `codeowners npm identical on ${divergences.same.toLocaleString('en')} of ${peerPaths.length.toLocaleString('en')}, documented dir/* divergence ${divergences['dir-star']}, ` +
      `case ${divergences.case}, unexplained ${divergences.unexplained}`,
  );
  if (peerPaths.length < paths.length || naivePaths.length < paths.length) {
    log(
      `(the slower matchers are timed on the first ${peerPaths.length.toLocaleString('en')} / ${naivePaths.length.toLocaleString('en')} of the same paths: a full run would take minutes)`,
    );
  }
  return rate(rows[0]) / rate(rows[1]);
}

/** Ownership lookups per second: our indexed matcher, the `codeowners` npm package, a naive loop over per-pattern regexes. */
export async function run(log: (line: string) => void): Promise<void> {
  log(
    '## CODEOWNERS matching: who wins a path (best of several runs; peer timed with a fresh instance every 500 paths)',
  );
  const datadog = fs.readFileSync(findFixture('DataDog__integrations-extras.CODEOWNERS'), 'utf8');
  benchCorpus(log, 'DataDog/integrations-extras CODEOWNERS (1,194 lines)', datadog, 5_000, PATHS);
  const ratio = benchCorpus(
    log,
    'generated CODEOWNERS, 10,000 rules',
    generateCodeowners(10_000),
    500,
    3_000,
  );
  log(
    `\naim: at least 50x the codeowners npm package at 10,000 rules: ${ratio >= 50 ? 'met' : 'NOT MET'} (${ratio.toFixed(0)}x)`,
  );
  benchHostile(log);
  benchHostileAttributes(log);
}

/**
 * Issue 18: `.gitattributes` patterns that took a backtracking regular expression 32 s, beside a
 * benign pattern of the same length on the same path, and 20,000 generated hostile pairs.
 */
export function benchHostileAttributes(log: (line: string) => void): void {
  log(
    '\n### hostile .gitattributes patterns (linguist-generated): parse one line + one lookup, best of 3, beside a benign pattern of the same length',
  );
  log(
    `${'case'.padEnd(40)} ${'chars'.padStart(9)} ${'hostile ms'.padStart(11)} ${'benign ms'.padStart(10)} answer`,
  );
  const time = (pattern: string, p: string) =>
    Math.min(
      ...[0, 1, 2].map(() =>
        millis(() => parseGitattributes(`${pattern} linguist-generated\n`).isGenerated(p)),
      ),
    );
  for (const c of HOSTILE_ATTRIBUTE_CASES) {
    const hostile = time(c.pattern, c.path);
    const benign = time(c.benign, c.path);
    const answer = parseGitattributes(`${c.pattern} linguist-generated\n`).isGenerated(c.path);
    log(
      `${c.label.padEnd(40)} ${`${c.pattern.length}/${c.path.length}`.padStart(9)} ${hostile.toFixed(3).padStart(11)} ${benign.toFixed(3).padStart(10)} ${answer === c.matches ? 'right' : 'WRONG'}`,
    );
  }
  log(
    '(the regex matcher before: 32 s for a 41-byte pattern with 10 stars on a 44-character path)',
  );
  const cases = generateHostileMatches(20_000, 18);
  let worst = { ms: 0, label: '' };
  let total = 0;
  for (const c of cases) {
    const ms = time(c.pattern, c.path);
    total += ms;
    if (ms > worst.ms)
      worst = { ms, label: `${JSON.stringify(c.pattern)} against ${c.path.length} chars` };
  }
  log(
    `${cases.length.toLocaleString('en')} generated hostile .gitattributes pairs (patterns <= 64, paths <= 400 chars): mean ${((total / cases.length) * 1000).toFixed(1)} µs, worst ${worst.ms.toFixed(3)} ms: ${worst.label}`,
  );
}

/** Hostile patterns (issue 9): compile + one lookup each; the worst case is what an editor could feel. */
function benchHostile(log: (line: string) => void): void {
  const before: Record<string, string> = {
    '?* x18 + Z': '59 s',
    '**/a x8 + /**/b': '14.8 s',
    '*a x12 + *b': 'no answer in 285 s',
  };
  log('\n### hostile patterns: compile one pattern + one lookup (best of 3)');
  for (const c of ISSUE_MATCH_CASES) {
    const ms = Math.min(
      ...[0, 1, 2].map(() => millis(() => compilePatterns([c.pattern]).winner(c.path))),
    );
    log(
      `${c.label.padEnd(18)} ${c.pattern.length} / ${c.path.length} chars: ${ms.toFixed(3)} ms (regex matcher before: ${before[c.label]})`,
    );
  }
  const cases = generateHostileMatches(20_000);
  let worst = { ms: 0, label: '' };
  let total = 0;
  for (const c of cases) {
    const ms = Math.min(
      ...[0, 1, 2].map(() => millis(() => compilePatterns([c.pattern]).winner(c.path))),
    );
    total += ms;
    if (ms > worst.ms)
      worst = { ms, label: `${JSON.stringify(c.pattern)} against ${c.path.length} chars` };
  }
  log(
    `${cases.length.toLocaleString('en')} generated hostile pairs (patterns <= 64, paths <= 400 chars, best of 3 each): mean ${((total / cases.length) * 1000).toFixed(1)} µs, worst ${worst.ms.toFixed(3)} ms: ${worst.label}`,
  );
  const files = Array.from(
    { length: 300 },
    (_, i) => `src/components/ShoppingCartSummaryPanelView${i}.tsx`,
  );
  const docs = generateHostileDocuments(40);
  let worstDoc = { ms: 0, label: '' };
  for (const d of docs) {
    const ms = Math.min(
      ...[0, 1].map(() => millis(() => validateOwners(parseOwners(d.text), files))),
    );
    if (ms > worstDoc.ms)
      worstDoc = { ms, label: `${d.label}, ${(d.text.length / 1024).toFixed(0)} KB` };
  }
  log(
    `${docs.length} generated hostile OWNERS.yaml documents (<= 200 KB; alias fans, deep nesting, hostile patterns), parse + validate against 300 files: worst ${worstDoc.ms.toFixed(0)} ms: ${worstDoc.label}`,
  );
}
