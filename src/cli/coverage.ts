import { coverageSummary } from '../core/owners/changeOwners';
import { createOwnershipIndex } from '../core/owners/resolve';
import { listRepoFiles } from '../node/repoFiles';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners } from './loadOwners';

/**
 * `coverage [--min SHARE]`: how much of the repository's files a component owns, the biggest
 * unowned folders, and exit 1 when the owned share is below `--min` (for CI).
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const minText = stringOption(args, 'min');
  const min = minText === undefined ? undefined : Number(minText);
  if (min !== undefined && !(min >= 0 && min <= 1)) throw new UsageError(`--min is a share from 0 to 1 (e.g. 0.9), not "${minText}"`);
  const { root, parsed } = loadOwners(args, io);
  const summary = coverageSummary(createOwnershipIndex(parsed.model), (await listRepoFiles(root)).files);
  const below = min !== undefined && summary.share < min;
  if (args.options.has('json')) {
    io.out(JSON.stringify({ ...summary, min: min ?? null, ok: !below }, null, 2) + '\n');
  } else {
    io.out(`${(summary.share * 100).toFixed(1)}% of ${summary.totalFiles} files owned (${summary.ownedFiles} owned, ${summary.totalFiles - summary.ownedFiles} unowned)\n`);
    if (summary.unownedFolders.length > 0) {
      io.out('biggest unowned folders:\n');
      const width = Math.max(...summary.unownedFolders.map(f => f.folder.length));
      for (const f of summary.unownedFolders) io.out(`  ${f.folder.padEnd(width)}  ${f.files} file(s)\n`);
    }
  }
  if (below) io.err(`coverage ${(summary.share * 100).toFixed(1)}% is below the minimum ${(min! * 100).toFixed(1)}%\n`);
  return below ? 1 : 0;
}
