import * as path from 'path';
import { tokenFromEnvironment } from '../core/github/token';
import { GitHubError } from '../core/github/errors';
import { createOrgClient } from '../core/github/orgClient';
import { syncPullRequests } from '../core/github/sync';
import { parseRepo, RepoRef } from '../core/github/types';
import { figuresAcrossRepositories } from '../core/figures/across';
import { reportJson, TeamOutcome } from '../core/figures/reportJson';
import { teamOnlyWanted } from '../core/figures/teamOnly';
import type { RepositoryPart } from '../core/metrics/acrossRepositories';
import { NO_GENERATED_FILES, parseGitattributes } from '../core/metrics/gitattributes';
import type { GeneratedFiles } from '../core/metrics/gitattributes';
import type { OwnersModel } from '../core/owners/model';
import { parseOwners } from '../core/owners/parse';
import { ownersLocationsText } from '../core/owners/locations';
import { createOwnershipIndex } from '../core/owners/resolve';
import { findOwnersFile, readOwnersText } from '../node/ownersFile';
import { readGitattributes } from '../node/gitattributesFile';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { apiUrlOption, defaultCacheDir, gitRemoteRepo, reportWindow } from './reportOptions';
import { formatReport } from './reportText';
import { now, nowMs } from '../core/clock';
import { allowList, tokenVariable } from '../core/outcomes/allowedHosts';
import { envTokens, OutcomeReader } from '../node/outcomes/outcomeReader';
import { teamOutcomes } from '../node/outcomes/teamOutcomes';

interface RepoInput {
  repo: RepoRef;
  name: string;
  model: OwnersModel;
  generated: GeneratedFiles;
  from: string;
  /** The local checkout, when the working directory is this repository (its `file` outcome sources are read there). */
  root?: string;
}

/**
 * `report --repo A --repo B ...`: one report over several repositories. Each repository's pull
 * requests are attributed with its own OWNERS.yaml and .gitattributes (the local checkout's when
 * the working directory is that repository, else read from the API), then every team is summed
 * over the union of the pull requests (docs/figures.md); team ids are organisation-wide.
 */
export async function runRepos(args: CliArgs, io: CliIO): Promise<number> {
  const refs = (args.values.get('repo') ?? []).map(given => {
    const repo = parseRepo(given);
    if (!repo) throw new UsageError(`--repo must be OWNER/NAME, not "${given}"`);
    return repo;
  });
  const names = refs.map(r => `${r.owner}/${r.name}`);
  const twice = names.find(
    (n, i) => names.findIndex(m => m.toLowerCase() === n.toLowerCase()) !== i,
  );
  if (twice) throw new UsageError(`--repo ${twice} is given twice`);
  const apiUrl = apiUrlOption(args);
  const token = tokenFromEnvironment(io.env);
  if (!token)
    throw new UsageError(
      "report needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (a token that can read the repositories' pull requests).",
    );
  const log = (line: string) => io.err(`${line}\n`);
  const github = { token, apiUrl, fetch: globalThis.fetch, log };
  const cacheDir = args.options.has('no-cache')
    ? undefined
    : path.resolve(io.cwd, stringOption(args, 'cache-dir') ?? defaultCacheDir(io.env));

  let apiRequests = 0;
  try {
    const inputs = await readRepositories(refs, args, io, github);
    apiRequests += inputs.requests;
    const first = inputs.repos[0].model;
    const window = reportWindow(args, first.metrics.windowDays, now());
    const parts: RepositoryPart[] = [];
    for (const r of inputs.repos) {
      const sync = await syncPullRequests({
        github,
        repo: r.repo,
        since: `${window.since}T00:00:00Z`,
        cacheDir,
        log,
        commitAuthors: r.model.metrics.creditCoAuthors,
      });
      apiRequests += sync.apiRequests;
      parts.push({
        name: r.name,
        index: createOwnershipIndex(r.model),
        generated: r.generated,
        pullRequests: sync.pullRequests,
      });
    }
    const report = figuresAcrossRepositories(
      parts,
      { flag: window },
      teamOnlyWanted(first, args.options.has('team-only')),
      log,
    ).result.report;
    const outcomes = await outcomesAcross(
      inputs.repos,
      report.teams.map(t => t.team),
      report.window,
      args,
      io,
    );
    const json = reportJson(
      { repo: names.join(','), repositories: names, source: 'github' },
      report,
      outcomes,
      apiRequests,
    );
    const unit = (id: string) => inputs.repos.map(r => r.model.outcomes.get(id)).find(o => o)?.unit;
    io.out(
      args.options.has('json')
        ? `${JSON.stringify(json, null, 2)}\n`
        : formatReport(json.repo, report, apiRequests, 'github', { byTeam: outcomes, unit }),
    );
    return 0;
  } catch (e) {
    if (e instanceof GitHubError) {
      io.err(`ownership-lens: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The local checkout's OWNERS.yaml for the repository it is a clone of; the API's for the others. */
async function readRepositories(
  refs: RepoRef[],
  args: CliArgs,
  io: CliIO,
  github: Parameters<typeof createOrgClient>[0],
): Promise<{ repos: RepoInput[]; requests: number }> {
  const local = findOwnersFile(io.cwd, stringOption(args, 'owners'));
  const localRepo = local ? await gitRemoteRepo(local.root) : undefined;
  const isLocal = (r: RepoRef) =>
    !!localRepo &&
    `${r.owner}/${r.name}`.toLowerCase() === `${localRepo.owner}/${localRepo.name}`.toLowerCase();
  const remote = refs.filter(r => !isLocal(r));
  const client = createOrgClient(github);
  const fetched = remote.length ? await client.repositoryFiles(remote) : new Map();
  const repos = refs.map((repo): RepoInput => {
    const name = `${repo.owner}/${repo.name}`;
    if (isLocal(repo)) {
      const attributes = readGitattributes(local!.root);
      return {
        repo,
        name,
        model: parseOwners(readLocal(local!.file, local!.root)).model,
        generated: attributes.kind === 'ok' ? attributes.generated : NO_GENERATED_FILES,
        from: local!.file,
        root: local!.root,
      };
    }
    const files = fetched.get(name);
    if (!files?.owners)
      throw new UsageError(
        `${name} has no OWNERS.yaml (looked at ${ownersLocationsText()} on its default branch)`,
      );
    const parsed = parseOwners(files.owners.text);
    if (parsed.diagnostics.some(d => d.severity === 'error'))
      io.err(`warning: ${name}'s ${files.owners.path} has errors; figures may be incomplete.\n`);
    return {
      repo,
      name,
      model: parsed.model,
      generated: files.gitattributes ? parseGitattributes(files.gitattributes) : NO_GENERATED_FILES,
      from: `${name}:${files.owners.path}`,
    };
  });
  return { repos, requests: client.transport.requests };
}

/** Unreadable input is bad usage (exit 2), as for every other command that reads OWNERS.yaml. */
function readLocal(file: string, root: string): string {
  try {
    return readOwnersText(file, undefined, root);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Each team's outcomes over the repositories, as `report` gives them for one (the first repository
 * to name an outcome gives it; each outcome once). A `file` source is read only from the local
 * checkout: another repository's file is not on this disk.
 */
async function outcomesAcross(
  repos: RepoInput[],
  teams: string[],
  window: { since: string; until: string },
  args: CliArgs,
  io: CliIO,
): Promise<Map<string, TeamOutcome[]>> {
  const allowedHosts = allowList(args.values.get('allow-host') ?? []);
  const tokenFor = envTokens(io.env, tokenVariable);
  const out = new Map<string, TeamOutcome[]>(teams.map(t => [t, []]));
  for (const r of repos) {
    if (r.model.outcomes.size === 0) continue;
    const reader = new OutcomeReader({ root: r.root, allowedHosts, tokenFor });
    for (const [team, list] of await teamOutcomes(r.model, reader, teams, window, nowMs())) {
      const seen = out.get(team)!;
      for (const o of list) if (!seen.some(x => x.outcome === o.outcome)) seen.push(o);
    }
  }
  return out;
}
