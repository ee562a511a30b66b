import { exportCodeowners } from '../core/owners/codeowners';
import { STRUCTURAL_CODES } from '../core/owners/diagnosticCodes';
import { validateOwners } from '../core/owners/validate';
import { CliArgs, CliIO } from './io';
import { loadOwners } from './loadOwners';

/**
 * `codeowners`: the equivalent GitHub CODEOWNERS. Refuses when the file cannot be read reliably
 * (syntax, types, invalid patterns); gaps such as a missing lead do not change who owns a path.
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const { parsed } = loadOwners(args, io);
  const errors = validateOwners(parsed).filter(d => d.severity === 'error' && STRUCTURAL_CODES.has(d.code));
  if (errors.length > 0) {
    io.err(`OWNERS.yaml cannot be read reliably (${errors.length} error(s)); no CODEOWNERS written. First: line ${errors[0].span.line}:${errors[0].span.column} ${errors[0].code}: ${errors[0].message}\n`);
    return 1;
  }
  io.out(exportCodeowners(parsed.model));
  return 0;
}
