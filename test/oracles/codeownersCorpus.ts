/**
 * Deterministic CODEOWNERS inputs for the matcher bench and the differential tests: paths around
 * the rules of a real file (the rule's own path, children, grandchildren, siblings, files with its
 * extension, nested copies), a generated large CODEOWNERS file, and a seeded random source.
 */
import { patternShape } from '../../src/core/match/pattern';

/** A small deterministic PRNG (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A concrete name for a glob segment: `*` -> `x`, `?` -> `q`, escapes dropped. */
function concrete(segment: string, star: string): string {
  if (segment === '*') return star;
  return segment.replace(
    /\\(.)|\*+|\?/g,
    (m, escaped: string | undefined) => escaped ?? (m === '?' ? 'q' : 'x'),
  );
}

/** Paths a rule mentions and the tree around them, for every pattern given. Sorted, unique. */
export function pathsAroundPatterns(patterns: readonly string[]): string[] {
  const out = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === '' || pattern.startsWith('#') || pattern.startsWith('!')) continue;
    const { segments } = patternShape(pattern);
    for (const star of ['x', 'star-dir']) {
      for (const globstar of [[], ['deep'], ['deep', 'er']]) {
        const parts = segments.flatMap(s => (s === '**' ? globstar : [concrete(s, star)]));
        const base = parts.join('/');
        const parent = parts.slice(0, -1).join('/');
        const last = parts[parts.length - 1] ?? 'root';
        const under = (p: string) => (parent ? `${parent}/${p}` : p);
        const ext = /\.([A-Za-z0-9_-]+)$/.exec(last)?.[1];
        const candidates = [
          base,
          `${base}/child.txt`,
          `${base}/sub/grand.md`,
          `${base}/sub/deeper/leaf.go`,
          under('sibling.txt'),
          under(`${last}-sibling/file.txt`),
          under(`${last}x`),
          `${base}.bak`,
          `other/${base}`,
          `other/${base}/child.txt`,
          `a/b/${base}/c.txt`,
          ...(ext
            ? [
                under(`other.${ext}`),
                under(`sub/other.${ext}`),
                `other.${ext}`,
                `deep/dir/other.${ext}`,
              ]
            : []),
        ];
        for (const c of candidates)
          if (c && !c.startsWith('/') && !c.includes('//') && !c.endsWith('/')) out.add(c);
      }
    }
  }
  return [...out].sort();
}

/**
 * A CODEOWNERS file of `rules` rules shaped like a large monorepo's: root-anchored service
 * directories (most rules), `dir/*` direct-children rules, `**\/name` rules, extension rules,
 * anchored globs, and a few rules with no owners.
 */
export function generateCodeowners(rules: number, seed = 7): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const exts = ['ts', 'go', 'py', 'proto', 'md', 'yaml', 'java', 'rs', 'sql', 'json'];
  const lines = ['# Generated CODEOWNERS for the matcher bench', '*  @acme/everyone'];
  for (let i = 1; i < rules; i++) {
    const area = `area-${i % 97}`;
    const owner = `@acme/team-${i % 211} @dev-${i % 1009}`;
    const kind = random();
    let pattern: string;
    if (kind < 0.6) pattern = `/services/${area}/svc-${i}/`;
    else if (kind < 0.7) pattern = `/libs/${area}/lib-${i}/*`;
    else if (kind < 0.78)
      pattern = `/services/${area}/svc-${i - (i % 7)}/${pick(['api', 'db', 'web', 'cli'])}/**/*.${pick(exts)}`;
    else if (kind < 0.86) pattern = `**/gen-${i % 400}/`;
    else if (kind < 0.9) pattern = `*_${i % 300}.${pick(exts)}`;
    else if (kind < 0.95) pattern = `docs/${area}/page-${i}.md`;
    else if (kind < 0.98) pattern = `/tools/${area}/tool-${i}*`;
    else pattern = `/vendor/${area}/pkg-${i}/`;
    lines.push(kind >= 0.99 ? pattern : `${pattern}  ${owner}`);
  }
  return lines.join('\n') + '\n';
}

/** `count` paths: most inside the given patterns' trees, the rest elsewhere. */
export function generatePaths(patterns: readonly string[], count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const around = pathsAroundPatterns(
    patterns.filter(() => random() < Math.min(1, count / patterns.length / 20)),
  );
  const files = [
    'index.ts',
    'main.go',
    'README.md',
    'a_12.go',
    'data.json',
    'schema.proto',
    'x.py',
  ];
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < count * 4; i++) {
    const base =
      around.length > 0 && random() < 0.8
        ? around[Math.floor(random() * around.length)]
        : `misc/dir-${Math.floor(random() * 5000)}`;
    out.add(random() < 0.5 ? base : `${base}/n${i % 13}/${files[i % files.length]}`);
  }
  return [...out];
}
