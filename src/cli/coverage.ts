import { coverageSummary } from '../core/owners/changeOwners';
import { printable } from '../core/owners/printable';
import { createOwnershipIndex } from '../core/owners/resolve';
import { listRepoFiles } from '../node/repoFiles';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners, requireReadable } from './loadOwners';

/**
 * `coverage [--min 99%]`: how much of the repository's files a component owns, the biggest
 * unowned folders, and exit 1 when the owned share is below `--min` (for CI).
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const minText = stringOption(args, 'min');
  const min = minText === undefined ? undefined : parseMin(minText);
  const loaded = loadOwners(args, io);
  const { root, parsed } = loaded;
  requireReadable(loaded, io, 'the coverage');
  const summary = coverageSummary(
    createOwnershipIndex(parsed.model),
    (await listRepoFiles(root)).files,
  );
  const below = min !== undefined && summary.share < min;
  if (args.options.has('json')) {
    io.out(JSON.stringify({ ...summary, min: min ?? null, ok: !below }, null, 2) + '\n');
  } else {
    io.out(
      `${percentDown(summary.share)} of ${summary.totalFiles} files owned (${summary.ownedFiles} owned, ${summary.totalFiles - summary.ownedFiles} unowned)\n`,
    );
    if (summary.unownedFolders.length > 0) {
      io.out('biggest unowned folders:\n');
      // Folder names are the repository's: escaped, so none can write a line of its own.
      const folders = summary.unownedFolders.map(f => ({
        name: printable(f.folder),
        files: f.files,
      }));
      const width = Math.max(...folders.map(f => f.name.length));
      for (const f of folders) io.out(`  ${f.name.padEnd(width)}  ${f.files} file(s)\n`);
    }
  }
  if (below)
    io.err(
      `coverage ${percentDown(summary.share)} is below the minimum ${(min! * 100).toFixed(1)}%\n`,
    );
  return below ? 1 : 0;
}

/**
 * `--min` as the share it stands for, written the way coverage prints it or as a share:
 * `99%` and `99` (a number above 1 is a percentage) and `0.99` are all 0.99; `1` is 100%.
 */
export function parseMin(text: string): number {
  // Number('') is 0 and Number('0x1') is 1: only a plain decimal counts.
  const m = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  const share = m && (m[2] === '%' || n > 1) ? n / 100 : n;
  if (!m || !(share >= 0 && share <= 1))
    throw new UsageError(
      `--min is a percentage (99 or 99%) or a share from 0 to 1 (0.99), not "${printable(text)}"`,
    );
  return share;
}

/** One decimal, rounded down: 2,999 of 3,000 files is 99.9%, never a 100.0% that hides the last file. */
function percentDown(share: number): string {
  return `${(Math.floor(share * 1000 + 1e-9) / 10).toFixed(1)}%`;
}
