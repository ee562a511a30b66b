import * as os from 'os';
import * as path from 'path';
import { repoFromRemoteUrl } from '../core/github/remote';
import type { RepoRef } from '../core/github/types';
import { resolveWindow, WindowOptionError } from '../core/figures/window';
import type { ReportWindow } from '../core/metrics/types';
import { runGit } from '../node/git/safeGit';
import { CliArgs, stringOption, UsageError } from './io';

// Options shared by the figures subcommands (report, report --repos, report --from git, org-report, knowledge).

/** README.md's command-line reference: --since (inclusive) / --until (exclusive) as UTC days, or --days N back from now (core/figures/window.ts). */
export function reportWindow(args: CliArgs, windowDays: number, now: Date): ReportWindow {
  return usage(() =>
    resolveWindow(
      {
        since: stringOption(args, 'since'),
        until: stringOption(args, 'until'),
        days: stringOption(args, 'days'),
      },
      windowDays,
      now.getTime(),
    ),
  );
}

/** A window option's error as bad usage (exit 2), with the same message. */
export function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof WindowOptionError ? new UsageError(e.message) : e;
  }
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
  if (url.username || url.password)
    throw new UsageError(
      '--api-url must not contain a user name or password ("user:password@"); the token comes from GITHUB_TOKEN or GH_TOKEN.',
    );
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--api-url must be an http(s) URL, not "${v}"`);
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
  if (process.platform === 'win32')
    return path.join(
      env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'),
      'ownership-lens',
      'cache',
    );
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Caches', 'ownership-lens');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ownership-lens');
}
