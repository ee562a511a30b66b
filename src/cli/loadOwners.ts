import * as fs from 'fs';
import { ownersLocationsText } from '../core/owners/locations';
import * as path from 'path';
import { UNREADABLE_CODES } from '../core/owners/diagnosticCodes';
import { printable } from '../core/owners/printable';
import { parseOwners, ParsedOwners } from '../core/owners/parse';
import { findOwnersFile, readOwnersText } from '../node/ownersFile';
import { CliArgs, CliIO, stringOption, UsageError } from './io';

export interface LoadedOwners {
  file: string;
  /** Repository root: the paths in OWNERS.yaml and on the command line are relative to it. */
  root: string;
  parsed: ParsedOwners;
}

/** OWNERS.yaml from `--owners` or the documented lookup from the working directory; UsageError if absent. */
export function loadOwners(args: CliArgs, io: CliIO): LoadedOwners {
  const override = stringOption(args, 'owners');
  const found = findOwnersFile(io.cwd, override);
  if (!found) {
    throw new UsageError(
      override
        ? `${override}: no such file`
        : `No OWNERS.yaml found in ${io.cwd} (looked for ${ownersLocationsText()}); pass --owners FILE.`,
    );
  }
  let text: string;
  try {
    text = readOwnersText(found.file, undefined, found.root);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const rootOption = stringOption(args, 'root');
  return {
    file: found.file,
    root: rootOption ? checkedRoot(path.resolve(io.cwd, rootOption)) : found.root,
    parsed: parseOwners(text),
  };
}

/** `--root DIR` must be a directory: a mistyped root would otherwise count 0 files as fully owned. */
function checkedRoot(dir: string): string {
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`--root ${dir}: no such directory`);
  }
  if (!isDirectory) throw new UsageError(`--root ${dir}: not a directory`);
  return dir;
}

/**
 * For commands whose answers come from the whole file (`who`, `coverage`, `report`): refuse (exit 2)
 * when it cannot be read, rather than answer "unowned" for everything; lesser errors only warn.
 */
export function requireReadable(loaded: LoadedOwners, io: CliIO, what: string): void {
  const shown = displayPath(loaded.file, io.cwd);
  // A version this build does not know is still validated (to help a migration), but not answered from.
  const unreadable = loaded.parsed.diagnostics.find(
    d =>
      d.severity === 'error' && (UNREADABLE_CODES.has(d.code) || d.code === 'unsupported-version'),
  );
  if (unreadable) {
    throw new UsageError(
      `${printable(shown)} cannot be read (line ${unreadable.span.line}:${unreadable.span.column} ${unreadable.code}: ${printable(unreadable.message)}); run \`ownership-lens validate\` for every problem.`,
    );
  }
  const errors = loaded.parsed.diagnostics.filter(d => d.severity === 'error').length;
  if (errors > 0)
    io.err(
      `warning: ${printable(shown)} has ${errors} error(s); ${what} may be incomplete (run \`ownership-lens validate\`).\n`,
    );
}

/** The path as shown to people: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
