import { exportCodeowners } from '../core/owners/codeowners';
import { CliArgs, CliIO } from './io';
import { loadOwners } from './loadOwners';

/** `codeowners`: the equivalent GitHub CODEOWNERS; refuses an OWNERS.yaml with errors. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const { parsed } = loadOwners(args, io);
  const errors = parsed.diagnostics.filter(d => d.severity === 'error');
  if (errors.length > 0) {
    io.err(`OWNERS.yaml has ${errors.length} error(s); no CODEOWNERS written. First: line ${errors[0].span.line}:${errors[0].span.column} ${errors[0].code}: ${errors[0].message}\n`);
    return 1;
  }
  io.out(exportCodeowners(parsed.model));
  return 0;
}
