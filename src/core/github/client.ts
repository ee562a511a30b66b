import { Octokit } from '@octokit/rest';
import { GitHubError, redact } from './errors';
import { mergedPullRequestsQuery, morePagesQuery } from './queries';
import { createTransport, Transport, TransportOptions } from './transport';
import type { RepoRef, SyncedPullRequest } from './types';

interface Connection<T> { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] }
interface FileNode { path: string; additions: number; deletions: number }
interface ReviewNode { state: string; author: { login: string } | null }
interface CommitNode { commit: { authors: { nodes: ({ user: { login: string } | null } | null)[] | null } | null } | null }
interface PullNode {
  number: number; updatedAt: string; mergedAt: string; title?: string; url?: string;
  author: { __typename: string; login: string } | null;
  files: Connection<FileNode> | null;
  reviews: Connection<ReviewNode> | null;
  commits?: Connection<CommitNode> | null;
}
/** A pull request whose nested connections still have pages to read (cursors). */
interface Pending { pr: SyncedPullRequest; files?: string; reviews?: string; commits?: string }

/** How many pull requests' extra file/review pages one follow-up query asks for. */
const NESTED_BATCH = 10;
const MIN_PAGE = 10;

/** The GitHub operations a sync needs, over one counting transport. */
export interface GitHubClient {
  readonly transport: Transport;
  /**
   * Merged pull requests, most recently updated first, until one updated before `stopBefore`
   * (ISO) is seen; files and reviews complete (nested pages followed), and with `commitAuthors`
   * the GitHub users among the authors of its commits (co-authors included) in `commitAuthors`.
   */
  mergedPullRequests(repo: RepoRef, stopBefore: string, options?: { commitAuthors?: boolean }): Promise<SyncedPullRequest[]>;
  /** `updated_at` of the most recently updated closed pull request (REST, conditional: a 304 is free). */
  latestClosedUpdate(repo: RepoRef): Promise<string | undefined>;
}

/** Creates a client on @octokit/rest; `fetch` and the token are injected, see `createTransport`. */
export function createGitHubClient(options: TransportOptions & { pageSize?: number }): GitHubClient {
  const transport = createTransport(options);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const octokit = new Octokit({ baseUrl: options.apiUrl.replace(/\/+$/, ''), request: { fetch: transport.fetch }, log: silent, userAgent: 'ownership-lens' });
  const pageSize = options.pageSize ?? 100;
  const fail = (e: unknown): never => { throw toGitHubError(e, options.token); };

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await octokit.graphql<T>(query, variables);
    } catch (e) {
      return fail(e);
    }
  }

  async function completeNested(repo: RepoRef, prs: Map<number, Pending>) {
    const open = (p: Pending) => p.files !== undefined || p.reviews !== undefined || p.commits !== undefined;
    let pending = [...prs.values()].filter(open);
    while (pending.length) {
      const batch = pending.slice(0, NESTED_BATCH);
      const { query, variables } = morePagesQuery(batch.map(p => ({ number: p.pr.number, files: p.files, reviews: p.reviews, commits: p.commits })));
      const data = await graphql<{ repository: Record<string, { files?: Connection<FileNode>; reviews?: Connection<ReviewNode>; commits?: Connection<CommitNode> }> }>(query, { owner: repo.owner, name: repo.name, ...variables });
      batch.forEach((p, i) => {
        const node = data.repository[`p${i}`];
        if (p.files !== undefined) {
          p.pr.files.push(...(node?.files?.nodes ?? []).map(fileOf));
          p.files = node?.files?.pageInfo.hasNextPage ? node.files.pageInfo.endCursor ?? undefined : undefined;
        }
        if (p.reviews !== undefined) {
          p.pr.reviews.push(...(node?.reviews?.nodes ?? []).map(reviewOf));
          p.reviews = node?.reviews?.pageInfo.hasNextPage ? node.reviews.pageInfo.endCursor ?? undefined : undefined;
        }
        if (p.commits !== undefined) {
          addCommitAuthors(p.pr, node?.commits);
          p.commits = node?.commits?.pageInfo.hasNextPage ? node.commits.pageInfo.endCursor ?? undefined : undefined;
        }
      });
      pending = pending.filter(open);
    }
  }

  return {
    transport,
    async mergedPullRequests(repo, stopBefore, fetchOptions = {}) {
      const stop = Date.parse(stopBefore);
      const withCommits = fetchOptions.commitAuthors === true;
      const query = mergedPullRequestsQuery({ commitAuthors: withCommits });
      const out: SyncedPullRequest[] = [];
      let cursor: string | null = null;
      let size = pageSize;
      // Ordered by UPDATED_AT, a pull request updated mid-sync jumps to the front: later pages then
      // repeat entries (merged by number) but never skip one; the next sync's probe sees the update.
      for (;;) {
        let data: { repository: { pullRequests: Connection<PullNode> } | null };
        try {
          data = await graphql(query, { owner: repo.owner, name: repo.name, cursor, pageSize: size });
        } catch (e) {
          // GitHub answers 502/timeouts for heavy pages (100 PRs x 100 files); smaller pages get through.
          if (!(e instanceof GitHubError) || (e.kind !== 'server' && e.kind !== 'network') || size <= MIN_PAGE) throw e;
          size = Math.max(MIN_PAGE, Math.floor(size / 2));
          options.log?.(`GitHub: retrying with pages of ${size} pull requests`);
          continue;
        }
        if (!data.repository) throw new GitHubError('not-found', `Repository ${repo.owner}/${repo.name} not found (or the token cannot see it).`);
        const page = data.repository.pullRequests;
        const nested = new Map<number, Pending>();
        let reachedStop = false;
        for (const n of page.nodes) {
          if (Date.parse(n.updatedAt) < stop) { reachedStop = true; break; }
          const pr: SyncedPullRequest = {
            number: n.number, updatedAt: n.updatedAt, mergedAt: n.mergedAt,
            // A deleted account shows as null; GitHub displays it as "ghost".
            author: n.author?.login ?? 'ghost', authorIsBot: n.author?.__typename === 'Bot',
            files: (n.files?.nodes ?? []).map(fileOf), reviews: (n.reviews?.nodes ?? []).map(reviewOf),
          };
          if (typeof n.title === 'string') pr.title = n.title;
          if (typeof n.url === 'string') pr.url = n.url;
          if (withCommits) addCommitAuthors(pr, n.commits);
          out.push(pr);
          const files = n.files?.pageInfo.hasNextPage ? n.files.pageInfo.endCursor ?? undefined : undefined;
          const reviews = n.reviews?.pageInfo.hasNextPage ? n.reviews.pageInfo.endCursor ?? undefined : undefined;
          const commits = withCommits && n.commits?.pageInfo.hasNextPage ? n.commits.pageInfo.endCursor ?? undefined : undefined;
          if (files !== undefined || reviews !== undefined || commits !== undefined) nested.set(pr.number, { pr, files, reviews, commits });
        }
        await completeNested(repo, nested);
        if (reachedStop || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out;
        cursor = page.pageInfo.endCursor;
      }
    },
    async latestClosedUpdate(repo) {
      try {
        const res = await octokit.rest.pulls.list({ owner: repo.owner, repo: repo.name, state: 'closed', sort: 'updated', direction: 'desc', per_page: 1 });
        return res.data[0]?.updated_at;
      } catch (e) {
        return fail(e);
      }
    },
  };
}

function fileOf(f: FileNode) {
  return { path: f.path, additions: f.additions, deletions: f.deletions };
}

/** Adds the GitHub users among a page of commits' authors, each once (logins compare case-insensitively). */
function addCommitAuthors(pr: SyncedPullRequest, commits: Connection<CommitNode> | null | undefined): void {
  const list = pr.commitAuthors ?? (pr.commitAuthors = []);
  const seen = new Set(list.map(l => l.toLowerCase()));
  for (const c of commits?.nodes ?? []) {
    for (const a of c?.commit?.authors?.nodes ?? []) {
      const login = a?.user?.login;
      if (login && !seen.has(login.toLowerCase())) {
        seen.add(login.toLowerCase());
        list.push(login);
      }
    }
  }
}

function reviewOf(r: ReviewNode) {
  return { author: r.author?.login ?? 'ghost', state: r.state };
}

/** Octokit's errors as GitHubError with a message a person can act on, without the token. */
export function toGitHubError(e: unknown, token: string): GitHubError {
  if (e instanceof GitHubError) return e;
  // Octokit wraps whatever its fetch throws in a RequestError (status 500) with the original as `cause`.
  const cause = (e as { cause?: unknown })?.cause;
  if (cause instanceof GitHubError) return cause;
  const err = e as { status?: number; message?: string; errors?: { message?: string; type?: string }[] };
  const message = redact(err?.errors?.map(x => x.message).join('; ') || err?.message || String(e), token);
  switch (err?.status) {
    case 401: return new GitHubError('unauthorized', 'GitHub rejected the token (401 Bad credentials): set a valid GITHUB_TOKEN or GH_TOKEN.');
    case 403: return new GitHubError('forbidden', `GitHub refused the request (403): ${message}`);
    case 404: return new GitHubError('not-found', `Not found on GitHub (404): ${message}`);
  }
  if (err?.errors?.some(x => x.type === 'NOT_FOUND')) return new GitHubError('not-found', `${message} (or the token cannot see it)`);
  if (err?.errors) return new GitHubError('graphql', `GitHub GraphQL error: ${message}`);
  return new GitHubError('server', `GitHub request failed: ${message}`);
}
