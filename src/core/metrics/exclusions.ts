import { compilePatterns } from '../match/compile';
import type { MetricsSettings } from '../owners/model';
import type { ChangeRecord as PullRequestRecord, ReportWindow } from './types';

/** docs/figures.md ("Which changes count"): GitHub says Bot, or the login ends in `[bot]`, or it is in `ignoreAuthors` (case-insensitive). */
export function createBotFilter(
  ignoreAuthors: readonly string[],
): (pr: Pick<PullRequestRecord, 'author' | 'authorIsBot'>) => boolean {
  const ignored = new Set(ignoreAuthors.map(a => a.toLowerCase()));
  return pr =>
    pr.authorIsBot ||
    pr.author.toLowerCase().endsWith('[bot]') ||
    ignored.has(pr.author.toLowerCase());
}

/**
 * docs/figures.md ("Which changes count") author rules, split as `excluded` needs them: `bot` when GitHub says Bot or the login
 * ends in `[bot]`, else `ignored-author` for `ignoreAuthors`. `leftOut` applies both to a co-author's login.
 */
export function createAuthorRules(ignoreAuthors: readonly string[]) {
  const ignored = new Set(ignoreAuthors.map(a => a.toLowerCase()));
  const botLogin = (login: string) => login.toLowerCase().endsWith('[bot]');
  return {
    exclusion(
      pr: Pick<PullRequestRecord, 'author' | 'authorIsBot'>,
    ): 'bot' | 'ignored-author' | undefined {
      if (pr.authorIsBot || botLogin(pr.author)) return 'bot';
      return ignored.has(pr.author.toLowerCase()) ? 'ignored-author' : undefined;
    },
    leftOut: (login: string) => botLogin(login) || ignored.has(login.toLowerCase()),
  };
}

/**
 * True for a path left out of the figures. `settings.ignorePaths` already holds the documented lock-file
 * default when OWNERS.yaml has none, and replaces it when given (the parser sees to that).
 */
export function createPathFilter(
  settings: Pick<MetricsSettings, 'ignorePaths'>,
): (path: string) => boolean {
  // `name` and `**/name` without wildcards match any path with a segment equal to `name` (a file or
  // a directory, at any depth): a set lookup instead of the matcher keeps the lock-file default cheap.
  const names = new Set<string>();
  const rest: string[] = [];
  for (const p of settings.ignorePaths) {
    const name = /^(?:\*\*\/)?([^*/?\\[\]!]+)$/.exec(p)?.[1];
    if (name !== undefined) names.add(name);
    else rest.push(p);
  }
  const matcher = rest.length ? compilePatterns(rest) : undefined;
  return path => {
    if (names.size) {
      for (const segment of path.split('/')) if (names.has(segment)) return true;
    }
    return matcher !== undefined && matcher.winner(path) >= 0;
  };
}

/** True when the pull request was merged at or after `since` and before `until` (dates are UTC days). */
export function createWindowFilter(
  window: ReportWindow,
): (pr: Pick<PullRequestRecord, 'mergedAt'>) => boolean {
  const since = Date.parse(`${window.since}T00:00:00Z`);
  const until = Date.parse(`${window.until}T00:00:00Z`);
  return pr => {
    const t = Date.parse(pr.mergedAt);
    return t >= since && t < until;
  };
}
