import type { KnowledgeFigures } from './types';

/** `a` before `b` as JavaScript's `<` orders lowercased logins. */
export function loginOrder(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The knowledge figure over a set of files, each given as the keys of the people who know it
 * (an empty list: known by no one). `display` spells a key for people.
 * Greedy truck factor: while at least half of the files are known by someone not yet removed,
 * remove the person who knows the most files (ties: lowercased login first) and count one.
 */
export function knowledgeOver(
  files: readonly (readonly string[])[],
  display: (key: string) => string = k => k,
): KnowledgeFigures {
  const counts = new Map<string, number>();
  let knownFiles = 0;
  for (const f of files) {
    if (f.length > 0) knownFiles++;
    for (const who of f) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const ranked = [...counts]
    .map(([key, n]) => ({ key, login: display(key), files: n }))
    .sort((a, b) => b.files - a.files || loginOrder(a.login, b.login));
  return {
    files: files.length,
    knownFiles,
    holders: ranked.slice(0, 5).map(h => ({ login: h.login, files: h.files })),
    busFactor: greedyTruckFactor(
      files,
      ranked.map(r => r.key),
    ),
  };
}

/** `order`: people by files known, most first (the greedy step's order, since knowing never changes). */
function greedyTruckFactor(
  files: readonly (readonly string[])[],
  order: readonly string[],
): number {
  const n = files.length;
  if (n === 0) return 0;
  // How many people not yet removed know each file; a file is covered while that is above 0.
  const remaining = files.map(f => f.length);
  let covered = remaining.filter(r => r > 0).length;
  const filesOf = new Map<string, number[]>();
  files.forEach((f, i) => {
    for (const who of f) {
      let l = filesOf.get(who);
      if (!l) filesOf.set(who, (l = []));
      l.push(i);
    }
  });
  let removed = 0;
  while (covered * 2 >= n && removed < order.length) {
    for (const i of filesOf.get(order[removed])!) if (--remaining[i] === 0) covered--;
    removed++;
  }
  return removed;
}
