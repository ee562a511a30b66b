import { createHash } from 'crypto';
import { GraphQLError } from 'graphql';
import { connection, PageArgs } from './connection';
import type { FakeDataset, FakePullRequest } from './dataset';

type Args = PageArgs & Record<string, unknown>;

function stateOf(p: FakePullRequest): 'MERGED' | 'CLOSED' | 'OPEN' {
  return p.state ?? (p.mergedAt ? 'MERGED' : 'OPEN');
}

function actor(login: string | null, type: 'User' | 'Bot' = 'User') {
  if (login === null) return null;
  // GitHub's Bot logins carry no "[bot]" suffix in GraphQL; REST adds it.
  return { __typename: type, login: type === 'Bot' ? login.replace(/\[bot\]$/, '') : login };
}

function pullRequestNode(p: FakePullRequest, repo: string) {
  const state = stateOf(p);
  const commits = p.commits ?? [{ authors: [{ name: p.author ?? 'ghost', login: p.author }] }];
  return {
    __typename: 'PullRequest',
    id: Buffer.from(`PR_${p.number}`).toString('base64'),
    number: p.number,
    title: p.title ?? `Pull request #${p.number}`,
    url: `https://github.com/${repo}/pull/${p.number}`,
    state,
    merged: state === 'MERGED',
    createdAt: p.createdAt ?? p.updatedAt,
    updatedAt: p.updatedAt,
    mergedAt: state === 'MERGED' ? p.mergedAt : null,
    closedAt: state === 'OPEN' ? null : (p.mergedAt ?? p.updatedAt),
    additions: p.files.reduce((s, f) => s + f.additions, 0),
    deletions: p.files.reduce((s, f) => s + f.deletions, 0),
    changedFiles: p.files.length,
    author: actor(p.author, p.authorType),
    files: (args: Args) =>
      connection(
        p.files.map(f => ({ __typename: 'PullRequestChangedFile', ...f, changeType: 'MODIFIED' })),
        args,
      ),
    commits: (args: Args) =>
      connection(
        commits.map((c, i) => ({
          __typename: 'PullRequestCommit',
          id: `PRC_${p.number}_${i}`,
          commit: {
            __typename: 'Commit',
            oid: createHash('sha1').update(`${p.number}/${i}`).digest('hex'),
            authors: (a: Args) =>
              connection(
                c.authors.map(x => ({
                  __typename: 'GitActor',
                  name: x.name,
                  email: `${x.name}@example.invalid`,
                  user: x.login === null ? null : { __typename: 'User', login: x.login },
                })),
                a,
              ),
          },
        })),
        args,
      ),
    reviews: (args: Args) => {
      const states = args.states as string[] | null | undefined;
      const reviews = p.reviews
        .filter(r => !states || states.includes(r.state))
        .map((r, i) => ({
          __typename: 'PullRequestReview',
          id: `R_${p.number}_${i}`,
          state: r.state,
          author: actor(r.author),
        }));
      return connection(reviews, args);
    },
  };
}

function compareBy(field: string, direction: string) {
  const key = field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt';
  const sign = direction === 'DESC' ? -1 : 1;
  return (a: FakePullRequest, b: FakePullRequest) => {
    const x = Date.parse((a[key] ?? a.updatedAt) as string);
    const y = Date.parse((b[key] ?? b.updatedAt) as string);
    return sign * (x - y || a.number - b.number);
  };
}

/** Root value for graphql-js `execute`: the parts of GitHub's schema the client and tests use. */
export function rootValue(
  getData: () => FakeDataset,
  rate: () => { remaining: number; resetAt: string },
  lookup?: (repo: string) => FakeDataset | undefined,
) {
  return {
    rateLimit: () => ({
      cost: 1,
      limit: 5000,
      nodeCount: 0,
      remaining: rate().remaining,
      resetAt: rate().resetAt,
      used: 5000 - rate().remaining,
    }),
    repository: (args: { owner: string; name: string }) => {
      const data = lookup?.(`${args.owner}/${args.name}`) ?? getData();
      if (`${args.owner}/${args.name}`.toLowerCase() !== data.repo.toLowerCase()) {
        throw new GraphQLError(
          `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
          { extensions: { type: 'NOT_FOUND' } },
        );
      }
      return {
        __typename: 'Repository',
        nameWithOwner: data.repo,
        name: data.repo.split('/')[1],
        object: (a: { expression?: string | null }) => {
          const m = /^(?:HEAD|[^:]+):(.+)$/.exec(a.expression ?? '');
          const text = m ? data.files?.[m[1]] : undefined;
          if (text === undefined) return null;
          const oid = createHash('sha1')
            .update(`blob ${Buffer.byteLength(text)}\0${text}`)
            .digest('hex');
          return {
            __typename: 'Blob',
            id: Buffer.from(`B_${oid}`).toString('base64'),
            oid,
            abbreviatedOid: oid.slice(0, 7),
            text,
            isBinary: false,
            isTruncated: false,
            byteSize: Buffer.byteLength(text),
          };
        },
        pullRequests: (a: Args) => {
          const states = a.states as string[] | null | undefined;
          const order = (a.orderBy as { field: string; direction: string } | null) ?? {
            field: 'CREATED_AT',
            direction: 'ASC',
          };
          const list = data.pullRequests
            .filter(p => !states || states.includes(stateOf(p)))
            .sort(compareBy(order.field, order.direction));
          return connection(
            list.map(p => pullRequestNode(p, data.repo)),
            a,
          );
        },
        pullRequest: (a: { number: number }) => {
          const p = data.pullRequests.find(x => x.number === a.number);
          if (!p)
            throw new GraphQLError(
              `Could not resolve to a PullRequest with the number of ${a.number}.`,
              { extensions: { type: 'NOT_FOUND' } },
            );
          return pullRequestNode(p, data.repo);
        },
      };
    },
  };
}

/** The REST representation of a pull request in list endpoints (no sizes: GitHub omits them there). */
export function restPullRequest(p: FakePullRequest, base: string, repo: string) {
  const state = stateOf(p);
  return {
    url: `${base}/repos/${repo}/pulls/${p.number}`,
    id: p.number,
    number: p.number,
    state: state === 'OPEN' ? 'open' : 'closed',
    title: p.title ?? `Pull request #${p.number}`,
    user: p.author === null ? null : { login: p.author, type: p.authorType ?? 'User' },
    created_at: p.createdAt ?? p.updatedAt,
    updated_at: p.updatedAt,
    closed_at: state === 'OPEN' ? null : (p.mergedAt ?? p.updatedAt),
    merged_at: state === 'MERGED' ? p.mergedAt : null,
  };
}

export function restSort(sort: string, direction: string) {
  return compareBy(
    sort === 'updated' ? 'UPDATED_AT' : 'CREATED_AT',
    direction === 'asc' ? 'ASC' : 'DESC',
  );
}

export { stateOf };
