import * as assert from 'assert';
import { parseOwners } from '../../../../src/core/owners/parse';
import { computeCoverage, createOwnershipIndex } from '../../../../src/core/owners/resolve';

const OWNERS = `version: 1
teams:
  payments: { lead: alice, github: acme/payments }
  web: { lead: carol }
components:
  checkout:
    team: payments
    owner: bob
    paths: [/services/checkout/, "*.proto"]
unowned:
  - /services/checkout/vendor/
`;

const model = parseOwners(OWNERS).model;

describe('createOwnershipIndex / ownerOf', () => {
  const index = createOwnershipIndex(model);

  it('owned: the component, its team and the winning pattern', () => {
    const o = index.ownerOf('services/checkout/api/handler.ts');
    assert.strictEqual(o.kind, 'owned');
    if (o.kind !== 'owned') return;
    assert.strictEqual(o.component.id, 'checkout');
    assert.strictEqual(o.team?.lead, 'alice');
    assert.strictEqual(o.pattern.pattern, '/services/checkout/');
  });

  it('unowned by an `unowned` pattern (it comes last, so it wins) or by no pattern at all', () => {
    const vendored = index.ownerOf('services/checkout/vendor/lib.proto');
    assert.deepStrictEqual(
      [vendored.kind, vendored.pattern?.pattern],
      ['unowned', '/services/checkout/vendor/'],
    );
    assert.deepStrictEqual(index.ownerOf('README.md'), { kind: 'unowned', pattern: undefined });
  });

  it('last match wins across components, in file order', () => {
    const m = parseOwners(`version: 1
teams: { t: { lead: a } }
components:
  all: { team: t, owner: a, paths: ["*"] }
  docs: { team: t, owner: a, paths: ["docs/*"] }
`).model;
    const i = createOwnershipIndex(m);
    const id = (p: string) => {
      const o = i.ownerOf(p);
      return o.kind === 'owned' ? o.component.id : null;
    };
    assert.deepStrictEqual(['docs/a.md', 'docs/x/y.md', 'src/z.ts'].map(id), [
      'docs',
      'all',
      'all',
    ]);
  });
});

describe('computeCoverage', () => {
  it('counts owned files, unowned folders, per-pattern matches and wins, per-component files', () => {
    const files = [
      'services/checkout/a.ts',
      'services/checkout/b.proto',
      'api/x.proto',
      'services/checkout/vendor/v.js',
      'README.md',
      'tools/a.sh',
      'tools/b.sh',
    ];
    const c = computeCoverage(createOwnershipIndex(model), files);
    assert.strictEqual(c.totalFiles, 7);
    assert.strictEqual(c.ownedFiles, 3);
    assert.strictEqual(c.share, 3 / 7);
    // The vendored file is unowned on purpose: an `unowned` pattern (index 2) wins it.
    assert.deepStrictEqual(c.unownedFolders, [
      { folder: 'tools', files: 2 },
      { folder: '.', files: 1 },
      { folder: 'services/checkout/vendor', files: 1, onPurpose: 1, pattern: 2 },
    ]);
    assert.strictEqual(c.onPurposeFiles, 1);
    assert.deepStrictEqual(c.patternFiles, [3, 2, 1]);
    assert.deepStrictEqual(c.patternWins, [1, 2, 1]);
    assert.deepStrictEqual([...c.componentFiles], [['checkout', 3]]);
  });

  it('is zero, not NaN, for no files', () => {
    assert.strictEqual(computeCoverage(createOwnershipIndex(model), []).share, 0);
  });
});
