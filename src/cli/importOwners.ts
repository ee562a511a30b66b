import * as fs from 'fs';
import * as path from 'path';
import { finishImport, summaryLines } from '../core/ownersImport/summary';
import { SOURCE_KINDS, SourceKind } from '../core/ownersImport/fromSources';
import { readImportSources } from '../node/importSources';
import { findRepoRoot } from '../node/ownersFile';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { suggestFromGit } from '../node/gitSuggestions';
import { FileExistsError, writeFileNoFollow } from '../node/safeFiles';

const KINDS = SOURCE_KINDS;

/**
 * `import FILE|DIR...`: an OWNERS.yaml from GitHub or GitLab CODEOWNERS, a Kubernetes OWNERS tree
 * or Backstage catalog files, printed on stdout (or written with `--output`); on stderr what did
 * not map, what the user must still decide and what was guessed.
 */
export async function run(args: CliArgs, io: CliIO, only?: readonly SourceKind[]): Promise<number> {
  if (args.positionals.length === 0) {
    throw new UsageError(
      only
        ? `usage: ownership-lens ${args.command} FILE [--from ${only.join('|')}] [--output FILE [--force]]  (ownership-lens import reads every other source)`
        : `usage: ownership-lens ${args.command} FILE|DIR... [--from ${KINDS.join('|')}] [--root DIR] [--output FILE [--force]] [--suggest-from-git]`,
    );
  }
  const from = stringOption(args, 'from');
  if (from !== undefined && !KINDS.includes(from as SourceKind))
    throw new UsageError(`--from must be one of ${KINDS.join(', ')}`);
  const rootOption = stringOption(args, 'root');
  const first = path.resolve(io.cwd, args.positionals[0]);
  const root = rootOption
    ? path.resolve(io.cwd, rootOption)
    : fs.existsSync(first) && fs.statSync(first).isDirectory()
      ? first
      : (findRepoRoot(io.cwd) ?? io.cwd);
  let draft;
  try {
    draft = readImportSources(
      args.positionals.map(p => path.resolve(io.cwd, p)),
      root,
      from as SourceKind | undefined,
      only,
    );
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.options.has('suggest-from-git')) await suggestFromGit(draft, root, io.err);
  const result = finishImport(draft);
  const output = stringOption(args, 'output');
  if (output) {
    // An existing OWNERS.yaml holds decisions an import cannot know: replace it only when asked.
    // Never through a link: a committed OWNERS.yaml symlink would write (or with --force overwrite) outside the repository.
    try {
      writeFileNoFollow(path.resolve(io.cwd, output), result.yaml, {
        root,
        overwrite: args.options.has('force'),
      });
    } catch (e) {
      if (e instanceof FileExistsError)
        throw new UsageError(
          `${output} exists; pass --force to replace it, or print to standard output and compare`,
        );
      throw new UsageError((e as Error).message);
    }
  }
  // README.md's command-line reference: import-codeowners prints the file as text even with --json; its summary then goes to stderr as JSON.
  if (args.options.has('json') && only) {
    if (!output) io.out(result.yaml);
    io.err(JSON.stringify(result.summary, null, 2) + '\n');
  } else if (args.options.has('json'))
    io.out(JSON.stringify({ owners: result.yaml, summary: result.summary }, null, 2) + '\n');
  else {
    if (!output) io.out(result.yaml);
    io.err(summaryLines(result.summary, output ?? 'OWNERS.yaml').join('\n') + '\n');
  }
  return 0;
}
