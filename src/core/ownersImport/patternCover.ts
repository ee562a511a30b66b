import { compileSegmentGlob } from '../match/glob';
import { checkPattern, patternShape } from '../match/pattern';

const EVERYTHING = new Set(['*', '**', '/**', '**/*', '**/**']);

/**
 * True only when every path `inner` matches is provably matched by `outer` as well: `outer`
 * matches everything, or it is a literal directory prefix of `inner`, or it is a file-name glob
 * without slash (`*.md`) that `inner`'s last segment always satisfies. False means "not proven".
 */
export function provablyCovers(outer: string, inner: string): boolean {
  if (checkPattern(outer).kind === 'invalid' || checkPattern(inner).kind === 'invalid')
    return false;
  if (outer === inner || EVERYTHING.has(outer)) return true;
  const o = patternShape(outer);
  const i = patternShape(inner);
  const lastOf = (segs: string[]) => segs[segs.length - 1];
  const globMatches = (glob: string, seg: string) =>
    seg === glob || (!/[*?\\]/.test(seg) && compileSegmentGlob(glob)(seg));
  if (
    o.anchored &&
    o.segments.length >= 2 &&
    o.segments[o.segments.length - 2] === '**' &&
    lastOf(o.segments) !== '**'
  ) {
    // `/doc/**/*.md` covers `/doc/*.md`, `/doc/a/b.md`: same literal start, a last segment its glob accepts.
    const start = o.segments.slice(0, -2);
    if (
      start.some(x => /[*?\\]/.test(x)) ||
      !i.anchored ||
      i.segments.length <= start.length ||
      inner.endsWith('/')
    )
      return false;
    return (
      start.every((x, k) => x === i.segments[k]) &&
      globMatches(lastOf(o.segments), lastOf(i.segments))
    );
  }
  if (o.anchored) {
    const prefix =
      o.segments[o.segments.length - 1] === '**' ? o.segments.slice(0, -1) : o.segments;
    if (
      prefix.length === 0 ||
      prefix.some(s => /[*?\\]/.test(s)) ||
      !i.anchored ||
      i.segments.length < prefix.length
    )
      return false;
    return prefix.every((s, k) => s === i.segments[k]);
  }
  if (coveredAtAnyDepth(o.segments.slice(1), i)) return true;
  // Unanchored one-segment glob (`**`, name): every inner path's last segment must match it.
  if (o.segments.length !== 2 || /\//.test(outer.replace(/\/$/, '')) || outer.endsWith('/'))
    return false;
  const last = i.segments[i.segments.length - 1];
  if (last === '**' || inner.endsWith('/')) return false;
  const glob = o.segments[1];
  if (last === glob) return true;
  return !/[*?\\]/.test(last) && compileSegmentGlob(glob)(last);
}

/**
 * An unanchored pattern's segments (after its leading `**`) against an anchored pattern with a
 * literal start (`**\/lib/` against `/src/lib/`): covered when those segments match inside the
 * literal start, and what follows them is allowed (a trailing `**` needs something below).
 */
function coveredAtAnyDepth(
  outer: readonly string[],
  shape: { segments: string[]; anchored: boolean },
): boolean {
  const dirTail = outer[outer.length - 1] === '**';
  const segs = dirTail ? outer.slice(0, -1) : outer;
  if (segs.length === 0 || segs.some(x => x === '**') || segs[segs.length - 1] === '*')
    return false;
  // Wherever the inner pattern has literal segments in a row, every path it matches has them in a row.
  const inner = shape.anchored ? shape.segments : shape.segments.slice(1);
  const tests = segs.map(x => compileSegmentGlob(x));
  const literal = (x: string) => x !== '**' && !/[*?\\]/.test(x);
  // A path at any depth (`**/magefiles/x.go`) covers every pattern that ends in the same names.
  if (!dirTail && inner.length >= segs.length && inner[inner.length - 1] !== '**') {
    const end = inner.slice(inner.length - segs.length);
    if (end.every((x, k) => literal(x) && tests[k](x))) return true;
  }
  for (let start = 0; start + segs.length <= inner.length; start++) {
    if (!segs.every((_, k) => literal(inner[start + k]) && tests[k](inner[start + k]))) continue;
    if (!dirTail || start + segs.length < inner.length) return true;
  }
  return false;
}

/**
 * The directory an unanchored pattern's paths all lie in (`**\/helpers/vault/`, `**\/a/b/**\/x.md`
 * -> helpers/vault, a/b): its literal segments before anything else, when something follows them.
 */
export function floatingHead(p: string): string[] | undefined {
  const s = patternShape(p);
  // After the first `**` (anchored patterns may have a literal start before it).
  const at = s.segments.indexOf('**');
  if (at < 0) return undefined;
  const rest = s.segments.slice(at + 1);
  const run: string[] = [];
  for (const x of rest) {
    if (x === '**' || /[*?\\]/.test(x)) break;
    run.push(x);
  }
  // `**/magefiles/x.go`: a file at any depth lies where its whole run is.
  // (a name alone is a file that may be anywhere, inside any directory: no place of its own).
  return run.length > 0 && (run.length < rest.length || (!p.endsWith('/') && run.length > 1))
    ? run
    : undefined;
}

/** True when `b` appears as consecutive segments inside `a`. */
function containsRun(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i + b.length <= a.length; i++) if (b.every((x, k) => a[i + k] === x)) return true;
  return false;
}

/** True when the whole pattern after its leading `**` is literal names (a file at any depth, `**\/a/b`). */
function floatingFile(p: string): boolean {
  const s = patternShape(p);
  return !s.anchored && s.segments.slice(1).every(x => x !== '**' && !/[*?\\]/.test(x));
}

/** The literal directory an anchored pattern's paths lie in (`/docs/`, `/a/b/*.md` -> docs, a/b). */
function anchoredHead(p: string): string[] | undefined {
  const s = patternShape(p);
  if (!s.anchored) return undefined;
  const run: string[] = [];
  for (const x of s.segments) {
    if (x === '**' || /[*?\\]/.test(x)) break;
    run.push(x);
  }
  return run.length > 0 && run.length < s.segments.length ? run : undefined;
}

/**
 * Two patterns whose paths lie in different places, one of them a path of two or more names at any
 * depth (`helpers/vault/`, `magefiles/x.go`, and `/docs/` or `helpers/secrets/`): they share paths
 * only when one place sits inside the other, which the import takes not to happen (documented), as
 * it takes names with an extension to be files. A single name at any depth (`lib/`) may be anywhere.
 */
export function differentFloatingDirs(a: string, b: string): boolean {
  const fa = floatingHead(a);
  const fb = floatingHead(b);
  if (!(fa && fa.length > 1) && !(fb && fb.length > 1)) return false;
  // For a file at any depth (`**/ee/docs`) the place is its directory part; its last name is a file.
  const place = (p: string, head: string[] | undefined) =>
    head && !p.endsWith('/') && !p.endsWith('**') && floatingFile(p)
      ? head.slice(0, -1)
      : (head ?? anchoredHead(p));
  const x = place(a, fa);
  const y = place(b, fb);
  if (x !== undefined && y !== undefined && (x.length === 0 || y.length === 0)) return false;
  return x !== undefined && y !== undefined && !containsRun(x, y) && !containsRun(y, x);
}

/**
 * An unanchored pattern of literal segments (`**\/a/b/`, `lib/`, `**\/model/db`; the last may be a
 * name glob): its segments, and whether it owns a directory (trailing `/`) or a name.
 */
function floatingOf(p: string): { segs: string[]; dir: boolean } | undefined {
  const s = patternShape(p);
  const n = s.segments.length;
  if (s.anchored || n < 2) return undefined;
  const dir = s.segments[n - 1] === '**';
  const segs = s.segments.slice(1, dir ? -1 : undefined);
  if (segs.length === 0 || segs.some(x => x === '**' || x === '*')) return undefined;
  const literalUpTo = dir ? segs.length : segs.length - 1;
  return segs.slice(0, literalUpTo).every(x => !/[*?\\]/.test(x)) ? { segs, dir } : undefined;
}

/** True when a literal directory segment of `dir` could itself match `name` (then `dir/**\/name` would miss it). */
function dirNamed(dir: string, name: string): boolean {
  const test = compileSegmentGlob(name);
  return patternShape(dir).segments.some(x => x !== '**' && (/[*?\\]/.test(x) || test(x)));
}

/** True when no non-empty end of `a` is a start of `b`: then `b` cannot begin inside `a`. */
function noOverlapAtJoin(a: readonly string[], b: readonly string[]): boolean {
  for (let k = 1; k <= Math.min(a.length, b.length); k++) {
    if (a.slice(a.length - k).every((x, m) => x === b[m])) return false;
  }
  return true;
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
    return s.anchored &&
      n >= 2 &&
      s.segments[n - 2] === '**' &&
      s.segments.slice(0, -2).every(x => !/[*?\\]/.test(x)) &&
      !p.endsWith('/')
      ? { start: s.segments.slice(0, -2), glob: s.segments[n - 1] }
      : undefined;
  };
  for (const [d, n] of [
    [a, b],
    [b, a],
  ]) {
    const dir = dirOf(d);
    const name = nameOf(n);
    if (dir && name) return `/${dir.join('/')}/**/${name}`;
    // The files right in a directory (`/config/*`) and a file name (`*.rb`): that name there.
    if (name && d.endsWith('/*') && !d.endsWith('/**/*')) return `${d.slice(0, -1)}${name}`;
    // A pattern ending in a name glob (`/x/**/*.rb`) and one literal name at any depth that it accepts: that name there.
    const lastSlash = d.lastIndexOf('/');
    const glob = lastSlash >= 0 ? d.slice(lastSlash + 1) : '';
    if (
      name &&
      !/[*?\\]/.test(name) &&
      /[*?]/.test(glob) &&
      !/\\/.test(glob) &&
      compileSegmentGlob(glob)(name)
    ) {
      return `${d.slice(0, lastSlash)}/${name}`;
    }
    // Any directory (`**/docs/**`, `/a/**/b/**`) and a file name (`README.md`): that name below it.
    if (name && (d.endsWith('/') || d.endsWith('/**')) && !dirNamed(d, name))
      return `${d.replace(/\/(\*\*)?$/, '')}/**/${name}`;
    // A root directory and a path at any depth that cannot start inside it (`/src/` and `lib/`, `**/model/db`).
    const floating = floatingOf(n);
    if (
      dir &&
      floating &&
      !/[*?\\]/.test(floating.segs[0]) &&
      noOverlapAtJoin(dir, floating.segs)
    ) {
      return `/${dir.join('/')}/**/${floating.segs.join('/')}${floating.dir ? '/' : ''}`;
    }
    // A directory at any depth and a path at any depth that can neither start inside it nor hold it.
    const outerDir = floatingOf(d);
    if (
      outerDir?.dir &&
      floating &&
      !floating.dir &&
      outerDir.segs.every(x => !/[*?\\]/.test(x)) &&
      noOverlapAtJoin(outerDir.segs, floating.segs) &&
      !containsRun(floating.segs, outerDir.segs)
    ) {
      return `**/${outerDir.segs.join('/')}/**/${floating.segs.join('/')}`;
    }
    const deep = deepGlobOf(n);
    if (dir && deep && deep.start.every((x, k) => dir[k] === x) && dir.length >= deep.start.length)
      return `/${dir.join('/')}/**/${deep.glob}`;
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
  const fileLike = (n: string | undefined): n is string =>
    n !== undefined && n !== '**' && /\.[^*?\\/]+$/.test(n);
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
