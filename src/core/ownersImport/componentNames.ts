import { slugify } from './draft';

const GENERIC = new Set([
  'src',
  'lib',
  'pkg',
  'internal',
  'app',
  'apps',
  'packages',
  'docs',
  'test',
  'tests',
  'cmd',
  'md',
  'yaml',
  'yml',
  'json',
  'py',
  'js',
  'ts',
  'go',
  'readme',
  'index',
  'main',
  'github',
  'gitlab',
]);

/** Literal directory segments of a pattern, up to its first wildcard (`/a/b/*.py` -> a, b). */
function literalDirs(pattern: string): string[] {
  const segments = pattern.split('/').filter(s => s !== '');
  const dirs: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (/[*?\\]/.test(s)) break;
    // The last segment of a pattern without a trailing slash may be a file: not a directory name.
    if (i === segments.length - 1 && !pattern.endsWith('/') && /\.[A-Za-z0-9]+$/.test(s)) break;
    dirs.push(s);
  }
  return dirs;
}

/** The first word of a pattern's last segment (`/1e/*metadata.csv` -> metadata). */
function tailWord(pattern: string): string {
  const last = pattern.split('/').filter(Boolean).pop() ?? '';
  return last.split(/[^A-Za-z0-9]+/).find(w => w.length > 0) ?? 'files';
}

/** The words of a pattern (`ddtrace/appsec/_constants.py` -> ddtrace, appsec, constants, py). */
function words(pattern: string): string[] {
  return pattern
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(w => w.length >= 3);
}

/**
 * A component id that says what its patterns cover: the deepest directory they share
 * (`/ably/` -> `ably`), else a word every pattern contains (`.cursor/rules/appsec.mdc` and
 * `ddtrace/appsec/` -> `appsec`), else a shared extension (`*.md` -> `md-files`), else the hint
 * (a section or team name). `qualified` adds the parent directory, for collisions.
 */
export function componentIdFor(
  patterns: readonly string[],
  hint: string | undefined,
  qualified = false,
): string {
  if (patterns.every(p => p === '*' || p === '**' || p === '/**')) return 'everything';
  const dirs = patterns.map(literalDirs);
  const common: string[] = [];
  for (let i = 0; dirs.every(d => d.length > i && d[i] === dirs[0][i]); i++)
    common.push(dirs[0][i]);
  if (
    common.length > 0 &&
    !(common.length === 1 && GENERIC.has(common[0].toLowerCase()) && hint && patterns.length > 1)
  ) {
    const picked = !qualified
      ? common.slice(-1)
      : common.length > 1
        ? common.slice(-2)
        : [common[0], tailWord(patterns[0])];
    return slugify(picked.filter(Boolean).join('-')) || 'component';
  }
  const shared = words(patterns[0]).filter(
    w => !GENERIC.has(w) && patterns.every(p => words(p).includes(w)),
  );
  if (shared.length > 0 && patterns.length > 1)
    return slugify(shared.sort((a, b) => b.length - a.length)[0]);
  const ext = /\*\.([A-Za-z0-9]+)$/.exec(patterns[0])?.[1];
  if (ext && patterns.every(p => p.endsWith(`*.${ext}`))) return `${slugify(ext)}-files`;
  if (hint) return slugify(hint) || 'component';
  if (patterns.length === 1) {
    if (patterns[0] === '*' || patterns[0] === '**' || patterns[0] === '/**') return 'everything';
    const last = patterns[0]
      .split('/')
      .filter(s => s && !/^\*+$/.test(s))
      .pop();
    if (last) return slugify(last.replace(/^\*\./, '').replace(/\*+/g, '-')) || 'component';
  }
  const lastDirs = dirs.map(d => d[d.length - 1]).filter(Boolean);
  if (lastDirs.length === patterns.length && patterns.length <= 3)
    return slugify(lastDirs.join('-')) || 'shared';
  return 'shared';
}
