import * as assert from 'assert';
import { daysInMonth } from '../../../../src/core/metrics/months';
import { parseOwners } from '../../../../src/core/owners/parse';
import { teamReportCsv, teamReportMarkdown } from '../../../../src/core/report/exportReport';
import {
  buildTeamReport,
  MonthlyShare,
  TeamFigures,
  trendOf,
} from '../../../../src/core/report/teamReport';
import { FIGURES_ARE_NOT } from '../../../../src/core/report/wording';

// A CommonMark renderer (the one vsce uses) to check what the Markdown does, not how it is spelled.
const MarkdownIt: new (options?: object) => {
  render(src: string): string;
} = require('markdown-it');
/** The href of every link and the src of every image the Markdown renders to. */
function renderedLinks(md: string): string[] {
  const html = new MarkdownIt({ linkify: false }).render(md);
  return [...html.matchAll(/<(?:a href|img src)="([^"]*)"/g)].map(m => m[1]);
}

const months = (shares: number[]): MonthlyShare[] =>
  shares.map((s, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    days: daysInMonth(`2026-${String(i + 1).padStart(2, '0')}`),
    leadShare: s,
    lines: 100,
    pullRequests: 5,
    authors: 3,
  }));

const hostileOwners = `version: 1
teams:
  web:
    name: "Web <script>alert(1)</script>"
    lead: alice
    members: [bob]
outcomes:
  conv: {name: "Conv | [x](javascript:alert(1))", target: ">= 3%", link: https://d.example/c}
components:
  site:
    name: "**Site**"
    team: web
    owner: bob
    paths: [/web/]
    outcomes: [conv]
    handoffs:
      - {date: 2026-02-01, from: alice, to: bob, notes: "# not a heading\\nsecond", decisions: ["=cmd|' /C calc'!A0"]}
      - {date: 2025-01-01, from: x, to: alice}
`;

const figures: TeamFigures = {
  team: 'web',
  lead: 'alice',
  pullRequests: 10,
  lines: 1000,
  leadPullRequests: 6,
  leadLines: 640,
  leadShare: 0.64,
  leadPullRequestShare: 0.6,
  leadReviewedShare: 0.5,
  flag: 'doing-the-work',
  authors: [
    { login: 'alice', pullRequests: 6, lines: 640, share: 0.64 },
    { login: '=HYPERLINK("x")', pullRequests: 4, lines: 360, share: 0.36 },
  ],
  leadOwnedComponents: 0,
  components: 1,
  leadSoleApprovalShare: 0,
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
};

describe('team report', () => {
  it('tells a falling, rising or flat lead share, and unknown with under three months of data', () => {
    assert.strictEqual(trendOf(months([0.8, 0.7, 0.6, 0.5, 0.4])), 'falling');
    assert.strictEqual(trendOf(months([0.2, 0.3, 0.5, 0.6])), 'rising');
    assert.strictEqual(trendOf(months([0.4, 0.41, 0.39, 0.4])), 'flat');
    assert.strictEqual(trendOf(months([0.8, 0.2])), 'unknown');
    assert.strictEqual(
      trendOf([
        ...months([0.9]),
        { month: '2026-02', days: 28, leadShare: 0, lines: 0, pullRequests: 0, authors: 0 },
        ...months([0.5]),
      ]),
      'unknown',
    );
  });

  it("keeps only the team's components and the handoffs inside the window", () => {
    const model = parseOwners(hostileOwners).model;
    const r = buildTeamReport(model, 'web', figures, months([0.7, 0.6, 0.5]), {
      since: '2026-01-01',
      until: '2026-04-01',
    });
    assert.deepStrictEqual(
      r.components.map(c => [c.id, c.owner, c.outcomes.map(o => o.target)]),
      [['site', 'bob', ['>= 3%']]],
    );
    assert.deepStrictEqual(
      r.handoffs.map(h => h.date),
      ['2026-02-01'],
    );
    assert.strictEqual(r.trend, 'falling');
  });

  it('escapes every repository value in Markdown', () => {
    const model = parseOwners(hostileOwners).model;
    const md = teamReportMarkdown(
      buildTeamReport(model, 'web', figures, [], { since: '2026-01-01', until: '2026-04-01' }),
    );
    assert.ok(!md.includes('<script>'), md);
    assert.ok(!md.includes('](javascript'), md);
    assert.ok(!/^# not a heading/m.test(md), md);
    assert.match(md, /Doing the work/);
    assert.match(md, /\| alice \(lead\) \| 6 \| 640 \| 64% \|/);
    assert.match(
      md,
      /Pull requests merged from 2026-01-01 to 2026-03-31 \(UTC\)/,
      'the window is shown with its last day included',
    );
  });

  it('has the delegation, the evidence (http(s) links only, titles escaped) and what the figures are not', () => {
    const model = parseOwners(hostileOwners.replace('owner: bob', 'owner: alice')).model;
    const withEvidence = {
      ...figures,
      signals: ['doing-the-work' as const, 'bottleneck' as const],
      leadSoleApprovalShare: 0.7,
      componentFigures: [
        {
          component: 'site',
          owner: 'alice',
          pullRequests: 10,
          lines: 1000,
          ownerLines: 640,
          leadLines: 640,
          authors: [],
          delegateTo: 'bob',
          ownerPullRequests: 6,
          ownerReviews: 0,
          ownerLastActive: null,
          signals: [],
          knowledge: null,
          backup: null,
        },
      ],
      topPullRequests: [
        {
          number: 7,
          title: '[x](javascript:alert(1)) <b>',
          url: 'https://github.com/acme/web/pull/7',
          author: 'bob',
          lines: 300,
        },
        { number: 8, title: 'plain', url: 'javascript:alert(1)', author: null, lines: 200 },
      ],
      excluded: {
        botPullRequests: 3,
        ignoredAuthorPullRequests: 1,
        ignoredPathLines: 50,
        generatedLines: 9,
      },
    };
    const r = buildTeamReport(
      model,
      'web',
      withEvidence,
      months([0.7]),
      { since: '2026-01-01', until: '2026-04-01' },
      undefined,
      true,
      false,
    );
    assert.deepStrictEqual(r.delegation, [
      {
        component: 'site',
        name: '**Site**',
        owner: 'alice',
        kind: 'owned',
        lines: 1000,
        leadLines: 640,
        candidate: 'bob',
        candidateWhy: 'in the team',
      },
    ]);
    // Team-only mode names no candidate, even from figures that do, and says so.
    const hidden = buildTeamReport(
      model,
      'web',
      withEvidence,
      months([0.7]),
      { since: '2026-01-01', until: '2026-04-01' },
      undefined,
      true,
      true,
    );
    assert.deepStrictEqual(hidden.delegation, [
      {
        component: 'site',
        name: '**Site**',
        owner: 'alice',
        kind: 'owned',
        lines: 1000,
        leadLines: 640,
        candidate: null,
        candidateHidden: true,
      },
    ]);
    assert.match(teamReportMarkdown(hidden), /Team-only mode/);
    const md = teamReportMarkdown(r);
    // alice and bob only: nobody else could approve, so the signal is shown as expected, not as something to fix
    assert.match(
      md,
      /\*\*bottleneck\*\*, expected here: with one other person in the team, nobody else can approve their pull requests\. Most pull requests by others were approved by the lead and nobody else/,
    );
    assert.match(
      md,
      /^Doing the work\. The lead wrote 64% of the team's lines\. Pick one piece of work/m,
      'the headline: the state and the next step',
    );
    assert.match(md, /only approver of 70%/);
    assert.match(
      md,
      /\| \\\*\\\*Site\\\*\\\* \| owned by the lead \| 640 of 1,000 \| could go to bob \(in the team\) \|/,
    );
    // the title's brackets are escaped, so its "(javascript:…)" is plain text inside the one real link
    assert.ok(
      md.includes(
        '- [#7 \\[x\\]\\(javascript:alert(1)) \\<b\\>](https://github.com/acme/web/pull/7): 300 lines by bob',
      ),
      md,
    );
    assert.deepStrictEqual(
      renderedLinks(md),
      ['https://github.com/acme/web/pull/7'],
      'the only link is the pull request',
    );
    assert.match(
      md,
      /- #8 plain: 200 lines$/m,
      'a javascript: URL is not a link, and a hidden author is not named',
    );
    assert.match(
      md,
      /Left out: 3 pull requests by bots, 1 by ignored authors, 50 lines of ignored files .* and 9 lines of generated files/,
    );
    assert.match(md, /not a performance rating/);
    assert.match(md, /\| 2026-01 \| 31 \| 5 \| 100 \| 3 \| 70% \|/);
    assert.match(teamReportCsv(r), /,"These figures describe merged pull requests, not people/);
  });

  it('says there is no data yet, and how to get it, instead of empty figures', () => {
    const model = parseOwners(hostileOwners).model;
    const md = teamReportMarkdown(
      buildTeamReport(model, 'web', undefined, [], { since: '2026-01-01', until: '2026-04-01' }),
    );
    assert.match(md, /No pull-request data yet/);
    assert.match(md, /Refresh Pull Request Data/);
    assert.doesNotMatch(md, /not enough|insufficient/i);
  });

  it('writes CSV that a spreadsheet cannot execute', () => {
    const model = parseOwners(hostileOwners).model;
    const csv = teamReportCsv(
      buildTeamReport(model, 'web', figures, [], { since: '2026-01-01', until: '2026-04-01' }),
    );
    const lines = csv.trimEnd().split('\r\n');
    const note = `"${FIGURES_ARE_NOT}"`;
    assert.strictEqual(
      lines[0],
      'section,team,item,is_lead,pull_requests,lines,share,authors,days,detail,window_since,window_last_day,note',
    );
    assert.strictEqual(
      lines[1],
      `author,web,alice,yes,6,640,0.6400,,,,2026-01-01,2026-03-31,${note}`,
    );
    assert.strictEqual(
      lines[2],
      `author,web,"'=HYPERLINK(""x"")",no,4,360,0.3600,,,,2026-01-01,2026-03-31,${note}`,
    );
  });

  it('renders hostile repository text as text in Markdown: no link, image, HTML, heading or list it did not write', () => {
    const model = parseOwners(
      hostileOwners.replace(
        '"# not a heading\\nsecond"',
        '"![img](https://t.example/p.png) <img src=x onerror=alert(1)> [a](https://evil.example) <https://evil.example>"',
      ),
    ).model;
    const md = teamReportMarkdown(
      buildTeamReport(model, 'web', figures, [], { since: '2026-01-01', until: '2026-04-01' }),
    );
    const html = new MarkdownIt({ linkify: false }).render(md);
    assert.deepStrictEqual(renderedLinks(md), [], html);
    assert.doesNotMatch(html, /<img|<script|<b>/, html);
    assert.strictEqual(
      (html.match(/<h[1-6]/g) ?? []).length,
      1 + (md.match(/^## /gm) ?? []).length,
      'a heading per section and the title, none from the data',
    );
  });

  it('writes Markdown that reads as it is in a chat: dates, dashes, dots and parentheses unescaped', () => {
    const model = parseOwners(
      hostileOwners.replace(
        '"# not a heading\\nsecond"',
        '"Retries (v2) are done - see the run-book."',
      ),
    ).model;
    const md = teamReportMarkdown(
      buildTeamReport(model, 'web', figures, [], { since: '2026-01-01', until: '2026-04-01' }),
    );
    assert.ok(
      md.includes(
        '- 2026-02-01 \\*\\*Site\\*\\* (site): alice → bob. Retries (v2) are done - see the run-book.',
      ),
      md,
    );
    const readable = md
      .split('\n')
      .filter(l => !l.includes('javascript'))
      .join('\n'); // the hostile outcome's "](" stays escaped
    assert.doesNotMatch(
      readable,
      /\\[-.()!]/,
      'no escaped dash, dot, parenthesis or exclamation mark',
    );
  });
});
