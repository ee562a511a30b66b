import * as fs from 'fs';
import * as path from 'path';
import { buildClientSchema, GraphQLSchema, IntrospectionQuery } from 'graphql';

let cached: GraphQLSchema | undefined;

/**
 * GitHub's public GraphQL schema from @octokit/graphql-schema. The package is ESM-only with no
 * CommonJS export, so its file is read from node_modules directly; the introspection JSON is used
 * because the SDL copy (v15.26.1) defines two EnterpriseOwnerInfo fields twice and fails SDL validation.
 */
export function githubSchema(): GraphQLSchema {
  if (cached) return cached;
  cached = buildClientSchema(
    JSON.parse(fs.readFileSync(schemaFile(), 'utf8')) as IntrospectionQuery,
  );
  return cached;
}

function schemaFile(): string {
  // From this file (out/ or a dist bundle) upwards, then from the working directory upwards.
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const f = path.join(dir, 'node_modules', '@octokit', 'graphql-schema', 'schema.json');
      if (fs.existsSync(f)) return f;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(
    `@octokit/graphql-schema not found in any node_modules above ${__dirname} or ${process.cwd()}`,
  );
}
