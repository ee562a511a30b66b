/**
 * The `codeowners` npm package (gitignore semantics via `ignore`) as a comparison peer. It reads
 * CODEOWNERS from a directory, so the text is written to a temporary one. Each instance caches
 * every path (and parent) it has seen in every rule, so long runs use fresh instances per chunk.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Codeowners = require('codeowners');

export interface CodeownersPeer {
  /** A new instance (empty caches) reading the same file. */
  fresh(): { getOwner(file: string): string[] };
  dispose(): void;
}

/** Writes `text` as `.github/CODEOWNERS` of a temporary directory the package can read. */
export function codeownersPeer(text: string): CodeownersPeer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-peer-'));
  fs.mkdirSync(path.join(dir, '.github'));
  fs.writeFileSync(path.join(dir, '.github', 'CODEOWNERS'), text);
  return {
    fresh: () => new Codeowners(dir),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The peer's owners as GitHub would list them: its naive split leaves '' for trailing blanks and keeps inline comments. */
export function normalizePeerOwners(owners: readonly string[]): string[] {
  const out: string[] = [];
  for (const o of owners) {
    if (o.startsWith('#')) break;
    if (o !== '') out.push(o);
  }
  return out;
}

/** Owners of each path per the peer, using a fresh instance every `chunk` paths to bound memory. */
export function peerOwnersOf(
  peer: CodeownersPeer,
  paths: readonly string[],
  chunk = 500,
): string[][] {
  const out: string[][] = [];
  let instance = peer.fresh();
  paths.forEach((p, i) => {
    if (i > 0 && i % chunk === 0) instance = peer.fresh();
    out.push(normalizePeerOwners(instance.getOwner(p)));
  });
  return out;
}

/**
 * Where the peer (gitignore) and GitHub's documented semantics may differ, hence where the peer's
 * answer may differ from ours:
 * - `dir-star`: a later rule `dir/*` matches a parent directory of the path; gitignore then takes
 *   everything below it, while GitHub's docs say `docs/*` does not own `docs/build-app/x.md`;
 * - `case`: `ignore` matches case-insensitively, GitHub's CODEOWNERS paths are case-sensitive.
 * `unexplained` is any other difference: a bug on one side.
 */
export type Divergence = 'dir-star' | 'case' | 'unexplained';

/** Explains why the peer's owners differ from those of our winning rule `ours` (-1: none). */
export function explainDivergence(
  rules: readonly { pattern: string; owners: string[] }[],
  regexes: readonly RegExp[],
  file: string,
  ours: number,
  peer: readonly string[],
): Divergence {
  const parts = file.split('/');
  const ancestors = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  // The peer answers with the highest rule it considers matching: look among the rules after ours.
  for (let r = rules.length - 1; r > ours; r--) {
    const dirStar =
      /(^|\/)\*$/.test(rules[r].pattern) &&
      rules[r].pattern !== '*' &&
      ancestors.some(a => regexes[r].test(a));
    const caseless = new RegExp(regexes[r].source, 'i');
    const caseOnly = caseless.test(file) || ancestors.some(a => caseless.test(a));
    if (!dirStar && !caseOnly) continue;
    if (rules[r].owners.join(' ') !== peer.join(' ')) return 'unexplained';
    return dirStar ? 'dir-star' : 'case';
  }
  return 'unexplained';
}
