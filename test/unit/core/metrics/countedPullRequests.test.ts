import * as assert from 'assert';
import { countPullRequests } from '../../../../src/core/metrics/countedPullRequests';
import { windowLabel } from '../../../../src/core/report/teamReport';

const pr = (number: number, author: string, mergedAt: string, authorIsBot = false) => ({
  number,
  author,
  authorIsBot,
  mergedAt,
  files: [],
  reviews: [],
});

describe('fetched versus counted pull requests', () => {
  it('splits what was fetched by the rules of docs/figures.md ("Lead authorship"), each pull request once', () => {
    const prs = [
      pr(1, 'alice', '2026-03-01T10:00:00Z'),
      pr(2, 'renovate', '2026-03-02T10:00:00Z', true), // GitHub says Bot
      pr(3, 'dependabot[bot]', '2026-03-03T10:00:00Z'), // the login says bot
      pr(4, 'Release-Robot', '2026-03-04T10:00:00Z'), // ignoreAuthors, any case
      pr(5, 'bob', '2026-01-31T23:59:59Z'), // before since
      pr(6, 'bob', '2026-04-01T00:00:00Z'), // until is exclusive
      pr(7, 'carol', '2026-03-31T23:59:59Z'),
    ];
    const c = countPullRequests(prs, { since: '2026-02-01', until: '2026-04-01' }, [
      'release-robot',
    ]);
    assert.deepStrictEqual(c, {
      fetched: 7,
      outsideWindow: 2,
      bots: 2,
      ignoredAuthors: 1,
      counted: 2,
    });
  });

  it('shows the window with its last day, not the exclusive end', () => {
    assert.strictEqual(
      windowLabel({ since: '2026-09-01', until: '2026-11-30' }),
      '2026-09-01 to 2026-11-29',
    );
    assert.strictEqual(
      windowLabel({ since: '2024-02-01', until: '2024-03-01' }),
      '2024-02-01 to 2024-02-29',
    );
    assert.strictEqual(
      windowLabel({ since: '2026-12-01', until: '2027-01-01' }),
      '2026-12-01 to 2026-12-31',
    );
  });
});
