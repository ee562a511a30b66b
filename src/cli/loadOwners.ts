import * as path from 'path';
import { parseOwners, ParsedOwners } from '../core/owners/parse';
import { findOwnersFile, readOwnersText } from '../node/ownersFile';
import { CliArgs, CliIO, stringOption, UsageError } from './io';

export interface LoadedOwners {
  file: string;
  /** Repository root: the paths in OWNERS.yaml and on the command line are relative to it. */
  root: string;
  parsed: ParsedOwners;
}

/** OWNERS.yaml from `--owners` or SPEC's lookup from the working directory; UsageError if absent. */
export function loadOwners(args: CliArgs, io: CliIO): LoadedOwners {
  const override = stringOption(args, 'owners');
  const found = findOwnersFile(io.cwd, override);
  if (!found) {
    throw new UsageError(override
      ? `${override}: no such file`
      : `No OWNERS.yaml found in ${io.cwd} (looked for OWNERS.yaml, .github/OWNERS.yaml, docs/OWNERS.yaml); pass --owners FILE.`);
  }
  let text: string;
  try {
    text = readOwnersText(found.file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const rootOption = stringOption(args, 'root');
  return { file: found.file, root: rootOption ? path.resolve(io.cwd, rootOption) : found.root, parsed: parseOwners(text) };
}

/** The path as shown to people: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
