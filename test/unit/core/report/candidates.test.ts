import * as assert from 'assert';
import {
  bestCandidate,
  busyLeads,
  componentSuggestion,
  rankCandidates,
} from '../../../../src/core/report/candidates';
import { componentPracticePhrases } from '../../../../src/core/report/inPracticeWords';
import { hideInTeam } from '../../../../src/core/metrics/teamOnly';
import type { ComponentFigures, TeamFigures } from '../../../../src/core/metrics/types';

const component = (over: Partial<ComponentFigures>): ComponentFigures => ({
  component: 'book',
  owner: 'docslead',
  pullRequests: 40,
  lines: 1000,
  ownerLines: 100,
  leadLines: 100,
  authors: [],
  delegateTo: null,
  ownerPullRequests: 4,
  ownerReviews: 10,
  ownerLastActive: '2026-03-01',
  signals: [],
  knowledge: null,
  backup: null,
  ...over,
});
const author = (login: string, lines: number, pullRequests = 1) => ({
  login,
  lines,
  pullRequests,
  share: lines / 1000,
});

const team = (over: Partial<TeamFigures>): TeamFigures => ({
  team: 't',
  lead: 'x',
  pullRequests: 50,
  lines: 10_000,
  leadPullRequests: 30,
  leadLines: 6800,
  leadShare: 0.68,
  leadPullRequestShare: 0.6,
  leadReviewedShare: 0.5,
  flag: 'doing-the-work',
  authors: [],
  leadOwnedComponents: 1,
  components: 2,
  leadSoleApprovalShare: 0.1,
  signals: ['doing-the-work'],
  componentFigures: [],
  months: [],
  topPullRequests: [],
  excluded: {
    botPullRequests: 0,
    ignoredAuthorPullRequests: 0,
    ignoredPathLines: 0,
    generatedLines: 0,
  },
  knowledge: null,
  ...over,
});

// Like Cluster API's book: owned by the docs lead; the top writer besides him leads another team and writes 68% of its lines.
const DOCS = { id: 'docs', lead: 'docslead', members: ['ann', 'ben'] };
const TEAMS = [
  team({ team: 'core', lead: 'sbueringer', leadShare: 0.68 }),
  team({ team: 'docs', lead: 'docslead', leadShare: 0.1, signals: [], flag: 'ok' }),
];
const BOOK = component({
  authors: [author('sbueringer', 430, 12), author('docslead', 100, 4), author('outsider', 90, 3)],
  delegateTo: 'sbueringer',
  knowledge: {
    files: 14,
    knownFiles: 13,
    holders: [
      { login: 'sbueringer', files: 9 },
      { login: 'ann', files: 3 },
      { login: 'docslead', files: 2 },
    ],
    busFactor: 2,
  },
  backup: 'sbueringer',
});

describe('candidates for a component: delegation, backup, rotation', () => {
  it('a lead flagged as doing the work elsewhere is no longer the first suggestion, though the raw figures still name him', () => {
    const ranked = rankCandidates(BOOK, DOCS, busyLeads(TEAMS));
    assert.deepStrictEqual(
      ranked.map(c => c.login),
      ['ann', 'outsider', 'sbueringer'],
    );
    assert.strictEqual(ranked[0].why, 'in the team · knows 3 of 14 files');
    assert.strictEqual(ranked[1].why, 'wrote 9% of its lines');
    assert.strictEqual(
      ranked[2].why,
      "knows 9 of 14 files · already writes 68% of team core's lines as its lead",
    );
    assert.strictEqual(ranked[2].busyIn, 'core');
    // The report's figures are untouched: delegateTo and backup stay the raw ones.
    assert.strictEqual(BOOK.delegateTo, 'sbueringer');
    const s = componentSuggestion(BOOK, DOCS, TEAMS);
    assert.strictEqual(s.delegate?.login, 'ann');
    assert.strictEqual(
      s.backup,
      undefined,
      'the lead owns it: the view says "could go to", not "backup"',
    );
    assert.deepStrictEqual(s.handoff && [s.handoff.kind, s.handoff.candidate.login], [
      'delegate',
      'ann',
    ]);
  });

  it('without any busy lead, the team member still comes first; then more files known, then more lines, then login', () => {
    assert.strictEqual(bestCandidate(BOOK, DOCS)?.login, 'ann');
    // Nobody in the team: the one who knows most files wins over the one who wrote more lines.
    const c = component({
      authors: [author('zed', 500), author('amy', 300)],
      knowledge: {
        files: 4,
        knownFiles: 4,
        holders: [
          { login: 'amy', files: 2 },
          { login: 'bo', files: 2 },
        ],
        busFactor: 2,
      },
    });
    assert.deepStrictEqual(
      rankCandidates(c, { id: 'docs', lead: 'docslead', members: [] }).map(x => [x.login, x.why]),
      [
        ['amy', 'knows 2 of 4 files'],
        ['bo', 'knows 2 of 4 files'],
        ['zed', 'wrote 50% of its lines'],
      ],
    );
    // Ties on files and lines: login, case-insensitively.
    const tie = component({ authors: [author('Bea', 10), author('al', 10)] });
    assert.deepStrictEqual(
      rankCandidates(tie, undefined).map(x => x.login),
      ['al', 'Bea'],
    );
  });

  it('a component owned by a member with knowledge in one place offers a rotation, the team lead included as in the team', () => {
    const c = component({
      owner: 'ann',
      signals: [],
      authors: [author('ann', 900), author('docslead', 60), author('outsider', 40)],
      knowledge: { files: 5, knownFiles: 5, holders: [{ login: 'ann', files: 5 }], busFactor: 1 },
      backup: null,
    });
    const s = componentSuggestion(c, DOCS, TEAMS);
    assert.strictEqual(s.delegate, undefined);
    assert.deepStrictEqual(
      [s.backup?.login, s.backup?.why],
      ['docslead', 'in the team · wrote 6% of its lines'],
    );
    assert.deepStrictEqual(s.handoff && [s.handoff.kind, s.handoff.candidate.login], [
      'rotate',
      'docslead',
    ]);
    assert.deepStrictEqual(componentPracticePhrases(c, '2026-04-01', s), [
      'bus factor 1: only ann knows it',
      'backup: docslead (in the team · wrote 6% of its lines)',
    ]);
    // Bus factor 2 and a present owner: a backup is named, nothing is offered.
    assert.strictEqual(
      componentSuggestion({ ...c, knowledge: { ...c.knowledge!, busFactor: 2 } }, DOCS, TEAMS)
        .handoff,
      undefined,
    );
    // A nominal owner is offered the rotation too.
    assert.strictEqual(
      componentSuggestion({ ...c, knowledge: null, signals: ['nominal-owner'] }, DOCS, TEAMS)
        .handoff?.kind,
      'rotate',
    );
  });

  it("the own team's lead doing the work is also last, and said so", () => {
    const busyDocs = [team({ team: 'docs', lead: 'docslead', leadShare: 0.7 })];
    const c = component({ owner: 'ann', authors: [author('docslead', 600), author('ben', 100)] });
    assert.deepStrictEqual(
      rankCandidates(c, DOCS, busyLeads(busyDocs)).map(x => [x.login, x.why]),
      [
        ['ben', 'in the team · wrote 10% of its lines'],
        [
          'docslead',
          "in the team · wrote 60% of its lines · already writes 70% of this team's lines as its lead",
        ],
      ],
    );
  });

  it('team-only figures name nobody but the lead', () => {
    const hidden = hideInTeam(
      team({
        team: 'docs',
        lead: 'docslead',
        componentFigures: [
          BOOK,
          component({
            component: 'guide',
            owner: 'ann',
            authors: [author('docslead', 10), author('ben', 20)],
          }),
        ],
      }),
    );
    const [book, guide] = hidden.componentFigures;
    assert.deepStrictEqual(rankCandidates(book, DOCS, busyLeads(TEAMS)), []);
    assert.deepStrictEqual(componentSuggestion(book, DOCS, TEAMS), {});
    assert.deepStrictEqual(
      rankCandidates(guide, DOCS).map(x => x.login),
      ['docslead'],
    );
  });

  it('busyLeads: only doing-the-work and watch count', () => {
    const m = busyLeads([
      team({ team: 'a', lead: 'A1', signals: ['watch'], leadShare: 0.4 }),
      team({ team: 'b', lead: 'b1', signals: ['bottleneck'] }),
      team({ team: 'c', lead: '', signals: ['doing-the-work'] }),
    ]);
    assert.deepStrictEqual([...m], [['a1', { team: 'a', leadShare: 0.4 }]]);
  });
});
