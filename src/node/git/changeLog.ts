import { StringDecoder } from 'string_decoder';
import type { GitIdentity } from '../../core/history/identity';
import { requestNumber, requestTitle } from '../../core/history/requestRef';
import type { BranchCommits, RawChange } from '../../core/history/changes';
import { runGit, spawnGit } from './safeGit';

/**
 * Reading the first-parent line from git (docs/figures.md ("Figures from your git history")), streaming: the line itself (cheap, no diffs),
 * then, for the commits not cached yet, their metadata and numstat against the first parent in one
 * `git log --no-walk --stdin`, then the branch commits of the merges among them in one `git log`.
 */

/** One commit of `git rev-list --first-parent`: hash, parents, committer date (seconds). */
export interface LineCommit {
  hash: string;
  parents: string[];
  time: number;
}

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The full hash REF names, or an Error that says why not. */
export async function resolveRef(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-') || /[\s\0]/.test(ref))
    throw new Error(`"${ref}" is not a branch or revision`);
  const r = await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const hash = r.stdout.toString('utf8').trim();
  if (r.code !== 0 || !HASH.test(hash)) {
    throw new Error(
      r.stderr.includes('not a git repository')
        ? `${root} is not inside a git repository`
        : `unknown revision "${ref}" in ${root}`,
    );
  }
  return hash;
}

/** Every commit of `git rev-list --first-parent REF`, newest first. */
export async function firstParentLine(root: string, ref: string): Promise<LineCommit[]> {
  const out: LineCommit[] = [];
  await streamGit(
    root,
    ['rev-list', '--first-parent', '--parents', '--timestamp', '--end-of-options', ref, '--'],
    undefined,
    text => {
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const parts = text.slice(start, nl).split(' ');
        start = nl + 1;
        if (parts.length >= 2)
          out.push({ time: Number(parts[0]), hash: parts[1], parents: parts.slice(2) });
      }
      return start;
    },
  );
  return out;
}

const TRAILER_KEYS = 'key=Co-authored-by,key=Reviewed-by,key=Approved-by,key=Acked-by';
// %x1e opens a record; the record's own hash closes its header, which a message cannot contain.
const DETAIL_FORMAT = `%x1e%H%x1f%P%x1f%ct%x1f%aN%x1f%aE%x1f%(trailers:${TRAILER_KEYS},separator=%x1d,unfold)%x1f%s%x1f%b%x1f%H`;

/**
 * Metadata and numstat (against the first parent, renames detected) of `hashes`, in one streaming
 * `git log --no-walk --stdin`. Each change is handed to `onChange` as soon as it is read.
 */
export async function readChanges(
  root: string,
  hashes: readonly string[],
  onChange: (c: RawChange) => void,
): Promise<void> {
  if (hashes.length === 0) return;
  const args = [
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '--diff-merges=first-parent',
    '--numstat',
    '-M',
    '-z',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    `--format=${DETAIL_FORMAT}`,
  ];
  await streamGit(root, args, `${hashes.join('\n')}\n`, (text, final) =>
    parseDetails(text, final, onChange),
  );
}

/** Parses whole records of `text`; returns how far it got (the rest waits for more output). */
function parseDetails(text: string, final: boolean, onChange: (c: RawChange) => void): number {
  let pos = 0;
  while (pos < text.length) {
    if (text.charCodeAt(pos) !== 0x1e) throw new Error('git log printed something unexpected');
    const hashEnd = text.indexOf('\x1f', pos);
    if (hashEnd < 0) return pos;
    const hash = text.slice(pos + 1, hashEnd);
    const close = text.indexOf(`\x1f${hash}\0`, hashEnd);
    if (close < 0) return pos;
    const header = text.slice(pos + 1, close).split('\x1f');
    let p = close + hash.length + 2;
    if (text.charCodeAt(p) === 0x0a) p++;
    else if (p >= text.length && !final) return pos;
    const files: [string, number, number][] = [];
    // numstat -z: "ADD\tDEL\tPATH\0", or for a rename "ADD\tDEL\t\0OLD\0NEW\0".
    while (p < text.length && text.charCodeAt(p) !== 0x1e) {
      const t1 = text.indexOf('\t', p);
      const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
      if (t2 < 0) {
        if (final) throw new Error('git log numstat cut short');
        return pos;
      }
      const adds = text.slice(p, t1);
      const dels = text.slice(t1 + 1, t2);
      let pathEnd: number;
      let filePath: string;
      if (text.charCodeAt(t2 + 1) === 0) {
        const oldEnd = text.indexOf('\0', t2 + 2);
        pathEnd = oldEnd < 0 ? -1 : text.indexOf('\0', oldEnd + 1);
        filePath = pathEnd < 0 ? '' : text.slice(oldEnd + 1, pathEnd);
      } else {
        pathEnd = text.indexOf('\0', t2 + 1);
        filePath = pathEnd < 0 ? '' : text.slice(t2 + 1, pathEnd);
      }
      if (pathEnd < 0) {
        if (final) throw new Error('git log numstat cut short');
        return pos;
      }
      // A binary file ("-") adds 0 lines but still belongs to teams.
      files.push([filePath, adds === '-' ? 0 : Number(adds), dels === '-' ? 0 : Number(dels)]);
      p = pathEnd + 1;
    }
    if (p >= text.length && !final) return pos;
    onChange(changeOf(header, files));
    pos = p;
  }
  return pos;
}

function changeOf(h: string[], files: [string, number, number][]): RawChange {
  const [commit, parents, time, name, email, trailers, subject] = h;
  const body = h.slice(7).join('\x1f');
  return {
    commit,
    parents: parents ? parents.split(' ') : [],
    time: Number(time),
    author: { name, email },
    number: requestNumber(subject, body),
    title: requestTitle(subject, body),
    trailers: splitTrailers(trailers),
    files,
  };
}

function splitTrailers(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const t of text.split('\x1d')) {
    const colon = t.indexOf(':');
    if (colon <= 0) continue;
    out.push([t.slice(0, colon).trim().toLowerCase(), t.slice(colon + 1).trim()]);
  }
  return out;
}

export interface GraphCommit {
  parents: string[];
  author: GitIdentity;
  subject: string;
  coAuthors: string[];
}

const GRAPH_FORMAT =
  '%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%s%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d,unfold)%x1f%H%x00';

/** Every commit of `git log INCLUDE ^EXCLUDE…` (all parents, no diffs): parents, author, co-author trailers. */
export async function readGraph(
  root: string,
  include: readonly string[],
  exclude: readonly string[],
): Promise<Map<string, GraphCommit>> {
  const graph = new Map<string, GraphCommit>();
  const revs = [...include, ...exclude.map(e => `^${e}`)].join('\n');
  await streamGit(
    root,
    ['log', '--stdin', '--no-color', `--format=${GRAPH_FORMAT}`],
    `${revs}\n`,
    text => {
      let pos = 0;
      while (pos < text.length) {
        const hashEnd = text.indexOf('\x1f', pos);
        if (hashEnd < 0) return pos;
        const hash = text.slice(pos + 1, hashEnd);
        const close = text.indexOf(`\x1f${hash}\0`, hashEnd);
        if (close < 0) return pos;
        const [, parents, name, email, subject, ...rest] = text.slice(pos + 1, close).split('\x1f');
        graph.set(hash, {
          parents: parents ? parents.split(' ') : [],
          author: { name, email },
          subject,
          coAuthors: rest
            .join('\x1f')
            .split('\x1d')
            .map(s => s.trim())
            .filter(Boolean),
        });
        pos = close + hash.length + 2;
        while (pos < text.length && text.charCodeAt(pos) === 0x0a) pos++;
      }
      return pos;
    },
  );
  return graph;
}

/**
 * The branch commits (`P2 … Pn ^P1`) of the merges among `line` (newest first, as rev-list gives it)
 * whose hashes are in `wanted`, from one `git log` over the line's stretch that holds them: each commit
 * of that stretch belongs to the first merge on the line that reaches it.
 */
export async function readBranches(
  root: string,
  line: readonly LineCommit[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, BranchCommits>> {
  const out = new Map<string, BranchCommits>();
  const at = line
    .map((c, i) => (wanted.has(c.hash) && c.parents.length > 1 ? i : -1))
    .filter(i => i >= 0);
  if (at.length === 0) return out;
  const newest = at[0];
  const oldest = at[at.length - 1];
  const base = line[oldest].parents[0];
  const graph = await readGraph(root, [line[newest].hash], [base]);
  const found: [LineCommit, string[]][] = [];
  assignBranches(line.slice(newest, oldest + 1), graph, (merge, members) => {
    if (wanted.has(merge.hash)) found.push([merge, members]);
  });
  for (const [merge, members] of found)
    out.set(merge.hash, await branchOf(root, merge, members, graph));
  return out;
}

/**
 * Walks `line` (newest first) from its oldest commit and hands each merge its branch commits: those
 * of `graph` it reaches through its parents after the first and that no earlier commit of the line
 * reached, which is `P2 … Pn ^P1` when `graph` holds the commits reachable from the line's newest
 * commit and not from the oldest one's first parent.
 */
export function assignBranches(
  line: readonly LineCommit[],
  graph: ReadonlyMap<string, GraphCommit>,
  onMerge: (merge: LineCommit, members: string[]) => void,
): void {
  const seen = new Set<string>();
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (c.parents.length > 1) {
      const members: string[] = [];
      const stack = c.parents.slice(1);
      while (stack.length) {
        const h = stack.pop()!;
        const g = graph.get(h);
        if (!g || seen.has(h)) continue;
        seen.add(h);
        members.push(h);
        for (const p of g.parents) stack.push(p);
      }
      onMerge(c, members);
    }
    seen.add(c.hash);
  }
}

async function branchOf(
  root: string,
  merge: LineCommit,
  members: string[],
  graph: Map<string, GraphCommit>,
): Promise<BranchCommits> {
  const inSet = new Set(members);
  const bottoms = members.filter(h => !graph.get(h)!.parents.some(p => inSet.has(p)));
  let first: string | undefined;
  if (bottoms.length === 1) {
    // Every other branch commit descends from the only one without a parent in the set: it comes first.
    first = bottoms[0];
  } else if (bottoms.length > 1) {
    // Several starting points (an octopus, a branch that merged another): git's own order decides.
    const r = await runGit(root, [
      'rev-list',
      '--reverse',
      '--topo-order',
      ...merge.parents.slice(1),
      `^${merge.parents[0]}`,
    ]);
    first = r.stdout.toString('utf8').split('\n', 1)[0].trim() || undefined;
  }
  const authors: GitIdentity[] = [];
  const coAuthors: string[] = [];
  const key = new Set<string>();
  // Oldest first, so `authors` reads as the branch was written.
  for (let i = members.length - 1; i >= 0; i--) {
    const g = graph.get(members[i])!;
    const k = `${g.author.name}\0${g.author.email.toLowerCase()}`;
    if (!key.has(k)) {
      key.add(k);
      authors.push(g.author);
    }
    coAuthors.push(...g.coAuthors);
  }
  return { first: first && graph.has(first) ? graph.get(first)!.author : null, authors, coAuthors };
}

/** Every distinct author (after `.mailmap`) of the commits reachable from `tip`. */
export async function historyAuthors(root: string, tip: string): Promise<GitIdentity[]> {
  const seen = new Map<string, GitIdentity>();
  await streamGit(root, ['log', '--no-color', '--format=%aE%x1f%aN%x00', tip], undefined, text => {
    let start = 0;
    for (let end = text.indexOf('\0', start); end >= 0; end = text.indexOf('\0', start)) {
      const rec = text.slice(start, end).replace(/^\n+/, '');
      start = end + 1;
      if (!seen.has(rec)) {
        const sep = rec.indexOf('\x1f');
        seen.set(rec, { email: rec.slice(0, sep), name: rec.slice(sep + 1) });
      }
    }
    return start;
  });
  return [...seen.values()];
}

/** `git remote get-url origin`, or undefined. */
export async function originUrl(root: string): Promise<string | undefined> {
  const r = await runGit(root, ['remote', 'get-url', 'origin']);
  const url = r.stdout.toString('utf8').trim();
  return r.code === 0 && url ? url : undefined;
}

/**
 * Runs git and hands its output to `consume` as text as it arrives; `consume` returns how many
 * characters it used, the rest is handed again with the next output (and `final` at the end).
 */
async function streamGit(
  root: string,
  args: string[],
  input: string | undefined,
  consume: (text: string, final: boolean) => number,
): Promise<void> {
  const child = await spawnGit(root, args, {
    spawn: { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] },
  });
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let stderr = '';
  let failure: Error | undefined;
  const feed = (s: string, final: boolean) => {
    if (failure) return;
    pending += s;
    try {
      const used = consume(pending, final);
      pending = pending.slice(used);
    } catch (e) {
      failure = e as Error;
      child.kill();
    }
  };
  child.stdout!.on('data', (b: Buffer) => feed(decoder.write(b), false));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => {
    if (stderr.length < 8192) stderr += s;
  });
  if (input !== undefined) {
    child.stdin!.on('error', () => {
      /* git exited early; 'close' answers */
    });
    child.stdin!.end(input);
  }
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', e =>
      reject(new Error(`git could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`)),
    );
    child.on('close', c => resolve(c ?? 1));
  });
  if (!failure && code === 0) feed(decoder.end(), true);
  if (failure) throw failure;
  if (code !== 0)
    throw new Error(`git ${args[0]} failed: ${stderr.trim().split('\n')[0] || `exit ${code}`}`);
}
