import { disjointKey, provablyDisjoint } from '../match/disjoint';
import { parseCodeowners } from './codeownersFile';

/** One rule to write: a pattern and its owners, in OWNERS.yaml's order (last match wins). */
export interface ExportRow {
  pattern: string;
  owners: string[];
}

interface LayoutRule {
  pattern: string;
  owners: string[];
  /** The rule's line exactly as written, and the comment and blank lines above it. */
  raw: string;
  before: string[];
  /** Where the owners start in `raw` (keeps column alignment when owners change). */
  ownersColumn: number;
}

export const GENERATED_HEADER = [
  '# Generated from OWNERS.yaml by Ownership Lens; edit OWNERS.yaml, not this file.',
  '# Last matching pattern wins; a pattern with no owners leaves its paths unowned.',
];

function readLayout(text: string): { rules: LayoutRule[]; trailing: string[] } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const byLine = new Map(parseCodeowners(text).map(r => [r.line, r]));
  const rules: LayoutRule[] = [];
  let before: string[] = [];
  lines.forEach((raw, i) => {
    const rule = byLine.get(i + 1);
    if (!rule) {
      before.push(raw);
      return;
    }
    const afterPattern = raw.indexOf(rule.pattern) + rule.pattern.length;
    const firstOwner = rule.owners.length > 0 ? raw.indexOf(rule.owners[0], afterPattern) : -1;
    rules.push({
      pattern: rule.pattern,
      owners: rule.owners,
      raw,
      before,
      ownersColumn: firstOwner >= 0 ? firstOwner : afterPattern + 1,
    });
    before = [];
  });
  return { rules, trailing: before };
}

/**
 * CODEOWNERS text for `rows` that keeps an existing file's comments, blank lines, alignment and
 * rule order wherever that cannot change a winner: a row moves to its place in the old file only
 * past rows that provably match other paths or have the same owners. Unchanged rules keep their
 * exact line; new rules go after the rule they follow in OWNERS.yaml; removed rules disappear
 * (their comments stay).
 */
export function layoutCodeowners(rows: readonly ExportRow[], layoutText: string): string {
  const { rules, trailing } = readLayout(layoutText);
  const unused = new Map<string, number[]>();
  rules.forEach((r, i) => unused.set(r.pattern, [...(unused.get(r.pattern) ?? []), i]));
  // Desired place: the old rule's index; a new row goes just after the row before it.
  const match = rows.map(r => unused.get(r.pattern)?.shift());
  let last = -1;
  const want = rows.map((_, i) => (match[i] !== undefined ? (last = match[i]!) : last + 0.5));
  const keys = rows.map(r => disjointKey(r.pattern));
  const sameOwners = (a: ExportRow, b: ExportRow) => a.owners.join(' ') === b.owners.join(' ');
  const placed: number[] = [];
  rows.forEach((row, i) => {
    let at = placed.findIndex(j => want[j] > want[i]);
    if (at < 0) at = placed.length;
    for (let k = placed.length - 1; k >= at; k--) {
      const j = placed[k];
      if (!sameOwners(rows[j], row) && !provablyDisjoint(keys[j], keys[i])) {
        at = k + 1;
        break;
      }
    }
    placed.splice(at, 0, i);
  });
  const out: string[] = [];
  const hasHeader = layoutText.includes(GENERATED_HEADER[0]);
  if (!hasHeader) out.push(...GENERATED_HEADER);
  const usedRules = new Set(match.filter((m): m is number => m !== undefined));
  // Comments of removed rules stay, in their place among the kept ones.
  let pendingComments: string[] = [];
  const commentsFor = new Map<number, string[]>();
  rules.forEach((r, i) => {
    pendingComments.push(...r.before);
    if (usedRules.has(i)) {
      commentsFor.set(i, pendingComments);
      pendingComments = [];
    }
  });
  for (const i of placed) {
    const row = rows[i];
    const old = match[i] !== undefined ? rules[match[i]!] : undefined;
    if (old) out.push(...(commentsFor.get(match[i]!) ?? []));
    if (old && sameOwners(old, row)) out.push(old.raw);
    else if (row.owners.length === 0) out.push(row.pattern);
    else
      out.push(
        `${row.pattern.padEnd(old ? Math.max(old.ownersColumn - 1, row.pattern.length) : row.pattern.length)} ${row.owners.join(' ')}`,
      );
  }
  out.push(...pendingComments, ...trailing);
  return out.join('\n') + '\n';
}
