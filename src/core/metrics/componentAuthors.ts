import type { OwnershipIndex } from '../owners/resolve';
import { createBotFilter, createPathFilter, createWindowFilter } from './exclusions';
import type { PullRequestRecord, ReportWindow } from './types';

export interface ComponentAuthor {
  login: string;
  lines: number;
  pullRequests: number;
}

/**
 * Per component id, who changed its files in the window, most lines first, with docs/figures.md ("Lead authorship")
 * exclusions (bots, ignored authors, ignored paths). One pass over the pull requests.
 */
export function componentAuthors(index: OwnershipIndex, prs: readonly PullRequestRecord[], window: ReportWindow): Map<string, ComponentAuthor[]> {
  const { metrics } = index.model;
  const isBot = createBotFilter(metrics.ignoreAuthors);
  const ignored = createPathFilter(metrics);
  const inWindow = createWindowFilter(window);
  const byComponent = new Map<string, Map<string, ComponentAuthor>>();
  for (const pr of prs) {
    if (!inWindow(pr) || isBot(pr)) continue;
    const counted = new Set<string>();
    for (const file of pr.files) {
      if (ignored(file.path)) continue;
      const owner = index.ownerOf(file.path);
      if (owner.kind !== 'owned') continue;
      const authors = byComponent.get(owner.component.id) ?? new Map<string, ComponentAuthor>();
      byComponent.set(owner.component.id, authors);
      const key = pr.author.toLowerCase();
      const a = authors.get(key) ?? { login: pr.author, lines: 0, pullRequests: 0 };
      authors.set(key, a);
      a.lines += file.additions + file.deletions;
      if (!counted.has(owner.component.id)) {
        a.pullRequests++;
        counted.add(owner.component.id);
      }
    }
  }
  return new Map([...byComponent].map(([id, authors]) => [id, [...authors.values()].sort((a, b) => b.lines - a.lines || a.login.localeCompare(b.login))]));
}
