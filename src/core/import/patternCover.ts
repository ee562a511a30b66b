import { compileSegmentGlob } from '../match/glob';
import { checkPattern, patternShape } from '../match/pattern';

const EVERYTHING = new Set(['*', '**', '/**', '**/*', '**/**']);

/**
 * True only when every path `inner` matches is provably matched by `outer` as well: `outer`
 * matches everything, or it is a literal directory prefix of `inner`, or it is a file-name glob
 * without slash (`*.md`) that `inner`'s last segment always satisfies. False means "not proven".
 */
export function provablyCovers(outer: string, inner: string): boolean {
  if (checkPattern(outer).kind === 'invalid' || checkPattern(inner).kind === 'invalid') return false;
  if (outer === inner || EVERYTHING.has(outer)) return true;
  const o = patternShape(outer);
  const i = patternShape(inner);
  const lastOf = (segs: string[]) => segs[segs.length - 1];
  const globMatches = (glob: string, seg: string) => seg === glob || (!/[*?\\]/.test(seg) && compileSegmentGlob(glob)(seg));
  if (o.anchored && o.segments.length >= 2 && o.segments[o.segments.length - 2] === '**' && lastOf(o.segments) !== '**') {
    // `/doc/**/*.md` covers `/doc/*.md`, `/doc/a/b.md`: same literal start, a last segment its glob accepts.
    const start = o.segments.slice(0, -2);
    if (start.some(x => /[*?\\]/.test(x)) || !i.anchored || i.segments.length <= start.length || inner.endsWith('/')) return false;
    return start.every((x, k) => x === i.segments[k]) && globMatches(lastOf(o.segments), lastOf(i.segments));
  }
  if (o.anchored) {
    const prefix = o.segments[o.segments.length - 1] === '**' ? o.segments.slice(0, -1) : o.segments;
    if (prefix.length === 0 || prefix.some(s => /[*?\\]/.test(s)) || !i.anchored || i.segments.length < prefix.length) return false;
    return prefix.every((s, k) => s === i.segments[k]);
  }
  // Unanchored one-segment glob (`**`, name): every inner path's last segment must match it.
  if (o.segments.length !== 2 || /\//.test(outer.replace(/\/$/, '')) || outer.endsWith('/')) return false;
  const last = i.segments[i.segments.length - 1];
  if (last === '**' || inner.endsWith('/')) return false;
  const glob = o.segments[1];
  if (last === glob) return true;
  return !/[*?\\]/.test(last) && compileSegmentGlob(glob)(last);
}

/**
 * A pattern matching exactly the paths both patterns match, when one is easy to write: the inner
 * one when one covers the other, or `/dir/**\/name` for a literal directory and a file-name glob.
 */
export function intersectPatterns(a: string, b: string): string | undefined {
  if (provablyCovers(a, b)) return b;
  if (provablyCovers(b, a)) return a;
  const dirOf = (p: string) => {
    const s = patternShape(p);
    const segs = s.segments[s.segments.length - 1] === '**' ? s.segments.slice(0, -1) : s.segments;
    return s.anchored && segs.length > 0 && segs.every(x => !/[*?\\]/.test(x)) ? segs : undefined;
  };
  const nameOf = (p: string) => {
    const s = patternShape(p);
    return !s.anchored && s.segments.length === 2 && !p.endsWith('/') ? s.segments[1] : undefined;
  };
  // `/P/**/G` (anchored, literal P): the paths below P that end in G.
  const deepGlobOf = (p: string) => {
    const s = patternShape(p);
    const n = s.segments.length;
    return s.anchored && n >= 2 && s.segments[n - 2] === '**' && s.segments.slice(0, -2).every(x => !/[*?\\]/.test(x)) && !p.endsWith('/')
      ? { start: s.segments.slice(0, -2), glob: s.segments[n - 1] } : undefined;
  };
  for (const [d, n] of [[a, b], [b, a]]) {
    const dir = dirOf(d);
    const name = nameOf(n);
    if (dir && name) return `/${dir.join('/')}/**/${name}`;
    const deep = deepGlobOf(n);
    if (dir && deep && deep.start.every((x, k) => dir[k] === x) && dir.length >= deep.start.length) return `/${dir.join('/')}/**/${deep.glob}`;
  }
  return undefined;
}

/**
 * Two patterns that name different files (`.gitignore`, `registry.rb`): no file matches both. This
 * assumes such names are files, not directories, which CODEOWNERS itself cannot tell.
 */
export function differentFileNames(a: string, b: string): boolean {
  const last = (p: string) => (p.endsWith('/') ? undefined : p.split('/').pop());
  const x = last(a);
  const y = last(b);
  const fileLike = (n: string | undefined): n is string => n !== undefined && n !== '**' && /\.[^*?\\/]+$/.test(n);
  if (!fileLike(x) || !fileLike(y) || x === y) return false;
  const literal = (n: string) => !/[*?\\]/.test(n);
  if (literal(x) && literal(y)) return true;
  if (literal(x)) return !compileSegmentGlob(y)(x);
  if (literal(y)) return !compileSegmentGlob(x)(y);
  // `*.md` and `*.jpg`: names ending differently.
  const suffix = (n: string) => (/^\*[^*?\\]+$/.test(n) ? n.slice(1) : undefined);
  const sx = suffix(x);
  const sy = suffix(y);
  return sx !== undefined && sy !== undefined && !sx.endsWith(sy) && !sy.endsWith(sx);
}
