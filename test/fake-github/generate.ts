import type { FakeDataset, FakePullRequest } from './dataset';

export interface GenerateOptions {
  repo?: string;
  /** Merged pull requests, updated one per hour going back from `newest`. */
  merged: number;
  /** Extra closed-but-not-merged and open pull requests mixed in. */
  closed?: number;
  open?: number;
  newest?: string;
  /** Numbers of pull requests given this many files (beyond GraphQL's 100 per page). */
  bigFiles?: Record<number, number>;
  bigReviews?: Record<number, number>;
  authors?: readonly string[];
}

const AUTHORS = ['alice', 'bob', 'carol', 'dave', 'erin', 'dependabot[bot]'];
const DIRS = ['services/checkout', 'services/search', 'web/app', 'docs', 'lib/util'];

/** A deterministic dataset: pull request n (1 = oldest) has (n mod 5)+1 files and one review. */
export function generateDataset(o: GenerateOptions): FakeDataset {
  const newest = Date.parse(o.newest ?? '2026-06-30T12:00:00Z');
  const authors = o.authors ?? AUTHORS;
  const total = o.merged + (o.closed ?? 0) + (o.open ?? 0);
  const kinds: ('MERGED' | 'CLOSED' | 'OPEN')[] = Array(o.merged).fill('MERGED');
  // Closed and open pull requests spread deterministically among the merged ones.
  for (let i = 0; i < (o.closed ?? 0); i++)
    kinds.splice((i * 37) % (kinds.length + 1), 0, 'CLOSED');
  for (let i = 0; i < (o.open ?? 0); i++) kinds.splice((i * 53) % (kinds.length + 1), 0, 'OPEN');
  const prs: FakePullRequest[] = kinds.map((kind, idx) => {
    const n = idx + 1;
    const at = new Date(newest - (total - n) * 3_600_000).toISOString();
    const author = authors[n % authors.length];
    const fileCount = o.bigFiles?.[n] ?? (n % 5) + 1;
    const reviewCount = o.bigReviews?.[n] ?? 1;
    return {
      number: n,
      author,
      authorType: author.endsWith('[bot]') ? 'Bot' : 'User',
      state: kind,
      createdAt: new Date(Date.parse(at) - 86_400_000).toISOString(),
      updatedAt: at,
      mergedAt: kind === 'MERGED' ? at : null,
      files: Array.from({ length: fileCount }, (_, i) => ({
        path: `${DIRS[(n + i) % DIRS.length]}/f${n}_${i}.ts`,
        additions: (n * 7 + i) % 40,
        deletions: (n + i) % 9,
      })),
      reviews: Array.from({ length: reviewCount }, (_, i) => ({
        author: authors[(n + 1 + i) % authors.length],
        state: i % 4 === 3 ? 'COMMENTED' : 'APPROVED',
      })),
    };
  });
  return { repo: o.repo ?? 'acme/shop', pullRequests: prs };
}
