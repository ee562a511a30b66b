import * as path from 'path';
import { importCodeowners } from '../core/owners/codeowners';
import { readOwnersText } from '../node/ownersFile';
import { CliArgs, CliIO, UsageError } from './io';

/** `import-codeowners FILE`: prints an OWNERS.yaml that gives every path the same owners. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('usage: ownership-lens import-codeowners FILE');
  let text: string;
  try {
    text = readOwnersText(path.resolve(io.cwd, file));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (text.includes('\u0000')) throw new UsageError(`${file} is not a text file`);
  io.out(importCodeowners(text));
  return 0;
}
