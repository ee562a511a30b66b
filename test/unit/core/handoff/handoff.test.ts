import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { applyTextEdits, handoffEdits, HandoffRequest } from '../../../../src/core/handoff/edit';
import { parseOwners } from '../../../../src/core/owners/parse';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

const acme = fs.readFileSync(path.join(ROOT, 'test/fixtures/owners/acme.yaml'), 'utf8');

function handOff(
  text: string,
  request: Partial<HandoffRequest> & { component: string; to: string },
): string {
  const result = handoffEdits(text, {
    decisions: [],
    stakeholders: [],
    date: '2026-11-24',
    ...request,
  });
  if (result.kind !== 'edits') throw new Error(`refused: ${result.reason}`);
  return applyTextEdits(text, result.edits);
}

/** Lines of `before` that are not in `after`, and lines added, by a plain LCS-free walk (edits only insert and replace). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n'),
    b = after.split('\n');
  let i = 0,
    j = 0;
  const removed: string[] = [],
    added: string[] = [];
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (j < b.length && a.indexOf(b[j], i) === -1) {
      added.push(b[j++]);
      continue;
    }
    removed.push(a[i++]);
  }
  return { removed, added };
}

describe('handoffEdits', () => {
  it('changes the owner, appends the record, and leaves every other byte alone', () => {
    const after = handOff(acme, {
      component: 'checkout-api',
      to: 'carol',
      notes: 'Owns the retry policy now.',
      decisions: ['Keep v1 API until March?'],
      stakeholders: ['Finance'],
    });
    const { removed, added } = lineDiff(acme, after);
    assert.deepStrictEqual(removed, ['    owner: bob              # since the October handoff']);
    assert.deepStrictEqual(added, [
      '    owner: carol              # since the October handoff',
      '      - date: 2026-11-24',
      '        from: bob',
      '        to: carol',
      '        notes: Owns the retry policy now.',
      '        decisions:',
      '          - Keep v1 API until March?',
      '        stakeholders:',
      '          - Finance',
    ]);
    const c = parseOwners(after).model.components.get('checkout-api')!;
    assert.strictEqual(c.owner, 'carol');
    assert.deepStrictEqual(
      c.handoffs.map(h => [h.from, h.to]),
      [
        ['alice', 'bob'],
        ['bob', 'carol'],
      ],
    );
  });

  it('adds a `handoffs` key to a component that has none', () => {
    const after = handOff(acme, {
      component: 'billing',
      to: 'bob',
      notes: 'Invoices run nightly.',
    });
    const c = parseOwners(after).model.components.get('billing')!;
    assert.deepStrictEqual(c.handoffs, [
      {
        date: '2026-11-24',
        from: 'carol',
        to: 'bob',
        notes: 'Invoices run nightly.',
        decisions: [],
        stakeholders: [],
      },
    ]);
    assert.ok(
      after.includes(
        '    outcomes: [checkout-conversion]\n    handoffs:\n      - date: 2026-11-24\n',
      ),
    );
    assert.strictEqual(lineDiff(acme, after).removed.length, 1);
  });

  it('replaces an empty `handoffs: []`', () => {
    const text = acme.replace(
      '    paths: [/services/billing/]\n',
      '    paths: [/services/billing/]\n    handoffs: []\n',
    );
    const c = parseOwners(handOff(text, { component: 'billing', to: 'bob' })).model.components.get(
      'billing',
    )!;
    assert.deepStrictEqual(
      c.handoffs.map(h => h.to),
      ['bob'],
    );
  });

  it('keeps Windows line endings and a file without a final newline', () => {
    const crlf = acme.replace(/\n/g, '\r\n');
    const after = handOff(crlf, { component: 'gateway', to: 'dan', notes: 'line one\nline two' });
    assert.ok(!/[^\r]\n/.test(after), 'a bare \\n was written into a CRLF file');
    assert.strictEqual(
      parseOwners(after).model.components.get('gateway')!.handoffs[0].notes,
      'line one\nline two',
    );
    const noFinalNewline = acme.replace(/\nunowned:[\s\S]*$/, '').trimEnd();
    const after2 = handOff(noFinalNewline, { component: 'gateway', to: 'dan' });
    assert.ok(
      after2.endsWith(
        '    outcomes: [api-uptime]\n    handoffs:\n      - date: 2026-11-24\n        from: erin\n        to: dan',
      ),
      after2.slice(-200),
    );
    assert.deepStrictEqual(
      parseOwners(after2)
        .model.components.get('gateway')!
        .handoffs.map(h => h.to),
      ['dan'],
    );
  });

  it('refuses clearly instead of guessing', () => {
    const refusal = (
      text: string,
      r: Partial<HandoffRequest> & { component: string; to: string },
    ) => {
      const result = handoffEdits(text, {
        decisions: [],
        stakeholders: [],
        date: '2026-11-24',
        ...r,
      });
      assert.strictEqual(result.kind, 'refused');
      return result.kind === 'refused' ? result.reason : '';
    };
    assert.match(refusal(acme, { component: 'checkout-api', to: 'bob' }), /already owns/);
    assert.match(refusal(acme, { component: 'checkout-api', to: 'BOB' }), /already owns/);
    assert.match(refusal(acme, { component: 'nope', to: 'carol' }), /no component "nope"/);
    assert.match(
      refusal(acme, { component: 'checkout-api', to: 'not a login' }),
      /not a valid GitHub login/,
    );
    assert.match(
      refusal(acme.replace('team: platform', 'team: platfrom'), {
        component: 'checkout-api',
        to: 'carol',
      }),
      /error/,
    );
    assert.match(
      refusal(acme.replace('version: 1', 'version: 1\n  bad: [indent'), {
        component: 'checkout-api',
        to: 'carol',
      }),
      /error/,
    );
  });

  it('quotes a login YAML would read as something else', () => {
    const after = handOff(acme, { component: 'gateway', to: 'null' });
    assert.strictEqual(parseOwners(after).model.components.get('gateway')!.owner, 'null');
  });

  it('round-trips any notes, decisions and stakeholders exactly', () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 60 })
      .filter(s => s.trim().length > 0 && !s.includes('\r'));
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 3 }),
        fc.array(text, { maxLength: 3 }),
        (notes, decisions, stakeholders) => {
          const after = handOff(acme, {
            component: 'checkout-api',
            to: 'carol',
            notes,
            decisions,
            stakeholders,
          });
          const last = parseOwners(after).model.components.get('checkout-api')!.handoffs.at(-1)!;
          assert.strictEqual(last.notes, notes.trim());
          assert.deepStrictEqual(
            last.decisions,
            decisions.map(s => s.trim()),
          );
          assert.deepStrictEqual(
            last.stakeholders,
            stakeholders.map(s => s.trim()),
          );
          assert.ok(
            after.startsWith(acme.slice(0, acme.indexOf('    owner: bob'))),
            'text before the owner changed',
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('handoffEdits: outcome, authority and support', () => {
  it('rewrites the lists in their own style, in the same edit as the owner, and changes nothing else', () => {
    const after = handOff(acme, {
      component: 'checkout-api',
      to: 'carol',
      outcomes: ['checkout-conversion', 'api-uptime'],
      authority: [
        'Choose the technical approach',
        'Change the database schema',
        "Ship without the lead's review",
      ],
      support: ['Load-test budget', 'Weekly 1:1 with the lead, first month'],
    });
    const { removed, added } = lineDiff(acme, after);
    assert.deepStrictEqual(removed, [
      '    owner: bob              # since the October handoff',
      '    outcomes: [checkout-conversion]',
      '    authority: [Choose the technical approach, Change the database schema]',
      '    support: [Load-test budget, Weekly 1:1 with the lead]',
    ]);
    assert.deepStrictEqual(added.slice(0, 4), [
      '    owner: carol              # since the October handoff',
      '    outcomes: [checkout-conversion, api-uptime]',
      "    authority: [Choose the technical approach, Change the database schema, Ship without the lead's review]",
      '    support: [Load-test budget, "Weekly 1:1 with the lead, first month"]',
    ]);
    const c = parseOwners(after).model.components.get('checkout-api')!;
    assert.deepStrictEqual(c.support, [
      'Load-test budget',
      'Weekly 1:1 with the lead, first month',
    ]);
    assert.deepStrictEqual(c.outcomes, ['checkout-conversion', 'api-uptime']);
    assert.strictEqual(c.handoffs.at(-1)!.to, 'carol');
  });

  it('leaves a list untouched when it is absent from the request or unchanged', () => {
    const same = handOff(acme, {
      component: 'checkout-api',
      to: 'carol',
      outcomes: ['checkout-conversion'],
      authority: [' Choose the technical approach', 'Change the database schema'],
    });
    assert.deepStrictEqual(lineDiff(acme, same).removed, [
      '    owner: bob              # since the October handoff',
    ]);
  });

  it('adds missing `authority` and `support` after the keys the format puts before them, next to a new `handoffs`', () => {
    const after = handOff(acme, {
      component: 'gateway',
      to: 'dan',
      authority: ['Roll back a deploy'],
      support: ['On-call cover in the first month'],
    });
    assert.ok(
      after.includes(
        [
          '    outcomes: [api-uptime]',
          '    authority: [Roll back a deploy]',
          '    support: [On-call cover in the first month]',
          '    handoffs:',
          '      - date: 2026-11-24',
          '        from: erin',
          '        to: dan',
          '',
        ].join('\n'),
      ),
      after,
    );
    const c = parseOwners(after).model.components.get('gateway')!;
    assert.deepStrictEqual(
      [c.authority, c.support, c.owner],
      [['Roll back a deploy'], ['On-call cover in the first month'], 'dan'],
    );
  });

  it('keeps a block list a block list (and its CRLF line endings), and empties a list to []', () => {
    const block = acme
      .replace(
        '    support: [Load-test budget, Weekly 1:1 with the lead]\n',
        '    support:\n      - Load-test budget   # booked\n      - Weekly 1:1 with the lead\n',
      )
      .replace(/\n/g, '\r\n');
    const after = handOff(block, {
      component: 'checkout-api',
      to: 'carol',
      support: ['Load-test budget', 'Pairing on the first release'],
      authority: [],
    });
    assert.ok(
      after.includes(
        '    support:\r\n      - Load-test budget\r\n      - Pairing on the first release\r\n',
      ),
      after,
    );
    assert.ok(after.includes('    authority: []\r\n'), after);
    assert.ok(!/[^\r]\n/.test(after), 'a bare \\n was written into a CRLF file');
    const c = parseOwners(after).model.components.get('checkout-api')!;
    assert.deepStrictEqual(
      [c.authority, c.support],
      [[], ['Load-test budget', 'Pairing on the first release']],
    );
  });

  it('fills an empty `support:` and writes at the end of a file without a final newline', () => {
    const text = acme
      .replace('    outcomes: [api-uptime]\n', '    outcomes: [api-uptime]\n    support:\n')
      .replace(/\nunowned:[\s\S]*$/, '')
      .trimEnd();
    const after = handOff(text, {
      component: 'gateway',
      to: 'dan',
      support: ['Weekly 1:1'],
      authority: ['Roll back a deploy'],
    });
    const c = parseOwners(after).model.components.get('gateway')!;
    assert.deepStrictEqual(
      [c.support, c.authority, c.handoffs.map(h => h.to)],
      [['Weekly 1:1'], ['Roll back a deploy'], ['dan']],
    );
    assert.ok(after.includes('    support: [Weekly 1:1]'), after);
  });

  it('refuses an outcome that is not defined, and a list that is an alias', () => {
    const r = handoffEdits(acme, {
      component: 'billing',
      to: 'bob',
      decisions: [],
      stakeholders: [],
      date: '2026-11-24',
      outcomes: ['revenue'],
    });
    assert.deepStrictEqual(r.kind === 'refused' && /No outcome "revenue"/.test(r.reason), true);
    const aliased = acme.replace(
      '    support: [Load-test budget, Weekly 1:1 with the lead]',
      '    support: &s [Load-test budget, Weekly 1:1 with the lead]',
    );
    const r2 = handoffEdits(aliased, {
      component: 'checkout-api',
      to: 'carol',
      decisions: [],
      stakeholders: [],
      date: '2026-11-24',
      support: ['x'],
    });
    assert.strictEqual(r2.kind, 'refused');
  });

  it('round-trips any authority and support text exactly', () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .filter(s => s.trim().length > 0 && !s.includes('\r'));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 3 }),
        fc.array(text, { maxLength: 3 }),
        (authority, support) => {
          const after = handOff(acme, { component: 'gateway', to: 'dan', authority, support });
          const c = parseOwners(after).model.components.get('gateway')!;
          assert.deepStrictEqual(
            c.authority,
            authority.map(s => s.trim()),
          );
          assert.deepStrictEqual(
            c.support,
            support.map(s => s.trim()),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
