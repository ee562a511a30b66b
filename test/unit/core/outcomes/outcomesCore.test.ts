import * as assert from 'assert';
import {
  allowList,
  isHostAllowed,
  tokenVariable,
  urlHost,
} from '../../../../src/core/outcomes/allowedHosts';
import { latestRow, parseOutcomeCsv, rowsInWindow } from '../../../../src/core/outcomes/csvRows';
import { resolvePointer } from '../../../../src/core/outcomes/jsonPointer';
import { instantValue, rangeHistory } from '../../../../src/core/outcomes/prometheusAnswer';
import { outcomeEntry, teamOutcomeIds } from '../../../../src/core/outcomes/status';
import { parseTarget, satisfies } from '../../../../src/core/outcomes/target';
import { parseOwners } from '../../../../src/core/owners/parse';
import { validateOwners } from '../../../../src/core/owners/validate';

const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe('outcome targets: OP NUMBER [UNIT] or A..B [UNIT]', () => {
  const cases: Array<[string, number, boolean]> = [
    ['>= 3.5', 3.5, true],
    ['>= 3.5', 3.49, false],
    ['>3.5', 3.5, false],
    ['> 3.5 %', 3.51, true],
    ['<= 200ms', 200, true],
    ['<= 200 ms', 200.1, false],
    ['< 1', 0.99, true],
    ['<1', 1, false],
    ['= 0', 0, true],
    ['=0', -0.1, false],
    ['>= -5', -5, true],
    ['< -0.5', -0.4, false],
    ['99.9..100', 99.9, true],
    ['99.9..100', 100, true],
    ['99.9 .. 100 %', 99.89, false],
    ['99.9..100', 100.01, false],
    ['-10..-2', -2, true],
    ['  >=  4.2  ', 4.2, true],
  ];
  for (const [text, value, met] of cases) {
    it(`"${text}" with ${value}: ${met ? 'met' : 'missed'}`, () => {
      const parsed = parseTarget(text);
      assert.ok(parsed.ok, text);
      if (parsed.ok) assert.strictEqual(satisfies(parsed.target, value), met);
    });
  }

  it('keeps the unit to show it, and compares without it', () => {
    assert.deepStrictEqual(parseTarget('>= 3.5%'), {
      ok: true,
      target: { kind: 'compare', op: '>=', value: 3.5, unit: '%' },
    });
    assert.deepStrictEqual(parseTarget('99.9..100 %'), {
      ok: true,
      target: { kind: 'range', low: 99.9, high: 100, unit: '%' },
    });
  });

  for (const text of [
    '99.95%',
    '',
    '>=',
    '>= .5',
    '>= 5.',
    '=> 3',
    '>= 3 5',
    '>= 3 >= 4',
    '>= +3',
    '1..',
    '..2',
    '1...2',
    '>= 1e3',
    '≥ 3',
    '10..2',
  ]) {
    it(`"${text}" does not parse, and says so`, () => {
      const parsed = parseTarget(text);
      assert.strictEqual(parsed.ok, false);
      if (!parsed.ok) assert.ok(parsed.reason.includes(`"${text}"`), parsed.reason);
    });
  }
});

describe('RFC 6901 JSON pointers', () => {
  const doc = {
    foo: ['bar', 'baz'],
    '': 0,
    'a/b': 1,
    'c%d': 2,
    'e^f': 3,
    'g|h': 4,
    'i\\j': 5,
    'k"l': 6,
    ' ': 7,
    'm~n': 8,
    n: null,
  };
  const rfc: Array<[string, unknown]> = [
    ['', doc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
    ['/n', null],
  ];
  for (const [pointer, value] of rfc)
    it(`RFC 6901's example "${pointer}"`, () =>
      assert.deepStrictEqual(resolvePointer(doc, pointer), { found: true, value }));
  for (const pointer of [
    '/foo/2',
    '/foo/01',
    '/foo/-',
    '/missing',
    '/foo/0/x',
    'foo',
    '/m~2n',
    '/constructor',
    '/__proto__',
  ]) {
    it(`"${pointer}" finds nothing`, () =>
      assert.strictEqual(resolvePointer(doc, pointer).found, false));
  }
  it('~01 is ~1 (decoded in order), not /', () =>
    assert.deepStrictEqual(resolvePointer({ '~1': 9 }, '/~01'), { found: true, value: 9 }));
});

describe('the CSV file source', () => {
  const csv = parseOutcomeCsv(
    [
      'date,outcome,value',
      '2026-01-05,csat,4.1',
      '2026-01-10,csat,4.3',
      '2026-01-10,csat,4.5',
      '2026-01-10,other,1',
      '2026-01-20,csat,3.9',
      'not-a-date,csat,9',
      '2026-01-25,csat,n/a',
      '',
    ].join('\r\n'),
  );
  const rows = csv.ok ? csv.rows : [];

  it('the newest row dated before until wins; the last one when two share a date', () => {
    assert.deepStrictEqual(latestRow(rows, 'csat', at('2026-01-20')), {
      kind: 'value',
      value: 4.5,
      asOf: '2026-01-10T00:00:00Z',
    });
    assert.deepStrictEqual(latestRow(rows, 'csat', at('2026-01-21')), {
      kind: 'value',
      value: 3.9,
      asOf: '2026-01-20T00:00:00Z',
    });
    assert.deepStrictEqual(latestRow(rows, 'csat', at('2026-01-06')), {
      kind: 'value',
      value: 4.1,
      asOf: '2026-01-05T00:00:00Z',
    });
  });
  it('no row before until, or a row without a number, is a failure with the reason', () => {
    assert.strictEqual(latestRow(rows, 'csat', at('2026-01-05')).kind, 'failed');
    const bad = latestRow(rows, 'csat', at('2026-02-01'));
    assert.ok(
      bad.kind === 'failed' && /2026-01-25 has no number/.test(bad.reason),
      JSON.stringify(bad),
    );
    assert.strictEqual(latestRow(rows, 'nobody', at('2030-01-01')).kind, 'failed');
  });
  it('history: rows inside [since, until), one per date, oldest first', () => {
    assert.deepStrictEqual(rowsInWindow(rows, 'csat', '2026-01-05', '2026-01-20'), [
      { date: '2026-01-05', value: 4.1 },
      { date: '2026-01-10', value: 4.5 },
    ]);
  });
  it('columns are found by the header (extra columns, another order, quotes)', () => {
    const other = parseOutcomeCsv(
      'value,note,outcome,date\n"4,2","say ""hi""",csat,2026-02-01\n7,,csat,2026-02-02\n',
    );
    assert.ok(other.ok);
    if (other.ok)
      assert.deepStrictEqual(latestRow(other.rows, 'csat', at('2026-03-01')), {
        kind: 'value',
        value: 7,
        asOf: '2026-02-02T00:00:00Z',
      });
  });
  it('a file without the header is refused', () => {
    assert.strictEqual(parseOutcomeCsv('2026-01-01,csat,4\n').ok, false);
    assert.strictEqual(parseOutcomeCsv('').ok, false);
  });
});

describe('allowed hosts and credential names', () => {
  it('a host is a name or IP without port, case-insensitive, allowing all ports', () => {
    const allowed = allowList([
      'Prometheus.Example.com',
      '10.0.0.7',
      '::1',
      'bad:9090',
      'https://x.example',
      42,
    ]);
    assert.deepStrictEqual([...allowed], ['prometheus.example.com', '10.0.0.7', '::1']);
    assert.ok(isHostAllowed('https://PROMETHEUS.example.com:9443/api', allowed));
    assert.ok(isHostAllowed('http://prometheus.example.com/', allowed));
    assert.ok(isHostAllowed('http://10.0.0.7:9090', allowed));
    assert.ok(isHostAllowed('http://[::1]:9090', allowed));
    assert.ok(!isHostAllowed('http://prometheus.example.com.evil.test/', allowed));
    assert.ok(!isHostAllowed('http://evil.test/?prometheus.example.com', allowed));
    assert.ok(!isHostAllowed('http://prometheus.example.com@evil.test/', allowed));
    assert.ok(!isHostAllowed('ftp://prometheus.example.com/', allowed));
    assert.ok(!isHostAllowed('http://bad:9090/', allowed));
    assert.strictEqual(urlHost('not a url'), undefined);
  });
  it('OWNERSHIP_LENS_OUTCOME_TOKEN_<HOST>: upper-cased, dots and dashes as _', () => {
    assert.strictEqual(
      tokenVariable('prom-1.example.com'),
      'OWNERSHIP_LENS_OUTCOME_TOKEN_PROM_1_EXAMPLE_COM',
    );
    assert.strictEqual(tokenVariable('10.0.0.7'), 'OWNERSHIP_LENS_OUTCOME_TOKEN_10_0_0_7');
  });
});

describe('Prometheus answers and outcome entries', () => {
  const vector = (...values: string[]) => ({
    status: 'success',
    data: {
      resultType: 'vector',
      result: values.map(v => ({ metric: {}, value: [1767225600, v] })),
    },
  });
  it('one sample or a scalar is a value dated at the evaluation time; anything else says why not', () => {
    assert.deepStrictEqual(instantValue(vector('3.25')), {
      kind: 'value',
      value: 3.25,
      asOf: '2026-01-01T00:00:00Z',
    });
    assert.deepStrictEqual(
      instantValue({
        status: 'success',
        data: { resultType: 'scalar', result: [1767225600.5, '7'] },
      }),
      { kind: 'value', value: 7, asOf: '2026-01-01T00:00:00Z' },
    );
    assert.match((instantValue(vector()) as { reason: string }).reason, /no sample/);
    assert.match((instantValue(vector('1', '2')) as { reason: string }).reason, /2 samples/);
    assert.match((instantValue(vector('NaN')) as { reason: string }).reason, /not a finite number/);
    assert.match(
      (instantValue(vector('+Inf')) as { reason: string }).reason,
      /not a finite number/,
    );
    assert.match(
      (instantValue({ status: 'error', error: 'bad\nquery' }) as { reason: string }).reason,
      /^Prometheus answered an error: bad query$/,
    );
    assert.strictEqual(instantValue('<html>').kind, 'failed');
    assert.strictEqual(
      instantValue({ status: 'success', data: { resultType: 'string', result: [1, 'x'] } }).kind,
      'failed',
    );
  });
  it('a range answer gives one point per day of the one series', () => {
    const answer = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1767225600, '1'],
              [1767312000, 'NaN'],
              [1767398400, '3'],
            ],
          },
        ],
      },
    };
    assert.deepStrictEqual(rangeHistory(answer), {
      ok: true,
      points: [
        { date: '2026-01-01', value: 1 },
        { date: '2026-01-03', value: 3 },
      ],
    });
  });
  it('entries: met, missed, and unknown with the reason, the value still shown', () => {
    const o = (target?: string) => ({
      id: 'x',
      target,
      span: { offset: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    const v = { kind: 'value' as const, value: 5, asOf: '2026-01-01T00:00:00Z' };
    assert.deepStrictEqual(outcomeEntry(o('>= 5'), v), {
      outcome: 'x',
      value: 5,
      target: '>= 5',
      status: 'met',
      asOf: '2026-01-01T00:00:00Z',
      reason: null,
    });
    assert.strictEqual(outcomeEntry(o('> 5'), v).status, 'missed');
    const noTarget = outcomeEntry(o(), v);
    assert.deepStrictEqual(
      [noTarget.status, noTarget.value, noTarget.target],
      ['unknown', 5, null],
    );
    assert.match(noTarget.reason!, /no target/);
    const noSource = outcomeEntry(o('>= 5'), undefined);
    assert.deepStrictEqual(
      [noSource.status, noSource.value, noSource.asOf],
      ['unknown', null, null],
    );
    assert.match(noSource.reason!, /no source/);
    assert.deepStrictEqual(outcomeEntry(o('>= 5'), { kind: 'failed', reason: 'down' }), {
      outcome: 'x',
      value: null,
      target: '>= 5',
      status: 'unknown',
      asOf: null,
      reason: 'down',
    });
  });
  it("a team's outcomes: components in file order, each list in order, each outcome once, undefined ones left out", () => {
    const components = [
      { team: 'a', outcomes: ['o2', 'o1'] },
      { team: 'b', outcomes: ['o3'] },
      { team: 'a', outcomes: ['o1', 'o3', 'nope'] },
    ];
    assert.deepStrictEqual(
      teamOutcomeIds(
        components,
        'a',
        new Map([
          ['o1', 1],
          ['o2', 1],
          ['o3', 1],
        ]),
      ),
      ['o2', 'o1', 'o3'],
    );
  });
});

describe('validate: outcome sources and targets', () => {
  const file = (outcomes: string) =>
    `version: 1\nteams:\n  t: { lead: alice }\noutcomes:\n${outcomes}components:\n  c: { team: t, owner: alice, paths: [/src/] }\n`;
  const codes = (outcomes: string, files: string[] = ['src/a.ts']) =>
    validateOwners(parseOwners(file(outcomes)), files)
      .filter(d => d.code !== 'pattern-matches-nothing' && d.code !== 'single-codeowner')
      .map(d => `${d.severity} ${d.code} ${d.span.line}:${d.span.column}`);

  it('well-formed sources of each kind pass', () => {
    assert.deepStrictEqual(
      codes(
        [
          '  a: { target: ">= 1", unit: "%", source: { prometheus: "https://p.example", query: up } }\n',
          '  b:\n    target: "1..2"\n    source:\n      json: http://s.example/x\n      pointer: /a/0\n',
          '  c: { target: "< 3", source: { file: metrics/o.csv } }\n',
        ].join(''),
        ['src/a.ts', 'metrics/o.csv'],
      ),
      [],
    );
  });
  it('a source key other than those is an error, at that key', () => {
    assert.deepStrictEqual(
      codes(
        '  a:\n    source:\n      prometheus: https://p.example\n      query: up\n      token: abc\n',
      ),
      ['error invalid-source 9:7'],
    );
    assert.deepStrictEqual(
      codes(
        '  a:\n    source:\n      json: https://p.example\n      pointer: /a\n      headers: { Authorization: x }\n',
      ),
      ['error invalid-source 9:7'],
    );
  });
  it('not exactly one kind, a missing companion, a companion of another kind, bad URL, pointer or path: errors', () => {
    const one = (source: string) =>
      codes(`  a: { source: ${source} }\n`).map(c => c.split(' ').slice(0, 2).join(' '));
    for (const source of [
      '{}',
      '{ prometheus: "https://p", json: "https://j", query: q, pointer: /a }',
      '{ prometheus: "https://p" }',
      '{ json: "https://j" }',
      '{ file: a.csv, query: up }',
      '{ json: "https://j", query: up }',
      '{ prometheus: "file:///etc/passwd", query: up }',
      '{ json: "https://j", pointer: "a/b" }',
      '{ file: ../secrets.csv }',
      '{ file: /etc/passwd }',
      '{ prometheus: "https://p", query: "" }',
    ]) {
      assert.deepStrictEqual(one(source), ['error invalid-source'], source);
    }
    assert.deepStrictEqual(one('[prometheus]'), ['error wrong-type']);
  });
  it('a target that does not parse is a warning at the target', () => {
    assert.deepStrictEqual(codes('  a:\n    target: 99.95%\n'), ['warning invalid-target 6:13']);
  });
  it('a file source that is not in the repository is an error at the path; not checked without the file list', () => {
    assert.deepStrictEqual(codes('  a: { source: { file: metrics/o.csv } }\n'), [
      'error outcome-file-missing 5:24',
    ]);
    assert.deepStrictEqual(
      validateOwners(parseOwners(file('  a: { source: { file: metrics/o.csv } }\n')))
        .map(d => d.code)
        .filter(c => c !== 'single-codeowner'),
      [],
    );
  });
});
