import * as path from 'path';
import { gitChangeRecords, loginsMappedFrom, RawChange } from '../../core/history/changes';
import { remoteLocation, repoOfRemote } from '../../core/history/requestRef';
import { windowReport } from '../../core/figures/repository';
import type { GeneratedFiles } from '../../core/metrics/gitattributes';
import type { OwnershipOptions } from '../../core/metrics/inPractice';
import type { LeadReport, ReportWindow } from '../../core/metrics/types';
import type { OwnersModel } from '../../core/owners/model';
import { createOwnershipIndex } from '../../core/owners/resolve';
import { ChangeCache, mailmapFingerprint } from './changeCache';
import {
  firstParentLine,
  historyAuthors,
  LineCommit,
  originUrl,
  readBranches,
  readChanges,
  resolveRef,
} from './changeLog';

/** The changes of the window on REF's first-parent line, read from git or the cache. */
export interface WindowChanges {
  tip: string;
  line: LineCommit[];
  changes: RawChange[];
  /** How many were read from git this time (the rest came from the cache). */
  readFromGit: number;
}

/** docs/figures.md ("Figures from your git history"): the commits of `git rev-list --first-parent REF` with a committer date in [since, until), root commits left out. */
export async function windowChanges(
  root: string,
  ref: string,
  window: ReportWindow,
  cache = new ChangeCache(),
): Promise<WindowChanges> {
  if (ref.startsWith('-') || /[\s\0]/.test(ref))
    throw new Error(`"${ref}" is not a branch or revision`);
  // One git the less: the line's first commit is the tip; only a failure asks rev-parse why.
  const line = await firstParentLine(root, ref).catch(async e => {
    await resolveRef(root, ref);
    throw e;
  });
  if (line.length === 0) throw new Error(`"${ref}" names no commit`);
  const tip = line[0].hash;
  const since = Date.parse(`${window.since}T00:00:00Z`) / 1000;
  const until = Date.parse(`${window.until}T00:00:00Z`) / 1000;
  const inWindow = line.filter(c => c.parents.length > 0 && c.time >= since && c.time < until);
  cache.setFingerprint(await mailmapFingerprint(root));
  const missing = inWindow.filter(c => !cache.get(c.hash));
  const read = new Map<string, RawChange>();
  const merges = new Set(missing.filter(c => c.parents.length > 1).map(c => c.hash));
  // The two reads are independent: side by side, the branch walk hides behind the diffs.
  const [, branches] = await Promise.all([
    readChanges(
      root,
      missing.map(c => c.hash),
      c => read.set(c.commit, c),
    ),
    readBranches(root, line, merges),
  ]);
  for (const c of missing) {
    const change = read.get(c.hash);
    if (!change) throw new Error(`git did not describe commit ${c.hash}`);
    const branch = branches.get(c.hash);
    if (branch) change.branch = branch;
    cache.set(change);
  }
  return { tip, line, changes: inWindow.map(c => cache.get(c.hash)!), readFromGit: missing.length };
}

export interface GitReport {
  /** OWNER/NAME (or GROUP/…/NAME) of origin, else the folder's name. */
  repo: string;
  report: LeadReport;
  tip: string;
  readFromGit: number;
}

/** The report's figures (lead authorship, signals, components) from the local clone (docs/figures.md ("Figures from your git history")). */
export async function gitLeadReport(options: {
  root: string;
  ref: string;
  window: ReportWindow;
  model: OwnersModel;
  generated?: GeneratedFiles;
  cache?: ChangeCache;
  /** Ownership in practice from the whole history (knowledge, who is seen at all); without it knowledge is null. */
  ownership?: OwnershipOptions;
}): Promise<GitReport> {
  const { root, model, window } = options;
  const read = await windowChanges(root, options.ref, window, options.cache);
  const origin = remoteLocation((await originUrl(root)) ?? '');
  const git = gitChangeRecords(model, read.changes, window, origin);
  let unmappedLeads = git.leadsNotSeen;
  if (unmappedLeads.size) {
    // Only a lead the window does not show costs a walk over the whole history's authors.
    const found = loginsMappedFrom(model, await historyAuthors(root, read.tip), unmappedLeads);
    unmappedLeads = new Set([...unmappedLeads].filter(l => !found.has(l)));
  }
  const report = windowReport(
    {
      index: createOwnershipIndex(model),
      changes: git.records,
      generated: options.generated,
      ownership: options.ownership,
      facts: { reviewsKnown: git.reviewsKnown, unmappedLeads },
    },
    window,
  );
  return {
    repo: repoOfRemote(origin) ?? path.basename(path.resolve(root)),
    report,
    tip: read.tip,
    readFromGit: read.readFromGit,
  };
}
