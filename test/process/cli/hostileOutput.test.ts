import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseOwners } from '../../../src/core/owners/parse';
import { validateOwners } from '../../../src/core/owners/validate';
import { teamReportMarkdown } from '../../../src/core/report/exportReport';
import { buildTeamReport } from '../../../src/core/report/teamReport';
import { makeRepo, runCli, runCliInRepo } from '../../fixtures/cliRepo';

const inRepo = (owners: string, ...args: string[]) =>
  runCliInRepo(owners, ['web/a.ts'], args, { GITHUB_TOKEN: 'x' });

const FORGED = 'evil\\n::error file=OWNERS.yaml,line=1::forged\\u001b[2J\\r::warning::x';

describe('hostile values in output and positions (issue 9, item 8)', () => {
  it('validate (text and github) and who print values with line breaks and escape sequences made visible', () => {
    const owners = `version: 1\nteams:\n  web:\n    lead: alice\n    members: ["${FORGED}"]\ncomponents:\n  "site${FORGED}":\n    team: web\n    owner: alice\n    paths: [/web/]\n`;
    for (const format of ['text', 'github']) {
      const r = inRepo(owners, 'validate', '--format', format);
      assert.strictEqual(r.code, 1, r.err);
      assert.ok(!r.out.includes('\u001b') && !r.out.includes('\r'), JSON.stringify(r.out));
      const forged = r.out
        .split('\n')
        .filter(
          l => /^::(error|warning)/.test(l) && !l.startsWith('::error file=OWNERS.yaml,line=5,'),
        );
      assert.deepStrictEqual(
        format === 'github'
          ? forged.filter(l => !/^::\w+ file=OWNERS\.yaml,line=\d+,col=\d+,endLine/.test(l))
          : forged,
        [],
        r.out,
      );
      if (format === 'text')
        assert.ok(
          r.out
            .split('\n')
            .every(l => l === '' || l.startsWith('OWNERS.yaml:') || /error\(s\)/.test(l)),
          r.out,
        );
    }
    const who = inRepo(owners, 'who', 'web/a.ts');
    assert.strictEqual(who.out.split('\n').filter(Boolean).length, 1, who.out);
    assert.ok(!who.out.includes('\u001b'));
    assert.match(who.out, /siteevil\\n::error/);
  });

  it('refuses --repo ../.. and other paths that are not OWNER/NAME', () => {
    for (const repo of ['../..', 'acme/..', './x', 'a/b/c']) {
      const r = inRepo('version: 1\nteams: {}\ncomponents: {}\n', 'report', '--repo', repo);
      assert.strictEqual(r.code, 2, `${repo}: ${r.err}`);
      assert.match(r.err, /--repo must be OWNER\/NAME/);
    }
  });

  it('refuses --owners /dev/zero (not a regular file) at once, and a file over the size limit before reading it', () => {
    if (fs.existsSync('/dev/zero')) {
      const r = inRepo('', 'validate', '--owners', '/dev/zero');
      assert.strictEqual(r.code, 2, r.err);
      assert.match(r.err, /not a regular file/);
    }
    const big = path.join(os.tmpdir(), `ol-big-${process.pid}.yaml`);
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 11 * 1024 * 1024);
    try {
      const r = inRepo('', 'validate', '--owners', big);
      assert.strictEqual(r.code, 2, r.err);
      assert.match(r.err, /11\.0 MB; files over 10 MB \(the file size limit\)/);
    } finally {
      fs.rmSync(big, { force: true });
    }
  });

  it('puts each diagnostic at the offending node: member, link, outcome, date, team, a quoted "metrics" key\'s setting', () => {
    const text =
      [
        'version: 1',
        'teams:',
        '  web:',
        '    lead: alice',
        '    members: [bob, "not valid"]',
        'outcomes:',
        '  up: {link: "ftp://x"}',
        'components:',
        '  site:',
        '    team: webb',
        '    owner: bob',
        '    paths: [/web/]',
        '    outcomes: [up, down]',
        '    handoffs:',
        '      - {date: "yesterday", from: alice, to: bob}',
        '"metrics":',
        '  windowDays: 0',
        '  leadShareThreshold: 2',
      ].join('\n') + '\n';
    const at = validateOwners(parseOwners(text))
      .filter(d => d.severity === 'error')
      .map(d => `${d.code}@${d.span.line}:${d.span.column}`);
    assert.deepStrictEqual(
      at.sort(),
      [
        'invalid-date@15:16',
        'invalid-link@7:14',
        'invalid-login@5:20',
        'invalid-metric@17:3',
        'invalid-metric@18:3',
        'unknown-outcome@13:20',
        'unknown-team@10:11',
      ].sort(),
    );
  });

  it('escapes a handoff date and every other value in the Markdown export; a lone \\r becomes a space', () => {
    const text =
      'version: 1\nteams:\n  web: {lead: alice, members: [bob]}\ncomponents:\n  site:\n    team: web\n    owner: bob\n    paths: [/web/]\n' +
      '    handoffs:\n      - {date: "2026-01-02 [x](command:ownershipLens.handoff) ![i](https://evil.example/p.png) <img src=x>", from: alice, to: bob, notes: "a\\rb"}\n';
    const model = parseOwners(text).model;
    const md = teamReportMarkdown(
      buildTeamReport(model, 'web', undefined, [], { since: '2026-01-01', until: '2026-04-01' }),
    );
    const line = md.split('\n').find(l => l.startsWith('- '))!;
    assert.ok(line, md);
    assert.ok(!/\]\(|!\[|<img/.test(line.replace(/\\./g, '')), line);
    assert.ok(!md.includes('\r'), JSON.stringify(md));
    assert.match(line, /a b/);
  });

  it('who --diff, coverage, the codeowners refusal and the import summary print hostile values escaped, one line each', () => {
    const lines = (text: string) => text.split('\n');
    const forged = (text: string) =>
      lines(text).filter(
        l => /^::(error|warning)/.test(l) || l.includes('\u001b') || l.includes('\u0007'),
      );
    const { execFileSync } = require('child_process') as typeof import('child_process');
    const owners = `version: 1\nteams:\n  web:\n    lead: alice\ncomponents:\n  "site${FORGED}":\n    team: web\n    owner: alice\n    paths: [/web/, "/x\\n::warning::y"]\n`;
    const dir = makeRepo(owners, ['web/a.ts', 'evil\u001b]0;pwned\u0007\n::error::dir/f.txt']);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], {
        cwd: dir,
        stdio: 'pipe',
      });
    try {
      fs.rmSync(path.join(dir, '.git'), { recursive: true });
      git('init', '-q');
      git('add', '-A');
      fs.writeFileSync(path.join(dir, 'web/a.ts'), 'changed');
      fs.writeFileSync(path.join(dir, 'evil\u001b[31m\n::error::x.txt'), 'new');
      git('add', '-A');
      const staged = runCli(dir, ['who', '--staged']);
      assert.strictEqual(staged.code, 0, staged.err);
      assert.deepStrictEqual(forged(staged.out + staged.err), [], staged.out);
      assert.match(staged.out, /siteevil\\n::error/);
      const coverage = runCli(dir, ['coverage']);
      assert.deepStrictEqual(forged(coverage.out + coverage.err), [], coverage.out);
      assert.match(coverage.out, /evil\\u001b\]0;pwned\\u0007\\n::error::dir/);
      const codeowners = runCli(dir, ['codeowners']);
      assert.strictEqual(codeowners.code, 1);
      assert.deepStrictEqual(forged(codeowners.err), [], codeowners.err);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const catalog =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "sys\\n::warning::forged"\nspec:\n  owner: "group:default/t\\u001b[31m"\n  type: service\n';
    const withCatalog = makeRepo('version: 1\n', []);
    try {
      fs.mkdirSync(path.join(withCatalog, 'svc'));
      fs.writeFileSync(path.join(withCatalog, 'svc/catalog-info.yaml'), catalog);
      fs.writeFileSync(
        path.join(withCatalog, 'CODEOWNERS'),
        '/b\u001b[31m/ @user\u001b]0;t\u0007\n',
      );
      for (const args of [
        ['import', 'svc/catalog-info.yaml'],
        ['import', 'CODEOWNERS'],
      ]) {
        const r = runCli(withCatalog, args);
        assert.deepStrictEqual(forged(r.err), [], r.err);
        assert.ok(!r.err.includes('\u001b'), JSON.stringify(r.err));
      }
    } finally {
      fs.rmSync(withCatalog, { recursive: true, force: true });
    }
  });
});
