import * as assert from 'assert';
import * as fs from 'fs';
import { computeKnowledge } from '../../../src/core/knowledge';
import { parseGitattributes } from '../../../src/core/metrics/gitattributes';
import { parseOwners } from '../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../src/core/owners/resolve';
import { gitKnowledge } from '../../../src/node/gitKnowledge';
import { KnowledgeLogCache } from '../../../src/node/git/knowledgeLog';
import { runCli } from '../../fixtures/cliRepo';
import { ScriptedRepo } from '../../fixtures/knowledgeRepo';

const DOA = (fa: number, dl: number, ac: number) =>
  3.293 + 1.098 * fa + 0.164 * dl - 0.321 * Math.log(1 + ac);

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
  const body = (name: string) =>
    Array.from({ length: 20 }, (_, i) => `${name} line ${i}`).join('\n') + '\n';
  const ALICE = 'Alice <alice@example.com>';

  before(() => {
    repo = new ScriptedRepo();
    const r = repo;
    r.commit(ALICE, '2026-01-01T10:00:00Z', 'start', () =>
      r.write({
        'core/a.txt': body('a'),
        'core/b.txt': body('b'),
        'docs/x.md': body('x'),
        'core/z.lock': body('z'),
        'core/gen.go': body('gen'),
        '.gitattributes': 'core/gen.go linguist-generated\n',
        '.mailmap': 'Erin <erin@example.com> <erin@old.example>\n',
      }),
    );
    r.commit('Bob <bob@example.com>', '2026-01-02T10:00:00Z', 'bob a', () =>
      r.write({ 'core/a.txt': body('a') + 'bob\n' }),
    );
    r.commit('Carol <carol@example.com>', '2026-01-03T10:00:00Z', 'carol a', () =>
      r.write({ 'core/a.txt': body('a') + 'carol\n' }),
    );
    r.commit('Bob <bob@example.com>', '2026-01-04T10:00:00Z', 'bob b 1', () =>
      r.write({ 'core/b.txt': body('b') + 'bob1\n' }),
    );
    r.commit('Bob <bob@example.com>', '2026-01-05T10:00:00Z', 'bob b 2', () =>
      r.write({ 'core/b.txt': body('b') + 'bob2\n' }),
    );
    r.commit('Carol <carol@example.com>', '2026-01-06T10:00:00Z', 'rename b c', () =>
      r.mv('core/b.txt', 'core/c.txt'),
    );
    r.commit('Dave <dave@example.com>', '2026-01-07T10:00:00Z', 'rename c d', () =>
      r.mv('core/c.txt', 'core/d.txt'),
    );
    r.commit('Erin <erin@old.example>', '2026-01-08T10:00:00Z', 'delete a', () =>
      r.rm('core/a.txt'),
    );
    r.commit('Erin <erin@old.example>', '2026-01-09T10:00:00Z', 'add a again', () =>
      r.write({ 'core/a.txt': body('again') }),
    );
    r.commit(
      'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
      '2026-01-10T10:00:00Z',
      'bot',
      () => r.write({ 'core/d.txt': body('b') + 'bot\n' }),
    );
    r.commit('Frank <Frank@Corp.example>', '2026-01-11T10:00:00Z', 'frank e', () =>
      r.write({ 'core/e.txt': body('e') }),
    );
    r.git({}, 'checkout', '-q', '-b', 'side');
    r.commit('Hank <123+hank@users.noreply.github.com>', '2026-01-12T10:00:00Z', 'hank g', () =>
      r.write({ 'core/g.txt': body('g') }),
    );
    r.git({}, 'checkout', '-q', 'main');
    r.merge(ALICE, '2026-01-13T10:00:00Z', 'side');
    // After `until`: neither in the history nor in the snapshot.
    r.commit('Greg <greg@example.com>', '2026-02-02T10:00:00Z', 'late', () =>
      r.write({ 'core/f.txt': body('f'), 'core/e.txt': body('e') + 'greg\n' }),
    );
    // Repository configuration must not move the figures: the root commit's adds, renames, the names' encoding.
    for (const [key, value] of [
      ['log.showRoot', 'false'],
      ['diff.renames', 'false'],
      ['i18n.logOutputEncoding', 'ISO-8859-1'],
    ])
      r.git({}, 'config', key, value);
  });
  after(() => repo.remove());

  const index = () => createOwnershipIndex(parseOwners(OWNERS).model);

  it("computes each component's, team's and the repository's knowledge as worked out by hand", async () => {
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
      files: 4,
      knownFiles: 4,
      holders: [
        { login: 'alice', files: 2 },
        { login: 'erin', files: 1 },
        { login: 'frank@corp.example', files: 1 },
        { login: 'hank', files: 1 },
      ],
      // Remove alice (a, e, g still known: 3 of 4), then erin (tie, first in order: 2 of 4), then frank (1 of 4 < half): 3.
      busFactor: 3,
    });
    assert.deepStrictEqual(k.knowledge.components.get('docs')!.knowledge, {
      files: 1,
      knownFiles: 1,
      holders: [{ login: 'alice', files: 1 }],
      busFactor: 1,
    });
    // The team: core's 4 files and docs/x.md (alice). Remove alice: a, e, g known, 3 of 5; then erin: 2 of 5 < half: 2.
    assert.deepStrictEqual(k.knowledge.teams.get('core')!.busFactor, 2);
    assert.deepStrictEqual(k.knowledge.repository.files, 5);
    assert.strictEqual(
      k.snapshot,
      repo.git({}, 'rev-parse', 'HEAD~1').trim(),
      'the merge before until is the snapshot',
    );
    assert.ok(!k.seen.has('dependabot[bot]'));
    assert.ok(
      k.seen.has('greg@example.com') === false,
      'commits after until are not in the history',
    );
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
    const r = runCli(repo.dir, [
      'knowledge',
      '--until',
      '2026-02-01',
      '--json',
      '--cache-dir',
      cacheDir,
    ]);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.strictEqual(json.source, 'git');
    const core = json.components.find((c: { component: string }) => c.component === 'core');
    assert.strictEqual(core.knowledge.busFactor, 3);
    // Other than alice, erin, frank@corp.example and hank know one file each: the first login.
    assert.strictEqual(core.backup, 'erin');
    assert.strictEqual(
      json.components.find((c: { component: string }) => c.component === 'docs').backup,
      'alice',
    );
    const strict = runCli(repo.dir, [
      'knowledge',
      '--until',
      '2026-02-01',
      '--min-bus-factor',
      '2',
      '--cache-dir',
      cacheDir,
    ]);
    assert.strictEqual(strict.code, 1);
    assert.match(strict.err, /1 component\(s\) with a bus factor under 2: docs \(1\)/);
    assert.match(
      strict.out,
      /docs \(owner bob\): bus factor 1: knowledge sits with alice; 1\/1 files known; backup: alice/,
    );
    assert.match(strict.out, /history, not skill or worth/);
    const hidden = JSON.parse(
      runCli(repo.dir, [
        'knowledge',
        '--until',
        '2026-02-01',
        '--json',
        '--team-only',
        '--no-cache',
      ]).out,
    );
    assert.deepStrictEqual(
      hidden.components.map((c: { backup: string | null }) => c.backup),
      [null, 'alice'],
    );
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('a warm cache logs only the new commits and gives the same answer', async () => {
    const cache = new KnowledgeLogCache();
    const first = await gitKnowledge(repo.dir, index(), { until: '2026-03-01', cache });
    assert.strictEqual(first.loggedCommits, 13);
    repo.commit('Erin <erin@example.com>', '2026-02-10T10:00:00Z', 'erin e', () =>
      repo.write({ 'core/e.txt': body('e') + 'erin\n' }),
    );
    const second = await gitKnowledge(repo.dir, index(), {
      until: '2026-03-01',
      cache: KnowledgeLogCache.fromJSON(JSON.parse(JSON.stringify(cache))),
    });
    assert.strictEqual(second.loggedCommits, 1);
    const cold = await gitKnowledge(repo.dir, index(), { until: '2026-03-01' });
    assert.strictEqual(cold.loggedCommits, 14);
    assert.deepStrictEqual(second.knowledge.repository, cold.knowledge.repository);
    assert.deepStrictEqual(
      second.knowledge.components.get('core')!.knowledge,
      cold.knowledge.components.get('core')!.knowledge,
    );
  });
});

export { computeKnowledge };
