import * as path from 'path';
import { codeownersOf } from '../core/owners/codeowners';
import { printable } from '../core/owners/printable';
import { createOwnershipIndex } from '../core/owners/resolve';
import { ownersOfChanges } from '../core/owners/changeOwners';
import { changedFiles, ChangeSet } from '../node/gitChanges';
import { printChangeOwners } from './changeOwners';
import { CliArgs, CliIO, UsageError } from './io';
import { loadOwners } from './loadOwners';

const USAGE = 'usage: ownership-lens who PATH... | - | --diff BASE...HEAD | --staged [--owners FILE] [--json]  (who - reads the paths from standard input)';

/**
 * `who PATH...`: the component, team, owner and lead of each path (SPEC section 2). With `--diff
 * BASE...HEAD` or `--staged`: who must review that change (components, owners, teams, @mentions).
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const change = changeSetOf(args);
  if (args.positionals.length === 0 && !change) throw new UsageError(USAGE);
  if (args.positionals.length > 0 && change) throw new UsageError(`give paths or a change, not both\n${USAGE}`);
  const fromStdin = args.positionals.includes('-');
  const { root, parsed } = loadOwners(args, io);
  const paths = fromStdin ? await withStdin(args.positionals, io) : args.positionals;
  const errors = parsed.diagnostics.filter(d => d.severity === 'error');
  if (errors.length > 0) io.err(`warning: OWNERS.yaml has ${errors.length} error(s); answers may be incomplete (run \`ownership-lens validate\`).\n`);
  const index = createOwnershipIndex(parsed.model);
  if (change) {
    let files: string[];
    try {
      files = changedFiles(root, change);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const result = ownersOfChanges(index, files);
    if (args.options.has('json')) io.out(JSON.stringify({ change: change.kind === 'staged' ? 'staged' : change.range, ...result }, null, 2) + '\n');
    else printChangeOwners(result, io);
    return 0;
  }
  const rows = paths.map(p => {
    const rel = toRepoPath(p, root, io.cwd);
    const owner = index.ownerOf(rel);
    if (owner.kind === 'unowned') return fromStdin ? { path: rel, component: null, team: null, owner: null, lead: null } : { path: rel, component: null, team: null, owner: null, lead: null, codeowners: [] as string[] };
    const row = { path: rel, component: owner.component.id, team: owner.component.team || null, owner: owner.component.owner || null, lead: owner.team?.lead || null };
    // Beyond SPEC's fields: who GitHub asks to review this path (what `codeowners` exports); not in
    // the bulk `who -` output, which stays SPEC's shape and size for millions of paths.
    return fromStdin ? row : { ...row, codeowners: codeownersOf(parsed.model, owner.component) };
  });
  if (args.options.has('json') || fromStdin) {
    writeJsonArray(rows, io);
    return 0;
  }
  if (rows.length === 0) return 0;
  // Values come from OWNERS.yaml: line breaks and escape sequences are printed visibly, never acted on.
  const p = (s: string | null) => printable(s ?? '?');
  const width = Math.max(...rows.map(r => p(r.path).length));
  for (const r of rows) {
    io.out(r.component === null
      ? `${p(r.path).padEnd(width)}  unowned\n`
      : `${p(r.path).padEnd(width)}  ${p(r.component)}  owner ${p(r.owner)}  team ${p(r.team)}  lead ${p(r.lead)}${'codeowners' in r && r.codeowners.length > 0 ? `  codeowners ${r.codeowners.map(c => p(c)).join(' ')}` : ''}\n`);
  }
  return 0;
}

/** `-` stands for the paths on standard input: one per line, or NUL-separated (`git ls-files -z`). */
async function withStdin(positionals: string[], io: CliIO): Promise<string[]> {
  if (!io.readStdin) throw new UsageError('who -: standard input cannot be read here');
  const text = await io.readStdin();
  const fromStdin = text.split(text.includes('\0') ? '\0' : /\r?\n/).filter(p => p.trim() !== '');
  return positionals.flatMap(p => (p === '-' ? fromStdin : [p]));
}

/** One JSON document however many rows, written in slices so a million rows never form one string. */
function writeJsonArray(rows: readonly object[], io: CliIO): void {
  if (rows.length === 0) return io.out('[]\n');
  const SLICE = 5000;
  for (let i = 0; i < rows.length; i += SLICE) {
    const part = rows.slice(i, i + SLICE).map(r => '  ' + JSON.stringify(r)).join(',\n');
    io.out((i === 0 ? '[\n' : ',\n') + part);
  }
  io.out('\n]\n');
}

/** Paths are repository-relative (SPEC); a path that exists relative to the cwd is converted. */
function toRepoPath(p: string, root: string, cwd: string): string {
  const normal = p.replace(/\\/g, '/');
  if (path.isAbsolute(p)) return path.relative(root, p).split(path.sep).join('/');
  if (cwd !== root && !normal.startsWith('/')) {
    const fromCwd = path.relative(root, path.resolve(cwd, p));
    if (!fromCwd.startsWith('..')) return fromCwd.split(path.sep).join('/');
  }
  return normal.replace(/^\.\//, '').replace(/^\/+/, '');
}

function changeSetOf(args: CliArgs): ChangeSet | undefined {
  const diff = args.options.get('diff');
  if (diff === true) throw new UsageError(`--diff needs a range such as main...HEAD\n${USAGE}`);
  if (typeof diff === 'string' && args.options.has('staged')) throw new UsageError(`--diff or --staged, not both\n${USAGE}`);
  if (typeof diff === 'string') return { kind: 'range', range: diff };
  return args.options.has('staged') ? { kind: 'staged' } : undefined;
}
