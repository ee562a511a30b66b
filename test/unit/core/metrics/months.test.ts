import * as assert from 'assert';
import {
  daysInMonth,
  daysInWindow,
  isPartialMonth,
  monthsOf,
} from '../../../../src/core/metrics/months';

describe('months of a window, and the days of each inside it (docs/figures.md ("Months") `days`)', () => {
  it('counts the days of the edge months, leap years included', () => {
    const w = { since: '2027-12-26', until: '2028-03-01' };
    assert.deepStrictEqual(
      monthsOf(w).map(m => [m, daysInWindow(m, w)]),
      [
        ['2027-12', 6],
        ['2028-01', 31],
        ['2028-02', 29],
      ],
    );
    assert.deepStrictEqual(
      [
        daysInMonth('2027-02'),
        daysInMonth('2028-02'),
        daysInMonth('2100-02'),
        daysInMonth('2000-02'),
        daysInMonth('2026-04'),
      ],
      [28, 29, 28, 29, 30],
    );
  });

  it("a window of one day, of the first day of a month, and one ending on a month's last day", () => {
    const one = { since: '2027-06-01', until: '2027-06-02' };
    assert.deepStrictEqual(
      monthsOf(one).map(m => daysInWindow(m, one)),
      [1],
    );
    const trend = { since: '2026-04-01', until: '2027-04-01' };
    const months = monthsOf(trend).map(month => ({ month, days: daysInWindow(month, trend) }));
    assert.strictEqual(months.length, 12);
    assert.ok(
      months.every(m => !isPartialMonth(m)),
      JSON.stringify(months),
    );
    assert.ok(isPartialMonth({ month: '2027-03', days: 30 }));
  });
});
