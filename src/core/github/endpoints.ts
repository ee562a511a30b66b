/** The REST base (no trailing slash) and the GraphQL endpoint for `apiUrl` (README.md's command-line reference). */
export function apiEndpoints(apiUrl: string): { rest: string; graphql: string; origin: string } {
  const rest = apiUrl.replace(/\/+$/, '');
  const url = new URL(rest);
  // GitHub Enterprise Server serves REST at /api/v3 and GraphQL at /api/graphql.
  const graphql = /\/api\/v3$/.test(rest)
    ? rest.replace(/\/api\/v3$/, '/api/graphql')
    : `${rest}/graphql`;
  return { rest, graphql, origin: url.origin };
}
