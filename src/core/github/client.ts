import { Octokit } from '@octokit/rest';
import { GitHubError, redact } from './errors';
import { mergedPullRequestsQuery, morePagesQuery } from './queries';
import { createTransport, Transport, TransportOptions } from './transport';
import type { RepoRef, SyncedPullRequest } from './types';

interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface FileNode {
  path: string;
  additions: number;
  deletions: number;
}
interface ReviewNode {
  state: string;
  author: { login: string } | null;
}
interface CommitNode {
  commit: {
    authors: { nodes: ({ user: { login: string } | null } | null)[] | null } | null;
  } | null;
}
interface PullNode {
  number: number;
  updatedAt: string;
  mergedAt: string;
  title?: string;
  url?: string;
  author: { __typename: string; login: string } | null;
  files: Connection<FileNode> | null;
  reviews: Connection<ReviewNode> | null;
  commits?: Connection<CommitNode> | null;
}
/** A pull request whose nested connections still have pages to read (cursors). */
interface Pending {
  pr: SyncedPullRequest;
  files?: string;
  reviews?: string;
  commits?: string;
  /** Cursors already followed per connection: a repeat means GitHub would page forever. */
  seen: { files: Set<string>; reviews: Set<string>; commits: Set<string> };
}

/** How many pull requests' extra file/review pages one follow-up query asks for. */
const NESTED_BATCH = 10;
const MIN_PAGE = 10;
/** Pages of pull requests one run may read (500,000 pull requests at 100 a page). */
export const MAX_PAGES = 5_000;
/** Extra pages of files or reviews per pull request (GitHub lists at most 3,000 files: 30 pages). */
export const MAX_NESTED_PAGES = 100;

/** The next cursor of a connection, refusing a cursor already seen (an endless `hasNextPage`) and pages past `max`. */
function nextCursor(
  info: unknown,
  seen: Set<string>,
  what: string,
  max: number,
): string | undefined {
  const pageInfo = info as { hasNextPage?: unknown; endCursor?: unknown } | undefined;
  if (!pageInfo || pageInfo.hasNextPage !== true) return undefined;
  const cursor = pageInfo.endCursor;
  if (typeof cursor !== 'string' || cursor === '') return undefined;
  if (seen.has(cursor))
    throw new GitHubError(
      'invalid-answer',
      `GitHub returned the same page of ${what} twice (cursor repeated); stopped instead of asking forever.`,
    );
  if (seen.size >= max)
    throw new GitHubError(
      'limit',
      `GitHub listed more than ${max.toLocaleString('en')} pages of ${what} (the pages limit); stopped.`,
    );
  seen.add(cursor);
  return cursor;
}

/** A clear error for an answer that is not shaped like GitHub's. */
function garbage(what: string, value: unknown): GitHubError {
  let shown: string;
  try {
    shown =
      value === undefined ? 'an answer without data' : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = String(value);
  }
  return new GitHubError(
    'invalid-answer',
    `GitHub answered with something that is not ${what}: ${shown.slice(0, 120).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')}`,
  );
}

function isConnection(c: unknown): c is Connection<unknown> {
  const x = c as Connection<unknown> | null | undefined;
  return (
    !!x &&
    typeof x === 'object' &&
    Array.isArray(x.nodes) &&
    !!x.pageInfo &&
    typeof x.pageInfo === 'object'
  );
}

/** The GitHub operations a sync needs, over one counting transport. */
export interface GitHubClient {
  readonly transport: Transport;
  /**
   * Merged pull requests, most recently updated first, until one updated before `stopBefore`
   * (ISO) is seen; files and reviews complete (nested pages followed), and with `commitAuthors`
   * the GitHub users among the authors of its commits (co-authors included) in `commitAuthors`.
   */
  mergedPullRequests(
    repo: RepoRef,
    stopBefore: string,
    options?: { commitAuthors?: boolean },
  ): Promise<SyncedPullRequest[]>;
  /** `updated_at` of the most recently updated closed pull request (REST, conditional: a 304 is free). */
  latestClosedUpdate(repo: RepoRef): Promise<string | undefined>;
}

/** Creates a client on @octokit/rest; `fetch` and the token are injected, see `createTransport`. */
export function createGitHubClient(
  options: TransportOptions & { pageSize?: number },
): GitHubClient {
  const transport = createTransport(options);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const octokit = new Octokit({
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    request: { fetch: transport.fetch },
    log: silent,
    userAgent: 'ownership-lens',
  });
  const pageSize = options.pageSize ?? 100;
  const fail = (e: unknown): never => {
    throw toGitHubError(e, options.token);
  };

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await octokit.graphql<T>(query, variables);
    } catch (e) {
      return fail(e);
    }
  }

  async function completeNested(repo: RepoRef, prs: Map<number, Pending>) {
    const open = (p: Pending) =>
      p.files !== undefined || p.reviews !== undefined || p.commits !== undefined;
    let pending = [...prs.values()].filter(open);
    while (pending.length) {
      const batch = pending.slice(0, NESTED_BATCH);
      const { query, variables } = morePagesQuery(
        batch.map(p => ({
          number: p.pr.number,
          files: p.files,
          reviews: p.reviews,
          commits: p.commits,
        })),
      );
      const data = await graphql<{
        repository: Record<
          string,
          {
            files?: Connection<FileNode>;
            reviews?: Connection<ReviewNode>;
            commits?: Connection<CommitNode>;
          }
        >;
      }>(query, { owner: repo.owner, name: repo.name, ...variables });
      if (!data || typeof data.repository !== 'object' || data.repository === null)
        throw garbage('a page of files and reviews', data);
      batch.forEach((p, i) => {
        const node = data.repository[`p${i}`];
        if (p.files !== undefined) {
          if (node?.files && !isConnection(node.files))
            throw garbage('a page of files', node.files);
          p.pr.files.push(...(node?.files?.nodes ?? []).map(fileOf));
          p.files = nextCursor(
            node?.files?.pageInfo,
            p.seen.files,
            `files of pull request #${p.pr.number}`,
            MAX_NESTED_PAGES,
          );
        }
        if (p.reviews !== undefined) {
          if (node?.reviews && !isConnection(node.reviews))
            throw garbage('a page of reviews', node.reviews);
          p.pr.reviews.push(...(node?.reviews?.nodes ?? []).map(reviewOf));
          p.reviews = nextCursor(
            node?.reviews?.pageInfo,
            p.seen.reviews,
            `reviews of pull request #${p.pr.number}`,
            MAX_NESTED_PAGES,
          );
        }
        if (p.commits !== undefined) {
          addCommitAuthors(p.pr, node?.commits);
          p.commits = nextCursor(
            node?.commits?.pageInfo,
            p.seen.commits,
            `commits of pull request #${p.pr.number}`,
            MAX_NESTED_PAGES,
          );
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
      const seen = new Set<string>();
      // Ordered by UPDATED_AT, a pull request updated mid-sync jumps to the front: later pages then
      // repeat entries (merged by number) but never skip one; the next sync's probe sees the update.
      for (;;) {
        let data: { repository: { pullRequests: Connection<PullNode> } | null };
        try {
          data = await graphql(query, {
            owner: repo.owner,
            name: repo.name,
            cursor,
            pageSize: size,
          });
        } catch (e) {
          // GitHub answers 502/timeouts for heavy pages (100 PRs x 100 files); smaller pages get through.
          if (
            !(e instanceof GitHubError) ||
            e.retryCannotHelp ||
            (e.kind !== 'server' && e.kind !== 'network') ||
            size <= MIN_PAGE
          )
            throw e;
          size = Math.max(MIN_PAGE, Math.floor(size / 2));
          options.log?.(`GitHub: retrying with pages of ${size} pull requests`);
          continue;
        }
        if (!data || typeof data !== 'object' || !('repository' in data))
          throw garbage('a page of pull requests', data);
        if (!data.repository)
          throw new GitHubError(
            'not-found',
            `Repository ${repo.owner}/${repo.name} not found (or the token cannot see it).`,
          );
        const page = data.repository.pullRequests;
        if (!isConnection(page)) throw garbage('a page of pull requests', page);
        const nested = new Map<number, Pending>();
        let reachedStop = false;
        for (const n of page.nodes) {
          if (
            !n ||
            typeof n !== 'object' ||
            typeof n.number !== 'number' ||
            typeof n.updatedAt !== 'string'
          )
            throw garbage('a pull request', n);
          if (Date.parse(n.updatedAt) < stop) {
            reachedStop = true;
            break;
          }
          const pr: SyncedPullRequest = {
            number: n.number,
            updatedAt: n.updatedAt,
            mergedAt: n.mergedAt,
            // A deleted account shows as null; GitHub displays it as "ghost".
            author: n.author?.login ?? 'ghost',
            authorIsBot: n.author?.__typename === 'Bot',
            files: (n.files?.nodes ?? []).map(fileOf),
            reviews: (n.reviews?.nodes ?? []).map(reviewOf),
          };
          if (typeof n.title === 'string') pr.title = n.title;
          if (typeof n.url === 'string') pr.url = n.url;
          if (withCommits) addCommitAuthors(pr, n.commits);
          out.push(pr);
          const seen = {
            files: new Set<string>(),
            reviews: new Set<string>(),
            commits: new Set<string>(),
          };
          const files = nextCursor(
            n.files?.pageInfo,
            seen.files,
            `files of pull request #${n.number}`,
            MAX_NESTED_PAGES,
          );
          const reviews = nextCursor(
            n.reviews?.pageInfo,
            seen.reviews,
            `reviews of pull request #${n.number}`,
            MAX_NESTED_PAGES,
          );
          const commits = withCommits
            ? nextCursor(
                n.commits?.pageInfo,
                seen.commits,
                `commits of pull request #${n.number}`,
                MAX_NESTED_PAGES,
              )
            : undefined;
          if (files !== undefined || reviews !== undefined || commits !== undefined)
            nested.set(pr.number, { pr, files, reviews, commits, seen });
        }
        await completeNested(repo, nested);
        if (reachedStop) return out;
        const next = nextCursor(page.pageInfo, seen, 'pull requests', MAX_PAGES);
        if (next === undefined) return out;
        cursor = next;
      }
    },
    async latestClosedUpdate(repo) {
      try {
        const res = await octokit.rest.pulls.list({
          owner: repo.owner,
          repo: repo.name,
          state: 'closed',
          sort: 'updated',
          direction: 'desc',
          per_page: 1,
        });
        if (!Array.isArray(res.data)) throw garbage('a list of pull requests', res.data);
        const updated = (res.data[0] as { updated_at?: unknown } | undefined)?.updated_at;
        if (updated !== undefined && typeof updated !== 'string')
          throw garbage('a pull request', res.data[0]);
        return updated;
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
function addCommitAuthors(
  pr: SyncedPullRequest,
  commits: Connection<CommitNode> | null | undefined,
): void {
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
  const err = e as {
    status?: number;
    message?: string;
    errors?: { message?: string; type?: string }[];
  };
  const message = redact(
    err?.errors?.map(x => x.message).join('; ') || err?.message || String(e),
    token,
  );
  switch (err?.status) {
    case 401:
      return new GitHubError(
        'unauthorized',
        'GitHub rejected the token (401 Bad credentials): set a valid GITHUB_TOKEN or GH_TOKEN.',
      );
    case 403:
      return new GitHubError('forbidden', `GitHub refused the request (403): ${message}`);
    case 404:
      return new GitHubError('not-found', `Not found on GitHub (404): ${message}`);
  }
  if (err?.errors?.some(x => x.type === 'NOT_FOUND'))
    return new GitHubError('not-found', `${message} (or the token cannot see it)`);
  if (err?.errors) return new GitHubError('graphql', `GitHub GraphQL error: ${message}`);
  return new GitHubError('server', `GitHub request failed: ${message}`);
}
