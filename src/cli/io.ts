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
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(['owners', 'format', 'repo', 'api-url', 'since', 'until', 'days', 'root', 'cache-dir', 'attributes', 'org', 'shard', 'out', 'max-wait', 'from', 'output', 'diff', 'min', 'layout', 'branch', 'min-bus-factor', 'allow-host']);

export function parseArgs(argv: string[]): CliArgs {
  const [command = '', ...rest] = argv;
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  const set = (name: string, value: string) => { options.set(name, value); values.set(name, [...(values.get(name) ?? []), value]); };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') { positionals.push(...rest.slice(i + 1)); break; }
    if (!a.startsWith('--')) { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) { set(name, a.slice(eq + 1)); continue; }
    if (VALUE_OPTIONS.has(name)) {
      const value = rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      set(name, value);
    } else {
      options.set(name, true);
    }
  }
  return { command, positionals, options, values };
}

export function stringOption(args: CliArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
