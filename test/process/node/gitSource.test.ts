import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli';
import type { CliIO } from '../../../src/cli/io';
import { createIdentityMapper, noReplyLogin } from '../../../src/core/history/identity';
import {
  remoteLocation,
  repoOfRemote,
  requestNumber,
  requestTitle,
  requestUrl,
} from '../../../src/core/history/requestRef';
import type { TeamFigures } from '../../../src/core/metrics/types';
import { parseOwners } from '../../../src/core/owners/parse';
import { ChangeCache } from '../../../src/node/git/changeCache';
import { teamReportMarkdown } from '../../../src/core/report/exportReport';
import { buildTeamReport } from '../../../src/core/report/teamReport';
import { gitLeadReport, windowChanges } from '../../../src/node/git/gitFigures';
import { GitFiguresRunner } from '../../../src/node/gitFiguresRunner';
import { ALICE, gitAs, makeHistoryRepo, put } from '../../fixtures/historyRepo';
import { REPO_ROOT } from '../../repoRoot';

async function cli(
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: s => {
      out += s;
    },
    err: s => {
      err += s;
    },
    env: { ...process.env, XDG_CACHE_HOME: path.join(cwd, '.cache-home') },
    cwd,
    readStdin: async () => '',
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const WINDOW = ['--since', '2026-01-08', '--until', '2026-04-01'];

describe('figures from the git history (--from git)', function () {
  this.timeout(60_000);
  let dir: string;
  let commits: Record<string, string>;
  let report: {
    repo: string;
    source: string;
    pullRequests: number;
    apiRequests: number;
    teams: TeamFigures[];
  };

  before(async () => {
    ({ dir, commits } = makeHistoryRepo());
    const r = await cli(dir, 'report', '--from', 'git', ...WINDOW, '--json', '--no-cache');
    assert.strictEqual(r.code, 0, r.err);
    report = JSON.parse(r.out);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says where the figures come from: source git, no API request, the repository of origin', () => {
    assert.strictEqual(report.source, 'git');
    assert.strictEqual(report.apiRequests, 0);
    assert.strictEqual(report.repo, 'grp/sub/proj');
    // C1 C2 M1 C3 M2 M3 C5: the root commit has no change, the bot (C4) and the ignored author (C6) are left out, C7 is after the window.
    assert.strictEqual(report.pullRequests, 7);
  });

  it('computes the pay team by hand: squash, .mailmap, merge author = first branch commit, co-authors, rename, binary, bot, reviews', () => {
    const pay = report.teams.find(t => t.team === 'pay')!;
    // C1 3 lines (a.txt; img.bin is binary: 0), C2 2 (old address through .mailmap = alice), M1 2 (b.txt), C3 0 (rename).
    assert.strictEqual(pay.pullRequests, 4);
    assert.strictEqual(pay.lines, 7);
    // Alice: C1, C2 and M1 as a co-author (trailer): 3 + 2 + 2.
    assert.strictEqual(pay.leadPullRequests, 3);
    assert.strictEqual(pay.leadLines, 7);
    assert.strictEqual(pay.leadShare, 1);
    assert.strictEqual(pay.leadPullRequestShare, 0.75);
    // Authored by others: M1 (bobby, from the no-reply address of its first branch commit) and C3 (carol); Alice reviewed and alone approved M1.
    assert.strictEqual(pay.leadReviewedShare, 0.5);
    assert.strictEqual(pay.leadSoleApprovalShare, 0.5);
    assert.strictEqual(pay.flag, 'doing-the-work');
    assert.deepStrictEqual(pay.signals, ['doing-the-work', 'holds-ownership']);
    assert.deepStrictEqual(pay.authors, [
      { login: 'alice', pullRequests: 3, lines: 7, share: 1 },
      { login: 'carol', pullRequests: 2, lines: 2, share: 2 / 7 },
      { login: 'bobby', pullRequests: 1, lines: 2, share: 2 / 7 },
    ]);
    assert.deepStrictEqual(pay.excluded, {
      botPullRequests: 1,
      ignoredAuthorPullRequests: 0,
      ignoredPathLines: 0,
      generatedLines: 0,
    });
    assert.deepStrictEqual(
      pay.componentFigures.map(c => [
        c.component,
        c.pullRequests,
        c.lines,
        c.ownerLines,
        c.leadLines,
        c.delegateTo,
      ]),
      [
        ['pay', 4, 7, 7, 7, 'carol'],
        ['pay-img', 1, 0, 0, 0, null],
      ],
    );
    // January from the 8th: 24 days of it.
    assert.deepStrictEqual(
      pay.months.map(m => [m.month, m.days, m.pullRequests, m.lines, m.authors, m.leadShare]),
      [
        ['2026-01', 24, 2, 5, 1, 1],
        ['2026-02', 28, 2, 2, 3, 1],
        ['2026-03', 31, 0, 0, 0, 0],
      ],
    );
  });

  it('gives the evidence: number, title, url (GitLab origin), author and commit of each change', () => {
    const pay = report.teams.find(t => t.team === 'pay')!;
    const url = (n: number) => `https://gitlab.example.com/grp/sub/proj/-/merge_requests/${n}`;
    assert.deepStrictEqual(pay.topPullRequests, [
      {
        number: 12,
        title: 'Add pay (#12)',
        url: url(12),
        author: 'alice',
        lines: 3,
        commit: commits.c1,
      },
      // Ties on lines: the newer merge first.
      {
        number: 20,
        title: 'Better payments',
        url: url(20),
        author: 'bobby',
        lines: 2,
        commit: commits.m1,
      },
      { number: null, title: 'Tweak a', url: null, author: 'alice', lines: 2, commit: commits.c2 },
      {
        number: 21,
        title: 'Move b (#21)',
        url: url(21),
        author: 'carol',
        lines: 0,
        commit: commits.c3,
      },
    ]);
  });

  it('computes the web team: octopus and empty merges, an unmapped lead is not absent, ignoreAuthors, See merge request', () => {
    const web = report.teams.find(t => t.team === 'web')!;
    // The octopus's author is the first commit of `git rev-list --reverse --topo-order P2 P3 ^P1`.
    const [p1, ...others] = execFileSync(
      'git',
      ['rev-list', '--no-walk', '--parents', commits.m3],
      { cwd: dir, encoding: 'utf8' },
    )
      .trim()
      .split(' ')
      .slice(1);
    const first = execFileSync(
      'git',
      ['rev-list', '--reverse', '--topo-order', ...others, `^${p1}`],
      { cwd: dir, encoding: 'utf8' },
    ).split('\n')[0];
    const octopusAuthor = execFileSync('git', ['log', '-1', '--format=%aE', first], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    assert.ok(['dave@web.io', 'frank@web.io'].includes(octopusAuthor));
    // M1 1 line (w.txt), M2 no file (empty merge: counts for no team), M3 3 lines, C5 2 lines; C6 by erin is ignored.
    assert.strictEqual(web.pullRequests, 3);
    assert.strictEqual(web.lines, 6);
    assert.strictEqual(web.leadLines, 0);
    // Dave's commits are under an address no login maps to: lead-unmapped, never absent.
    assert.strictEqual(web.leadReviewedShare, 0);
    assert.strictEqual(web.flag, 'ok');
    assert.deepStrictEqual(web.signals, ['lead-unmapped']);
    assert.deepStrictEqual(web.excluded, {
      botPullRequests: 0,
      ignoredAuthorPullRequests: 1,
      ignoredPathLines: 0,
      generatedLines: 0,
    });
    const expected =
      octopusAuthor === 'frank@web.io'
        ? [
            ['frank@web.io', 2, 5],
            ['alice', 1, 1],
            ['bobby', 1, 1],
            ['carol', 1, 1],
          ]
        : [
            ['dave@web.io', 1, 3],
            ['frank@web.io', 1, 2],
            ['alice', 1, 1],
            ['bobby', 1, 1],
            ['carol', 1, 1],
          ];
    assert.deepStrictEqual(
      web.authors.map(a => [a.login, a.pullRequests, a.lines]),
      expected,
    );
    const c5 = web.topPullRequests.find(p => p.commit === commits.c5)!;
    assert.deepStrictEqual(c5, {
      number: 7,
      title: 'Fix web',
      url: 'https://gitlab.example.com/grp/sub/proj/-/merge_requests/7',
      author: 'frank@web.io',
      lines: 2,
      commit: commits.c5,
    });
    assert.strictEqual(
      web.topPullRequests.find(p => p.commit === commits.m3)!.author,
      octopusAuthor,
    );
  });

  it('says reviews are unknown (null, no absent or bottleneck) when no change of the window has a review trailer', async () => {
    const r = await cli(
      dir,
      'report',
      '--from',
      'git',
      '--since',
      '2026-02-04',
      '--until',
      '2026-03-21',
      '--json',
      '--no-cache',
    );
    assert.strictEqual(r.code, 0, r.err);
    const teams: TeamFigures[] = JSON.parse(r.out).teams;
    for (const t of teams) {
      assert.strictEqual(t.leadReviewedShare, null);
      assert.strictEqual(t.leadSoleApprovalShare, null);
      assert.strictEqual(t.signals[t.signals.length - 1], 'reviews-unknown');
      assert.ok(!t.signals.includes('absent') && !t.signals.includes('bottleneck'));
    }
    const pay = teams.find(t => t.team === 'pay')!;
    // C3 only (C4 is a bot): one change, so not enough data; the lead wrote none of it, yet no `absent`.
    // The window (45 days) is inside inactiveDays (90) and the lead is credited with no change in it: lead-inactive.
    assert.deepStrictEqual(pay.signals, [
      'insufficient-data',
      'holds-ownership',
      'lead-inactive',
      'reviews-unknown',
    ]);
    const web = teams.find(t => t.team === 'web')!;
    assert.deepStrictEqual(web.signals, ['insufficient-data', 'lead-unmapped', 'reviews-unknown']);
  });

  it("the team report's export says reviews are unknown rather than 0%, and links only changes with a page", async () => {
    const r = await cli(
      dir,
      'report',
      '--from',
      'git',
      '--since',
      '2026-02-04',
      '--until',
      '2026-03-21',
      '--json',
      '--no-cache',
    );
    const pay = (JSON.parse(r.out).teams as TeamFigures[]).find(t => t.team === 'pay')!;
    const model = parseOwners(fs.readFileSync(path.join(dir, 'OWNERS.yaml'), 'utf8')).model;
    const md = teamReportMarkdown(
      buildTeamReport(model, 'pay', pay, pay.months, { since: '2026-02-04', until: '2026-03-21' }),
    );
    assert.match(md, /reviews .*unknown, not zero/);
    assert.match(md, /Bottleneck figure: unknown/);
    assert.doesNotMatch(md, /reviewed 0%|approver of 0%/);
    assert.match(
      md,
      /\[#21 Move b [^\]]*\]\(https:\/\/gitlab\.example\.com\/grp\/sub\/proj\/-\/merge_requests\/21\)/,
    );
  });

  it('reads a --branch, and looks OWNERS.yaml up from --root', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-cwd-'));
    try {
      const r = await cli(
        elsewhere,
        'report',
        '--from',
        'git',
        '--root',
        dir,
        '--branch',
        commits.c2,
        ...WINDOW,
        '--json',
        '--no-cache',
      );
      assert.strictEqual(r.code, 0, r.err);
      const json = JSON.parse(r.out);
      assert.strictEqual(json.pullRequests, 2);
      assert.strictEqual(json.teams[0].lines, 5);
      const bad = await cli(
        dir,
        'report',
        '--from',
        'git',
        '--branch',
        'no-such-branch',
        ...WINDOW,
        '--json',
        '--no-cache',
      );
      assert.strictEqual(bad.code, 1);
      assert.match(bad.err, /unknown revision "no-such-branch"/);
      const usage = await cli(dir, 'report', '--from', 'svn', '--json');
      assert.strictEqual(usage.code, 2);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('caches by commit: a new commit is the only one read from git, and the figures do not change', async () => {
    const model = parseOwners(fs.readFileSync(path.join(dir, 'OWNERS.yaml'), 'utf8')).model;
    const window = { since: '2026-01-08', until: '2026-04-01' };
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-cache-'));
    try {
      const file = ChangeCache.fileFor(cacheDir, dir);
      const cache = new ChangeCache(file).load();
      const first = await gitLeadReport({ root: dir, ref: commits.c5, window, model, cache });
      assert.strictEqual(first.readFromGit, 8);
      cache.save();
      const again = new ChangeCache(file).load();
      const second = await gitLeadReport({
        root: dir,
        ref: commits.c6,
        window,
        model,
        cache: again,
      });
      assert.strictEqual(second.readFromGit, 1);
      const fresh = await gitLeadReport({
        root: dir,
        ref: commits.c6,
        window,
        model,
        cache: new ChangeCache(),
      });
      assert.deepStrictEqual(second.report, fresh.report);
      const noCache = await windowChanges(dir, commits.c6, window);
      assert.strictEqual(noCache.readFromGit, 9);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('people --from git suggests the addresses of branches merged as "Merge pull request #N from LOGIN/…" and no-reply addresses', async () => {
    const r = await cli(dir, 'people', '--from', 'git', '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), [
      { login: 'bobby', emails: ['123+bobby@users.noreply.github.com', 'carol@x.org'] },
    ]);
    const text = await cli(dir, 'people', '--from', 'git');
    assert.strictEqual(
      text.out,
      'people:\n  bobby:\n    emails: ["123+bobby@users.noreply.github.com", "carol@x.org"]\n',
    );
  });

  it("credits nobody with a mailmap-less repository's unknown addresses, and a lead seen only before the window is mapped", async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-small-'));
    try {
      gitAs(small, ALICE, '2025-06-01T00:00:00Z', 'init', '-q', '-b', 'main');
      put(small, {
        'OWNERS.yaml':
          'version: 1\npeople:\n  alice: { emails: [alice@corp.com] }\nteams:\n  t: { lead: alice }\ncomponents:\n  c: { team: t, owner: alice, paths: ["/src/"] }\n',
        'src/a': 'a\n',
      });
      gitAs(small, ALICE, '2025-06-01T00:00:00Z', 'add', '.');
      gitAs(small, ALICE, '2025-06-01T00:00:00Z', 'commit', '-qm', 'root');
      put(small, { 'src/a': 'a\nb\n' });
      gitAs(small, ALICE, '2025-06-02T00:00:00Z', 'commit', '-qam', 'before the window');
      put(small, { 'src/a': 'a\nb\nc\n' });
      gitAs(
        small,
        { name: 'Zed', email: 'Zed@Example.com' },
        '2026-01-02T00:00:00Z',
        'commit',
        '-qam',
        'in the window',
      );
      const r = await cli(
        small,
        'report',
        '--from',
        'git',
        '--since',
        '2026-01-01',
        '--until',
        '2026-02-01',
        '--json',
        '--no-cache',
      );
      assert.strictEqual(r.code, 0, r.err);
      const t = JSON.parse(r.out).teams[0] as TeamFigures;
      // Zed has no login: the lower-cased address stands for the person. Alice maps from a commit before the window.
      assert.deepStrictEqual(
        t.authors.map(a => a.login),
        ['zed@example.com'],
      );
      assert.ok(!t.signals.includes('lead-unmapped'));
      assert.strictEqual(JSON.parse(r.out).repo, path.basename(small));
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  });
});

describe('git source rules (pure)', () => {
  it('maps addresses to logins: people emails first, then no-reply addresses, else the lower-cased email', () => {
    const people = parseOwners('version: 1\npeople:\n  Alice: { emails: [A@x.com] }\n').model
      .people;
    const map = createIdentityMapper(people);
    assert.deepStrictEqual(map({ name: 'A', email: 'a@X.com' }), {
      id: 'Alice',
      hasLogin: true,
      isBot: false,
    });
    assert.deepStrictEqual(map({ name: 'B', email: '9+Bob@users.noreply.github.com' }), {
      id: 'Bob',
      hasLogin: true,
      isBot: false,
    });
    assert.deepStrictEqual(map({ name: 'C', email: 'C@Y.org' }), {
      id: 'c@y.org',
      hasLogin: false,
      isBot: false,
    });
    assert.strictEqual(map({ name: 'renovate[bot]', email: 'bot@renovateapp.com' }).isBot, true);
    assert.strictEqual(map({ name: 'X', email: 'ci[bot]@example.com' }).isBot, true);
    assert.strictEqual(noReplyLogin('octocat@users.noreply.github.com'), 'octocat');
    assert.strictEqual(noReplyLogin('octocat@example.com'), undefined);
  });

  it('reads request numbers, titles and pages', () => {
    assert.strictEqual(requestNumber('Merge pull request #42 from a/b', ''), 42);
    assert.strictEqual(requestNumber('Fix it (#43)', ''), 43);
    assert.strictEqual(requestNumber('Fix it (#43) again', ''), null);
    assert.strictEqual(
      requestNumber("Merge branch 'x' into 'main'", 'Body\n\nSee merge request grp/a/b!44'),
      44,
    );
    assert.strictEqual(
      requestTitle('Merge pull request #42 from a/b', 'The title\n\nmore'),
      'The title',
    );
    assert.strictEqual(
      requestTitle('Merge pull request #42 from a/b', ''),
      'Merge pull request #42 from a/b',
    );
    for (const url of [
      'https://github.com/o/n.git',
      'git@github.com:o/n.git',
      'ssh://git@github.com/o/n',
      'http://github.com/o/n/',
    ]) {
      assert.strictEqual(requestUrl(remoteLocation(url), 5), 'https://github.com/o/n/pull/5', url);
    }
    assert.strictEqual(
      requestUrl(remoteLocation('https://gitlab.com/g/s/n.git'), 5),
      'https://gitlab.com/g/s/n/-/merge_requests/5',
    );
    assert.strictEqual(requestUrl(remoteLocation('https://bitbucket.org/o/n.git'), 5), null);
    assert.strictEqual(requestUrl(remoteLocation('https://github.com/o/n.git'), null), null);
    assert.strictEqual(repoOfRemote(remoteLocation('https://bitbucket.org/o/n.git')), 'o/n');
    assert.strictEqual(repoOfRemote(remoteLocation('git@gitlab.example.com:g/s/n.git')), 'g/s/n');
    assert.strictEqual(repoOfRemote(remoteLocation('/srv/git/n.git')), undefined);
  });
});

describe('the git figures process (the editor computes outside its host)', function () {
  this.timeout(60_000);
  it('answers the same figures as the CLI, and reads only new commits the second time', async () => {
    const { dir, commits } = makeHistoryRepo();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-proc-'));
    try {
      const runner = new GitFiguresRunner(path.join(REPO_ROOT, 'dist/gitFiguresProcess.js'));
      const ownersText = fs.readFileSync(path.join(dir, 'OWNERS.yaml'), 'utf8');
      const window = { since: '2026-01-08', until: '2026-04-01' };
      const request = {
        root: dir,
        ref: commits.c6,
        ownersText,
        attributes: '',
        windows: [window],
        cacheFile: ChangeCache.fileFor(cacheDir, dir),
      };
      const first = await runner.run(request);
      const cli = await (async () => {
        let out = '';
        const io: CliIO = {
          out: s => {
            out += s;
          },
          err: () => undefined,
          env: {},
          cwd: dir,
          readStdin: async () => '',
        };
        assert.strictEqual(
          await main(
            [
              'report',
              '--from',
              'git',
              '--branch',
              commits.c6,
              '--since',
              window.since,
              '--until',
              window.until,
              '--json',
              '--no-cache',
            ],
            io,
          ),
          0,
        );
        return JSON.parse(out);
      })();
      // The CLI adds each team's outcome values (none here); the figures are the same.
      assert.deepStrictEqual(
        first.reports[0].teams,
        cli.teams.map(({ outcomes, ...t }: { outcomes: unknown[] }) => {
          assert.deepStrictEqual(outcomes, []);
          return t;
        }),
      );
      assert.strictEqual(first.repo, 'grp/sub/proj');
      assert.strictEqual(first.readFromGit, 9);
      const second = await runner.run({
        ...request,
        ref: commits.c7,
        windows: [{ since: '2026-01-08', until: '2026-05-01' }],
      });
      assert.strictEqual(second.readFromGit, 1);
      assert.strictEqual(second.tip, commits.c7);
      await assert.rejects(
        runner.run({ ...request, ref: 'no-such-ref' }),
        /unknown revision "no-such-ref"/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
