import { seededRandom } from './codeownersCorpus';

/** A pattern and a path that together defeat a backtracking matcher. */
export interface HostileMatch {
  label: string;
  pattern: string;
  path: string;
}

/** The cases reproduced in issue 9 (59 s, 14.8 s and over 285 s with the regex matcher). */
export const ISSUE_MATCH_CASES: readonly HostileMatch[] = [
  {
    label: '?* x18 + Z',
    pattern: '?*'.repeat(18) + 'Z',
    path: 'src/components/ShoppingCartSummaryPanelView.tsx',
  },
  {
    label: '**/a x8 + /**/b',
    pattern: '**/a/'.repeat(8) + '**/b',
    path: 'a/'.repeat(40).slice(0, -1),
  },
  { label: '*a x12 + *b', pattern: '*a'.repeat(12) + '*b', path: 'a'.repeat(200) },
];

/**
 * Generated hostile pairs: patterns of stars, question marks, `**` and one repeated letter
 * against paths of that letter that almost match (the final piece is missing), up to
 * `maxPattern` / `maxPath` characters. Deterministic for a seed.
 */
export function generateHostileMatches(
  count: number,
  seed = 9,
  maxPattern = 64,
  maxPath = 400,
): HostileMatch[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const pieces = ['*', '?', 'a', 'a*', '*a', '?*', '**/', '/', 'a/', '/**/', '\\*', 'a?'];
  const out: HostileMatch[] = [];
  for (let n = 0; n < count; n++) {
    let pattern = random() < 0.3 ? '/' : '';
    while (pattern.length < maxPattern - 4) pattern += pick(pieces);
    pattern =
      pattern.replace(/\*{3,}/g, '**').replace(/\/{2,}/g, '/') + pick(['b', 'Z', '*b', '/b', '?b']);
    const letters = Math.floor(maxPath * (0.5 + random() / 2));
    const slashEvery = pick([0, 1, 2, 3, 7, 50]);
    let path = '';
    while (path.length < letters)
      path += slashEvery > 0 && path.length % (slashEvery + 1) === slashEvery ? '/' : 'a';
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

/**
 * Generated hostile OWNERS.yaml documents (up to about `maxBytes`): alias fans and chains, deep
 * flow nesting, long lines, many anchors, duplicate keys, hostile patterns, control characters.
 * Deterministic for a seed.
 */
export function generateHostileDocuments(
  count: number,
  seed = 13,
  maxBytes = 200_000,
): { label: string; text: string }[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const head = 'version: 1\nteams:\n  web: {lead: alice, members: [bob]}\n';
  const kinds: ((size: number) => string)[] = [
    size => {
      // billion laughs of random width and depth
      const width = 2 + int(9),
        depth = 3 + int(12);
      let t = 'x-a0: &a0 [lol]\n';
      for (let i = 1; i < depth; i++)
        t += `x-a${i}: &a${i} [${Array(width)
          .fill(`*a${i - 1}`)
          .join(', ')}]\n`;
      return (
        head +
        t +
        `components:\n  c: {team: web, owner: bob, paths: *a${depth - 1}}\n`.repeat(
          1 + int(Math.max(1, size / 5000)),
        )
      );
    },
    size => {
      // many anchors, many aliases
      const n = Math.max(1, Math.floor(size / 30));
      return `${head}x-d:\n${Array.from({ length: n }, (_, i) => `  - &k${i} v${i}`).join('\n')}\nx-u: [${Array.from({ length: n }, () => `*k${int(n)}`).join(', ')}]\ncomponents: {}\n`;
    },
    size =>
      head +
      'teams2: ' +
      '['.repeat(Math.min(size / 2, 20_000)) +
      ']'.repeat(Math.min(size / 2, 20_000)) +
      '\n',
    size =>
      `${head}components:\n  c:\n    team: web\n    owner: bob\n    paths: ["${'?*'.repeat(Math.min(size / 4, 200))}Z", "${'**/a/'.repeat(30)}**/b"]\n    name: "${'x'.repeat(size)}"\n`,
    size =>
      `${head}components:\n` +
      Array.from(
        { length: Math.max(1, Math.floor(size / 60)) },
        (_, i) =>
          `  c${i % 50}:\n    team: web\n    owner: "b\\u001b[2J\\n${i}"\n    paths: [/p${i}/]\n`,
      ).join(''),
    size =>
      head +
      `components:\n  c: {team: web, owner: bob, paths: [${Array.from({ length: Math.max(1, Math.floor(size / 40)) }, (_, i) => `"*a*a*${i}"`).join(', ')}]}\n`,
  ];
  const out: { label: string; text: string }[] = [];
  for (let n = 0; n < count; n++) {
    const k = int(kinds.length);
    out.push({
      label: `document #${n} (kind ${k})`,
      text: kinds[k](Math.floor(maxBytes * (0.2 + random() * 0.8))),
    });
  }
  return out;
}

/** A `.gitattributes` pattern, a path, whether git says it matches, and a benign pattern of the same size. */
export interface HostileAttribute {
  label: string;
  pattern: string;
  path: string;
  matches: boolean;
  benign: string;
}

/**
 * Issue 18: `linguist-generated` patterns that a backtracking regular expression took seconds
 * to minutes on (32 s for 41 bytes and 10 stars on a 44-character path), each once with a path
 * that just misses and once with one that matches, beside a benign pattern of the same length.
 */
export const HOSTILE_ATTRIBUTE_CASES: readonly HostileAttribute[] = (() => {
  const stars = 'src/' + '*a'.repeat(10) + '*.generated.ts';
  const globstars = '**/a/'.repeat(8) + '**/b';
  const questions = '?*'.repeat(18) + 'Z';
  return [
    {
      label: '*a x10 + *.generated.ts, near miss',
      pattern: stars,
      path: 'src/' + 'a'.repeat(40),
      matches: false,
      benign: 'src/' + 'x'.repeat(20) + '*.generated.ts',
    },
    {
      label: '*a x10 + *.generated.ts, match',
      pattern: stars,
      path: 'src/' + 'a'.repeat(26) + '.generated.ts',
      matches: true,
      benign: 'src/' + 'x'.repeat(20) + '*.generated.ts',
    },
    {
      label: '**/a/ x8 + **/b, near miss',
      pattern: globstars,
      path: 'a/'.repeat(40).slice(0, -1),
      matches: false,
      benign: 'vendor/' + 'x/'.repeat(15) + '**/b',
    },
    {
      label: '**/a/ x8 + **/b, match',
      pattern: globstars,
      path: 'a/'.repeat(40) + 'b',
      matches: true,
      benign: 'vendor/' + 'x/'.repeat(15) + '**/b',
    },
    {
      label: '?* x18 + Z, near miss',
      pattern: questions,
      path: 'gen/ShoppingCartSummaryPanelViewGeneratedCode.tsx',
      matches: false,
      benign: 'x'.repeat(36) + '*',
    },
    {
      label: '?* x18 + Z, match',
      pattern: questions,
      path: 'gen/ShoppingCartSummaryPanelViewGeneratedCodeZ',
      matches: true,
      benign: 'x'.repeat(36) + '*',
    },
  ];
})();
