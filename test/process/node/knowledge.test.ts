import * as assert from 'assert';
import * as fs from 'fs';
import { computeKnowledge, degreeOfAuthorship, HistoryIndex, knowersOf, knowledgeOver } from '../../../src/core/knowledge';
import type { KnowledgeCommit } from '../../../src/core/knowledge/types';
import { parseGitattributes } from '../../../src/core/metrics/gitattributes';
import { parseOwners } from '../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../src/core/owners/resolve';
import { gitKnowledge } from '../../../src/node/gitKnowledge';
import { KnowledgeLogCache, NameStatusParser } from '../../../src/node/git/knowledgeLog';
import { runCli } from '../../fixtures/cliRepo';
import { ScriptedRepo } from '../../fixtures/knowledgeRepo';

const DOA = (fa: number, dl: number, ac: number) => 3.293 + 1.098 * fa + 0.164 * dl - 0.321 * Math.log(1 + ac);

const commit = (hash: string, author: string, changes: KnowledgeCommit['changes'], isBot = false): KnowledgeCommit =>
  ({ hash, author, isBot, committedAt: 0, changes });

describe('knowledge: degree of authorship and truck factor', () => {
  it('computes DOA as Avelino et al. write it', () => {
    assert.strictEqual(degreeOfAuthorship(true, 0, 3), 3.293 + 1.098 - 0.321 * Math.log(4));
    // By hand: 3.293 + 0.164*2 - 0.321*ln(3) = 3.621 - 0.35266 = 3.26834.
    assert.ok(Math.abs(degreeOfAuthorship(false, 2, 2) - 3.26834) < 1e-4);
  });

  it('a file added by one and changed by many is known by its creator only', () => {
    // alice adds; bob, carol and dave change it once each.
    const history = new HistoryIndex([
      commit('1', 'alice', [{ status: 'A', path: 'f' }]),
      commit('2', 'bob', [{ status: 'M', path: 'f' }]),
      commit('3', 'carol', [{ status: 'M', path: 'f' }]),
      commit('4', 'dave', [{ status: 'T', path: 'f' }]),
    ]);
    // alice 3.293+1.098-0.321 ln 4 = 3.946; bob 3.293+0.164-0.321 ln 3 = 3.104 > 0.75*3.946 = 2.960, but below 3.293 without FA.
    assert.deepStrictEqual(knowersOf(history.authorsOf('f')), ['alice']);
  });

  it('a person with many changes knows a file they did not add, and the creator may lose it', () => {
    const changes = Array.from({ length: 12 }, (_, i) => commit(`b${i}`, 'bob', [{ status: 'M', path: 'f' }]));
    const history = new HistoryIndex([commit('1', 'alice', [{ status: 'A', path: 'f' }]), ...changes]);
    // bob: 3.293 + 0.164*12 = 5.261; alice: 4.391 - 0.321 ln 13 = 3.568 < 0.75*5.261 = 3.946.
    assert.deepStrictEqual(knowersOf(history.authorsOf('f')), ['bob']);
  });

  it('follows renames by path, recursively, keeps a re-added path\'s earlier commits, skips bots and deletions', () => {
    const history = new HistoryIndex([
      commit('1', 'alice', [{ status: 'A', path: 'a' }, { status: 'A', path: 'old' }]),
      commit('2', 'bob', [{ status: 'R', from: 'old', path: 'mid' }]),
      commit('3', 'carol', [{ status: 'R', from: 'mid', path: 'new' }, { status: 'D', path: 'a' }]),
      commit('4', 'erin', [{ status: 'A', path: 'a' }]),
      commit('5', 'dependabot[bot]', [{ status: 'M', path: 'new' }, { status: 'M', path: 'a' }], true),
      // A later file at the old path is part of `new`'s history too: paths, not lineages.
      commit('6', 'frank', [{ status: 'A', path: 'old' }]),
    ]);
    assert.deepStrictEqual(history.pathsOf('new').sort(), ['mid', 'new', 'old']);
    assert.deepStrictEqual(Object.fromEntries(history.authorsOf('new')),
      { alice: { adds: true, changes: 0 }, bob: { adds: false, changes: 1 }, carol: { adds: false, changes: 1 }, frank: { adds: true, changes: 0 } });
    assert.deepStrictEqual(Object.fromEntries(history.authorsOf('a')), { alice: { adds: true, changes: 0 }, erin: { adds: true, changes: 0 } });
  });

  it('greedy truck factor: ties go to the lowercased login first; under half known gives 0', () => {
    // Files known by: [A], [A], [b, c], [C], [] -> remove A (2): covered 2 of 5 < 2.5 -> 1.
    assert.strictEqual(knowledgeOver([['a'], ['a'], ['b', 'c'], ['c'], []]).busFactor, 1);
    // [x],[y],[z],[w]: every one knows one file. Remove w, x (alphabetical): covered 2 of 4 >= 2 -> remove y -> 1 < 2: 3.
    const k = knowledgeOver([['x'], ['y'], ['z'], ['w']], key => key.toUpperCase());
    assert.deepStrictEqual(k, { files: 4, knownFiles: 4, holders: [{ login: 'W', files: 1 }, { login: 'X', files: 1 }, { login: 'Y', files: 1 }, { login: 'Z', files: 1 }], busFactor: 3 });
    assert.strictEqual(knowledgeOver([['a'], [], []]).busFactor, 0);
    assert.deepStrictEqual(knowledgeOver([]), { files: 0, knownFiles: 0, holders: [], busFactor: 0 });
    // The tie order is JavaScript's `<` on lowercased logins: "Zed" before "ábc".
    assert.deepStrictEqual(knowledgeOver([['ábc'], ['Zed']]).holders.map(h => h.login), ['Zed', 'ábc']);
  });

  it('parses git log -z name-status records, whatever the names and paths hold', () => {
    const p = new NameStatusParser();
    const text = '\x01aaa\x001700000000\x00Odd \x01Name\x00o@x\x00\nA\x00\x01weird path\x00R087\x00p\x00q\x00'
      + '\x01bbb\x001700000001\x00B\x00b@x\x00\x01ccc\x001700000002\x00C\x00c@x\x00\nD\x00q\x00M\x00r\x00';
    const buf = Buffer.from(text);
    // In small chunks, split anywhere.
    for (let i = 0; i < buf.length; i += 3) p.push(buf.subarray(i, i + 3));
    const commits = p.end();
    assert.deepStrictEqual(commits.map(c => [c.hash, c.committedAt, c.name, c.changes]), [
      ['aaa', 1700000000, 'Odd \x01Name', [{ status: 'A', path: '\x01weird path' }, { status: 'R', from: 'p', path: 'q' }]],
      ['bbb', 1700000001, 'B', []],
      ['ccc', 1700000002, 'C', [{ status: 'D', path: 'q' }, { status: 'M', path: 'r' }]],
    ]);
  });
});

const OWNERS = `version: 1
people:
  alice: { emails: [ALICE@example.com] }
  erin: { emails: [erin@example.com] }
teams:
  core: { lead: alice, members: [bob, erin] }
components:
  core:
    team: core
    owner: alice
    paths: [/core/]
  docs:
    team: core
    owner: bob
    paths: [/docs/]
metrics:
  ignorePaths: ["**/*.lock"]
`;

describe('knowledge from a repository built with git', function () {
  this.timeout(60_000);
  let repo: ScriptedRepo;
  const body = (name: string) => Array.from({ length: 20 }, (_, i) => `${name} line ${i}`).join('\n') + '\n';
  const ALICE = 'Alice <alice@example.com>';

  before(() => {
    repo = new ScriptedRepo();
    const r = repo;
    r.commit(ALICE, '2026-01-01T10:00:00Z', 'start', () => r.write({
      'core/a.txt': body('a'), 'core/b.txt': body('b'), 'docs/x.md': body('x'), 'core/z.lock': body('z'), 'core/gen.go': body('gen'),
      '.gitattributes': 'core/gen.go linguist-generated\n',
      '.mailmap': 'Erin <erin@example.com> <erin@old.example>\n',
    }));
    r.commit('Bob <bob@example.com>', '2026-01-02T10:00:00Z', 'bob a', () => r.write({ 'core/a.txt': body('a') + 'bob\n' }));
    r.commit('Carol <carol@example.com>', '2026-01-03T10:00:00Z', 'carol a', () => r.write({ 'core/a.txt': body('a') + 'carol\n' }));
    r.commit('Bob <bob@example.com>', '2026-01-04T10:00:00Z', 'bob b 1', () => r.write({ 'core/b.txt': body('b') + 'bob1\n' }));
    r.commit('Bob <bob@example.com>', '2026-01-05T10:00:00Z', 'bob b 2', () => r.write({ 'core/b.txt': body('b') + 'bob2\n' }));
    r.commit('Carol <carol@example.com>', '2026-01-06T10:00:00Z', 'rename b c', () => r.mv('core/b.txt', 'core/c.txt'));
    r.commit('Dave <dave@example.com>', '2026-01-07T10:00:00Z', 'rename c d', () => r.mv('core/c.txt', 'core/d.txt'));
    r.commit('Erin <erin@old.example>', '2026-01-08T10:00:00Z', 'delete a', () => r.rm('core/a.txt'));
    r.commit('Erin <erin@old.example>', '2026-01-09T10:00:00Z', 'add a again', () => r.write({ 'core/a.txt': body('again') }));
    r.commit('dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>', '2026-01-10T10:00:00Z', 'bot', () => r.write({ 'core/d.txt': body('b') + 'bot\n' }));
    r.commit('Frank <Frank@Corp.example>', '2026-01-11T10:00:00Z', 'frank e', () => r.write({ 'core/e.txt': body('e') }));
    r.git({}, 'checkout', '-q', '-b', 'side');
    r.commit('Hank <123+hank@users.noreply.github.com>', '2026-01-12T10:00:00Z', 'hank g', () => r.write({ 'core/g.txt': body('g') }));
    r.git({}, 'checkout', '-q', 'main');
    r.merge(ALICE, '2026-01-13T10:00:00Z', 'side');
    // After `until`: neither in the history nor in the snapshot.
    r.commit('Greg <greg@example.com>', '2026-02-02T10:00:00Z', 'late', () => r.write({ 'core/f.txt': body('f'), 'core/e.txt': body('e') + 'greg\n' }));
    // Repository configuration must not move the figures: the root commit's adds, renames, the names' encoding.
    for (const [key, value] of [['log.showRoot', 'false'], ['diff.renames', 'false'], ['i18n.logOutputEncoding', 'ISO-8859-1']]) r.git({}, 'config', key, value);
  });
  after(() => repo.remove());

  const index = () => createOwnershipIndex(parseOwners(OWNERS).model);

  it('computes each component\'s, team\'s and the repository\'s knowledge as worked out by hand', async () => {
    const generated = parseGitattributes('core/gen.go linguist-generated\n');
    const k = await gitKnowledge(repo.dir, index(), { until: '2026-02-01', generated });
    // core's files: a.txt, d.txt, e.txt, g.txt (z.lock ignored, gen.go generated, f.txt after until).
    // a.txt: alice A, bob M, carol M, erin A (the delete is no change): alice and erin FA=1, AC=2: 4.038;
    //        bob and carol 3.293+0.164-0.321 ln 2 = 3.235 (< 3.293, no FA): only alice and erin know it.
    // d.txt (b -> c -> d): alice A, bob 2 M, carol R, dave R (the bot left out): alice 4.391-0.321 ln 5 = 3.874;
    //        bob 3.621-0.321 ln 3 = 3.268 < 3.293: only alice.
    // e.txt: frank (unmapped: his lowercased email). g.txt: hank (no-reply address).
    const core = k.knowledge.components.get('core')!;
    assert.deepStrictEqual(core.knowledge, {
      files: 4, knownFiles: 4,
      holders: [{ login: 'alice', files: 2 }, { login: 'erin', files: 1 }, { login: 'frank@corp.example', files: 1 }, { login: 'hank', files: 1 }],
      // Remove alice (a, e, g still known: 3 of 4), then erin (tie, first in order: 2 of 4), then frank (1 of 4 < half): 3.
      busFactor: 3,
    });
    assert.deepStrictEqual(k.knowledge.components.get('docs')!.knowledge, { files: 1, knownFiles: 1, holders: [{ login: 'alice', files: 1 }], busFactor: 1 });
    // The team: core's 4 files and docs/x.md (alice). Remove alice: a, e, g known, 3 of 5; then erin: 2 of 5 < half: 2.
    assert.deepStrictEqual(k.knowledge.teams.get('core')!.busFactor, 2);
    assert.deepStrictEqual(k.knowledge.repository.files, 5);
    assert.strictEqual(k.snapshot, repo.git({}, 'rev-parse', 'HEAD~1').trim(), 'the merge before until is the snapshot');
    assert.ok(!k.seen.has('dependabot[bot]'));
    assert.ok(k.seen.has('greg@example.com') === false, 'commits after until are not in the history');
  });

  it('checks the DOA values above against the formula', () => {
    assert.ok(Math.abs(DOA(1, 0, 2) - 4.0383) < 1e-4);
    assert.ok(Math.abs(DOA(0, 1, 1) - 3.2345) < 1e-4);
    assert.ok(Math.abs(DOA(1, 0, 4) - 3.8744) < 1e-4);
    assert.ok(Math.abs(DOA(0, 2, 2) - 3.2683) < 1e-4);
  });

  it('the knowledge command prints the figures, the backup and fails under --min-bus-factor', () => {
    repo.write({ 'OWNERS.yaml': OWNERS });
    const cacheDir = repo.dir + '-cache';
    const r = runCli(repo.dir, ['knowledge', '--until', '2026-02-01', '--json', '--cache-dir', cacheDir]);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.strictEqual(json.source, 'git');
    const core = json.components.find((c: { component: string }) => c.component === 'core');
    assert.strictEqual(core.knowledge.busFactor, 3);
    // Other than alice, erin, frank@corp.example and hank know one file each: the first login.
    assert.strictEqual(core.backup, 'erin');
    assert.strictEqual(json.components.find((c: { component: string }) => c.component === 'docs').backup, 'alice');
    const strict = runCli(repo.dir, ['knowledge', '--until', '2026-02-01', '--min-bus-factor', '2', '--cache-dir', cacheDir]);
    assert.strictEqual(strict.code, 1);
    assert.match(strict.err, /1 component\(s\) with a bus factor under 2: docs \(1\)/);
    assert.match(strict.out, /docs \(owner bob\): bus factor 1: knowledge sits with alice; 1\/1 files known; backup: alice/);
    assert.match(strict.out, /history, not skill or worth/);
    const hidden = JSON.parse(runCli(repo.dir, ['knowledge', '--until', '2026-02-01', '--json', '--team-only', '--no-cache']).out);
    assert.deepStrictEqual(hidden.components.map((c: { backup: string | null }) => c.backup), [null, 'alice']);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('a warm cache logs only the new commits and gives the same answer', async () => {
    const cache = new KnowledgeLogCache();
    const first = await gitKnowledge(repo.dir, index(), { until: '2026-03-01', cache });
    assert.strictEqual(first.loggedCommits, 13);
    repo.commit('Erin <erin@example.com>', '2026-02-10T10:00:00Z', 'erin e', () => repo.write({ 'core/e.txt': body('e') + 'erin\n' }));
    const second = await gitKnowledge(repo.dir, index(), { until: '2026-03-01', cache: KnowledgeLogCache.fromJSON(JSON.parse(JSON.stringify(cache))) });
    assert.strictEqual(second.loggedCommits, 1);
    const cold = await gitKnowledge(repo.dir, index(), { until: '2026-03-01' });
    assert.strictEqual(cold.loggedCommits, 14);
    assert.deepStrictEqual(second.knowledge.repository, cold.knowledge.repository);
    assert.deepStrictEqual(second.knowledge.components.get('core')!.knowledge, cold.knowledge.components.get('core')!.knowledge);
  });
});

export { computeKnowledge };
