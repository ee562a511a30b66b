import { Octokit } from '@octokit/rest';
import { toGitHubError } from './client';
import { createTransport, Transport, TransportOptions } from './transport';
import type { RepoRef } from './types';
import { OWNERS_FILE_LOCATIONS } from '../owners/locations';

export interface OrgRepository {
  repo: string;
  pushedAt: string;
  archived: boolean;
}

/** Looked up on the default branch; the first that exists is the repository's. */
const OWNERS_PATHS = OWNERS_FILE_LOCATIONS;
/** Repositories per OWNERS.yaml query (3 paths each): one request answers this many. */
const BATCH = 25;

export interface OrgClient {
  readonly transport: Transport;
  /** Every repository of the organisation (REST, 100 a page). */
  repositories(org: string): Promise<OrgRepository[]>;
  /**
   * Each repository's OWNERS.yaml (path and text; null when it has none) and root `.gitattributes`
   * (docs/figures.md ("Which changes count"): generated files) on its default branch: one request per 25 repositories.
   */
  repositoryFiles(repos: readonly RepoRef[]): Promise<Map<string, RepositoryFiles>>;
}

/** `found` false: GitHub answered no repository (it does not exist, or the token cannot see it). */
export interface RepositoryFiles {
  owners: { path: string; text: string } | null;
  gitattributes: string | null;
  found: boolean;
}

export function createOrgClient(options: TransportOptions): OrgClient {
  const transport = createTransport(options);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const octokit = new Octokit({
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    request: { fetch: transport.fetch },
    log: silent,
    userAgent: 'ownership-lens',
  });
  return {
    transport,
    async repositories(org) {
      try {
        const list = await octokit.paginate(octokit.rest.repos.listForOrg, {
          org,
          type: 'all',
          per_page: 100,
        });
        return list.map(r => ({
          repo: r.full_name,
          pushedAt: r.pushed_at ?? '',
          archived: r.archived ?? false,
        }));
      } catch (e) {
        throw toGitHubError(e, options.token);
      }
    },
    repositoryFiles: files,
  };

  async function files(repos: readonly RepoRef[]) {
    const out = new Map<string, RepositoryFiles>();
    for (let i = 0; i < repos.length; i += BATCH) {
      const batch = repos.slice(i, i + BATCH);
      const vars: Record<string, string> = {};
      const fields = batch.map((r, k) => {
        vars[`o${k}`] = r.owner;
        vars[`n${k}`] = r.name;
        const paths = [...OWNERS_PATHS, '.gitattributes'];
        const files = paths
          .map(
            (p, j) =>
              `f${j}: object(expression: ${JSON.stringify(`HEAD:${p}`)}) { ... on Blob { text isBinary } }`,
          )
          .join(' ');
        return `r${k}: repository(owner: $o${k}, name: $n${k}) { ${files} }`;
      });
      const query = `query(${batch.map((_, k) => `$o${k}: String!, $n${k}: String!`).join(', ')}) { ${fields.join('\n')} }`;
      let data: Record<
        string,
        Record<string, { text: string | null; isBinary: boolean | null } | null> | null
      >;
      try {
        data = await octokit.graphql(query, vars);
      } catch (e) {
        // A repository gone since the listing: GitHub answers the others and an error for it.
        const partial = (e as { data?: typeof data }).data;
        if (!partial) throw toGitHubError(e, options.token);
        data = partial;
      }
      batch.forEach((r, k) => {
        const node = data[`r${k}`];
        const j = node
          ? OWNERS_PATHS.findIndex(
              (_, x) => typeof node[`f${x}`]?.text === 'string' && !node[`f${x}`]?.isBinary,
            )
          : -1;
        const attributes = node?.[`f${OWNERS_PATHS.length}`];
        out.set(`${r.owner}/${r.name}`, {
          owners: j >= 0 ? { path: OWNERS_PATHS[j], text: node![`f${j}`]!.text! } : null,
          gitattributes:
            attributes && typeof attributes.text === 'string' && !attributes.isBinary
              ? attributes.text
              : null,
          found: !!node,
        });
      });
    }
    return out;
  }
}
