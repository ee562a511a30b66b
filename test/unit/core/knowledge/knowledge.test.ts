import * as assert from 'assert';
import {
  degreeOfAuthorship,
  HistoryIndex,
  knowersOf,
  knowledgeOver,
} from '../../../../src/core/knowledge';
import type { KnowledgeCommit } from '../../../../src/core/knowledge/types';
import { NameStatusParser } from '../../../../src/node/git/knowledgeLog';

const commit = (
  hash: string,
  author: string,
  changes: KnowledgeCommit['changes'],
  isBot = false,
): KnowledgeCommit => ({ hash, author, isBot, committedAt: 0, changes });

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
    const changes = Array.from({ length: 12 }, (_, i) =>
      commit(`b${i}`, 'bob', [{ status: 'M', path: 'f' }]),
    );
    const history = new HistoryIndex([
      commit('1', 'alice', [{ status: 'A', path: 'f' }]),
      ...changes,
    ]);
    // bob: 3.293 + 0.164*12 = 5.261; alice: 4.391 - 0.321 ln 13 = 3.568 < 0.75*5.261 = 3.946.
    assert.deepStrictEqual(knowersOf(history.authorsOf('f')), ['bob']);
  });

  it("follows renames by path, recursively, keeps a re-added path's earlier commits, skips bots and deletions", () => {
    const history = new HistoryIndex([
      commit('1', 'alice', [
        { status: 'A', path: 'a' },
        { status: 'A', path: 'old' },
      ]),
      commit('2', 'bob', [{ status: 'R', from: 'old', path: 'mid' }]),
      commit('3', 'carol', [
        { status: 'R', from: 'mid', path: 'new' },
        { status: 'D', path: 'a' },
      ]),
      commit('4', 'erin', [{ status: 'A', path: 'a' }]),
      commit(
        '5',
        'dependabot[bot]',
        [
          { status: 'M', path: 'new' },
          { status: 'M', path: 'a' },
        ],
        true,
      ),
      // A later file at the old path is part of `new`'s history too: paths, not lineages.
      commit('6', 'frank', [{ status: 'A', path: 'old' }]),
    ]);
    assert.deepStrictEqual(history.pathsOf('new').sort(), ['mid', 'new', 'old']);
    assert.deepStrictEqual(Object.fromEntries(history.authorsOf('new')), {
      alice: { adds: true, changes: 0 },
      bob: { adds: false, changes: 1 },
      carol: { adds: false, changes: 1 },
      frank: { adds: true, changes: 0 },
    });
    assert.deepStrictEqual(Object.fromEntries(history.authorsOf('a')), {
      alice: { adds: true, changes: 0 },
      erin: { adds: true, changes: 0 },
    });
  });

  it('greedy truck factor: ties go to the lowercased login first; under half known gives 0', () => {
    // Files known by: [A], [A], [b, c], [C], [] -> remove A (2): covered 2 of 5 < 2.5 -> 1.
    assert.strictEqual(knowledgeOver([['a'], ['a'], ['b', 'c'], ['c'], []]).busFactor, 1);
    // [x],[y],[z],[w]: every one knows one file. Remove w, x (alphabetical): covered 2 of 4 >= 2 -> remove y -> 1 < 2: 3.
    const k = knowledgeOver([['x'], ['y'], ['z'], ['w']], key => key.toUpperCase());
    assert.deepStrictEqual(k, {
      files: 4,
      knownFiles: 4,
      holders: [
        { login: 'W', files: 1 },
        { login: 'X', files: 1 },
        { login: 'Y', files: 1 },
        { login: 'Z', files: 1 },
      ],
      busFactor: 3,
    });
    assert.strictEqual(knowledgeOver([['a'], [], []]).busFactor, 0);
    assert.deepStrictEqual(knowledgeOver([]), {
      files: 0,
      knownFiles: 0,
      holders: [],
      busFactor: 0,
    });
    // The tie order is JavaScript's `<` on lowercased logins: "Zed" before "ábc".
    assert.deepStrictEqual(
      knowledgeOver([['ábc'], ['Zed']]).holders.map(h => h.login),
      ['Zed', 'ábc'],
    );
  });

  it('parses git log -z name-status records, whatever the names and paths hold', () => {
    const p = new NameStatusParser();
    const text =
      '\x01aaa\x001700000000\x00Odd \x01Name\x00o@x\x00\nA\x00\x01weird path\x00R087\x00p\x00q\x00' +
      '\x01bbb\x001700000001\x00B\x00b@x\x00\x01ccc\x001700000002\x00C\x00c@x\x00\nD\x00q\x00M\x00r\x00';
    const buf = Buffer.from(text);
    // In small chunks, split anywhere.
    for (let i = 0; i < buf.length; i += 3) p.push(buf.subarray(i, i + 3));
    const commits = p.end();
    assert.deepStrictEqual(
      commits.map(c => [c.hash, c.committedAt, c.name, c.changes]),
      [
        [
          'aaa',
          1700000000,
          'Odd \x01Name',
          [
            { status: 'A', path: '\x01weird path' },
            { status: 'R', from: 'p', path: 'q' },
          ],
        ],
        ['bbb', 1700000001, 'B', []],
        [
          'ccc',
          1700000002,
          'C',
          [
            { status: 'D', path: 'q' },
            { status: 'M', path: 'r' },
          ],
        ],
      ],
    );
  });
});
