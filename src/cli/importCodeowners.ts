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
  const owners = importCodeowners(text);
  // The import explains in YAML comments where CODEOWNERS could not be matched exactly; say it here too.
  const lines = owners.split('\n');
  lines.forEach((line, i) => {
    const warning = /^\s*# WARNING: (.*)$/.exec(line);
    if (!warning) return;
    const more: string[] = [];
    for (let j = i + 1; j < lines.length && /^\s*# (?!WARNING)/.test(lines[j]); j++) more.push(lines[j].replace(/^\s*# /, ''));
    io.err(`warning: ${[warning[1], ...more].join(' ')}\n`);
  });
  io.out(owners);
  return 0;
}
