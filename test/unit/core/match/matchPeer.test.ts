import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathsAroundPatterns } from '../../../oracles/codeownersCorpus';
import {
  codeownersPeer,
  Divergence,
  explainDivergence,
  peerOwnersOf,
} from '../../../oracles/codeownersPeer';
import { patternToRegExp } from '../../../oracles/regexReference';
import { compilePatterns } from '../../../../src/core/match/compile';
import { parseCodeowners } from '../../../../src/core/owners/codeownersFile';
import { REPO_ROOT } from '../../../repoRoot';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/codeowners');

describe('matcher vs the codeowners npm package on real CODEOWNERS files', function () {
  // A fixed amount of work (17,505 paths against the peer's per-rule regexes on DataDog's file):
  // no timer, so a loaded machine finishes it later instead of failing it. `npm run bench` times it.
  this.timeout(0);
  const expectedDirStar: Record<string, number> = {};
  for (const file of fs
    .readdirSync(FIXTURES)
    .filter(f => f.endsWith('.CODEOWNERS'))
    .sort()) {
    it(`agrees on ${file} except where GitHub's docs and gitignore differ`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const rules = parseCodeowners(text);
      const patterns = rules.map(r => r.pattern);
      const matcher = compilePatterns(patterns);
      const regexes = patterns.map(patternToRegExp);
      const paths = pathsAroundPatterns(patterns);
      const peer = codeownersPeer(text);
      let theirs: string[][];
      try {
        theirs = peerOwnersOf(peer, paths);
      } finally {
        peer.dispose();
      }
      const counts: Record<Divergence, number> = { 'dir-star': 0, case: 0, unexplained: 0 };
      const unexplained: string[] = [];
      paths.forEach((p, i) => {
        const w = matcher.winner(p);
        const ours = w < 0 ? [] : rules[w].owners;
        if (ours.join(' ') === theirs[i].join(' ')) return;
        const kind = explainDivergence(rules, regexes, p, w, theirs[i]);
        counts[kind]++;
        if (kind === 'unexplained' && unexplained.length < 10)
          unexplained.push(
            `${p}: ours ${w < 0 ? '(none)' : `${rules[w].pattern} ${ours.join(' ')}`} / peer ${theirs[i].join(' ')}`,
          );
      });
      // Shown in the test output so the documented divergences are counted, not hidden.
      console.log(
        `      ${file}: ${paths.length} paths, ${rules.length} rules; divergences: dir/* ${counts['dir-star']}, case ${counts.case}`,
      );
      expectedDirStar[file] = counts['dir-star'];
      assert.deepStrictEqual(unexplained, []);
      assert.ok(paths.length > rules.length * 5, 'enough paths around the rules');
    });
  }

  it('sees the documented dir/* divergence on esphome (hundreds of nested component files)', () => {
    assert.ok(
      (expectedDirStar['esphome__esphome.CODEOWNERS'] ?? 0) > 200,
      `esphome dir/* divergences: ${expectedDirStar['esphome__esphome.CODEOWNERS']}`,
    );
  });
});
