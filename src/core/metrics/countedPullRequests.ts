import { createBotFilter, createWindowFilter } from './exclusions';
import type { PullRequestRecord, ReportWindow } from './types';

/** How many fetched pull requests the figures use, and why the others are not used. */
export interface CountedPullRequests {
  fetched: number;
  /** Fetched but merged outside the figures' window (the trend chart looks further back). */
  outsideWindow: number;
  bots: number;
  ignoredAuthors: number;
  /** Merged in the window, not by a bot or an ignored author: docs/figures.md ("The report as JSON") top-level `pullRequests`. */
  counted: number;
}

/** Splits the fetched pull requests by the rules of docs/figures.md ("Which changes count"), so "693 fetched" and "624 counted" can be told apart. */
export function countPullRequests(
  prs: readonly PullRequestRecord[],
  window: ReportWindow,
  ignoreAuthors: readonly string[],
): CountedPullRequests {
  const inWindow = createWindowFilter(window);
  const isBot = createBotFilter([]);
  const isExcluded = createBotFilter(ignoreAuthors);
  const result: CountedPullRequests = {
    fetched: prs.length,
    outsideWindow: 0,
    bots: 0,
    ignoredAuthors: 0,
    counted: 0,
  };
  for (const pr of prs) {
    if (!inWindow(pr)) result.outsideWindow++;
    else if (isBot(pr)) result.bots++;
    else if (isExcluded(pr)) result.ignoredAuthors++;
    else result.counted++;
  }
  return result;
}
