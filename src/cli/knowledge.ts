import * as crypto from 'crypto';
import * as path from 'path';
import { nowMs } from '../core/clock';
import { dateOption, flagWindow } from '../core/figures/window';
import { teamOnlyWanted } from '../core/figures/teamOnly';
import { backupOf } from '../core/metrics/inPractice';
import type { KnowledgeFigures } from '../core/knowledge/types';
import { printable } from '../core/owners/printable';
import { createOwnershipIndex } from '../core/owners/resolve';
import { FIGURES_ARE_NOT } from '../core/report/wording';
import {
  readKnowledgeCache as readCache,
  writeKnowledgeCache as writeCache,
} from '../node/git/knowledgeLog';
import { gitKnowledge } from '../node/gitKnowledge';
import { readGitattributes } from '../node/gitattributesFile';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners, requireReadable } from './loadOwners';
import { defaultCacheDir, usage } from './reportOptions';

/**
 * `knowledge`: who knows each component's files, from the local git history (degree of authorship
 * and greedy truck factor), with no token. `--min-bus-factor N` exits 1 when a component with files
 * has a bus factor under N (a CI check).
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const loaded = loadOwners(args, io);
  requireReadable(loaded, io, 'knowledge');
  const { root, parsed } = loaded;
  const model = parsed.model;
  const ref = stringOption(args, 'branch') ?? 'HEAD';
  const until = untilOption(args);
  const min = minOption(args);
  const attributesOption = stringOption(args, 'attributes');
  const attributes = readGitattributes(
    root,
    attributesOption === undefined ? undefined : path.resolve(io.cwd, attributesOption),
  );
  if (attributes.kind === 'unreadable')
    throw new UsageError(
      `cannot read ${attributes.file} for linguist-generated: ${attributes.reason}`,
    );
  const teamOnly = teamOnlyWanted(model, args.options.has('team-only'));
  const cacheFile = knowledgeCacheFile(args, io, root);
  const cache = cacheFile ? readCache(cacheFile) : undefined;
  let k;
  try {
    k = await gitKnowledge(root, createOwnershipIndex(model), {
      ref,
      until,
      generated: attributes.generated,
      cache,
    });
  } catch (e) {
    io.err(`ownership-lens: ${(e as Error).message}\n`);
    return 1;
  }
  if (cache && cacheFile && k.loggedCommits > 0) writeCache(cacheFile, cache);
  const lead = (team: string) => model.teams.get(team)?.lead.toLowerCase() ?? '';
  const hide = (k: KnowledgeFigures, keep: (login: string) => boolean): KnowledgeFigures =>
    teamOnly ? { ...k, holders: k.holders.filter(h => keep(h.login)) } : k;
  const components = [...model.components.values()].map(c => {
    const known = k.knowledge.components.get(c.id)!;
    const isLead = (login: string) => login.toLowerCase() === lead(c.team);
    const backup = backupOf(c.owner, known.filesKnownBy, undefined, k.knowledge.loginOf);
    return {
      component: c.id,
      team: c.team,
      owner: c.owner,
      knowledge: hide(known.knowledge, isLead),
      backup: teamOnly && backup && !isLead(backup) ? null : backup,
    };
  });
  const json = {
    source: 'git',
    ref,
    commit: k.tip,
    snapshot: k.snapshot,
    until,
    commits: k.commits,
    knowledge: hide(k.knowledge.repository, () => false),
    teams: [...model.teams.values()].map(t => ({
      team: t.id,
      lead: t.lead,
      knowledge: hide(k.knowledge.teams.get(t.id)!, l => l.toLowerCase() === t.lead.toLowerCase()),
    })),
    components,
  };
  const below =
    min === undefined
      ? []
      : components.filter(c => c.knowledge.files > 0 && c.knowledge.busFactor < min);
  if (args.options.has('json')) io.out(`${JSON.stringify(json, null, 2)}\n`);
  else io.out(formatKnowledge(json));
  if (below.length > 0) {
    io.err(
      `${below.length} component(s) with a bus factor under ${min}: ${below.map(c => `${printable(c.component)} (${c.knowledge.busFactor})`).join(', ')}\n`,
    );
    return 1;
  }
  return 0;
}

/** --until (exclusive), by default tomorrow: the history up to today included, as the flags' window ends. */
function untilOption(args: CliArgs): string {
  return (
    usage(() => dateOption('until', stringOption(args, 'until'))) ?? flagWindow(0, nowMs()).until
  );
}

function minOption(args: CliArgs): number | undefined {
  const v = stringOption(args, 'min-bus-factor');
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--min-bus-factor must be a whole number, not "${v}"`);
  return Number(v);
}

/** Where the knowledge log of `root` is cached (undefined with --no-cache). */
export function knowledgeCacheFile(args: CliArgs, io: CliIO, root: string): string | undefined {
  return args.options.has('no-cache')
    ? undefined
    : path.join(
        path.resolve(io.cwd, stringOption(args, 'cache-dir') ?? defaultCacheDir(io.env)),
        `knowledge-${crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16)}.json`,
      );
}

export { readCache, writeCache };

function formatKnowledge(j: {
  ref: string;
  commit: string;
  snapshot: string | null;
  until: string;
  commits: number;
  knowledge: KnowledgeFigures;
  teams: { team: string; knowledge: KnowledgeFigures }[];
  components: {
    component: string;
    owner: string;
    knowledge: KnowledgeFigures;
    backup: string | null;
  }[];
}): string {
  const p = printable;
  const holders = (k: KnowledgeFigures) =>
    k.holders.map(h => `${p(h.login)} ${h.files}`).join(', ') || '-';
  const line = (name: string, k: KnowledgeFigures) =>
    `${name}: bus factor ${k.busFactor}, ${k.knownFiles} of ${k.files} files known; most: ${holders(k)}`;
  const out = [
    `Knowledge from ${j.commits} commits (merges left out) of ${p(j.ref)} (${j.commit.slice(0, 12)}) before ${j.until}; files of ${j.snapshot ? j.snapshot.slice(0, 12) : 'no commit'}`,
    '',
    line('repository', j.knowledge),
    ...j.teams.map(t => line(`team ${p(t.team)}`, t.knowledge)),
    '',
  ];
  for (const c of j.components) {
    const k = c.knowledge;
    const risk =
      k.files === 0
        ? 'no files'
        : k.busFactor <= 1 && k.holders.length > 0
          ? `bus factor ${k.busFactor}: knowledge sits with ${p(k.holders[0].login)}`
          : `bus factor ${k.busFactor}`;
    out.push(
      `  ${p(c.component)} (owner ${p(c.owner)}): ${risk}; ${k.knownFiles}/${k.files} files known${c.backup ? `; backup: ${p(c.backup)}` : ''}`,
    );
  }
  out.push(
    '',
    'Knowledge is read from who added and changed each file in the git history: it describes the history, not skill or worth.',
    FIGURES_ARE_NOT,
    '',
  );
  return out.join('\n');
}
