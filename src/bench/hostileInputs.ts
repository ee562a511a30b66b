import { seededRandom } from './codeownersCorpus';

/** A pattern and a path that together defeat a backtracking matcher. */
export interface HostileMatch { label: string; pattern: string; path: string }

/** The cases reproduced in issue 9 (59 s, 14.8 s and over 285 s with the regex matcher). */
export const ISSUE_MATCH_CASES: readonly HostileMatch[] = [
  { label: '?* x18 + Z', pattern: '?*'.repeat(18) + 'Z', path: 'src/components/ShoppingCartSummaryPanelView.tsx' },
  { label: '**/a x8 + /**/b', pattern: '**/a/'.repeat(8) + '**/b', path: 'a/'.repeat(40).slice(0, -1) },
  { label: '*a x12 + *b', pattern: '*a'.repeat(12) + '*b', path: 'a'.repeat(200) },
];

/**
 * Generated hostile pairs: patterns of stars, question marks, `**` and one repeated letter
 * against paths of that letter that almost match (the final piece is missing), up to
 * `maxPattern` / `maxPath` characters. Deterministic for a seed.
 */
export function generateHostileMatches(count: number, seed = 9, maxPattern = 64, maxPath = 400): HostileMatch[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const pieces = ['*', '?', 'a', 'a*', '*a', '?*', '**/', '/', 'a/', '/**/', '\\*', 'a?'];
  const out: HostileMatch[] = [];
  for (let n = 0; n < count; n++) {
    let pattern = random() < 0.3 ? '/' : '';
    while (pattern.length < maxPattern - 4) pattern += pick(pieces);
    pattern = pattern.replace(/\*{3,}/g, '**').replace(/\/{2,}/g, '/') + pick(['b', 'Z', '*b', '/b', '?b']);
    const letters = Math.floor(maxPath * (0.5 + random() / 2));
    const slashEvery = pick([0, 1, 2, 3, 7, 50]);
    let path = '';
    while (path.length < letters) path += slashEvery > 0 && path.length % (slashEvery + 1) === slashEvery ? '/' : 'a';
    out.push({ label: `generated #${n}`, pattern, path: path.replace(/^\/+|\/+$/g, '') || 'a' });
  }
  return out;
}

/** Milliseconds one call takes (high-resolution clock). */
export function millis(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
