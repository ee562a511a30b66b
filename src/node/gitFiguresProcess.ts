/**
 * Child process entry (bundled as dist/gitFiguresProcess.js): the figures from the repository's own
 * history (the git source), outside the extension host. The changes read from git are kept by commit
 * in a cache file, so the next run (a new commit, another OWNERS.yaml) reads only what is new.
 */
import { parseGitattributes } from '../core/metrics/gitattributes';
import { parseOwners } from '../core/owners/parse';
import { ChangeCache } from './git/changeCache';
import { resolveRef } from './git/changeLog';
import { gitLeadReport } from './git/gitFigures';
import { readKnowledgeCache, writeKnowledgeCache } from './git/knowledgeLog';
import { createOwnershipIndex } from '../core/owners/resolve';
import { gitKnowledge, gitOwnershipOptions } from './gitKnowledge';
import type { GitFiguresAnswer, GitFiguresRequest } from './gitFiguresRunner';

process.once('message', (r: GitFiguresRequest) => {
  void (async (): Promise<GitFiguresAnswer> => {
    try {
      const model = parseOwners(r.ownersText).model;
      const generated = parseGitattributes(r.attributes);
      const cache = new ChangeCache(r.cacheFile).load();
      const reports = [];
      let repo = '';
      let tip = '';
      let readFromGit = 0;
      // The second window reads only what the first did not (the cache holds the rest).
      // Knowledge (docs/figures.md ("Knowledge and bus factor")) and who is seen at all (docs/figures.md ("Ownership in practice")) from the whole history before the first window's end.
      const knowledgeFile = r.cacheFile ? `${r.cacheFile}.knowledge.json` : undefined;
      const knowledgeCache = knowledgeFile ? readKnowledgeCache(knowledgeFile) : undefined;
      await resolveRef(r.root, r.ref); // a missing branch answers with one clear message
      const index = createOwnershipIndex(model);
      const known = r.windows.length
        ? await gitKnowledge(r.root, index, {
            ref: r.ref,
            until: r.windows[0].until,
            generated,
            cache: knowledgeCache,
          })
        : undefined;
      if (known && knowledgeCache && knowledgeFile && known.loggedCommits > 0)
        writeKnowledgeCache(knowledgeFile, knowledgeCache);
      for (const window of r.windows) {
        const ownership =
          known && window.until === r.windows[0].until
            ? gitOwnershipOptions(known, true)
            : undefined;
        const result = await gitLeadReport({
          root: r.root,
          ref: r.ref,
          window,
          model,
          generated,
          cache,
          ownership,
        });
        reports.push(result.report);
        ({ repo, tip } = result);
        readFromGit += result.readFromGit;
      }
      cache.save();
      return { id: r.id, repo, tip, reports, readFromGit };
    } catch (e) {
      return { id: r.id, error: (e as Error)?.message ?? String(e) };
    }
  })().then(answer => process.send!(answer, () => process.exit(0)));
});
