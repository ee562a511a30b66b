/**
 * The target grammar: `OP NUMBER [UNIT]` or `A..B [UNIT]`, OP one of >= > <= < =, NUMBER
 * -?D+(.D+)?, spaces optional; the unit is shown and ignored when comparing; a range includes
 * both ends.
 */

export type Target =
  | { kind: 'compare'; op: '>=' | '>' | '<=' | '<' | '='; value: number; unit: string }
  | { kind: 'range'; low: number; high: number; unit: string };

export type ParsedTarget = { ok: true; target: Target } | { ok: false; reason: string };

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
// The unit: anything that does not start with a digit, a sign, a dot or an operator (else `>= 3 5` would read as unit "5").
const UNIT = '(?:\\s*([^\\s\\d.,+\\-<>=][^\\n]*?))?';
const COMPARE = new RegExp(`^\\s*(>=|<=|>|<|=)\\s*${NUMBER}${UNIT}\\s*$`);
const RANGE = new RegExp(`^\\s*${NUMBER}\\s*\\.\\.\\s*${NUMBER}${UNIT}\\s*$`);

export function parseTarget(text: string): ParsedTarget {
  // `1e3` is not NUMBER `1` with the unit `e3`.
  if (/\d[eE][-+]?\d/.test(text))
    return {
      ok: false,
      reason: `target "${text}" does not parse: write numbers as digits with an optional decimal point (no exponent)`,
    };
  const c = COMPARE.exec(text);
  if (c)
    return {
      ok: true,
      target: { kind: 'compare', op: c[1] as '>=', value: Number(c[2]), unit: c[3] ?? '' },
    };
  const r = RANGE.exec(text);
  if (r) {
    const low = Number(r[1]),
      high = Number(r[2]);
    if (low > high)
      return { ok: false, reason: `target "${text}" is an empty range: ${r[1]} is above ${r[2]}` };
    return { ok: true, target: { kind: 'range', low, high, unit: r[3] ?? '' } };
  }
  return {
    ok: false,
    reason: `target "${text}" does not parse: write OP NUMBER (OP one of >= > <= < =, e.g. ">= 99.9") or a range A..B (e.g. "99.9..100")`,
  };
}

export function satisfies(target: Target, value: number): boolean {
  if (target.kind === 'range') return value >= target.low && value <= target.high;
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    default:
      return value === target.value;
  }
}
