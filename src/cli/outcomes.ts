import { allowList, tokenVariable } from '../core/outcomes/allowedHosts';
import type { OutcomeEntry } from '../core/outcomes/model';
import { printable } from '../core/owners/printable';
import { valueText } from '../core/outcomes/wording';
import { envTokens, OutcomeReader } from '../node/outcomes/outcomeReader';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { LoadedOwners, loadOwners, requireReadable } from './loadOwners';

/** `outcomes`: each outcome's value, target and status as at --until (default now); exit 0 whatever the statuses. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const untilMs = untilOption(args);
  const loaded = loadOwners(args, io);
  requireReadable(loaded, io, 'outcomes');
  const entries = await outcomeReader(loaded, args, io).entries(
    [...loaded.parsed.model.outcomes.values()],
    untilMs,
  );
  io.out(
    args.options.has('json')
      ? `${JSON.stringify(entries, null, 2)}\n`
      : formatEntries(entries, loaded),
  );
  return 0;
}

/** The reader the CLI uses: hosts from --allow-host only, tokens from the environment only. */
export function outcomeReader(loaded: LoadedOwners, args: CliArgs, io: CliIO): OutcomeReader {
  return new OutcomeReader({
    root: loaded.root,
    allowedHosts: allowList(args.values.get('allow-host') ?? []),
    tokenFor: envTokens(io.env, tokenVariable),
  });
}

/** `--until YYYY-MM-DD` as the time 00:00Z of that day; undefined for now. */
function untilOption(args: CliArgs): number | undefined {
  const v = stringOption(args, 'until');
  if (v === undefined) return undefined;
  const ms = Date.parse(`${v}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== v
  ) {
    throw new UsageError(`--until must be a date YYYY-MM-DD, not "${v}"`);
  }
  return ms;
}

const STATUS_WORDS: Record<OutcomeEntry['status'], string> = {
  met: 'met',
  missed: 'MISSED',
  unknown: 'unknown',
};

function formatEntries(entries: OutcomeEntry[], loaded: LoadedOwners): string {
  if (entries.length === 0) return 'No outcomes in OWNERS.yaml.\n';
  const width = Math.min(40, Math.max(...entries.map(e => e.outcome.length)));
  const lines = entries.map(e => {
    const unit = loaded.parsed.model.outcomes.get(e.outcome)?.unit ?? '';
    const value = valueText(e.value, unit);
    const target = e.target === null ? 'no target' : `target ${e.target}`;
    const tail = e.status === 'unknown' ? `: ${e.reason}` : e.asOf ? `, as of ${e.asOf}` : '';
    return printable(
      `${e.outcome.padEnd(width)}  ${STATUS_WORDS[e.status].padEnd(7)}  ${value}  (${target})${tail}`,
    );
  });
  return `${lines.join('\n')}\n`;
}
