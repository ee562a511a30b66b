import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import {
  outcomeKeyAt,
  outcomeKeyCompletions,
  outcomeKeyContext,
} from '../../../../src/core/language/outcomeKeys';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/owners.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const EXAMPLE = `version: 1
teams:
  payments: { lead: alice }
outcomes:
  checkout-conversion:
    name: Checkout conversion
    target: ">= 3.5"
    unit: "%"
    source:
      prometheus: https://prometheus.example.com
      query: 100 * sum(rate(orders_total[1d])) / sum(rate(checkout_sessions_total[1d]))
  api-availability:
    target: "99.9..100"
    source:
      json: https://status.example.com/api/availability
      pointer: /last30d/value
  onboarding-csat:
    target: ">= 4.2"
    source:
      file: metrics/outcomes.csv
components:
  checkout: { team: payments, owner: alice, paths: [/src/], outcomes: [checkout-conversion] }
`;

describe('authoring outcome values: the JSON Schema, key completion and hovers', () => {
  it('the schema accepts the three kinds of source and rejects extra keys, two kinds, or a missing companion', () => {
    assert.ok(validate(parseYaml(EXAMPLE)), JSON.stringify(validate.errors));
    for (const [from, to] of [
      ['      pointer: /last30d/value\n', '      pointer: /last30d/value\n      token: abc\n'],
      [
        '      file: metrics/outcomes.csv\n',
        '      file: metrics/outcomes.csv\n      json: https://x.example\n',
      ],
      [
        '      query: 100 * sum(rate(orders_total[1d])) / sum(rate(checkout_sessions_total[1d]))\n',
        '',
      ],
      ['      prometheus: https://prometheus.example.com', '      prometheus: file:///etc/passwd'],
    ]) {
      assert.ok(!validate(parseYaml(EXAMPLE.replace(from, to))), to);
    }
  });

  it('the schema does not refuse a target without a direction: validate only warns about it', () => {
    assert.ok(validate(parseYaml(EXAMPLE.replace('">= 4.2"', '"99.95%"'))));
  });

  it('completes the keys of an outcome and of its source where a key is typed', () => {
    const text = EXAMPLE.replace(
      '    name: Checkout conversion\n',
      '    name: Checkout conversion\n    u\n',
    ).replace('      pointer: /last30d/value\n', '      pointer: /last30d/value\n      \n');
    const outcomeKey = text.indexOf('    u\n') + 5;
    const ctx = outcomeKeyContext(text, outcomeKey)!;
    assert.deepStrictEqual([ctx.place, ctx.prefix], ['outcome', 'u']);
    assert.deepStrictEqual(
      outcomeKeyCompletions(ctx).map(e => e.label),
      ['unit'],
    );
    const sourceKey = text.indexOf('/last30d/value\n      \n') + '/last30d/value\n      '.length;
    assert.deepStrictEqual(
      outcomeKeyCompletions(outcomeKeyContext(text, sourceKey)!).map(e => e.label),
      ['prometheus', 'query', 'json', 'pointer', 'file'],
    );
    // Not under a component, not at the top level, not in a value.
    assert.strictEqual(outcomeKeyContext(text, text.indexOf('paths')), undefined);
    assert.strictEqual(outcomeKeyContext('version: 1\n  ', 13), undefined);
  });

  it('hovers explain the new keys, and only where they are outcome keys', () => {
    assert.match(outcomeKeyAt(EXAMPLE, EXAMPLE.indexOf('pointer:') + 2)!.documentation, /RFC 6901/);
    assert.match(
      outcomeKeyAt(EXAMPLE, EXAMPLE.indexOf('unit:') + 1)!.documentation,
      /nothing is converted/,
    );
    assert.match(
      outcomeKeyAt(EXAMPLE, EXAMPLE.indexOf('    target: "99.9') + 5)!.documentation,
      /A\.\.B/,
    );
    assert.strictEqual(outcomeKeyAt(EXAMPLE, EXAMPLE.indexOf('payments:') + 1), undefined);
    assert.strictEqual(outcomeKeyAt(EXAMPLE, EXAMPLE.indexOf('https://status') + 3), undefined);
  });
});
