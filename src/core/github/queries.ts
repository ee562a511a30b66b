/** GraphQL documents; every field is checked against GitHub's schema by the fake server's tests. */

const FILES =
  'files(first: 100, after: $FILES) { pageInfo { hasNextPage endCursor } nodes { path additions deletions } }';
const REVIEWS =
  'reviews(first: 100, after: $REVIEWS) { pageInfo { hasNextPage endCursor } nodes { state author { login } } }';
/**
 * Commit authors (co-authors from `Co-authored-by:` trailers included) for docs/figures.md ("Which changes count") co-author
 * credit. GitHub's cost counts one request per nested connection, so commits per pull request set
 * the price of a page of 100: 10 commits cost 13 points (25: 28, 100: 103); the few longer pull
 * requests (5 of 1,746 in cluster-api's history) take overflow pages. A commit's first 10 authors
 * are read (more than 10 co-authors on one commit are not).
 */
export const COMMITS_PER_PAGE = 10;
const COMMITS = `commits(first: ${COMMITS_PER_PAGE}, after: $COMMITS) { pageInfo { hasNextPage endCursor } nodes { commit { authors(first: 10) { nodes { user { login } } } } } }`;

export interface MergedQueryOptions {
  /** Also read commit authors (only when co-author credit is on: it costs GraphQL points). */
  commitAuthors?: boolean;
}

/** Merged pull requests, most recently updated first, each with its first 100 files and reviews (and 25 commits). */
export function mergedPullRequestsQuery(o: MergedQueryOptions = {}): string {
  return `query MergedPullRequests($owner: String!, $name: String!, $cursor: String, $pageSize: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: MERGED, orderBy: { field: UPDATED_AT, direction: DESC }, first: $pageSize, after: $cursor) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number updatedAt mergedAt title url
        author { __typename login }
        ${FILES.replace('after: $FILES', 'after: null')}
        ${REVIEWS.replace('after: $REVIEWS', 'after: null')}${o.commitAuthors ? `\n        ${COMMITS.replace('after: $COMMITS', 'after: null')}` : ''}
      }
    }
  }
}`;
}

/** The next page of files, reviews and/or commits of several pull requests in one request (aliases p0, p1, ...). */
export function morePagesQuery(
  wants: readonly { number: number; files?: string; reviews?: string; commits?: string }[],
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const decls: string[] = [];
  const parts = wants.map((w, i) => {
    const fields: string[] = [];
    if (w.files !== undefined) {
      decls.push(`$f${i}: String`);
      variables[`f${i}`] = w.files;
      fields.push(FILES.replace('$FILES', `$f${i}`));
    }
    if (w.reviews !== undefined) {
      decls.push(`$r${i}: String`);
      variables[`r${i}`] = w.reviews;
      fields.push(REVIEWS.replace('$REVIEWS', `$r${i}`));
    }
    if (w.commits !== undefined) {
      decls.push(`$c${i}: String`);
      variables[`c${i}`] = w.commits;
      fields.push(COMMITS.replace('$COMMITS', `$c${i}`));
    }
    return `p${i}: pullRequest(number: ${Math.trunc(w.number)}) { number ${fields.join(' ')} }`;
  });
  const query = `query MorePages($owner: String!, $name: String!${decls.map(d => `, ${d}`).join('')}) {
  repository(owner: $owner, name: $name) { ${parts.join('\n    ')} }
}`;
  return { query, variables };
}
