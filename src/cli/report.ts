import * as path from 'path';
import { tokenFromEnvironment } from '../core/github/token';
import { GitHubError } from '../core/github/errors';
import { syncPullRequests } from '../core/github/sync';
import { parseRepo, RepoRef } from '../core/github/types';
import { repositoryFigures } from '../core/figures/repository';
import { reportJson } from '../core/figures/reportJson';
import { teamOnlyWanted } from '../core/figures/teamOnly';
import { readGitattributes } from '../node/gitattributesFile';
import { createOwnershipIndex } from '../core/owners/resolve';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners, requireReadable } from './loadOwners';
import { runFromGit } from './reportFromGit';
import { runRepos } from './reportRepos';
import { now, nowMs } from '../core/clock';
import { outcomeReader } from './outcomes';
import { teamOutcomes } from '../node/outcomes/teamOutcomes';
import { apiUrlOption, defaultCacheDir, gitRemoteRepo, reportWindow } from './reportOptions';
import { formatReport } from './reportText';

// Kept importable from here: tests and older callers name them as part of `report`.
export { apiUrlOption, defaultCacheDir, gitRemoteRepo, reportWindow } from './reportOptions';
export { formatReport, inPracticeLines } from './reportText';

/** `report`: docs/figures.md ("Lead authorship") lead-authorship figures from GitHub's merged pull requests. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const from = stringOption(args, 'from') ?? 'github';
  if (from !== 'github' && from !== 'git')
    throw new UsageError(`--from must be github or git, not "${from}"`);
  if (from === 'git') return runFromGit(args, io);
  if (args.options.has('branch'))
    throw new UsageError(
      '--branch is for --from git (the GitHub source reads merged pull requests)',
    );
  if ((args.values.get('repo')?.length ?? 0) > 1) return runRepos(args, io);
  const loaded = loadOwners(args, io);
  const { root, parsed } = loaded;
  requireReadable(loaded, io, 'figures');
  const model = parsed.model;
  const window = reportWindow(args, model.metrics.windowDays, now());
  const apiUrl = apiUrlOption(args);
  const repo = await repoOption(args, root);
  const token = tokenFromEnvironment(io.env);
  if (!token)
    throw new UsageError(
      "report needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (a token that can read the repository's pull requests).",
    );
  const attributesOption = stringOption(args, 'attributes');
  const attributes = readGitattributes(
    root,
    attributesOption === undefined ? undefined : path.resolve(io.cwd, attributesOption),
  );
  if (attributes.kind === 'unreadable')
    throw new UsageError(
      `cannot read ${attributes.file} for linguist-generated: ${attributes.reason}`,
    );
  const teamOnly = teamOnlyWanted(model, args.options.has('team-only'));

  const cacheDir = args.options.has('no-cache')
    ? undefined
    : path.resolve(io.cwd, stringOption(args, 'cache-dir') ?? defaultCacheDir(io.env));
  let sync;
  try {
    sync = await syncPullRequests({
      github: { token, apiUrl, fetch: globalThis.fetch, log: line => io.err(`${line}\n`) },
      repo,
      since: `${window.since}T00:00:00Z`,
      cacheDir,
      log: line => io.err(`${line}\n`),
      commitAuthors: model.metrics.creditCoAuthors,
    });
  } catch (e) {
    if (e instanceof GitHubError) {
      io.err(`ownership-lens: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { report } = repositoryFigures(
    {
      index: createOwnershipIndex(model),
      changes: sync.pullRequests,
      generated: attributes.generated,
    },
    { flag: window },
    teamOnly,
  );
  const outcomes = await teamOutcomes(
    model,
    outcomeReader(loaded, args, io),
    report.teams.map(t => t.team),
    report.window,
    nowMs(),
  );
  const json = reportJson(
    { repo: `${repo.owner}/${repo.name}`, source: 'github' },
    report,
    outcomes,
    sync.apiRequests,
  );
  io.out(
    args.options.has('json')
      ? `${JSON.stringify(json, null, 2)}\n`
      : formatReport(json.repo, report, sync.apiRequests, 'github', {
          byTeam: outcomes,
          unit: id => model.outcomes.get(id)?.unit,
        }),
  );
  return 0;
}

async function repoOption(args: CliArgs, root: string): Promise<RepoRef> {
  const given = stringOption(args, 'repo');
  if (given !== undefined) {
    const repo = parseRepo(given);
    if (!repo) throw new UsageError(`--repo must be OWNER/NAME, not "${given}"`);
    return repo;
  }
  const repo = await gitRemoteRepo(root);
  if (!repo)
    throw new UsageError(
      'cannot tell the GitHub repository from the git remote "origin"; pass --repo OWNER/NAME',
    );
  return repo;
}
