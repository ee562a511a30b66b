import * as path from 'path';
import type { OwnersDiagnostic } from '../core/owners/model';
import { printable } from '../core/owners/printable';
import { validateOwners } from '../core/owners/validate';
import { listRepoFiles } from '../node/repoFiles';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { displayPath, loadOwners } from './loadOwners';

const FORMATS = ['text', 'json', 'github'] as const;

/** `validate`: every problem of OWNERS.yaml against the repository; exit 1 if any is an error. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const format = args.options.has('json') ? 'json' : (stringOption(args, 'format') ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const { file, root, parsed } = loadOwners(args, io);
  const files = args.options.has('no-repo') ? undefined : (await listRepoFiles(root)).files;
  const diagnostics = validateOwners(parsed, files);
  const shown = displayPath(file, io.cwd);
  if (format === 'json') io.out(JSON.stringify(diagnostics.map(toJson), null, 2) + '\n');
  else if (format === 'github')
    io.out(
      diagnostics
        .map(d => githubAnnotation(d, path.relative(root, file).split(path.sep).join('/') || shown))
        .join(''),
    );
  else io.out(textReport(diagnostics, shown));
  return diagnostics.some(d => d.severity === 'error') ? 1 : 0;
}

function toJson(d: OwnersDiagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: d.span.line,
    column: d.span.column,
  };
}

function textReport(diagnostics: OwnersDiagnostic[], file: string): string {
  if (diagnostics.length === 0) return `${file}: no problems\n`;
  // Messages quote values from the file: printed with their line breaks and escape sequences made visible.
  const lines = diagnostics.map(
    d =>
      `${printable(file)}:${d.span.line}:${d.span.column}: ${d.severity} ${d.code}: ${printable(d.message)}\n`,
  );
  const count = (s: string) => diagnostics.filter(d => d.severity === s).length;
  return (
    lines.join('') +
    `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`
  );
}

/** A GitHub Actions workflow command; values are escaped as the runner requires. */
function githubAnnotation(d: OwnersDiagnostic, file: string): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const data = (s: string) =>
    printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${level} file=${prop(file)},line=${d.span.line},col=${d.span.column},endLine=${d.span.endLine},endColumn=${d.span.endColumn},title=${prop(d.code)}::${data(d.message)}\n`;
}
