import * as os from 'os';
import * as path from 'path';
import { GitHubError } from '../core/github/errors';
import { repoFromRemoteUrl } from '../core/github/remote';
import { syncPullRequests } from '../core/github/sync';
import { parseRepo, RepoRef } from '../core/github/types';
import { computeLeadReport } from '../core/metrics/compute';
import { hideIndividuals } from '../core/metrics/teamOnly';
import { printable } from '../core/owners/printable';
import type { LeadReport, ReportWindow } from '../core/metrics/types';
import { FIGURES_ARE_NOT, SIGNAL_WORDS } from '../core/report/wording';
import { HISTORY_NOT_WORTH } from '../core/report/inPracticeWords';
import { readGitattributes } from '../node/gitattributesFile';
import { runGit } from '../node/git/safeGit';
import { createOwnershipIndex } from '../core/owners/resolve';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners, requireReadable } from './loadOwners';
import { runFromGit } from './reportFromGit';
import { runRepos } from './reportRepos';
import { now, nowMs } from '../core/clock';
import { outcomeReader } from './outcomes';
import { teamOutcomes } from '../node/outcomes/teamOutcomes';

const DAY = 86_400_000;

/** `report`: SPEC section 4's lead-authorship figures from GitHub's merged pull requests. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const from = stringOption(args, 'from') ?? 'github';
  if (from !== 'github' && from !== 'git') throw new UsageError(`--from must be github or git, not "${from}"`);
  if (from === 'git') return runFromGit(args, io);
  if (args.options.has('branch')) throw new UsageError('--branch is for --from git (the GitHub source reads merged pull requests)');
  if ((args.values.get('repo')?.length ?? 0) > 1) return runRepos(args, io);
  const loaded = loadOwners(args, io);
  const { root, parsed } = loaded;
  requireReadable(loaded, io, 'figures');
  const model = parsed.model;
  const window = reportWindow(args, model.metrics.windowDays, now());
  const apiUrl = apiUrlOption(args);
  const repo = await repoOption(args, root);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new UsageError('report needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (a token that can read the repository\'s pull requests).');
  const attributesOption = stringOption(args, 'attributes');
  const attributes = readGitattributes(root, attributesOption === undefined ? undefined : path.resolve(io.cwd, attributesOption));
  if (attributes.kind === 'unreadable') throw new UsageError(`cannot read ${attributes.file} for linguist-generated: ${attributes.reason}`);
  const teamOnly = args.options.has('team-only') || model.metrics.teamOnly;

  const cacheDir = args.options.has('no-cache') ? undefined : path.resolve(io.cwd, stringOption(args, 'cache-dir') ?? defaultCacheDir(io.env));
  let sync;
  try {
    sync = await syncPullRequests({
      github: { token, apiUrl, fetch: globalThis.fetch, log: line => io.err(`${line}\n`) },
      repo, since: `${window.since}T00:00:00Z`, cacheDir, log: line => io.err(`${line}\n`), commitAuthors: model.metrics.creditCoAuthors,
    });
  } catch (e) {
    if (e instanceof GitHubError) {
      io.err(`ownership-lens: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const computed = computeLeadReport(createOwnershipIndex(model), sync.pullRequests, window, { generated: attributes.generated });
  const report = teamOnly ? hideIndividuals(computed) : computed;
  const outcomes = await teamOutcomes(model, outcomeReader(loaded, args, io), report.teams.map(t => t.team), report.window, nowMs());
  const teams = report.teams.map(t => ({ ...t, outcomes: outcomes.get(t.team) ?? [] }));
  const json = { repo: `${repo.owner}/${repo.name}`, source: 'github', window: report.window, pullRequests: report.pullRequests, teams, knowledge: report.knowledge, apiRequests: sync.apiRequests };
  if (args.options.has('json')) {
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.out(formatReport(json.repo, report, sync.apiRequests));
  }
  return 0;
}

/** SPEC 2: --since (inclusive) / --until (exclusive) as UTC days, or --days N back from now. */
export function reportWindow(args: CliArgs, windowDays: number, now: Date): ReportWindow {
  const since = dateOption(args, 'since');
  const until = dateOption(args, 'until');
  const daysText = stringOption(args, 'days');
  if (daysText !== undefined && (since || until)) throw new UsageError('--days cannot be combined with --since/--until');
  let days = windowDays;
  if (daysText !== undefined) {
    if (!/^\d+$/.test(daysText) || Number(daysText) < 1) throw new UsageError(`--days must be a positive whole number, not "${daysText}"`);
    days = Number(daysText);
  }
  const tomorrow = day(new Date(Date.parse(day(now)) + DAY));
  const end = until ?? tomorrow;
  const start = since ?? day(new Date(Date.parse(until ?? day(now)) - days * DAY));
  if (start >= end) throw new UsageError(`empty window: --since ${start} is not before --until ${end}`);
  return { since: start, until: end };
}

function dateOption(args: CliArgs, name: string): string | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || day(new Date(`${v}T00:00:00Z`)) !== v) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, not "${v}"`);
  }
  return v;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function apiUrlOption(args: CliArgs): string {
  const v = stringOption(args, 'api-url') ?? 'https://api.github.com';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new UsageError(`--api-url must be an http(s) URL, not "${v}"`);
  }
  // Checked before the protocol so that the message never echoes a password.
  if (url.username || url.password) throw new UsageError('--api-url must not contain a user name or password ("user:password@"); the token comes from GITHUB_TOKEN or GH_TOKEN.');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--api-url must be an http(s) URL, not "${v}"`);
  return v.replace(/\/+$/, '');
}

async function repoOption(args: CliArgs, root: string): Promise<RepoRef> {
  const given = stringOption(args, 'repo');
  if (given !== undefined) {
    const repo = parseRepo(given);
    if (!repo) throw new UsageError(`--repo must be OWNER/NAME, not "${given}"`);
    return repo;
  }
  const repo = await gitRemoteRepo(root);
  if (!repo) throw new UsageError('cannot tell the GitHub repository from the git remote "origin"; pass --repo OWNER/NAME');
  return repo;
}

/** The GitHub repository of the git remote "origin" of `root`, if it names one. */
export async function gitRemoteRepo(root: string): Promise<RepoRef | undefined> {
  let remote = '';
  try {
    const result = await runGit(root, ['remote', 'get-url', 'origin'], undefined, 1 << 16);
    if (result.code === 0) remote = result.stdout.toString('utf8').trim();
  } catch {
    // No git, no remote.
  }
  return remote ? repoFromRemoteUrl(remote) : undefined;
}

/** The per-user cache directory of the CLI. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'ownership-lens', 'cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'ownership-lens');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ownership-lens');
}

/**
 * Ownership in practice, one line per component with something to say: the owner's part in its
 * pull requests, the signals, and the knowledge when the source has it. Worded about the system.
 */
export function inPracticeLines(t: LeadReport['teams'][number], until: string): string[] {
  const p = printable;
  const out: string[] = [];
  for (const c of t.componentFigures) {
    const parts: string[] = [];
    if (c.ownerPullRequests !== null) {
      parts.push(`owner ${p(c.owner)}: ${c.ownerPullRequests} of ${c.pullRequests} PRs${c.ownerReviews === null ? '' : `, ${c.ownerReviews} reviewed`}, last active ${c.ownerLastActive ?? 'not in the window'}`);
    }
    if (c.signals.includes('nominal-owner')) parts.push('nominal-owner (owned on paper only)');
    if (c.signals.includes('owner-inactive')) {
      const days = c.ownerLastActive ? Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${c.ownerLastActive}T00:00:00Z`)) / 86_400_000) : undefined;
      parts.push(days === undefined ? 'owner-inactive (owner not seen in the window)' : `owner-inactive (owner not seen for ${days} days)`);
    }
    if (c.knowledge) {
      const k = c.knowledge;
      parts.push(k.busFactor <= 1 && k.holders.length > 0 ? `bus factor ${k.busFactor}: knowledge sits with ${p(k.holders[0].login)}` : `bus factor ${k.busFactor}`);
    }
    if (c.backup) parts.push(`backup: ${p(c.backup)}`);
    if (parts.length > 0 && (c.signals.length > 0 || c.knowledge || c.pullRequests > 0)) out.push(`  ${p(c.component)}: ${parts.join('; ')}`);
  }
  if (t.knowledge) out.push(`  team bus factor ${t.knowledge.busFactor} (${t.knowledge.knownFiles} of ${t.knowledge.files} files known)`);
  return out;
}

/** A readable table: one row per team, then each team's top authors. */
export function formatReport(repo: string, report: LeadReport, apiRequests: number, source: 'github' | 'git' = 'github'): string {
  const pct = (x: number | null) => x === null ? 'unknown' : `${(x * 100).toFixed(1)}%`;
  const header = ['team', 'lead', 'PRs', 'lines', 'lead lines', 'lead share', 'lead PRs', 'reviewed', 'sole approver', 'owns', 'flag', 'signals'];
  // Team ids, logins and component ids come from OWNERS.yaml and GitHub: escaped, one line each.
  const p = printable;
  const rows = report.teams.map(t => [p(t.team), p(t.lead || '-'), String(t.pullRequests), String(t.lines), String(t.leadLines),
    pct(t.leadShare), pct(t.leadPullRequestShare), pct(t.leadReviewedShare), pct(t.leadSoleApprovalShare), `${t.leadOwnedComponents}/${t.components}`,
    t.flag, t.signals.join(', ') || '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 9 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [
    source === 'git'
      ? `${p(repo)}: ${report.pullRequests} changes on the first-parent line of the local history (bots left out) from ${report.window.since} to ${report.window.until} (exclusive)`
      : `${p(repo)}: ${report.pullRequests} merged pull requests (bots left out) from ${report.window.since} to ${report.window.until} (exclusive)`,
    '',
    line(header),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ];
  for (const t of report.teams) {
    if (t.authors.length) out.push(`${p(t.team)}: ${t.authors.slice(0, 5).map(a => `${p(a.login)} ${pct(a.share)} (${a.lines} lines, ${a.pullRequests} PRs)`).join(', ')}`);
    for (const s of t.signals) out.push(`  ${s}: ${SIGNAL_WORDS[s].action}`);
    for (const c of t.componentFigures) if (c.delegateTo) out.push(`  ${p(c.component)} (owned by the lead) could go to ${p(c.delegateTo)}`);
    out.push(...inPracticeLines(t, report.window.until));
    const x = t.excluded;
    if (x.botPullRequests || x.ignoredAuthorPullRequests || x.ignoredPathLines || x.generatedLines) {
      out.push(`  left out: ${x.botPullRequests} bot PRs, ${x.ignoredAuthorPullRequests} PRs by ignored authors, ${x.ignoredPathLines} ignored and ${x.generatedLines} generated lines`);
    }
  }
  if (report.knowledge) out.push('', `repository bus factor ${report.knowledge.busFactor} (${report.knowledge.knownFiles} of ${report.knowledge.files} owned files known)`);
  // Ownership in practice (owners' activity, knowledge) reads the history too: say what that is not.
  const practice = report.knowledge !== null && report.knowledge !== undefined || report.teams.some(t => t.componentFigures.some(c => c.signals.length > 0 || c.knowledge));
  out.push('', FIGURES_ARE_NOT, ...(practice ? [HISTORY_NOT_WORTH] : []), '', source === 'git' ? 'From the local git history: 0 GitHub API requests.' : `${apiRequests} GitHub API request(s).`, '');
  return out.join('\n');
}
