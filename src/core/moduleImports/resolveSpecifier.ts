/** tsconfig `compilerOptions.baseUrl` and `paths`, with the folder (repo-relative) they are relative to. */
export interface PathAliases {
  baseDir: string;
  paths: Record<string, string[]>;
}

const EXTENSIONS = [
  '',
  '.ts',
  '.tsx',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.mts',
  '.cts',
  '.json',
  '.d.ts',
  '.vue',
  '.svelte',
];
const INDEXES = ['/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs'];

/**
 * The repository file a specifier written in `fromFile` refers to (repo-relative, '/'-separated),
 * trying TypeScript's extensions and index files, then tsconfig `paths`, then the repository
 * root for bare path-like strings. `hasFile` answers from the cached file list; no I/O here.
 */
export function resolveSpecifier(
  specifier: string,
  fromFile: string,
  hasFile: (path: string) => boolean,
  aliases?: PathAliases,
): string | undefined {
  const candidates: string[] = [];
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    candidates.push(joinPath(dirname(fromFile), specifier));
  } else {
    for (const target of aliasTargets(specifier, aliases)) candidates.push(target);
    candidates.push(normalize(specifier.replace(/^\//, '')));
  }
  for (const base of candidates) {
    if (base === undefined) continue;
    const hit = probe(base, hasFile);
    if (hit) return hit;
  }
  return undefined;
}

function probe(base: string, hasFile: (path: string) => boolean): string | undefined {
  const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  for (const b of stripped === base ? [base] : [base, stripped]) {
    for (const ext of [...EXTENSIONS, ...INDEXES]) if (b && hasFile(b + ext)) return b + ext;
  }
  return undefined;
}

function aliasTargets(specifier: string, aliases?: PathAliases): string[] {
  if (!aliases) return [];
  const out: string[] = [];
  for (const [pattern, targets] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf('*');
    let rest: string | undefined;
    if (star < 0) rest = pattern === specifier ? '' : undefined;
    else if (
      specifier.startsWith(pattern.slice(0, star)) &&
      specifier.endsWith(pattern.slice(star + 1))
    ) {
      rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    }
    if (rest === undefined) continue;
    for (const t of targets) out.push(joinPath(aliases.baseDir, t.replace('*', rest)));
  }
  if (aliases.baseDir !== undefined && !specifier.startsWith('.'))
    out.push(joinPath(aliases.baseDir, specifier));
  return out;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins and normalizes; '' for the root; stays inside the repository ('..' past the root is dropped). */
export function joinPath(dir: string, rel: string): string {
  return normalize(dir ? `${dir}/${rel}` : rel);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
