import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { computeKnowledge, HistoryIndex } from '../../../../src/core/knowledge';
import type { KnowledgeCommit, PathChange } from '../../../../src/core/knowledge/types';
import { createPathFilter } from '../../../../src/core/metrics/exclusions';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { historyDir } from '../../../fixtures/history/convert';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

/**
 * The non-merge commits of cluster-api.numstat.tsv, oldest first, as name-status entries: a
 * rename where old_path is given, an add for a path not alive yet, else a modification (numstat
 * cannot tell a deletion, so none is written). The files alive at the end stand for the snapshot.
 */
function loadCommits(dir: string): { commits: KnowledgeCommit[]; files: string[] } {
  const rows = fs
    .readFileSync(path.join(dir, 'cluster-api.numstat.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map(l => l.split('\t'));
  const order: string[] = [];
  const byCommit = new Map<string, { author: string; rows: string[][] }>();
  for (const r of rows) {
    if (!byCommit.has(r[0])) {
      byCommit.set(r[0], { author: r[1], rows: [] });
      order.push(r[0]);
    }
    byCommit.get(r[0])!.rows.push(r);
  }
  const alive = new Set<string>();
  const commits: KnowledgeCommit[] = [];
  for (const hash of order.reverse()) {
    const c = byCommit.get(hash)!;
    const changes: PathChange[] = [];
    for (const r of c.rows) {
      const [p, old] = [r[5], r[6]];
      if (old) {
        changes.push({ status: 'R', from: old, path: p });
        alive.delete(old);
        alive.add(p);
      } else if (!alive.has(p)) {
        changes.push({ status: 'A', path: p });
        alive.add(p);
      } else changes.push({ status: 'M', path: p });
    }
    commits.push({
      hash,
      author: c.author,
      isBot: c.author.toLowerCase().endsWith('[bot]'),
      committedAt: 0,
      changes,
    });
  }
  return { commits, files: [...alive].sort() };
}

/** Avelino's algorithm written out plainly, file by file, sharing no code with src/core/knowledge. */
function reference(commits: KnowledgeCommit[], files: string[]) {
  const human = commits.filter(c => !c.isBot);
  const spelling = new Map<string, string>();
  for (const c of human)
    if (!spelling.has(c.author.toLowerCase())) spelling.set(c.author.toLowerCase(), c.author);
  const renames: [string, string][] = [];
  for (const c of human)
    for (const ch of c.changes) if (ch.status === 'R') renames.push([ch.from!, ch.path]);
  const knowers = new Map<string, string[]>();
  for (const file of files) {
    const paths = new Set([file]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [from, to] of renames)
        if (paths.has(to) && !paths.has(from)) {
          paths.add(from);
          grew = true;
        }
    }
    const people = new Map<string, { fa: boolean; dl: number }>();
    let nonAdds = 0;
    for (const c of human) {
      const mine = c.changes.filter(ch => ch.status !== 'D' && paths.has(ch.path));
      if (mine.length === 0) continue;
      const who = c.author.toLowerCase();
      const p = people.get(who) ?? { fa: false, dl: 0 };
      people.set(who, p);
      if (mine.some(ch => ch.status === 'A')) p.fa = true;
      else {
        p.dl++;
        nonAdds++;
      }
    }
    const doa = [...people].map(([who, p]) => ({
      who,
      fa: p.fa,
      doa: 3.293 + 1.098 * (p.fa ? 1 : 0) + 0.164 * p.dl - 0.321 * Math.log(1 + nonAdds - p.dl),
    }));
    const max = Math.max(...doa.map(d => d.doa));
    knowers.set(
      file,
      doa.filter(d => d.doa > 0.75 * max && (d.doa >= 3.293 || d.fa)).map(d => d.who),
    );
  }
  return (subset: string[]) => {
    const count = new Map<string, number>();
    for (const f of subset)
      for (const who of knowers.get(f)!) count.set(who, (count.get(who) ?? 0) + 1);
    const removed = new Set<string>();
    let bus = 0;
    for (;;) {
      const covered = subset.filter(f => knowers.get(f)!.some(w => !removed.has(w))).length;
      if (subset.length === 0 || covered * 2 < subset.length) break;
      const left = [...count.keys()].filter(w => !removed.has(w));
      if (left.length === 0) break;
      left.sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0)); // keys are lowercased
      removed.add(left[0]);
      bus++;
    }
    const holders = [...count]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([who, n]) => ({ login: spelling.get(who)!, files: n }));
    return {
      files: subset.length,
      knownFiles: subset.filter(f => knowers.get(f)!.length > 0).length,
      holders,
      busFactor: bus,
    };
  };
}

describe('knowledge on two years of real cluster-api history, against a plain implementation', function () {
  this.timeout(120_000);
  const dir = historyDir(ROOT);
  assert.ok(dir, 'the history data (test/fixtures/history) is needed');
  const { commits, files } = loadCommits(dir!);
  const model = parseOwners(
    fs.readFileSync(path.join(ROOT, 'test/fixtures/history/cluster-api.OWNERS.yaml'), 'utf8'),
  ).model;
  const index = createOwnershipIndex(model);
  const ignored = createPathFilter(model.metrics);
  const result = computeKnowledge(index, new HistoryIndex(commits), files, ignored);
  // The files of each component, by the ownership index; every figure after that is the reference's own.
  const plainIgnored = (f: string) => {
    const b = f.split('/').pop()!;
    return b.startsWith('zz_generated.') || b === 'go.sum';
  };
  const componentOf = (f: string) => {
    const o = index.ownerOf(f);
    return o.kind === 'owned' && !plainIgnored(f) ? o.component : undefined;
  };
  const figures = reference(
    commits,
    files.filter(f => componentOf(f)),
  );

  it('has a history large enough to mean something', () => {
    assert.ok(commits.length > 1900, `${commits.length} commits`);
    assert.ok(
      commits.some(c => c.changes.some(ch => ch.status === 'R')),
      'renames',
    );
    assert.ok(result.repository.files > 1000, `${result.repository.files} files`);
  });

  it('gives every component, team and the repository the figures of the plain implementation', () => {
    for (const c of model.components.values()) {
      assert.deepStrictEqual(
        result.components.get(c.id)!.knowledge,
        figures(files.filter(f => componentOf(f)?.id === c.id)),
        c.id,
      );
    }
    for (const t of model.teams.values()) {
      assert.deepStrictEqual(
        result.teams.get(t.id),
        figures(files.filter(f => componentOf(f)?.team === t.id)),
        t.id,
      );
    }
    assert.deepStrictEqual(result.repository, figures(files.filter(f => componentOf(f))));
    // What the history says, for the record: the repository's truck factor and its holders.
    assert.ok(result.repository.busFactor >= 1);
  });
});
