import * as assert from 'assert';
import { checkPattern } from '../../../src/core/match/compile';
import { isCodeownersHandle } from '../../../src/core/owners/codeownersValues';
import { parseOwners } from '../../../src/core/owners/parse';
import { validateOwners } from '../../../src/core/owners/validate';
import { runCliInRepo } from '../../fixtures/cliRepo';

function ownersWith(team: string, component: string): string {
  return `version: 1\nteams:\n  web:\n    lead: alice\n    members: [bob]\n${team}components:\n  site:\n    team: web\n${component}    paths: [/web/]\n`;
}

const run = (owners: string, ...args: string[]) => runCliInRepo(owners, ['web/index.ts'], args);

describe('values that reach CODEOWNERS (issue 9, item 3)', () => {
  const injections: [string, string, string, string][] = [
    // [what, OWNERS.yaml, where the error must point (line:column), value shown in the message]
    [
      'a team slug with a new rule',
      ownersWith('    github: "acme/t\\n* @evil-team"\n', '    owner: bob\n'),
      '6:13',
      'acme/t\\n* @evil-team',
    ],
    [
      'codeowners entries with a rule and a comment',
      ownersWith('', '    owner: bob\n    codeowners: ["@bob\\n** @evil", "#", "@real"]\n'),
      '10:18',
      '@bob\\n** @evil',
    ],
    [
      'an owner with rules',
      ownersWith('', '    owner: "bob\\n/ @x\\n*"\n'),
      '9:12',
      'bob\\n/ @x\\n*',
    ],
  ];
  for (const [what, owners, at, shown] of injections) {
    it(`${what}: an error at the value, and codeowners exports nothing (exit 1)`, () => {
      const v = run(owners, 'validate', '--format', 'json');
      assert.strictEqual(v.code, 1, v.out + v.err);
      const found = JSON.parse(v.out).filter(
        (d: { severity: string; code: string }) =>
          d.severity === 'error' && ['invalid-codeowner', 'invalid-login'].includes(d.code),
      );
      assert.ok(
        found.some((d: { line: number; column: number }) => `${d.line}:${d.column}` === at),
        JSON.stringify(found),
      );
      const c = run(owners, 'codeowners');
      assert.strictEqual(c.code, 1, c.out);
      assert.strictEqual(c.out, '');
      assert.match(c.err, /not GitHub handles.*no CODEOWNERS written/);
      assert.ok(c.err.includes(JSON.stringify(shown.replace(/\\n/g, '\n')).slice(1, -1)), c.err);
    });
  }

  it('every codeowners entry is checked, not only the first ("#" third of five)', () => {
    const parsed = parseOwners(
      ownersWith(
        '',
        '    owner: bob\n    codeowners: ["@bob", "@acme/Team_x", "#", "@real", "dev@example.com"]\n',
      ),
    );
    const bad = validateOwners(parsed).filter(d => d.code === 'invalid-codeowner');
    assert.deepStrictEqual(
      bad.map(d => `${d.span.line}:${d.span.column}`),
      ['10:42'],
    );
  });

  it('accepts @user, @org/team and email addresses and nothing else', () => {
    for (const ok of [
      '@bob',
      '@acme/payments',
      '@gitlab-org/group/team',
      '@Acme/web_platform.v2',
      'dev@example.com',
      'a.b+c@mail.example.co.uk',
    ])
      assert.ok(isCodeownersHandle(ok), ok);
    for (const bad of [
      'bob',
      '@',
      '@bob smith',
      '@bob\n*',
      '#',
      '@acme/',
      '@acme/t\n* @x',
      'dev@',
      'a@b',
      '@a//c',
      'x@y.z\r\n*',
      '@bob\u0000',
      '@bob#x',
      '@bob..x',
    ])
      assert.ok(!isCodeownersHandle(bad), JSON.stringify(bad));
  });

  it('a valid file still exports', () => {
    const c = run(ownersWith('    github: acme/web\n', '    owner: bob\n'), 'codeowners');
    assert.strictEqual(c.code, 0, c.err);
    assert.match(c.out, /^\/web\/ +@acme\/web @bob$/m);
  });

  it('patterns with a line break or control character are invalid, escaped or not', () => {
    for (const p of ['a\\\n*', 'a\n*', 'a\\\r', 'a\u0085b', 'a\u001b[31m', 'a\u2028b'])
      assert.strictEqual(checkPattern(p).kind, 'invalid', JSON.stringify(p));
    const c = run(
      ownersWith('', '    owner: bob\n').replace('paths: [/web/]', 'paths: ["/web\\\\\\n* @evil"]'),
      'codeowners',
    );
    assert.strictEqual(c.code, 1, c.out);
    assert.strictEqual(c.out, '');
  });
});
