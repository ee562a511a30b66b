import * as assert from 'assert';
import { daysInMonth } from '../../../../src/core/metrics/months';
import { parseOwners } from '../../../../src/core/owners/parse';
import {
  exportFileName,
  teamReportCsv,
  teamReportMarkdown,
} from '../../../../src/core/report/exportReport';
import { outputWords, roundScale, trendWords } from '../../../../src/core/report/reportText';
import {
  buildTeamReport,
  MonthlyShare,
  TeamFigures,
  trendOf,
} from '../../../../src/core/report/teamReport';
import { hideInTeam } from '../../../../src/core/metrics/teamOnly';

// What a first-time reader of the team report saw wrong (the report audit): who to hand a component
// to, trend words against the points drawn, the export's dates and columns, ids and bare numbers.

const owners = (deployOwner: string) => `version: 1
teams:
  platform: {name: Platform, lead: dan, members: [erin]}
components:
  deploy:
    name: Deployment
    team: platform
    owner: ${deployOwner}
    paths: [/deploy/]
    handoffs:
      - {date: 2026-11-29, from: dan, to: erin, notes: Runbook in the wiki}
  shared-libs:
    name: Shared libraries
    team: platform
    owner: erin
    paths: [/packages/shared/]
`;

const component = (id: string, owner: string, leadLines: number, erinLines: number) => ({
  component: id,
  owner,
  pullRequests: 20,
  lines: leadLines + erinLines,
  ownerLines: owner === 'dan' ? leadLines : erinLines,
  leadLines,
  authors: [
    {
      login: 'dan',
      pullRequests: 12,
      lines: leadLines,
      share: leadLines / (leadLines + erinLines),
    },
    {
      login: 'erin',
      pullRequests: 8,
      lines: erinLines,
      share: erinLines / (leadLines + erinLines),
    },
  ],
  delegateTo: owner === 'dan' ? 'erin' : null,
  ownerPullRequests: 12,
  ownerReviews: 0,
  ownerLastActive: null,
  signals: [],
  knowledge: null,
  backup: null,
});

const figures = (deployOwner: string): TeamFigures => ({
  team: 'platform',
  lead: 'dan',
  pullRequests: 81,
  lines: 17462,
  leadPullRequests: 45,
  leadLines: 11000,
  leadShare: 0.63,
  leadPullRequestShare: 0.56,
  leadReviewedShare: 0.86,
  flag: 'doing-the-work',
  authors: [
    { login: 'dan', pullRequests: 45, lines: 11000, share: 0.63 },
    { login: 'erin', pullRequests: 36, lines: 6462, share: 0.37 },
  ],
  leadOwnedComponents: deployOwner === 'dan' ? 1 : 0,
  components: 2,
  leadSoleApprovalShare: 0.78,
  signals: ['doing-the-work'],
  componentFigures: [
    component('deploy', deployOwner, 1081, 830),
    component('shared-libs', 'erin', 2110, 1085),
  ],
  months: [],
  topPullRequests: [
    {
      number: 7,
      title: 'Big change',
      url: 'https://github.com/acme/shop/pull/7',
      author: 'dan',
      lines: 12345,
    },
  ],
  excluded: {
    botPullRequests: 1234,
    ignoredAuthorPullRequests: 0,
    ignoredPathLines: 56789,
    generatedLines: 0,
  },
  knowledge: null,
});

const WINDOW = { since: '2026-06-02', until: '2026-11-30' };
/** The Platform months of the audit: the lead's share swings between 37% and 86%. */
const SWINGING = [0.76, 0.38, 0.84, 0.86, 0.57, 0.74, 0.55, 0.84, 0.74, 0.78, 0.37, 0.74];
const months = (shares: number[], lines = shares.map(() => 1000)): MonthlyShare[] =>
  shares.map((s, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    days: daysInMonth(`2026-${String(i + 1).padStart(2, '0')}`),
    leadShare: s,
    lines: lines[i],
    pullRequests: 10,
    authors: 2,
  }));

const report = (deployOwner: string, monthly: MonthlyShare[] = []) =>
  buildTeamReport(
    parseOwners(owners(deployOwner)).model,
    'platform',
    figures(deployOwner),
    monthly,
    WINDOW,
  );

/** Splits RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows[rows.length - 1].push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows[rows.length - 1].push(cell);
      cell = '';
      rows.push([]);
      i++;
    } else cell += c;
  }
  if (rows[rows.length - 1].length === 0 && cell === '') rows.pop();
  return rows;
}

describe('team report, as a first-time reader reads it', () => {
  it('never suggests handing a carried component to the person who already owns it', () => {
    const r = report('dan');
    assert.deepStrictEqual(
      r.delegation.map(d => [d.component, d.kind, d.kind === 'owned' ? d.candidate : d.ownerLines]),
      [
        ['deploy', 'owned', 'erin'],
        ['shared-libs', 'carried', 1085],
      ],
    );
    const md = teamReportMarkdown(r);
    assert.match(
      md,
      /\| Shared libraries \| owned by erin; the lead wrote 66% of its lines, erin 34% \| 2,110 of 3,195 \| let erin drive it \|/,
    );
    assert.match(
      md,
      /\| Deployment \| owned by the lead \| 1,081 of 1,911 \| could go to erin \(in the team · wrote 43% of its lines\) \|/,
    );
    assert.doesNotMatch(md, /Shared libraries.*could go to/);
  });

  it('after a handoff to erin, neither component could "go to" erin: she owns both', () => {
    const r = report('erin');
    assert.deepStrictEqual(
      r.delegation.map(d => [d.component, d.kind, 'candidate' in d]),
      [
        ['deploy', 'carried', false],
        ['shared-libs', 'carried', false],
      ],
    );
    const md = teamReportMarkdown(r);
    assert.doesNotMatch(md, /could go to erin/);
    assert.match(
      md,
      /\| Deployment \| owned by erin; the lead wrote 57% of its lines, erin 43% \| 1,081 of 1,911 \| let erin drive it \|/,
    );
  });

  it("in team-only mode a carried component still names its owner (from OWNERS.yaml) but no one's lines but the lead's", () => {
    const f = figures('erin');
    const hidden = {
      ...f,
      componentFigures: f.componentFigures.map(c => ({
        ...c,
        ownerLines: null,
        authors: c.authors.filter(a => a.login === 'dan'),
        delegateTo: null,
      })),
    };
    const r = buildTeamReport(
      parseOwners(owners('erin')).model,
      'platform',
      hidden,
      [],
      WINDOW,
      undefined,
      true,
      true,
    );
    assert.match(
      teamReportMarkdown(r),
      /\| Shared libraries \| owned by erin; the lead wrote 66% of its lines \| 2,110 of 3,195 \| let erin drive it \|/,
    );
  });

  it('in team-only mode a lead-owned component others changed says its candidate is hidden, never that there is none', () => {
    const hidden = hideInTeam(figures('dan'));
    const r = buildTeamReport(
      parseOwners(owners('dan')).model,
      'platform',
      hidden,
      [],
      WINDOW,
      undefined,
      true,
      true,
    );
    const deploy = r.delegation.find(d => d.component === 'deploy')!;
    assert.deepStrictEqual(
      [
        deploy.kind,
        deploy.kind === 'owned' && deploy.candidate,
        deploy.kind === 'owned' && deploy.candidateHidden,
      ],
      ['owned', null, true],
    );
    const md = teamReportMarkdown(r);
    assert.match(
      md,
      /\| Deployment \| owned by the lead \| 1,081 of 1,911 \| candidate not named in team-only mode \(others wrote 43% of its lines\) \|/,
    );
    assert.doesNotMatch(md, /nobody else changed it|could go to|\| erin \| \d/);
    assert.doesNotMatch(teamReportCsv(r), /could go to|nobody else changed it|erin/);
    // Given the full figures, an export in team-only mode still writes the lead's row alone.
    const leaky = buildTeamReport(
      parseOwners(owners('dan')).model,
      'platform',
      figures('dan'),
      [],
      WINDOW,
      undefined,
      true,
      true,
    );
    assert.deepStrictEqual(
      teamReportCsv(leaky)
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .filter(row => row.split(',')[0] === 'author')
        .map(row => row.split(',')[2]),
      ['dan'],
    );
    assert.doesNotMatch(teamReportMarkdown(leaky), /\| erin \| \d/);
    // The lead alone wrote it: then "nobody else changed it" is true, in team-only mode too.
    const alone = {
      ...hidden,
      componentFigures: hidden.componentFigures.map(c =>
        c.component === 'deploy' ? { ...c, lines: c.leadLines } : c,
      ),
    };
    const words = teamReportMarkdown(
      buildTeamReport(
        parseOwners(owners('dan')).model,
        'platform',
        alone,
        [],
        WINDOW,
        undefined,
        true,
        true,
      ),
    );
    assert.match(
      words,
      /\| Deployment \| owned by the lead \| 1,081 of 1,081 \| no candidate yet: nobody else changed it \|/,
    );
  });

  it("says the lead's share varies when the months swing widely, instead of calling it flat", () => {
    assert.strictEqual(trendOf(months(SWINGING)), 'varies');
    const r = report('dan', months(SWINGING));
    assert.strictEqual(r.trend, 'varies');
    assert.strictEqual(
      trendWords(r),
      "The lead's share varies from 37% (2026-11) to 86% (2026-04) with no steady direction; 74% in 2026-12.",
    );
    assert.match(
      teamReportMarkdown(r),
      /The lead's share varies from 37% \(2026-11\) to 86% \(2026-04\)/,
    );
    assert.doesNotMatch(teamReportMarkdown(r), /flat/);
    // A slope the swings could draw by chance is no direction either.
    assert.strictEqual(trendOf(months([0.2, 0.7, 0.25, 0.75, 0.3, 0.8])), 'varies');
    // Steady months stay flat, a clean slope keeps its direction.
    assert.strictEqual(trendOf(months([0.45, 0.5, 0.47, 0.52, 0.46])), 'flat');
    assert.match(
      trendWords({ monthly: months([0.45, 0.5, 0.47, 0.52, 0.46]), trend: 'flat' }),
      /holds steady, between 45% and 52% a month/,
    );
    assert.strictEqual(trendOf(months([0.8, 0.72, 0.6, 0.55, 0.41, 0.35])), 'falling');
    assert.match(
      trendWords({ monthly: months([0.8, 0.72, 0.6, 0.55, 0.41, 0.35]), trend: 'falling' }),
      /^The lead's share is falling: 80% in 2026-01, 35% in 2026-06/,
    );
  });

  it("describes what the output chart draws: the bars (lines a month) and the line (the lead's share)", () => {
    const words = outputWords(months([0.76, 0.38, 0.84], [937, 1097, 2974]));
    assert.strictEqual(
      words,
      "Bars: lines merged each month, from 937 (2026-01) to 2,974 (2026-03). Line: the lead's share of them, from 38% (2026-02) to 84% (2026-03).",
    );
    assert.doesNotMatch(words, /pull requests|authors/);
    assert.deepStrictEqual(roundScale(2974), { top: 3000, ticks: [0, 1000, 2000, 3000] });
    assert.deepStrictEqual(roundScale(937), { top: 1000, ticks: [0, 500, 1000] });
    assert.deepStrictEqual(roundScale(5), { top: 6, ticks: [0, 2, 4, 6] });
    assert.deepStrictEqual(roundScale(1), { top: 1, ticks: [0, 1] });
    assert.deepStrictEqual(roundScale(0), { top: 1, ticks: [0, 1] });
  });

  it("dates exports with the window's last day, as the report header shows it", () => {
    const r = report('dan');
    assert.strictEqual(exportFileName(r, 'markdown'), 'team-report-platform-2026-11-29.md');
    assert.strictEqual(exportFileName(r, 'csv'), 'team-report-platform-2026-11-29.csv');
    assert.strictEqual(
      exportFileName({ ...r, team: { ...r.team, id: '../x y' } }, 'csv'),
      'team-report-___x_y-2026-11-29.csv',
    );
    assert.match(
      teamReportMarkdown(r),
      /Pull requests merged from 2026-06-02 to 2026-11-29 \(UTC\)/,
    );
    assert.doesNotMatch(teamReportMarkdown(r) + teamReportCsv(r), /2026-11-30/);
  });

  it("writes CSV whose every row has the header's columns, the window as the header shows it", () => {
    const f = {
      ...figures('dan'),
      signals: ['doing-the-work', 'bottleneck', 'holds-ownership'] as TeamFigures['signals'],
    };
    const rows = parseCsv(
      teamReportCsv(
        buildTeamReport(
          parseOwners(owners('dan')).model,
          'platform',
          f,
          months([0.8, 0.6, 0.4], [1000, 2000, 0]),
          WINDOW,
        ),
      ),
    );
    const header = [
      'section',
      'team',
      'item',
      'is_lead',
      'pull_requests',
      'lines',
      'share',
      'authors',
      'days',
      'detail',
      'window_since',
      'window_last_day',
      'note',
    ];
    assert.deepStrictEqual(rows[0], header);
    assert.ok(
      rows.every(row => row.length === header.length),
      'every row has every column',
    );
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const of = (section: string) => rows.filter(row => row[0] === section);
    assert.deepStrictEqual(
      of('author').map(row => [col(row, 'item'), col(row, 'is_lead'), col(row, 'lines')]),
      [
        ['dan', 'yes', '11000'],
        ['erin', 'no', '6462'],
      ],
    );
    // the months, for a chart: lines and the lead's share, empty (not 0%) for a month without lines
    assert.deepStrictEqual(
      of('month').map(row => [col(row, 'item'), col(row, 'lines'), col(row, 'share')]),
      [
        ['2026-01', '1000', '0.8000'],
        ['2026-02', '2000', '0.6000'],
        ['2026-03', '0', ''],
      ],
    );
    // the signals with the figure each compares with its threshold, and the flag
    assert.deepStrictEqual(
      of('signal').map(row => [col(row, 'item'), col(row, 'share')]),
      [
        ['doing-the-work', f.leadShare.toFixed(4)],
        ['bottleneck', '0.7800'],
        ['holds-ownership', '0.5000'],
      ],
    );
    assert.match(col(of('signal')[1], 'detail'), /^bottleneck: /);
    assert.ok(of('signal').length > 0 && of('signal').every(row => col(row, 'detail').length > 0));
    assert.deepStrictEqual(
      of('flag').map(row => col(row, 'item')),
      [f.flag],
    );
    assert.ok(
      rows
        .slice(1)
        .every(
          row =>
            col(row, 'window_since') === '2026-06-02' &&
            col(row, 'window_last_day') === '2026-11-29' &&
            /not a performance rating/.test(col(row, 'note')),
        ),
    );
  });

  it('says in the CSV which months the window cuts, when the months carry their days', () => {
    const monthly = months([0.5, 0.4], [1000, 900]).map((m, i) => ({
      ...m,
      days: i === 0 ? 12 : 28,
    }));
    const rows = parseCsv(teamReportCsv(report('dan', monthly))).filter(row => row[0] === 'month');
    assert.deepStrictEqual(
      rows.map(row => [row[2], row[8], row[9]]),
      [
        [monthly[0].month, '12', 'partial month: 12 of 31 days in the window'],
        [monthly[1].month, '28', ''],
      ],
    );
  });

  it('writes each month with its days in the window into the CSV and the Markdown, a partial month marked', () => {
    const monthly = [
      { month: '2026-11', days: 30, pullRequests: 20, lines: 3000, authors: 2, leadShare: 0.5 },
      { month: '2026-12', days: 6, pullRequests: 3, lines: 400, authors: 1, leadShare: 0.25 },
    ];
    const r = buildTeamReport(
      parseOwners(owners('erin')).model,
      'platform',
      figures('erin'),
      monthly,
      { since: '2026-11-01', until: '2026-12-07' },
    );
    const rows = parseCsv(teamReportCsv(r)).filter(row => row[0] === 'month');
    // item, pull_requests, lines, share, days, detail
    assert.deepStrictEqual(
      rows.map(row => [row[2], row[4], row[5], row[6], row[8], row[9]]),
      [
        ['2026-11', '20', '3000', '0.5000', '30', ''],
        ['2026-12', '3', '400', '0.2500', '6', 'partial month: 6 of 31 days in the window'],
      ],
    );
    const md = teamReportMarkdown(r);
    assert.match(md, /\| month \| days \| pull requests \|/);
    assert.match(md, /\| 2026-11 \| 30 \| 20 \| 3,000 \|/);
    assert.match(md, /\| 2026-12 \| 6 of 31 \(partial\) \| 3 \| 400 \|/);
  });

  it('names components by their display name with the id, and writes counts with thousands separators', () => {
    const md = teamReportMarkdown(report('dan', months([0.5], [17462])));
    // Dates, dashes and parentheses read as they are: a chat shows them without backslashes.
    assert.match(md, /- 2026-11-29 Deployment \(deploy\): dan → erin\. Runbook in the wiki/);
    assert.doesNotMatch(md, /29 deploy:/);
    assert.match(md, /of 17,462 changed lines and 45 of 81 pull requests/);
    assert.match(md, /\| dan \(lead\) \| 45 \| 11,000 \| 63% \|/);
    assert.match(md, /\| 2026-01 \| 31 \| 10 \| 17,462 \| 2 \| 50% \|/);
    assert.match(md, /: 12,345 lines by dan/);
    assert.match(
      md,
      /Left out: 1,234 pull requests by bots, 0 by ignored authors, 56,789 lines of ignored files/,
    );
    // No count of four digits or more without its separator (dates and links aside).
    assert.doesNotMatch(
      md.replace(/\d{4}\\?-\d\d(\\?-\d\d)?/g, '').replace(/https?:\S+/g, ''),
      /\d{4,}/,
    );
  });
});

describe('a partial month is shown, never compared with whole ones (docs/figures.md ("Months") `days`)', () => {
  // Four whole months, then 3 days of May: fewer lines and a lower share only because the month has just begun.
  const whole = months([0.6, 0.62, 0.6, 0.61], [3000, 3100, 2900, 3000]);
  const partial: MonthlyShare = {
    month: '2026-05',
    days: 3,
    pullRequests: 2,
    lines: 310,
    authors: 1,
    leadShare: 0.1,
  };

  it("the trend reads the whole months only; the partial month's share is given apart", () => {
    assert.strictEqual(trendOf([...whole, partial]), 'flat');
    assert.strictEqual(
      trendOf([...whole, { ...partial, days: 31, lines: 3000 }]),
      'falling',
      'the same share over a whole month would read as a fall',
    );
    assert.strictEqual(
      trendWords({ monthly: [...whole, partial], trend: 'flat' }),
      "The lead's share holds steady, between 60% and 62% a month. Partial month, not in the trend: 10% in 2026-05, 3 days.",
    );
  });

  it('the bars compare whole months, and the partial one by its daily rate', () => {
    const words = outputWords([...whole, partial]);
    assert.match(
      words,
      /^Bars: lines merged each whole month, from 2,900 \(2026-03\) to 3,100 \(2026-02\)\. /,
    );
    assert.match(
      words,
      / 2026-05, 3 days in the window \(a partial month, drawn hatched\): 310 lines, 103 a day against 100 a day in the whole months\. /,
    );
    assert.doesNotMatch(words, /from 310/);
  });

  it('a window that starts mid-month: its first month is partial too, and labelled', () => {
    const first: MonthlyShare = {
      month: '2025-12',
      days: 17,
      pullRequests: 9,
      lines: 1500,
      authors: 2,
      leadShare: 0.6,
    };
    assert.match(
      outputWords([first, ...whole]),
      /2025-12, 17 days in the window \(a partial month, drawn hatched\): 1,500 lines, 88 a day/,
    );
  });
});
