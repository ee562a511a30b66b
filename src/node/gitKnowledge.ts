import { computeKnowledge, HistoryIndex, RepositoryKnowledge } from '../core/knowledge';
import type { KnowledgeCommit } from '../core/knowledge/types';
import { createPathFilter } from '../core/metrics/exclusions';
import { GeneratedFiles, NO_GENERATED_FILES } from '../core/metrics/gitattributes';
import type { OwnershipOptions } from '../core/metrics/inPractice';
import { createAuthorMapper } from '../core/people/mapAuthor';
import type { OwnershipIndex } from '../core/owners/resolve';
import { KnowledgeLogCache, LoggedCommit, readKnowledgeHistory } from './git/knowledgeLog';

export interface GitKnowledge {
  knowledge: RepositoryKnowledge;
  /** Lowercased logins (and emails of unmapped authors) some non-bot commit of the history maps to. */
  seen: Set<string>;
  tip: string;
  snapshot: string | null;
  commits: number;
  loggedCommits: number;
}

/** Maps logged commits to people (OWNERS.yaml's `people`, no-reply addresses, bots). */
export function mapCommits(
  index: OwnershipIndex,
  logged: readonly LoggedCommit[],
): KnowledgeCommit[] {
  const map = createAuthorMapper(index.model);
  return logged.map(c => {
    const who = map({ name: c.name, email: c.email });
    return {
      hash: c.hash,
      author: who.login,
      isBot: who.isBot,
      committedAt: c.committedAt,
      changes: c.changes,
    };
  });
}

/**
 * Knowledge of the repository at `root` from REF's history before `until` (YYYY-MM-DD, exclusive):
 * one `git log` pass (only the new commits with a warm `cache`), then the pure computation.
 */
export async function gitKnowledge(
  root: string,
  index: OwnershipIndex,
  options: { ref?: string; until: string; generated?: GeneratedFiles; cache?: KnowledgeLogCache },
): Promise<GitKnowledge> {
  const history = await readKnowledgeHistory(
    root,
    options.ref ?? 'HEAD',
    options.until,
    options.cache,
  );
  const commits = mapCommits(index, history.commits);
  const ignored = createPathFilter(index.model.metrics);
  const generated = options.generated ?? NO_GENERATED_FILES;
  const knowledge = computeKnowledge(
    index,
    new HistoryIndex(commits),
    history.files,
    p => ignored(p) || generated.isGenerated(p),
  );
  const seen = new Set<string>();
  for (const c of commits) if (!c.isBot) seen.add(c.author.toLowerCase());
  return {
    knowledge,
    seen,
    tip: history.tip,
    snapshot: history.snapshot,
    commits: commits.length,
    loggedCommits: history.loggedCommits,
  };
}

/** The options `computeLeadReport` takes for the git source: knowledge, and who is seen in the history at all. */
export function gitOwnershipOptions(k: GitKnowledge, reviewsKnown: boolean): OwnershipOptions {
  return {
    knowledge: k.knowledge,
    reviewsKnown,
    seenInHistory: login => k.seen.has(login.toLowerCase()),
  };
}
