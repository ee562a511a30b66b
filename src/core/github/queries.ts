/** GraphQL documents; every field is checked against GitHub's schema by the fake server's tests. */

const FILES = 'files(first: 100, after: $FILES) { pageInfo { hasNextPage endCursor } nodes { path additions deletions } }';
const REVIEWS = 'reviews(first: 100, after: $REVIEWS) { pageInfo { hasNextPage endCursor } nodes { state author { login } } }';

/** Merged pull requests, most recently updated first, each with its first 100 files and reviews. */
export const MERGED_PULL_REQUESTS = `query MergedPullRequests($owner: String!, $name: String!, $cursor: String, $pageSize: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: MERGED, orderBy: { field: UPDATED_AT, direction: DESC }, first: $pageSize, after: $cursor) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number updatedAt mergedAt
        author { __typename login }
        ${FILES.replace('after: $FILES', 'after: null')}
        ${REVIEWS.replace('after: $REVIEWS', 'after: null')}
      }
    }
  }
}`;

/** The next page of files and/or reviews of several pull requests in one request (aliases p0, p1, ...). */
export function morePagesQuery(wants: readonly { number: number; files?: string; reviews?: string }[]): { query: string; variables: Record<string, unknown> } {
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
    return `p${i}: pullRequest(number: ${Math.trunc(w.number)}) { number ${fields.join(' ')} }`;
  });
  const query = `query MorePages($owner: String!, $name: String!${decls.map(d => `, ${d}`).join('')}) {
  repository(owner: $owner, name: $name) { ${parts.join('\n    ')} }
}`;
  return { query, variables };
}
