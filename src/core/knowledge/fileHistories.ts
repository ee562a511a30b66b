import type { FileAuthor } from './degreeOfAuthorship';
import type { KnowledgeCommit } from './types';

/** Per path, the commits that add, modify or rename to it (index into the commit list, and whether it adds). */
interface PathEvents {
  commits: number[];
  adds: boolean[];
}

/**
 * An index of the history by path, built in one pass over the commits (any order), from which
 * each file's history is read: the commits that add (A, and C, which creates its path), modify
 * (M, T) or rename (R) to its path and, for every rename from a path P, those on P, recursively.
 * Paths, not lineages: a deletion is not a change, and a path deleted and added again keeps its
 * earlier commits. Bots' commits are left out.
 */
export class HistoryIndex {
  private readonly byPath = new Map<string, PathEvents>();
  /** Per path, the paths renamed to it. */
  private readonly renamedFrom = new Map<string, Set<string>>();
  private readonly authors: string[] = [];
  /** Per person key, the first spelling seen. */
  private readonly spelling = new Map<string, string>();

  constructor(commits: Iterable<KnowledgeCommit>) {
    for (const c of commits) this.add(c);
  }

  /** Adds one commit (a new commit costs only itself). */
  add(c: KnowledgeCommit): void {
    if (c.isBot) return;
    const index = this.authors.length;
    const key = c.author.toLowerCase();
    this.authors.push(key);
    if (!this.spelling.has(key)) this.spelling.set(key, c.author);
    for (const change of c.changes) {
      if (change.status === 'D') continue;
      let e = this.byPath.get(change.path);
      if (!e) this.byPath.set(change.path, (e = { commits: [], adds: [] }));
      const adds = change.status === 'A' || change.status === 'C';
      // A commit that touches a path twice (rare: an add and a rename onto it) counts once.
      const last = e.commits.length - 1;
      if (last >= 0 && e.commits[last] === index) {
        e.adds[last] = e.adds[last] || adds;
      } else {
        e.commits.push(index);
        e.adds.push(adds);
      }
      if (change.status === 'R' && change.from !== undefined && change.from !== change.path) {
        let s = this.renamedFrom.get(change.path);
        if (!s) this.renamedFrom.set(change.path, (s = new Set()));
        s.add(change.from);
      }
    }
  }

  /** How a person key is spelled (the first spelling seen). */
  loginOf(key: string): string {
    return this.spelling.get(key) ?? key;
  }

  /** The paths whose commits make up `path`'s history: itself and, recursively, every path renamed to one of them. */
  pathsOf(path: string): string[] {
    const seen = new Set<string>([path]);
    const queue = [path];
    while (queue.length > 0) {
      const p = queue.pop()!;
      for (const from of this.renamedFrom.get(p) ?? [])
        if (!seen.has(from)) {
          seen.add(from);
          queue.push(from);
        }
    }
    return [...seen];
  }

  /** Per person (lowercased key), whether one of their commits adds the file and how many of their commits do not. */
  authorsOf(path: string): Map<string, FileAuthor> {
    const paths = this.renamedFrom.has(path) ? this.pathsOf(path) : [path];
    const out = new Map<string, FileAuthor>();
    if (paths.length === 1) {
      const e = this.byPath.get(path);
      if (e) for (let i = 0; i < e.commits.length; i++) this.count(out, e.commits[i], e.adds[i]);
      return out;
    }
    // A commit counts once per file, an add if any of its entries on the file's paths adds.
    const perCommit = new Map<number, boolean>();
    for (const p of paths) {
      const e = this.byPath.get(p);
      if (!e) continue;
      for (let i = 0; i < e.commits.length; i++)
        perCommit.set(e.commits[i], (perCommit.get(e.commits[i]) ?? false) || e.adds[i]);
    }
    for (const [commit, adds] of perCommit) this.count(out, commit, adds);
    return out;
  }

  private count(out: Map<string, FileAuthor>, commit: number, adds: boolean): void {
    const who = this.authors[commit];
    let a = out.get(who);
    if (!a) out.set(who, (a = { adds: false, changes: 0 }));
    if (adds) a.adds = true;
    else a.changes++;
  }
}
