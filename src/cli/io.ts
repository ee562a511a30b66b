import { parseArgs as parseArgsOfNode } from 'util';

/** What a subcommand may touch: its output streams, the environment and the working directory. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** All of standard input as UTF-8 (`who -`); absent where there is none. */
  readStdin?(): Promise<string>;
}

/** Parsed command line: positionals plus `--flag value` / `--flag` options. */
export interface CliArgs {
  command: string;
  positionals: string[];
  options: Map<string, string | true>;
  /** Every value of each value option, in order (`--repo A --repo B`); `options` keeps the last. */
  values: Map<string, string[]>;
}

/** Thrown for bad usage or unreadable input: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** Options that take a value; every other `--x` is a boolean flag. */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  'owners',
  'format',
  'repo',
  'api-url',
  'since',
  'until',
  'days',
  'root',
  'cache-dir',
  'attributes',
  'org',
  'shard',
  'out',
  'max-wait',
  'from',
  'output',
  'diff',
  'min',
  'layout',
  'branch',
  'min-bus-factor',
  'allow-host',
]);

/**
 * Node's `util.parseArgs` in its lenient mode, so that the CLI, not the parser, words every refusal:
 * an unknown option arrives here as a flag and `src/cli.ts` refuses it (exit 2). A single-dash word
 * (`-`, `-x`) stays a positional, as it always was; a value option takes the next word whatever it is.
 */
export function parseArgs(argv: string[]): CliArgs {
  const [command = '', ...rest] = argv;
  const parsed = parseArgsOfNode({
    args: rest,
    options: Object.fromEntries(
      [...VALUE_OPTIONS].map(name => [name, { type: 'string' as const, multiple: true }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  const set = (name: string, value: string) => {
    options.set(name, value);
    values.set(name, [...(values.get(name) ?? []), value]);
  };
  let lastShortWord = -1;
  for (const token of parsed.tokens ?? []) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
    } else if (token.kind === 'option' && !token.rawName.startsWith('--')) {
      // `-abc` comes back as three tokens with one index: the word once, as given.
      if (token.index !== lastShortWord) positionals.push(rest[token.index]);
      lastShortWord = token.index;
    } else if (token.kind === 'option') {
      if (token.value !== undefined) set(token.name, token.value);
      else if (VALUE_OPTIONS.has(token.name)) throw new UsageError(`--${token.name} needs a value`);
      else options.set(token.name, true);
    }
  }
  return { command, positionals, options, values };
}

export function stringOption(args: CliArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
