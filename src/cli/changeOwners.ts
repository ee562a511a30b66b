import { ChangeOwners } from '../core/owners/changeOwners';
import { printableText as t } from '../core/owners/printable';
import { CliIO } from './io';

/**
 * Who must review a change, as text: one block per component, the unowned files, the mentions to
 * paste. Component ids, logins and file names are untrusted: each is printed escaped.
 */
export function printChangeOwners(r: ChangeOwners, io: CliIO): void {
  if (r.files === 0) {
    io.out('No changed files.\n');
    return;
  }
  io.out(
    `${r.files} changed file(s): ${r.components.length} component(s), ${r.teams.length} team(s)${r.unowned.length > 0 ? `, ${r.unowned.length} unowned` : ''}\n\n`,
  );
  for (const c of r.components) {
    io.out(
      t`${c.component}  owner ${c.owner ?? '?'}  team ${c.team ?? '?'}  lead ${c.lead ?? '?'}  (${c.files.length} file(s))` +
        (c.codeowners.length > 0 ? t`\n  codeowners ${c.codeowners.join(' ')}` : '') +
        '\n',
    );
    for (const f of c.files.slice(0, 5)) io.out(t`  ${f}\n`);
    if (c.files.length > 5) io.out(`  ... and ${c.files.length - 5} more\n`);
  }
  if (r.unowned.length > 0) {
    io.out('unowned\n');
    for (const f of r.unowned.slice(0, 10)) io.out(t`  ${f}\n`);
    if (r.unowned.length > 10) io.out(`  ... and ${r.unowned.length - 10} more\n`);
  }
  if (r.mentions.length > 0) io.out(t`\nReviewers to mention: ${r.mentions.join(' ')}\n`);
}
