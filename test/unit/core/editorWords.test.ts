import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { count, num, wrapText } from '../../../src/core/format';
import {
  candidateDetail,
  checkNewOwner,
  handedOffMessage,
  handoffSummary,
} from '../../../src/core/handoff/flowWords';
import { componentName, personName, teamName } from '../../../src/core/owners/displayNames';
import { parseOwners } from '../../../src/core/owners/parse';
import {
  computeCoverage,
  createOwnershipIndex,
  unownedOnPurpose,
} from '../../../src/core/owners/resolve';
import { onPurposeWords } from '../../../src/core/owners/unownedWords';
import { SIGNAL_WORDS, signalWords } from '../../../src/core/report/wording';
import { REPO_ROOT as ROOT } from '../../repoRoot';

const acme = parseOwners(
  fs.readFileSync(path.join(ROOT, 'test/fixtures/workspaces/acme/OWNERS.yaml'), 'utf8'),
).model;

describe('editor wording: paths unowned on purpose', () => {
  const index = createOwnershipIndex(acme);

  it('says a path an `unowned` pattern wins is unowned on purpose, naming the pattern', () => {
    const leftpad = index.ownerOf('third_party/leftpad/index.js');
    assert.strictEqual(unownedOnPurpose(leftpad)?.pattern, '/third_party/');
    assert.strictEqual(
      onPurposeWords(unownedOnPurpose(leftpad)!, line => `\`${line}\``),
      'unowned on purpose (`unowned: /third_party/`)',
    );
    assert.strictEqual(onPurposeWords('/vendor/'), 'unowned on purpose (unowned: /vendor/)');
  });

  it('keeps a path no pattern matches a plain gap', () => {
    const readme = index.ownerOf('docs/README.md');
    assert.strictEqual(unownedOnPurpose(readme), undefined);
    assert.strictEqual(
      unownedOnPurpose(index.ownerOf('services/checkout/src/index.ts')),
      undefined,
    );
  });

  it('counts unowned-on-purpose files per folder without changing the coverage figures', () => {
    const files = [
      'third_party/leftpad/index.js',
      'third_party/leftpad/README.md',
      'docs/README.md',
      'services/checkout/src/index.ts',
    ];
    const c = computeCoverage(index, files);
    assert.deepStrictEqual(
      [c.totalFiles, c.ownedFiles, c.share, c.onPurposeFiles],
      [4, 1, 0.25, 2],
    );
    const third = c.unownedFolders.find(f => f.folder === 'third_party/leftpad')!;
    assert.deepStrictEqual(
      [third.files, third.onPurpose, acme.patterns[third.pattern!].pattern],
      [2, 2, '/third_party/'],
    );
    assert.deepStrictEqual(
      c.unownedFolders.find(f => f.folder === 'docs'),
      { folder: 'docs', files: 1 },
    );
  });
});

describe('editor wording: names, numbers, lines', () => {
  it('names teams and components by display name, with the id only where two share a name', () => {
    assert.strictEqual(teamName(acme, 'payments'), 'Payments');
    assert.strictEqual(componentName(acme, 'checkout-api'), 'Checkout API');
    assert.strictEqual(teamName(acme, 'nope'), 'nope');
    const twins = parseOwners(
      'version: 1\nteams:\n  a: { name: Core, lead: x }\n  b: { name: core, lead: y }\n  c: { lead: z }\ncomponents: {}\n',
    ).model;
    assert.deepStrictEqual(
      ['a', 'b', 'c'].map(id => teamName(twins, id)),
      ['Core (a)', 'core (b)', 'c'],
    );
    assert.strictEqual(personName(acme, 'carol'), 'carol (Carol Diaz)');
    assert.strictEqual(personName(acme, 'zed'), 'zed');
  });

  it('writes thousands with separators, and plurals', () => {
    assert.deepStrictEqual(
      [num(17462), num(999), count(1, 'file'), count(9202, 'line'), count(2, 'pull request')],
      ['17,462', '999', '1 file', '9,202 lines', '2 pull requests'],
    );
  });

  it('wraps text into lines that fit, losing no word', () => {
    const text =
      'Retries are idempotent by order id. Black Friday load test is booked for Nov 20 with supercalifragilisticexpialidocious';
    const lines = wrapText(text, 20);
    assert.ok(
      lines.every(l => l.length <= 20),
      JSON.stringify(lines),
    );
    assert.strictEqual(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
    assert.deepStrictEqual(lines.slice(-2), ['supercalifragilistic', 'expialidocious']);
    assert.deepStrictEqual(wrapText('  ', 10), []);
  });
});

describe('editor wording: the handoff flow', () => {
  const checkout = acme.components.get('checkout-api')!;

  it('explains why the current owner or an invalid login cannot be the new owner, instead of showing no results', () => {
    assert.deepStrictEqual(checkNewOwner(acme, checkout, 'bob'), {
      kind: 'current-owner',
      message: 'bob already owns Checkout API: choose someone else',
    });
    assert.strictEqual(checkNewOwner(acme, checkout, 'BOB').kind, 'current-owner');
    assert.deepStrictEqual(checkNewOwner(acme, checkout, 'Bad Login'), {
      kind: 'invalid',
      message:
        '"Bad Login" is not a valid GitHub login: letters, digits and single hyphens (no spaces)',
    });
    assert.match(
      (checkNewOwner(acme, checkout, 'bob@acme') as { message: string }).message,
      /\(no "@"\)$/,
    );
    assert.match(
      (checkNewOwner(acme, checkout, '-bob') as { message: string }).message,
      /\(not at the start or end\)$/,
    );
    assert.match(
      (checkNewOwner(acme, checkout, 'a--b') as { message: string }).message,
      /\(never two in a row\)$/,
    );
    assert.match(
      (checkNewOwner(acme, checkout, 'a'.repeat(40)) as { message: string }).message,
      /\(at most 39 characters\)$/,
    );
    assert.deepStrictEqual(checkNewOwner(acme, checkout, ' carol '), {
      kind: 'ok',
      login: 'carol',
    });
    assert.deepStrictEqual(checkNewOwner(acme, checkout, ''), { kind: 'empty' });
  });

  it('summarises every field whole before writing, a row per line', () => {
    const notes =
      'Retries are idempotent by order id. Black Friday load test is booked for Nov 20; the runbook is in the wiki under payments/checkout.';
    const s = handoffSummary(acme, checkout, {
      to: 'carol',
      notes,
      decisions: ['Split tax calculation into its own service?', 'Retry budget per order'],
      stakeholders: ['Growth team', 'Finance'],
    });
    assert.strictEqual(s.title, 'Hand off Checkout API to carol');
    assert.strictEqual(s.change, 'bob → carol');
    assert.deepStrictEqual(
      s.sections.map(x => x.heading),
      ['notes', 'open decisions', 'stakeholders to inform'],
    );
    assert.ok(s.sections.every(x => x.lines.every(l => l.length <= 72)));
    assert.strictEqual(s.sections[0].lines.join(' '), notes);
    assert.deepStrictEqual(s.sections[1].lines, [
      'Split tax calculation into its own service?',
      'Retry budget per order',
    ]);
    assert.deepStrictEqual(s.sections[2].lines, ['Growth team; Finance']);
    assert.deepStrictEqual(
      handoffSummary(acme, checkout, { to: 'carol', notes: '', decisions: [], stakeholders: [] })
        .sections,
      [],
    );
  });

  it('summarises what the new owner answers for, may decide and is given, marking what changed', () => {
    const s = handoffSummary(acme, checkout, {
      to: 'carol',
      notes: '',
      decisions: [],
      stakeholders: [],
      outcomes: ['checkout-conversion', 'payment-success'],
      authority: checkout.authority,
      support: [],
    });
    assert.deepStrictEqual(
      s.sections.map(x => x.heading),
      ['answers for (changed)', 'may decide without asking', 'the lead commits to (changed)'],
    );
    assert.deepStrictEqual(s.sections[0].lines, [
      'Checkout conversion (>= 3.5%)',
      `${acme.outcomes.get('payment-success')!.name} (${acme.outcomes.get('payment-success')!.target})`,
    ]);
    assert.deepStrictEqual(s.sections[1].lines, checkout.authority);
    assert.deepStrictEqual(s.sections[2].lines, [
      'nothing listed: the new owner gets no stated support',
    ]);
  });

  it('shows each candidate owner with the facts that justify them, not a rating', () => {
    assert.strictEqual(
      candidateDetail(acme, checkout, 'alice'),
      'lead of Payments · owns Payments core',
    );
    assert.strictEqual(candidateDetail(acme, checkout, 'carol'), 'in Payments · owns nothing yet');
    assert.strictEqual(
      candidateDetail(acme, checkout, 'erin'),
      'not in Payments · owns Shared libraries',
    );
    const figures = {
      component: 'checkout-api',
      owner: 'bob',
      pullRequests: 9,
      lines: 2000,
      ownerLines: 1000,
      leadLines: 300,
      delegateTo: null,
      ownerPullRequests: 5,
      ownerReviews: 2,
      ownerLastActive: '2026-11-02',
      signals: [],
      knowledge: null,
      backup: null,
      authors: [
        { login: 'bob', pullRequests: 5, lines: 1000, share: 0.5 },
        { login: 'Carol', pullRequests: 3, lines: 700, share: 0.35 },
      ],
    };
    assert.strictEqual(
      candidateDetail(acme, checkout, 'carol', figures),
      'in Payments · owns nothing yet · wrote 700 of its 2,000 changed lines (35%)',
    );
    assert.strictEqual(
      candidateDetail(acme, checkout, 'alice', figures),
      'lead of Payments · owns Payments core · wrote 300 of its 2,000 changed lines (15%)',
    );
    assert.strictEqual(
      candidateDetail(acme, checkout, 'erin', figures),
      'not in Payments · owns Shared libraries · not among its top authors',
    );
    const many = parseOwners(
      fs
        .readFileSync(path.join(ROOT, 'test/fixtures/workspaces/acme/OWNERS.yaml'), 'utf8')
        .replace(/owner: (gus|farid)/g, 'owner: erin'),
    ).model;
    assert.strictEqual(
      candidateDetail(many, checkout, 'erin'),
      'not in Payments · owns 3: Product search, Storefront web app, …',
    );
  });

  it('announces a handoff with names, not ids', () => {
    assert.strictEqual(
      handedOffMessage(acme, 'checkout-api', 'carol'),
      'Checkout API is now owned by carol (Carol Diaz). Undo with Ctrl+Z in OWNERS.yaml.',
    );
  });
});

describe('editor wording: signals', () => {
  it('describes holds-ownership as half or more (the default threshold), and a customised threshold by its value', () => {
    assert.match(
      SIGNAL_WORDS['holds-ownership'].meaning,
      /owns half or more of the team's components/,
    );
    assert.match(
      signalWords('holds-ownership', { leadOwnership: 0.6 }).meaning,
      /owns 60% or more of the team's components/,
    );
    assert.match(
      SIGNAL_WORDS['doing-the-work'].meaning,
      /half or more of the team's changed lines/,
    );
    assert.match(signalWords('bottleneck', { bottleneck: 0.75 }).meaning, /75% or more/);
    for (const s of ['holds-ownership', 'doing-the-work'] as const)
      assert.doesNotMatch(SIGNAL_WORDS[s].meaning, /\b(many|most)\b/, s);
  });

  it('shows `absent` as a fact about pull requests, not a judgement of the person', () => {
    assert.strictEqual(SIGNAL_WORDS.absent.label, 'not involved in pull requests');
    assert.doesNotMatch(
      `${SIGNAL_WORDS.absent.label} ${SIGNAL_WORDS.absent.meaning}`,
      /\babsent\b/i,
    );
  });
});
