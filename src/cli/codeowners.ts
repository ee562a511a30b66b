import * as fs from 'fs';
import * as path from 'path';
import { looksLikeGitlab } from '../core/ownersImport/gitlabCodeowners';
import { exportCodeowners } from '../core/owners/codeowners';
import { codeownersProblems } from '../core/owners/codeownersValues';
import { STRUCTURAL_CODES } from '../core/owners/diagnosticCodes';
import { printable } from '../core/owners/printable';
import { validateOwners } from '../core/owners/validate';
import { readOwnersText } from '../node/ownersFile';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners } from './loadOwners';

const GITHUB_PLACES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * `codeowners`: the equivalent GitHub CODEOWNERS. Refuses when the file cannot be read reliably
 * (syntax, types, invalid patterns) or a value would not be a GitHub handle in CODEOWNERS; gaps such as a missing lead do not change who owns a path.
 * Keeps the comments, alignment and order of the repository's CODEOWNERS (or `--layout FILE`)
 * wherever ownership allows; `--no-layout` writes OWNERS.yaml's order alone.
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const { parsed, root } = loadOwners(args, io);
  const errors = validateOwners(parsed).filter(
    d => d.severity === 'error' && STRUCTURAL_CODES.has(d.code),
  );
  if (errors.length > 0) {
    io.err(
      `OWNERS.yaml cannot be read reliably (${errors.length} error(s)); no CODEOWNERS written. First: line ${errors[0].span.line}:${errors[0].span.column} ${errors[0].code}: ${printable(errors[0].message)}\n`,
    );
    return 1;
  }
  const unsafe = codeownersProblems(parsed.model);
  if (unsafe.length > 0) {
    const first = unsafe[0];
    io.err(
      `${unsafe.length} value(s) of OWNERS.yaml are not GitHub handles and would change CODEOWNERS; no CODEOWNERS written. First: line ${first.span.line}:${first.span.column} ${first.code}: ${printable(first.message)}\n`,
    );
    return 1;
  }
  io.out(exportCodeowners(parsed.model, layoutOf(args, io, root)));
  return 0;
}

function layoutOf(args: CliArgs, io: CliIO, root: string): string | undefined {
  if (args.options.has('no-layout')) return undefined;
  const given = stringOption(args, 'layout');
  const file = given
    ? path.resolve(io.cwd, given)
    : GITHUB_PLACES.map(p => path.join(root, p)).find(p => fs.existsSync(p));
  if (!file) return undefined;
  let text: string;
  try {
    text = readOwnersText(file, undefined, root);
  } catch (e) {
    if (given) throw new UsageError((e as Error).message);
    return undefined;
  }
  // A GitLab file's sections are not GitHub's syntax: start from OWNERS.yaml's order instead.
  return looksLikeGitlab(text) ? undefined : text;
}
