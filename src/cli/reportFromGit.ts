import * as path from 'path';
import { now, nowMs } from '../core/clock';
import { teamOutcomes } from '../node/outcomes/teamOutcomes';
import { outcomeReader } from './outcomes';
import { reportJson } from '../core/figures/reportJson';
import { shapeReport, teamOnlyWanted } from '../core/figures/teamOnly';
import { readGitattributes } from '../node/gitattributesFile';
import { ChangeCache, mailmapFingerprint } from '../node/git/changeCache';
import { resolveRef } from '../node/git/changeLog';
import { gitLeadReport } from '../node/git/gitFigures';
import { createOwnershipIndex } from '../core/owners/resolve';
import { gitKnowledge, gitOwnershipOptions } from '../node/gitKnowledge';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { knowledgeCacheFile, readCache, writeCache } from './knowledge';
import { loadOwners, requireReadable } from './loadOwners';
import { defaultCacheDir, reportWindow } from './reportOptions';
import { formatReport } from './reportText';

/** `report --from git`: the same figures from the local clone's first-parent history; no token, no network. */
export async function runFromGit(args: CliArgs, io: CliIO): Promise<number> {
  for (const o of ['repo', 'api-url'])
    if (args.options.has(o))
      throw new UsageError(`--${o} is for the GitHub source; --from git reads the local clone`);
  const loaded = loadOwners(args, ownersLookupFromRoot(args, io));
  const { root, parsed } = loaded;
  requireReadable(loaded, io, 'figures');
  const model = parsed.model;
  const window = reportWindow(args, model.metrics.windowDays, now());
  const attributesOption = stringOption(args, 'attributes');
  const attributes = readGitattributes(
    root,
    attributesOption === undefined ? undefined : path.resolve(io.cwd, attributesOption),
  );
  if (attributes.kind === 'unreadable')
    throw new UsageError(
      `cannot read ${attributes.file} for linguist-generated: ${attributes.reason}`,
    );
  const ref = stringOption(args, 'branch') ?? 'HEAD';
  const cacheDir = args.options.has('no-cache')
    ? undefined
    : path.resolve(io.cwd, stringOption(args, 'cache-dir') ?? defaultCacheDir(io.env));
  const cache = new ChangeCache(
    cacheDir && ChangeCache.fileFor(cacheDir, root),
    await mailmapFingerprint(root),
  ).load();
  const knowledgeFile = knowledgeCacheFile(args, io, root);
  const knowledgeCache = knowledgeFile ? readCache(knowledgeFile) : undefined;
  let result;
  try {
    await resolveRef(root, ref); // one clear message for a branch that does not exist, before any history is read
    // Knowledge (who knows which files) and who appears in the history at all come from every commit before `until`.
    const known = await gitKnowledge(root, createOwnershipIndex(model), {
      ref,
      until: window.until,
      generated: attributes.generated,
      cache: knowledgeCache,
    });
    if (knowledgeCache && knowledgeFile && known.loggedCommits > 0)
      writeCache(knowledgeFile, knowledgeCache);
    result = await gitLeadReport({
      root,
      ref,
      window,
      model,
      generated: attributes.generated,
      cache,
      ownership: gitOwnershipOptions(known, true),
    });
  } catch (e) {
    io.err(`ownership-lens: ${(e as Error).message}\n`);
    return 1;
  }
  cache.save();
  const report = shapeReport(result.report, teamOnlyWanted(model, args.options.has('team-only')));
  const outcomes = await teamOutcomes(
    model,
    outcomeReader(loaded, args, io),
    report.teams.map(t => t.team),
    report.window,
    nowMs(),
  );
  const json = reportJson({ repo: result.repo, source: 'git' }, report, outcomes, 0);
  io.out(
    args.options.has('json')
      ? `${JSON.stringify(json, null, 2)}\n`
      : formatReport(json.repo, report, 0, 'git', {
          byTeam: outcomes,
          unit: id => model.outcomes.get(id)?.unit,
        }),
  );
  return 0;
}

/** With --root and no --owners, OWNERS.yaml is looked up from that root rather than the working directory. */
export function ownersLookupFromRoot(args: CliArgs, io: CliIO): CliIO {
  const root = stringOption(args, 'root');
  return root !== undefined && !args.options.has('owners')
    ? { ...io, cwd: path.resolve(io.cwd, root) }
    : io;
}
