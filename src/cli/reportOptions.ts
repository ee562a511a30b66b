import * as os from 'os';
import * as path from 'path';
import { repoFromRemoteUrl } from '../core/github/remote';
import type { RepoRef } from '../core/github/types';
import type { ReportWindow } from '../core/metrics/types';
import { runGit } from '../node/git/safeGit';
import { CliArgs, stringOption, UsageError } from './io';

// Options shared by the figures subcommands (report, report --repos, report --from git, org-report, knowledge).

const DAY = 86_400_000;

/** README.md's command-line reference: --since (inclusive) / --until (exclusive) as UTC days, or --days N back from now. */
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
