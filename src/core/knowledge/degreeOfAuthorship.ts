/**
 * Degree of authorship (Avelino et al., "A novel approach for estimating truck factors", ICPC
 * 2016): FA = 1 when the person added the file, DL = their other changes to it, AC = the changes
 * by others (an add is never an acceptance).
 */
export function degreeOfAuthorship(
  firstAuthorship: boolean,
  deliveries: number,
  acceptances: number,
): number {
  return (
    3.293 +
    1.098 * (firstAuthorship ? 1 : 0) +
    0.164 * deliveries -
    0.321 * Math.log(1 + acceptances)
  );
}

/** The DOA every author of a file's history reaches; at least the base value marks authorship. */
export const AUTHORSHIP_THRESHOLD = 3.293;

/** One person's share in a file's history. */
export interface FileAuthor {
  adds: boolean;
  changes: number;
}

/**
 * Who knows a file, from each person's commits in its history: DOA above 0.75 times the highest
 * DOA on the file, and either DOA >= 3.293 or an add (FA = 1). Returns person keys.
 */
export function knowersOf(authors: ReadonlyMap<string, FileAuthor>): string[] {
  let total = 0;
  for (const a of authors.values()) total += a.changes;
  const doa = new Map<string, number>();
  let max = -Infinity;
  for (const [who, a] of authors) {
    const d = degreeOfAuthorship(a.adds, a.changes, total - a.changes);
    doa.set(who, d);
    if (d > max) max = d;
  }
  const out: string[] = [];
  for (const [who, d] of doa) {
    if (d > 0.75 * max && (d >= AUTHORSHIP_THRESHOLD || authors.get(who)!.adds)) out.push(who);
  }
  return out;
}
