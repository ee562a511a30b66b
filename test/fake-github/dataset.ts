/** A pull request as the fake server stores it (GitHub's view, before our client reduces it). */
export interface FakePullRequest {
  number: number;
  author: string | null;
  authorType?: 'User' | 'Bot';
  state?: 'MERGED' | 'CLOSED' | 'OPEN';
  createdAt?: string;
  updatedAt: string;
  mergedAt: string | null;
  files: { path: string; additions: number; deletions: number }[];
  reviews: { author: string | null; state: string }[];
  /** Default `Pull request #N`. */
  title?: string;
  /**
   * Its commits, each with its authors (the commit author, then `Co-authored-by:` trailers), as GitHub
   * resolves them: `login` null for an identity that is no GitHub user. Default: one commit by the author.
   */
  commits?: { authors: { name: string; login: string | null }[] }[];
}

/** What `--data FILE` holds. */
export interface FakeDataset {
  repo: string;
  pullRequests: FakePullRequest[];
  /** Files on the default branch (GraphQL `object(expression: "HEAD:path")`), e.g. OWNERS.yaml. */
  files?: Record<string, string>;
  /** REST `pushed_at` in the organisation's repository list (default: the newest pull request's update). */
  pushedAt?: string;
}

/** Checks the shape of a dataset read from disk; throws with the first problem. */
export function checkDataset(value: unknown): FakeDataset {
  const d = value as FakeDataset;
  if (
    !d ||
    typeof d.repo !== 'string' ||
    !/^[^/]+\/[^/]+$/.test(d.repo) ||
    !Array.isArray(d.pullRequests)
  ) {
    throw new Error('dataset must be {"repo": "owner/name", "pullRequests": [...]}');
  }
  d.pullRequests.forEach((p, i) => {
    if (
      !Number.isInteger(p.number) ||
      typeof p.updatedAt !== 'string' ||
      !Array.isArray(p.files) ||
      !Array.isArray(p.reviews)
    ) {
      throw new Error(`pullRequests[${i}] is malformed`);
    }
  });
  return d;
}
