import * as fs from 'fs';
import * as path from 'path';
import { CliArgs, CliIO, parseArgs, UsageError, VALUE_OPTIONS } from './cli/io';
import { withoutControlSequences } from './core/owners/printable';
import * as codeowners from './cli/codeowners';
import * as coverage from './cli/coverage';
import * as importOwners from './cli/importOwners';
import * as knowledge from './cli/knowledge';
import * as orgReport from './cli/orgReport';
import * as people from './cli/people';
import * as outcomes from './cli/outcomes';
import * as report from './cli/report';
import * as validate from './cli/validate';
import * as who from './cli/who';

interface Command {
  run: (args: CliArgs, io: CliIO) => Promise<number>;
  /** Options beyond COMMON_OPTIONS; any other option is bad usage (exit 2), never silently ignored. */
  options: string[];
  /** Whether it takes arguments besides options (paths, files); a stray one is bad usage too. */
  takesArguments: boolean;
}

const COMMON_OPTIONS = ['owners', 'root', 'json', 'help'];

const IMPORT_OPTIONS = ['from', 'output', 'force', 'suggest-from-git'];

const COMMANDS: Record<string, Command> = {
  who: { run: who.run, options: ['diff', 'staged', 'codeowners'], takesArguments: true },
  coverage: { run: coverage.run, options: ['min'], takesArguments: false },
  validate: { run: validate.run, options: ['format', 'no-repo'], takesArguments: false },
  codeowners: { run: codeowners.run, options: ['layout', 'no-layout'], takesArguments: false },
  import: { run: importOwners.run, options: IMPORT_OPTIONS, takesArguments: true },
  'import-codeowners': {
    run: (args, io) => importOwners.run(args, io, ['github', 'gitlab']),
    options: IMPORT_OPTIONS,
    takesArguments: true,
  },
  report: {
    run: report.run,
    options: [
      'repo',
      'api-url',
      'since',
      'until',
      'days',
      'cache-dir',
      'no-cache',
      'attributes',
      'team-only',
      'from',
      'branch',
      'allow-host',
    ],
    takesArguments: false,
  },
  knowledge: {
    run: knowledge.run,
    options: [
      'branch',
      'until',
      'min-bus-factor',
      'cache-dir',
      'no-cache',
      'attributes',
      'team-only',
    ],
    takesArguments: false,
  },
  people: { run: people.run, options: ['from', 'branch'], takesArguments: false },
  outcomes: { run: outcomes.run, options: ['until', 'allow-host'], takesArguments: false },
  'org-report': {
    run: orgReport.run,
    options: ['org', 'shard', 'out', 'api-url', 'since', 'until', 'days', 'cache-dir', 'max-wait'],
    takesArguments: true,
  },
};

const USAGE = `usage: ownership-lens <command> [options]

  who PATH...                 the component, team, owner and lead of each path (relative to the repository
                              root), and its CODEOWNERS handles (in JSON with --codeowners)
  who -                       the same for paths read from standard input (one per line or NUL-separated), as one JSON array
  who --diff BASE...HEAD | --staged   who must review a change: components, owners, teams, @mentions
  coverage [--min 90%]        the owned share of the repository's files, the biggest unowned folders;
                              exit 1 below --min (90%, 90 or 0.9)
  validate [--format text|json|github]   problems in OWNERS.yaml (exit 1 on errors)
  codeowners                  print the equivalent GitHub CODEOWNERS, keeping the comments, alignment and
                              order of the repository's CODEOWNERS where ownership allows [--layout FILE | --no-layout]
  import FILE|DIR...          print an OWNERS.yaml built from GitHub or GitLab CODEOWNERS, a Kubernetes
                              OWNERS tree or Backstage catalog-info.yaml; on stderr what did not map,
                              what is left to decide and what was guessed
                              [--from github|gitlab|prow|backstage] [--root DIR] [--output FILE] [--suggest-from-git]
  import-codeowners FILE      the same, for a CODEOWNERS file
  report --repo OWNER/NAME    lead-authorship report from GitHub pull requests; several --repo: one report
                              over all of them (each team's figures summed over their pull requests)
                              [--api-url URL] [--since YYYY-MM-DD] [--until YYYY-MM-DD] | [--days N]
                              [--attributes FILE] (default: .gitattributes of the repository root)
                              [--team-only] (name no individual but the lead)
  knowledge                   who knows each component's files, from the local git history (degree of
                              authorship, greedy bus factor), and each component's backup; no token
                              [--branch REF] [--until YYYY-MM-DD] [--min-bus-factor N] (exit 1 below N)
                              [--attributes FILE] [--team-only] [--cache-dir DIR | --no-cache]
  report --from git           the same figures from the local clone's history, no token or network: changes on
                              the first-parent line of --branch REF (default HEAD) in place of pull requests
                              [--since YYYY-MM-DD] [--until YYYY-MM-DD] | [--days N] [--root DIR] [--attributes FILE]
  people --from git           the people.<login>.emails entries the history suggests (addresses of branches
                              merged as "Merge pull request #N from LOGIN/…", GitHub no-reply addresses) [--branch REF]
  outcomes                    each outcome's value, target and status (met, missed, unknown and why) as at
                              [--until YYYY-MM-DD] (default: now); network sources only from hosts given by
                              [--allow-host HOST]... (tokens from OWNERSHIP_LENS_OUTCOME_TOKEN_<HOST>)
  org-report --org ORG        the same for every team across the organisation's repositories with an
                              OWNERS.yaml: JSON, Markdown and HTML in --out DIR [--shard K/N] [--max-wait S]
  org-report merge FILE... --out DIR   one report from the org-report.json of every shard

  every command: --owners FILE (default: OWNERS.yaml, .github/OWNERS.yaml, docs/OWNERS.yaml),
                --root DIR (repository root; default: the folder with .git), --json
  validate: --no-repo (do not check patterns against the repository's files)
  report:   --cache-dir DIR, --no-cache; token from GITHUB_TOKEN or GH_TOKEN (not needed with --from git); --allow-host HOST for outcome values
  exit 0 ok, 1 problems found or request failed, 2 bad usage or unreadable input
`;

/** The usage lines of one command, then the options every command takes. */
function commandUsage(command: string): string {
  const lines = USAGE.split('\n');
  const own: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith(`  ${command} `) && lines[i] !== `  ${command}`) continue;
    own.push(lines[i]);
    while (i + 1 < lines.length && /^ {10,}\S/.test(lines[i + 1])) own.push(lines[++i]);
  }
  const common = lines.slice(lines.findIndex(l => l.startsWith('  every command:')));
  return `usage: ownership-lens ${command} [options]\n\n${own.join('\n')}\n\n${common.join('\n')}`;
}

/** What a command's own code would otherwise take silently: a stray argument, a value on a flag, a clash. */
function checkUsage(args: CliArgs, command: Command, cwd: string): void {
  if (!command.takesArguments && args.positionals.length > 0) {
    throw new UsageError(
      `"${args.command}" takes no argument, but was given "${args.positionals[0]}" (see ownership-lens ${args.command} --help)`,
    );
  }
  for (const [name, value] of args.options) {
    if (typeof value === 'string' && !VALUE_OPTIONS.has(name))
      throw new UsageError(`--${name} takes no value (given "${value}")`);
  }
  if (
    args.command === 'validate' &&
    args.options.has('json') &&
    args.options.has('format') &&
    args.options.get('format') !== 'json'
  ) {
    throw new UsageError(
      `--json and --format ${String(args.options.get('format'))} disagree: give one`,
    );
  }
  const cacheDir = args.options.get('cache-dir');
  if (
    typeof cacheDir === 'string' &&
    fs.existsSync(path.resolve(cwd, cacheDir)) &&
    !fs.statSync(path.resolve(cwd, cacheDir)).isDirectory()
  ) {
    throw new UsageError(`--cache-dir ${cacheDir}: not a directory`);
  }
}

/** Runs one CLI invocation and returns its exit code; every failure becomes a message, never a stack. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    if (argv.length === 0) {
      io.err(USAGE);
      return 2;
    }
    if (['help', '--help', '-h'].includes(argv[0])) {
      io.out(USAGE);
      return 0;
    }
    const args = parseArgs(argv);
    if (args.command.startsWith('-'))
      throw new UsageError(
        `the command comes first: ownership-lens <command> [options], not "${args.command}"\n\n${USAGE}`,
      );
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"\n\n${USAGE}`);
    const help = args.options.get('help');
    if (typeof help === 'string')
      throw new UsageError(`--help takes no value (given "${withoutControlSequences(help)}")`);
    if (args.options.has('help') || args.positionals.includes('-h')) {
      io.out(commandUsage(args.command));
      return 0;
    }
    const allowed = [...COMMON_OPTIONS, ...command.options];
    const unknown =
      [...args.options.keys()].find(o => !allowed.includes(o)) ??
      args.positionals.find(p => /^-[A-Za-z]/.test(p))?.replace(/^-+/, '');
    if (unknown !== undefined) {
      throw new UsageError(
        `unknown option --${unknown} for "${args.command}" (it takes: ${allowed
          .filter(o => o !== 'help')
          .map(o => `--${o}`)
          .join(' ')})`,
      );
    }
    checkUsage(args, command, io.cwd);
    return await command.run(args, io);
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
  // The last line of defence: no escape sequence reaches the terminal, whatever a message quotes.
  // Not for `codeowners` and `import`, whose standard output is a file's content (kept byte for byte).
  const fileOutput = ['codeowners', 'import', 'import-codeowners'].includes(process.argv[2]);
  const io: CliIO = {
    out: s => process.stdout.write(fileOutput ? s : withoutControlSequences(s)),
    err: s => process.stderr.write(withoutControlSequences(s)),
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  // exitCode, not exit(): let stdout drain when piped.
  main(process.argv.slice(2), io).then(code => {
    process.exitCode = code;
  });
}
