import * as assert from 'assert';
import * as vscode from 'vscode';
import { ownersOfChanges } from '../../../src/core/owners/changeOwners';
import { changeOwnerItems } from '../../../src/vscode/commands/ownersOfChanges';
import { api } from '../helpers';

describe('owners of changed files: the picker (acme)', () => {
  const changed = [
    'services/payments/src/charge.ts',
    'services/payments/src/payments.proto',
    'services/checkout/src/index.ts',
    'OWNERS.yaml',
    'docs/README.md',
    'third_party/leftpad/index.js',
    'tsconfig.json',
  ];

  it('names components and teams by display name, keeps the count out of the rows and names every unowned file', async () => {
    const a = await api();
    const state = a.ctx.store.states()[0];
    const items = changeOwnerItems([
      {
        folder: state.folder.name,
        model: state.model,
        owners: ownersOfChanges(state.index, changed),
      },
    ]);
    assert.deepStrictEqual(
      items.map(i => [
        i.kind === vscode.QuickPickItemKind.Separator ? 'separator' : 'item',
        i.label,
        i.description,
        i.detail,
      ]),
      [
        ['item', '$(copy) Copy reviewers to mention: @alice @bob', undefined, undefined],
        [
          'item',
          'Payments core',
          'owner alice · team Payments · lead alice',
          '2 files: services/payments/src/charge.ts, services/payments/src/payments.proto',
        ],
        [
          'item',
          'Checkout API',
          'owner bob · team Payments · lead alice',
          '1 file: services/checkout/src/index.ts',
        ],
        [
          'item',
          'No owner',
          '4 files',
          'OWNERS.yaml, docs/README.md, third_party/leftpad/index.js, tsconfig.json',
        ],
      ],
    );
  });

  it('says how many more unowned files there are beyond the first three', async () => {
    const a = await api();
    const state = a.ctx.store.states()[0];
    const owners = ownersOfChanges(state.index, [...changed, 'notes.txt']);
    const unowned = changeOwnerItems([
      { folder: state.folder.name, model: state.model, owners },
    ]).find(i => i.label === 'No owner');
    assert.strictEqual(
      unowned?.detail,
      'OWNERS.yaml, docs/README.md, third_party/leftpad/index.js and 2 more',
    );
  });
});
