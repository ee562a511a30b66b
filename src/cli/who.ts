import * as fs from 'fs';
import * as path from 'path';
import { codeownersOf } from '../core/owners/codeowners';
import { printable } from '../core/owners/printable';
import { createOwnershipIndex } from '../core/owners/resolve';
import { ownersOfChanges } from '../core/owners/changeOwners';
import { changedFiles, ChangeSet } from '../node/gitChanges';
import { printChangeOwners } from './changeOwners';
import { CliArgs, CliIO, UsageError } from './io';
import { loadOwners, requireReadable } from './loadOwners';

const USAGE =
  'usage: ownership-lens who PATH... | - | --diff BASE...HEAD | --staged [--owners FILE] [--json] [--codeowners]  (paths relative to the repository root; who - reads them from standard input)';

/**
 * `who PATH...`: the component, team, owner and lead of each path (README.md's command-line reference). With `--diff
 * BASE...HEAD` or `--staged`: who must review that change (components, owners, teams, @mentions).
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const change = changeSetOf(args);
  if (args.positionals.length === 0 && !change) throw new UsageError(USAGE);
  if (args.positionals.length > 0 && change)
    throw new UsageError(`give paths or a change, not both\n${USAGE}`);
  const fromStdin = args.positionals.includes('-');
  const loaded = loadOwners(args, io);
  const { root, parsed } = loaded;
  requireReadable(loaded, io, 'answers');
  // Paths typed by a person are looked up on disk (a directory, a path relative to the working
  // directory); paths from standard input, possibly millions, are taken as they are.
  const paths = fromStdin
    ? (await withStdin(args.positionals, io)).map(p => repoPath(p, root))
    : args.positionals.map(p => typedRepoPath(p, root, io.cwd));
  const index = createOwnershipIndex(parsed.model);
  if (change) {
    let files: string[];
    try {
      files = await changedFiles(root, change);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const result = ownersOfChanges(index, files);
    if (args.options.has('json'))
      io.out(
        JSON.stringify(
          { change: change.kind === 'staged' ? 'staged' : change.range, ...result },
          null,
          2,
        ) + '\n',
      );
    else printChangeOwners(result, io);
    return 0;
  }
  // JSON rows are exactly the documented five fields; `--codeowners` adds who GitHub asks to review each
  // path (what `codeowners` exports), which the text output always shows.
  const json = args.options.has('json') || fromStdin;
  const withCodeowners = !json || args.options.has('codeowners');
  const rows = paths.map(rel => {
    const owner = index.ownerOf(rel);
    const row =
      owner.kind === 'unowned'
        ? { path: rel, component: null, team: null, owner: null, lead: null }
        : {
            path: rel,
            component: owner.component.id,
            team: owner.component.team || null,
            owner: owner.component.owner || null,
            lead: owner.team?.lead || null,
          };
    return withCodeowners
      ? {
          ...row,
          codeowners: owner.kind === 'owned' ? codeownersOf(parsed.model, owner.component) : [],
        }
      : row;
  });
  if (json) {
    writeJsonArray(rows, io);
    return 0;
  }
  if (rows.length === 0) return 0;
  // Values come from OWNERS.yaml: line breaks and escape sequences are printed visibly, never acted on.
  const p = (s: string | null) => printable(s ?? '?');
  const width = Math.max(...rows.map(r => p(r.path).length));
  for (const r of rows) {
    io.out(
      r.component === null
        ? `${p(r.path).padEnd(width)}  unowned\n`
        : `${p(r.path).padEnd(width)}  ${p(r.component)}  owner ${p(r.owner)}  team ${p(r.team)}  lead ${p(r.lead)}${'codeowners' in r && r.codeowners.length > 0 ? `  codeowners ${r.codeowners.map(c => p(c)).join(' ')}` : ''}\n`,
    );
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
    const part = rows
      .slice(i, i + SLICE)
      .map(r => '  ' + JSON.stringify(r))
      .join(',\n');
    io.out((i === 0 ? '[\n' : ',\n') + part);
  }
  io.out('\n]\n');
}

/**
 * the documentation: a path is relative to the repository root; a leading `/` means the root, as in CODEOWNERS.
 * A path that leaves the repository (`../x`) is refused rather than matched.
 */
function repoPath(p: string, root: string): string {
  const rel = path.posix.normalize(p.replace(/\\/g, '/').replace(/^\/+/, ''));
  if (rel === '..' || rel.startsWith('../'))
    throw new UsageError(
      `${printable(p)} is outside the repository ${printable(root)}: paths are relative to its root`,
    );
  return rel === '.' || rel === './' ? '' : rel.replace(/^\.\//, '');
}

/**
 * A path given as an argument: also an absolute path inside the repository, or, from a subdirectory,
 * a path that exists there but not at the root (tab completion); a directory gets its trailing `/`,
 * so `who services/checkout` answers for the folder as `services/checkout/` does.
 */
function typedRepoPath(p: string, root: string, cwd: string): string {
  const native = path.resolve(cwd, p);
  const inside = (abs: string) =>
    abs === root || abs.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  const exists = (abs: string) => fs.existsSync(abs);
  let rel: string;
  if (path.isAbsolute(p) && inside(native) && exists(native))
    rel = path.relative(root, native).split(path.sep).join('/');
  else if (
    !path.isAbsolute(p) &&
    cwd !== root &&
    inside(native) &&
    exists(native) &&
    !exists(path.join(root, p))
  )
    rel = path.relative(root, native).split(path.sep).join('/');
  else rel = repoPath(p, root);
  if (rel !== '' && !rel.endsWith('/') && isDirectory(path.join(root, rel))) rel += '/';
  return rel;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function changeSetOf(args: CliArgs): ChangeSet | undefined {
  const diff = args.options.get('diff');
  if (diff === true) throw new UsageError(`--diff needs a range such as main...HEAD\n${USAGE}`);
  if (typeof diff === 'string' && args.options.has('staged'))
    throw new UsageError(`--diff or --staged, not both\n${USAGE}`);
  if (typeof diff === 'string') return { kind: 'range', range: diff };
  return args.options.has('staged') ? { kind: 'staged' } : undefined;
}
