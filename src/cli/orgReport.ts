import * as fs from 'fs';
import { tokenFromEnvironment } from '../core/github/token';
import * as path from 'path';
import { GitHubError } from '../core/github/errors';
import { createOrgClient } from '../core/github/orgClient';
import { syncPullRequests } from '../core/github/sync';
import { parseRepo } from '../core/github/types';
import { windowReport } from '../core/figures/repository';
import { NO_GENERATED_FILES, parseGitattributes } from '../core/metrics/gitattributes';
import type { ReportWindow } from '../core/metrics/types';
import {
  buildOrgReport,
  mergeOrgReports,
  OrgReport,
  repoTeamCounts,
  RepoResult,
  shardOf,
} from '../core/org/orgFigures';
import { orgReportHtml, orgReportMarkdown } from '../core/org/orgRender';
import { checkShard } from '../core/org/orgShard';
import { writeFileNoFollow } from '../node/safeFiles';
import { DEFAULT_METRICS } from '../core/owners/model';
import { parseOwners } from '../core/owners/parse';
import { createOwnershipIndex } from '../core/owners/resolve';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { apiUrlOption, defaultCacheDir, reportWindow } from './reportOptions';
import { now } from '../core/clock';

const USAGE =
  'usage: ownership-lens org-report --org ORG [--shard K/N] [--out DIR] [--since YYYY-MM-DD] [--until YYYY-MM-DD] | [--days N] [--max-wait SECONDS]\n' +
  '       ownership-lens org-report merge FILE... [--out DIR]';

/** What the CLI remembers of the organisation between runs: each repository's OWNERS.yaml as of its last push. */
interface OwnersIndex {
  [repo: string]: {
    pushedAt: string;
    owners: { path: string; text: string } | null;
    gitattributes?: string | null;
  };
}
/** An unfinished run (stopped by the rate limit): the repositories already done, so a re-run resumes. */
interface RunState {
  window: ReportWindow;
  done: RepoResult[];
  apiRequests: number;
}

/** `org-report`: the lead-authorship figures of every team across the organisation's repositories that have an OWNERS.yaml. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  if (args.positionals[0] === 'merge') return merge(args, io);
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected "${args.positionals[0]}"\n${USAGE}`);
  const org = stringOption(args, 'org');
  if (!org) throw new UsageError(`--org is required\n${USAGE}`);
  if (!/^[A-Za-z0-9_.-]+$/.test(org))
    throw new UsageError(`--org must be an organisation login, not "${org}"`);
  const shard = shardOption(stringOption(args, 'shard'));
  const window = reportWindow(args, DEFAULT_METRICS.windowDays, now());
  const apiUrl = apiUrlOption(args);
  const token = tokenFromEnvironment(io.env);
  if (!token)
    throw new UsageError(
      "org-report needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (one that can list the organisation's repositories and read their pull requests).",
    );
  const maxWait = stringOption(args, 'max-wait') ?? '60';
  if (!/^\d+$/.test(maxWait))
    throw new UsageError(`--max-wait must be a number of seconds, not "${maxWait}"`);
  const outDir = path.resolve(io.cwd, stringOption(args, 'out') ?? '.');
  const cacheDir = path.resolve(io.cwd, stringOption(args, 'cache-dir') ?? defaultCacheDir(io.env));
  privateDirectory(cacheDir, stringOption(args, 'cache-dir') === undefined);
  const log = (line: string) => io.err(`${line}\n`);
  const github = { token, apiUrl, fetch: globalThis.fetch, maxWaitMs: Number(maxWait) * 1000, log };
  const key = `org_${new URL(apiUrl).host}_${org}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  const indexFile = path.join(cacheDir, `${key}.owners.json`);
  const runFile = path.join(
    cacheDir,
    `${key}_${shard ? `${shard.index}of${shard.count}` : 'all'}_${window.since}_${window.until}.run.json`,
  );
  const ownersIndex = readJson<OwnersIndex>(indexFile) ?? {};
  const resumed = readJson<RunState>(runFile);
  const state: RunState =
    resumed && resumed.window.since === window.since && resumed.window.until === window.until
      ? resumed
      : { window, done: [], apiRequests: 0 };
  if (state.done.length)
    log(`Resuming: ${state.done.length} repositories already done (${runFile}).`);

  const client = createOrgClient(github);
  let total = 0;
  try {
    const listed = (await client.repositories(org)).filter(
      r => !r.archived && (!shard || shardOf(r.repo, shard.count) === shard.index),
    );
    const stale = listed.filter(r => ownersIndex[r.repo]?.pushedAt !== r.pushedAt || !r.pushedAt);
    if (stale.length) {
      const found = await client.repositoryFiles(stale.map(r => parseRepo(r.repo)!));
      for (const r of stale)
        ownersIndex[r.repo] = {
          pushedAt: r.pushedAt,
          owners: found.get(r.repo)?.owners ?? null,
          gitattributes: found.get(r.repo)?.gitattributes ?? null,
        };
      writeJson(indexFile, ownersIndex);
    }
    const repos = listed
      .filter(r => ownersIndex[r.repo]?.owners)
      .map(r => r.repo)
      .sort();
    total = repos.length;
    const done = new Set(state.done.map(r => r.repo));
    for (const repo of repos) {
      if (done.has(repo)) continue;
      const owners = ownersIndex[repo].owners!;
      const parsed = parseOwners(owners.text);
      if (parsed.diagnostics.some(d => d.severity === 'error'))
        log(`warning: ${repo}'s ${owners.path} has errors; its figures may be incomplete.`);
      let sync;
      try {
        sync = await syncPullRequests({
          github,
          repo: parseRepo(repo)!,
          since: `${window.since}T00:00:00Z`,
          cacheDir,
          log,
        });
      } catch (e) {
        if (
          e instanceof GitHubError &&
          e.kind !== 'rate-limited' &&
          e.kind !== 'unauthorized' &&
          e.kind !== 'network'
        ) {
          log(`warning: ${repo} left out: ${e.message}`);
          continue;
        }
        throw e;
      }
      // docs/figures.md ("Which changes count"): files the repository's .gitattributes marks linguist-generated count nowhere.
      const generated = ownersIndex[repo].gitattributes
        ? parseGitattributes(ownersIndex[repo].gitattributes!)
        : NO_GENERATED_FILES;
      const report = windowReport(
        { index: createOwnershipIndex(parsed.model), changes: sync.pullRequests, generated },
        window,
      );
      const { minPullRequests, leadShareThreshold, watchThreshold } = parsed.model.metrics;
      state.done.push({
        repo,
        ownersPath: owners.path,
        pullRequests: report.pullRequests,
        apiRequests: sync.apiRequests,
        cache: sync.cache,
        thresholds: { minPullRequests, leadShareThreshold, watchThreshold },
        teams: repoTeamCounts(report),
      });
      state.apiRequests += sync.apiRequests;
      writeJson(runFile, state);
    }
  } catch (e) {
    if (!(e instanceof GitHubError)) throw e;
    const again = `run the same command again${e.resetAt ? ` after ${e.resetAt.toISOString().slice(11, 16)} UTC` : ''}`;
    if (state.done.length === 0) {
      // Nothing to resume from; the OWNERS.yaml index, if read, is saved apart.
      fs.rmSync(runFile, { force: true });
      io.err(`ownership-lens: ${e.message}\nStopped before any repository was done; ${again}.\n`);
    } else {
      state.apiRequests += client.transport.requests;
      writeJson(runFile, state);
      io.err(
        `ownership-lens: ${e.message}\nStopped with ${state.done.length}${total ? ` of ${total}` : ''} repositories done; ${again} to resume from ${runFile}.\n`,
      );
    }
    return e.kind === 'rate-limited' ? 3 : 1;
  }
  const report = buildOrgReport({
    org,
    window,
    shard,
    shards: shard ? [shard.index] : [1],
    generatedAt: now().toISOString(),
    apiRequests: state.apiRequests + client.transport.requests,
    repositories: state.done,
  });
  const written = writeReport(
    report,
    outDir,
    shard ? `org-report-${shard.index}-of-${shard.count}` : 'org-report',
  );
  fs.rmSync(runFile, { force: true });
  if (args.options.has('json')) io.out(JSON.stringify(report, null, 2) + '\n');
  else
    io.out(
      `${org}: ${report.repositories.length} repositories, ${report.teams.length} teams, ${report.pullRequests} pull requests, ${report.apiRequests} API requests\n${written.join('\n')}\n`,
    );
  return 0;
}

/** `org-report merge FILE...`: the slices of every shard as one report. */
async function merge(args: CliArgs, io: CliIO): Promise<number> {
  const files = args.positionals.slice(1);
  if (files.length === 0)
    throw new UsageError(`merge needs the JSON files of the shards\n${USAGE}`);
  const parts = files.map(f => {
    const parsed = readJson<unknown>(path.resolve(io.cwd, f), true);
    if (parsed === undefined) throw new UsageError(`${f}: no such file`);
    // Field by field before merging: a shard file is JSON anyone may have edited.
    try {
      return checkShard(parsed, f);
    } catch (e) {
      throw new UsageError(`cannot merge: ${(e as Error).message}`);
    }
  });
  let report: OrgReport;
  try {
    report = mergeOrgReports(parts, now().toISOString());
  } catch (e) {
    throw new UsageError(`cannot merge: ${(e as Error).message}`);
  }
  const written = writeReport(
    report,
    path.resolve(io.cwd, stringOption(args, 'out') ?? '.'),
    'org-report',
  );
  if (args.options.has('json')) io.out(JSON.stringify(report, null, 2) + '\n');
  else
    io.out(
      `${report.org}: ${report.repositories.length} repositories from ${parts.length} slices\n${written.join('\n')}\n`,
    );
  return 0;
}

function shardOption(v: string | undefined): { index: number; count: number } | null {
  if (v === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
    throw new UsageError(`--shard must be K/N with 1 <= K <= N, not "${v}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

function writeReport(report: OrgReport, dir: string, base: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    [`${base}.json`, JSON.stringify(report, null, 2) + '\n'],
    [`${base}.md`, orgReportMarkdown(report)],
    [`${base}.html`, orgReportHtml(report)],
  ];
  // Never through a link (an org-report.html symlink left in the output folder would write elsewhere).
  return files.map(([name, text]) => {
    const f = path.join(dir, name);
    try {
      writeFileNoFollow(f, text, { overwrite: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    return f;
  });
}

function readJson<T>(file: string, strict = false): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    if (strict) throw new UsageError(`${file} is not valid JSON (${(e as Error).message})`);
    return undefined; // a damaged state file: start over rather than trust it
  }
}

/**
 * The cache holds the OWNERS.yaml text of private repositories: its folder is the user's only
 * (0700; our own default folder is made so even if an older version created it 0755; a folder the
 * user named is created 0700 but otherwise left as it is), and its files 0600.
 */
function privateDirectory(dir: string, ours: boolean): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ours && process.platform !== 'win32') fs.chmodSync(dir, 0o700);
}

function writeJson(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, JSON.stringify(value), { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
}
