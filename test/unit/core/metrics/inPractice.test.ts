import * as assert from 'assert';
import { formatReport } from '../../../../src/cli/report';
import { teamReportMarkdown } from '../../../../src/core/report/exportReport';
import { buildTeamReport } from '../../../../src/core/report/teamReport';
import { knowledgeOver } from '../../../../src/core/knowledge';
import type { RepositoryKnowledge } from '../../../../src/core/knowledge';
import { computeLeadReport } from '../../../../src/core/metrics/compute';
import { hideIndividuals } from '../../../../src/core/metrics/teamOnly';
import type { ComponentFigures, PullRequestRecord } from '../../../../src/core/metrics/types';
import {
  componentPracticePhrases,
  componentPracticeSentences,
  HISTORY_NOT_WORTH,
} from '../../../../src/core/report/inPracticeWords';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';

const OWNERS = `version: 1
teams:
  web: {lead: alice, members: [bob, carol]}
components:
  site: {team: web, owner: bob, paths: [/site/]}
  api: {team: web, owner: carol, paths: [/api/]}
  docs: {team: web, owner: alice, paths: [/docs/]}
metrics:
  minPullRequests: 2
  inactiveDays: 90
`;

const pr = (
  number: number,
  author: string,
  mergedAt: string,
  path: string,
  reviews: [string, string][] = [],
): PullRequestRecord => ({
  number,
  author,
  authorIsBot: author.endsWith('[bot]'),
  mergedAt: `${mergedAt}T12:00:00Z`,
  files: [{ path, additions: 10 * number, deletions: 0 }],
  reviews: reviews.map(([a, state]) => ({ author: a, state })),
});

// Window 2026-01-01 .. 2026-07-01; the last 90 days start on 2026-04-02.
const WINDOW = { since: '2026-01-01', until: '2026-07-01' };
const PRS = [
  pr(1, 'dave', '2026-02-01', 'site/a', [['bob', 'APPROVED']]),
  pr(2, 'dave', '2026-03-01', 'site/b', [['bob', 'PENDING']]),
  pr(3, 'erin', '2026-05-01', 'api/x', [['carol', 'PENDING']]),
  pr(4, 'erin', '2026-05-02', 'api/y'),
  pr(5, 'bob', '2026-05-10', 'docs/y', [['bob', 'COMMENTED']]),
  pr(6, 'alice', '2026-01-15', 'docs/z'),
  // A bot's pull request is not counted: alice's review on it is no activity.
  pr(7, 'dependabot[bot]', '2026-06-01', 'docs/w', [['alice', 'APPROVED']]),
  // Outside the window.
  pr(8, 'carol', '2026-07-02', 'api/z'),
];

describe("ownership in practice: owners' pull requests, reviews, activity and signals", () => {
  const index = createOwnershipIndex(parseOwners(OWNERS).model);

  it("counts the owner's pull requests and reviews, the last activity, nominal-owner, owner- and lead-inactive", () => {
    const report = computeLeadReport(index, PRS, WINDOW);
    const web = report.teams[0];
    const figures = web.componentFigures.map(c => [
      c.component,
      c.pullRequests,
      c.ownerPullRequests,
      c.ownerReviews,
      c.ownerLastActive,
      c.signals,
    ]);
    assert.deepStrictEqual(figures, [
      // bob approved #1 (his PENDING review on #2 is none); bob authored #5 in the last 90 days: active.
      ['site', 2, 0, 1, '2026-02-01', []],
      // carol: nothing credited, nothing reviewed (a PENDING review is none) in 2 pull requests; nothing in the last 90 days either.
      ['api', 2, 0, 0, null, ['nominal-owner', 'owner-inactive']],
      // alice authored #6 (January); bob's own COMMENTED review on #5 is not a review by the owner.
      ['docs', 2, 1, 0, '2026-01-15', ['owner-inactive']],
    ]);
    assert.deepStrictEqual(web.signals, ['lead-inactive']);
    // The GitHub source has no knowledge: every key present, null.
    assert.strictEqual(report.knowledge, null);
    assert.strictEqual(web.knowledge, null);
    for (const c of web.componentFigures) {
      assert.ok('knowledge' in c && c.knowledge === null);
      assert.ok('backup' in c && c.backup === null);
    }
  });

  it('with reviews unknown: ownerReviews null, no nominal-owner, inactivity from credit alone', () => {
    const report = computeLeadReport(index, PRS, WINDOW, { reviewsKnown: false });
    const c = report.teams[0].componentFigures;
    assert.deepStrictEqual(
      c.map(x => [x.component, x.ownerReviews, x.ownerLastActive, x.signals]),
      [
        ['site', null, null, []],
        ['api', null, null, ['owner-inactive']],
        ['docs', null, '2026-01-15', ['owner-inactive']],
      ],
    );
  });

  it("reads the window's last inactiveDays only, and never flags someone the history does not know", () => {
    // Nothing merged in the last 10 days: nobody can be inactive.
    const short = computeLeadReport(
      createOwnershipIndex(
        parseOwners(OWNERS.replace('inactiveDays: 90', 'inactiveDays: 10')).model,
      ),
      PRS,
      WINDOW,
    );
    assert.deepStrictEqual(
      short.teams[0].componentFigures.map(c => c.signals),
      [[], ['nominal-owner'], []],
    );
    assert.deepStrictEqual(short.teams[0].signals, []);
    const unseen = computeLeadReport(index, PRS, WINDOW, {
      seenInHistory: login => login !== 'carol',
    });
    assert.deepStrictEqual(
      unseen.teams[0].componentFigures.map(c => c.signals),
      [[], ['nominal-owner'], ['owner-inactive']],
    );
  });

  it('takes knowledge and picks the backup: most files known, then more lines in the window, then login', () => {
    const known = (people: Record<string, number>) => ({
      knowledge: knowledgeOver([]),
      filesKnownBy: new Map(Object.entries(people)),
    });
    const knowledge: RepositoryKnowledge = {
      repository: knowledgeOver([['bob'], ['dave']]),
      teams: new Map([['web', knowledgeOver([['bob'], ['dave']])]]),
      // site: dave and erin know 2 files each; dave has 30 lines in site, erin none. api: a tie on files and lines: login.
      components: new Map([
        ['site', known({ bob: 3, dave: 2, erin: 2 })],
        ['api', known({ zoe: 1, Yan: 1, carol: 5 })],
        ['docs', known({ alice: 1 })],
      ]),
      loginOf: key => (key === 'yan' ? 'Yan' : key),
    };
    const report = computeLeadReport(index, PRS, WINDOW, { knowledge });
    assert.deepStrictEqual(
      report.teams[0].componentFigures.map(c => c.backup),
      ['dave', 'Yan', null],
    );
    assert.deepStrictEqual(report.knowledge, knowledgeOver([['bob'], ['dave']]));
    // Two files, each known by one person: removing bob leaves 1 of 2 known (half), removing dave too leaves none: 2.
    assert.strictEqual(report.teams[0].knowledge!.busFactor, 2);
    // Team-only mode names no one but the lead.
    const hidden = hideIndividuals(report);
    assert.deepStrictEqual(
      hidden.teams[0].componentFigures.map(c => [c.backup, c.ownerPullRequests]),
      [
        [null, null],
        [null, null],
        [null, 1],
      ],
    );
    assert.deepStrictEqual(hidden.knowledge!.holders, []);
  });
});

describe('ownership in practice: the words of the tree rows and hover cards', () => {
  const base: ComponentFigures = {
    component: 'site',
    owner: 'bob',
    pullRequests: 6,
    lines: 100,
    ownerLines: 0,
    leadLines: 0,
    authors: [],
    delegateTo: null,
    ownerPullRequests: 0,
    ownerReviews: 0,
    ownerLastActive: '2026-03-01',
    signals: ['nominal-owner', 'owner-inactive'],
    knowledge: { files: 3, knownFiles: 3, holders: [{ login: 'bob', files: 3 }], busFactor: 1 },
    backup: 'carol',
  };

  it('says owned on paper only, owner not seen for N days, bus factor 1: only bob knows it, backup: carol', () => {
    assert.deepStrictEqual(componentPracticePhrases(base, '2026-04-01'), [
      'owned on paper only',
      'owner not seen for 31 days',
      'bus factor 1: only bob knows it',
      'backup: carol',
    ]);
    assert.deepStrictEqual(
      componentPracticePhrases(
        { ...base, signals: [], knowledge: null, backup: null },
        '2026-04-01',
      ),
      [],
    );
    // Team-only figures arrive without holders: the phrase names no one.
    assert.deepStrictEqual(
      componentPracticePhrases(
        { ...base, signals: [], knowledge: { ...base.knowledge!, holders: [] }, backup: null },
        '2026-04-01',
      ),
      ['bus factor 1: knowledge in one place'],
    );
  });

  it('explains in sentences about the system, with what the figures are not', () => {
    const text = componentPracticeSentences(base, '2026-04-01').join(' ');
    assert.match(
      text,
      /The owner bob authored 0 of its 6 merged changes and reviewed 0 of the others', last on 2026-03-01\./,
    );
    assert.match(text, /concentrated in one place/);
    assert.match(HISTORY_NOT_WORTH, /not anyone's skill or worth/);
    assert.ok(!/lazy|absent owner|bad/i.test(text));
  });
});

describe("ownership in practice in the report's text", () => {
  it("prints the owner's part, the signals and the knowledge, one line per component", () => {
    const index = createOwnershipIndex(parseOwners(OWNERS).model);
    const report = computeLeadReport(index, PRS, WINDOW);
    const text = formatReport('acme/web', report, 3);
    assert.match(text, /^ {2}site: owner bob: 0 of 2 PRs, 1 reviewed, last active 2026-02-01$/m);
    assert.match(
      text,
      /^ {2}api: owner carol: 0 of 2 PRs, 0 reviewed, last active not in the window; nominal-owner \(owned on paper only\); owner-inactive \(owner not seen in the window\)$/m,
    );
    assert.match(
      text,
      /^ {2}docs: owner alice: 1 of 2 PRs, 0 reviewed, last active 2026-01-15; owner-inactive \(owner not seen for 167 days\)$/m,
    );
    assert.match(text, /lead-inactive: /);
    assert.ok(text.includes(HISTORY_NOT_WORTH), "the owners' activity is history, not worth");
  });

  it("the team report's Markdown has a section on ownership in practice, escaped, with what the figures are not", () => {
    const model = parseOwners(OWNERS).model;
    const report = computeLeadReport(createOwnershipIndex(model), PRS, WINDOW);
    const md = teamReportMarkdown(buildTeamReport(model, 'web', report.teams[0], [], WINDOW));
    assert.match(md, /## Ownership in practice/);
    assert.match(
      md,
      /^\| api \| carol \| 0 of 2 \| 0 \| – \| owned on paper only; owner not seen in the window \|$/m,
    );
    assert.match(md, /not anyone's skill or worth/);
  });
});
