import { CliArgs, CliIO, parseArgs, UsageError } from './cli/io';
import * as codeowners from './cli/codeowners';
import * as importCodeowners from './cli/importCodeowners';
import * as report from './cli/report';
import * as validate from './cli/validate';
import * as who from './cli/who';

const COMMANDS: Record<string, (args: CliArgs, io: CliIO) => Promise<number>> = {
  who: who.run,
  validate: validate.run,
  codeowners: codeowners.run,
  'import-codeowners': importCodeowners.run,
  report: report.run,
};

const USAGE = `usage: ownership-lens <command> [options]

  who PATH...                 the component, team, owner and lead of each path
  validate [--format text|json|github]   problems in OWNERS.yaml (exit 1 on errors)
  codeowners                  print the equivalent GitHub CODEOWNERS
  import-codeowners FILE      print an OWNERS.yaml built from a CODEOWNERS file
  report --repo OWNER/NAME    lead-authorship report from GitHub pull requests
                              [--api-url URL] [--since YYYY-MM-DD] [--until YYYY-MM-DD | --days N]

  every command: --owners FILE (default: OWNERS.yaml, .github/OWNERS.yaml, docs/OWNERS.yaml), --json
`;

/** Runs one CLI invocation and returns its exit code; every failure becomes a message, never a stack. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!args.command || args.command === 'help' || args.options.has('help')) {
      (args.command ? io.out : io.err)(USAGE);
      return args.command ? 0 : 2;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"\n\n${USAGE}`);
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ownership-lens: ${e.message}\n`);
      return 2;
    }
    io.err(`ownership-lens: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.OWNERSHIP_LENS_DEBUG) io.err(`${(e as Error)?.stack}\n`);
    return 1;
  }
}

if (require.main === module) {
  const io: CliIO = {
    out: s => process.stdout.write(s),
    err: s => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
  };
  // exitCode, not exit(): let stdout drain when piped.
  main(process.argv.slice(2), io).then(code => { process.exitCode = code; });
}
