/**
 * One path segment's glob (`*`, `?`, `\` escapes; never `/`) compiled into a test that runs in
 * O(glob × segment) at worst, without regular expressions: the classic wildcard scan that, on a
 * mismatch, only ever retries from the most recent `*` (earlier stars need no retry because a star
 * matches any run, so moving an earlier one cannot help once a later one has been placed).
 */
export type SegmentTest = (segment: string) => boolean;

/** Literal text, `?` (any one character) or `*` (any run, possibly empty); runs of stars are one star. */
type Token = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'star' };

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) {
      tokens.push({ kind: 'text', text });
      text = '';
    }
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) text += glob[++i];
    else if (c === '*') {
      flush();
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      flush();
      tokens.push({ kind: 'any' });
    } else text += c;
  }
  flush();
  return tokens;
}

/** A test for one segment glob; common shapes (`name`, `*.ext`, `prefix*`, `*`) get a direct string test. */
export function compileSegmentGlob(glob: string): SegmentTest {
  const tokens = tokenize(glob);
  if (tokens.length === 0) return s => s === '';
  if (tokens.length === 1) {
    const t = tokens[0];
    if (t.kind === 'text') return s => s === t.text;
    if (t.kind === 'star') return () => true;
    return s => s.length === 1;
  }
  if (tokens.length === 2) {
    const [a, b] = tokens;
    if (a.kind === 'star' && b.kind === 'text') return s => s.endsWith(b.text);
    if (a.kind === 'text' && b.kind === 'star') return s => s.startsWith(a.text);
  }
  if (tokens.length === 3) {
    const [a, b, c] = tokens;
    if (a.kind === 'text' && b.kind === 'star' && c.kind === 'text') {
      const min = a.text.length + c.text.length;
      return s => s.length >= min && s.startsWith(a.text) && s.endsWith(c.text);
    }
  }
  // Flatten to one entry per character: a string (literal), '?' marker or '*' marker.
  const pattern: (string | 0 | 1)[] = [];
  for (const t of tokens) {
    if (t.kind === 'text') for (const ch of t.text.split('')) pattern.push(ch);
    else pattern.push(t.kind === 'any' ? 0 : 1);
  }
  return s => wildcardMatch(pattern, s);
}

const ANY = 0;
const STAR = 1;

/** Greedy scan with one-star backtracking: at most O(|pattern| × |s|) steps. */
function wildcardMatch(pattern: readonly (string | 0 | 1)[], s: string): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    const t = p < pattern.length ? pattern[p] : undefined;
    if (t === STAR) {
      starP = p++;
      starI = i;
    } else if (t !== undefined && (t === ANY || t === s[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === STAR) p++;
  return p === pattern.length;
}
