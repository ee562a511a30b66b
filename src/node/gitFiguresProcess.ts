/**
 * Child process entry (bundled as dist/gitFiguresProcess.js): the figures from the repository's own
 * history (the git source), outside the extension host. The changes read from git are kept by commit
 * in a cache file, so the next run (a new commit, another OWNERS.yaml) reads only what is new.
 */
import { parseGitattributes } from '../core/metrics/gitattributes';
import { parseOwners } from '../core/owners/parse';
import { ChangeCache } from './git/changeCache';
import { gitLeadReport } from './git/gitFigures';
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
      for (const window of r.windows) {
        const result = await gitLeadReport({ root: r.root, ref: r.ref, window, model, generated, cache });
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
