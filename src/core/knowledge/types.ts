/** One name-status entry of a commit (`git log --name-status -M`). */
export interface PathChange {
  /** A added, M modified, T type changed, R renamed, D deleted, C copied. */
  status: 'A' | 'M' | 'T' | 'R' | 'D' | 'C';
  /** The path after the change. */
  path: string;
  /** R and C: the path before. */
  from?: string;
}

/** One commit that is not a merge, its author already mapped (see core/people/mapAuthor). */
export interface KnowledgeCommit {
  hash: string;
  /** A login, or the lowercased email of an author who maps to none. */
  author: string;
  isBot: boolean;
  /** Committer date, seconds since the epoch. */
  committedAt: number;
  changes: PathChange[];
}

/** Who knows a part of the repository (the `knowledge` figure). */
export interface KnowledgeFigures {
  files: number;
  knownFiles: number;
  /** The top 5 by files known, then login. */
  holders: { login: string; files: number }[];
  /** Avelino's greedy truck factor over these files. */
  busFactor: number;
}
