import * as assert from 'assert';
import { isPlainHttpUrl, markdownLinkTarget } from '../../../src/core/links';
import { parseOwners } from '../../../src/core/owners/parse';
import { validateOwners } from '../../../src/core/owners/validate';
import { teamReportMarkdown } from '../../../src/core/report/exportReport';
import { buildTeamReport, TeamFigures } from '../../../src/core/report/teamReport';

// VS Code renders hovers, tooltips and Markdown with markdown-it: the same renderer, with its defaults, judges here.
const MarkdownIt = require('markdown-it');
const render = (md: string): string => new MarkdownIt({ html: false }).render(md);

/** Issue 18's payload: an outcome link that closed the link and opened an image (a tracking pixel). */
const PIXEL = 'https://dashboards.example/x)![](http://attacker.example/pixel.png?who=victim';
const HOSTILE_LINKS = [
  PIXEL,
  'https://d.example/a)[click](https://evil.example/',
  'https://d.example/<img src=https://evil.example/p.png>',
  'https://d.example/a]](https://evil.example/) ![x](https://evil.example/i.png',
  'https://d.example/"onmouseover="x',
  'https://d.example/\\)![](https://evil.example/p)',
  'https://d.example/%)![](https://evil.example/p)',
];

describe('links from repository content (issue 18)', () => {
  it('an encoded link target stays one link, never an image or a second link, in markdown-it', () => {
    for (const url of HOSTILE_LINKS) {
      const html = render(`[Checkout](${markdownLinkTarget(url)})`);
      assert.strictEqual((html.match(/<a /g) ?? []).length, 1, `${url}\n${html}`);
      assert.ok(!html.includes('<img'), html);
      assert.ok(!/evil\.example\/[^"]*"[^>]*>[^<]*<\/a>.*<a/.test(html), html);
      assert.match(
        html,
        /^<p><a href="https:\/\/d(ashboards)?\.example\/[^"]*">Checkout<\/a><\/p>\n$/,
        html,
      );
    }
  });

  it('the old encoding (encodeURIComponent of ( ) < > and spaces) let the pixel through: the premise', () => {
    const old = PIXEL.replace(/[()\s<>]/g, c => encodeURIComponent(c));
    assert.ok(render(`[Checkout](${old})`).includes('<img'));
  });

  it('keeps a plain URL as it is: queries, fragments, ports and percent escapes', () => {
    for (const url of [
      'https://dashboards.example.com/checkout',
      'http://grafana.local:3000/d/abc?orgId=1&from=now-7d#panel-2',
      'https://x.example/a%20b/~u;p=1,2+3@v',
    ]) {
      assert.strictEqual(markdownLinkTarget(url), url);
      assert.ok(isPlainHttpUrl(url), url);
    }
    assert.strictEqual(
      markdownLinkTarget('https://x.example/ü (1)'),
      'https://x.example/%C3%BC%20%281%29',
    );
  });

  it('validate warns (unusual-link) on an http(s) link that is not plain, and stays quiet on a plain one', () => {
    const owners = (link: string) =>
      `version: 1\nteams:\n  web: {lead: alice}\noutcomes:\n  conv: {name: Conv, link: ${JSON.stringify(link)}}\ncomponents:\n  site: {team: web, owner: alice, paths: [/web/], outcomes: [conv]}\n`;
    for (const url of [...HOSTILE_LINKS, 'https://user:pw@d.example/x']) {
      const codes = validateOwners(parseOwners(owners(url))).map(d => `${d.severity}:${d.code}`);
      // with a space it is not a URL at all (an error, as before); without one, a warning
      assert.ok(
        codes.includes(/\s/.test(url) ? 'error:invalid-link' : 'warning:unusual-link'),
        `${url}: ${codes}`,
      );
    }
    assert.deepStrictEqual(
      validateOwners(parseOwners(owners('https://dashboards.example.com/checkout?x=1'))).filter(d =>
        /link/.test(d.code),
      ),
      [],
    );
    assert.deepStrictEqual(
      validateOwners(parseOwners(owners('javascript:alert(1)')))
        .map(d => d.code)
        .filter(c => /link/.test(c)),
      ['invalid-link'],
    );
  });

  it('the Markdown export keeps a pull request URL with ( ) ! [ ] one link', () => {
    const parsed = parseOwners(
      'version: 1\nteams:\n  web: {lead: alice, members: [bob]}\ncomponents:\n  site: {team: web, owner: bob, paths: [/web/]}\n',
    );
    const figures: TeamFigures = {
      team: 'web',
      lead: 'alice',
      pullRequests: 1,
      lines: 10,
      leadPullRequests: 0,
      leadLines: 0,
      leadShare: 0,
      leadPullRequestShare: 0,
      leadReviewedShare: 0,
      flag: 'absent',
      authors: [{ login: 'bob', pullRequests: 1, lines: 10, share: 1 }],
      leadOwnedComponents: 0,
      components: 1,
      leadSoleApprovalShare: 0,
      signals: [],
      componentFigures: [],
      months: [],
      topPullRequests: [{ number: 7, title: 'x', url: PIXEL, author: 'bob', lines: 10 }],
      excluded: {
        botPullRequests: 0,
        ignoredAuthorPullRequests: 0,
        ignoredPathLines: 0,
        generatedLines: 0,
      },
      knowledge: null,
    };
    const report = buildTeamReport(
      parsed.model,
      'web',
      figures,
      [],
      { since: '2026-01-01', until: '2026-04-01' },
      undefined,
      true,
    );
    assert.match(teamReportMarkdown(report), /#7/);
    const html = render(teamReportMarkdown(report));
    assert.ok(!html.includes('<img'), html);
    assert.deepStrictEqual(html.match(/<a href="[^"]*">#7 x<\/a>/g), [
      '<a href="https://dashboards.example/x%29%21%5B%5D%28http://attacker.example/pixel.png?who=victim">#7 x</a>',
    ]);
  });
});
