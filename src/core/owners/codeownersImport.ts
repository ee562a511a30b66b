import { Document, isMap, isScalar, YAMLMap } from 'yaml';
import { disjointKey, DisjointKey, provablyDisjoint } from '../match/disjoint';
import { CodeownersRule, ownerKind, parseCodeowners } from './codeownersFile';

interface Block {
  key: string;
  owners: string[];
  rules: number[];
}

interface TeamDraft {
  id: string;
  github?: string;
  lead?: string;
  members: string[];
}

const SHARED_TEAM = 'code-owners';

/**
 * Converts CODEOWNERS text to OWNERS.yaml (version 1) that gives every path the same owners (or
 * none) as the original. Rules with the same owners share a component only where moving a rule
 * next to its group cannot change any path's winner (the patterns it moves past are provably
 * disjoint from it); rules with no owners go under `unowned`, placed at
 * the end (or the start) of the file when that keeps every answer. When neither placement is
 * exact, the file says so in a comment naming the rules involved.
 */
export function importCodeowners(text: string): string {
  const rules = parseCodeowners(text);
  const keys = rules.map(r => disjointKey(r.pattern));
  const unownedIds = rules.flatMap((r, i) => (r.owners.length === 0 ? [i] : []));
  const placement = placeUnowned(rules, keys, unownedIds);
  const blocks = groupRules(rules, keys);
  const teams = draftTeams(rules, blocks);
  return emitOwners(rules, blocks, teams, unownedIds, placement);
}

type Placement = { where: 'start' | 'end'; inexact: number[] };

function placeUnowned(rules: readonly CodeownersRule[], keys: readonly DisjointKey[], unowned: readonly number[]): Placement {
  const blocking = (u: number, others: (i: number) => boolean) =>
    rules.some((r, i) => r.owners.length > 0 && others(i) && !provablyDisjoint(keys[u], keys[i]));
  const stuckAtEnd = unowned.filter(u => blocking(u, i => i > u));
  if (stuckAtEnd.length === 0) return { where: 'end', inexact: [] };
  const stuckAtStart = unowned.filter(u => blocking(u, i => i < u));
  if (stuckAtStart.length === 0) return { where: 'start', inexact: [] };
  return stuckAtEnd.length <= stuckAtStart.length ? { where: 'end', inexact: stuckAtEnd } : { where: 'start', inexact: stuckAtStart };
}

/** Greedy: a rule joins the latest block with its owners if every rule placed after that block is provably disjoint from it. */
function groupRules(rules: readonly CodeownersRule[], keys: readonly DisjointKey[]): Block[] {
  const blocks: Block[] = [];
  const latest = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (rule.owners.length === 0) return;
    const key = rule.owners.join(' ');
    const at = latest.get(key);
    const canJoin = at !== undefined && blocks.slice(at + 1).every(b => b.rules.every(j => provablyDisjoint(keys[i], keys[j])));
    if (canJoin) {
      blocks[at].rules.push(i);
    } else {
      latest.set(key, blocks.length);
      blocks.push({ key, owners: rule.owners, rules: [i] });
    }
  });
  return blocks;
}

interface TeamDrafts {
  teams: Map<string, TeamDraft>;
  /** The team id for a rule's owners: its first `@org/team` handle's, else the shared team. */
  teamOf(owners: readonly string[]): string;
}

/** One team per `@org/team` handle (id = slug), plus a shared team for rules that name no team. */
function draftTeams(rules: readonly CodeownersRule[], blocks: readonly Block[]): TeamDrafts {
  const idOfHandle = new Map<string, string>();
  const coListed = new Map<string, Map<string, number>>();
  const teamOf = (owners: readonly string[]): string => {
    // GitHub handles are case-insensitive: @DataDog/x and @datadog/x are one team.
    const handle = owners.find(o => ownerKind(o) === 'team')?.toLowerCase();
    if (!handle) return SHARED_TEAM;
    let id = idOfHandle.get(handle);
    if (!id) {
      const [org, slug] = handle.slice(1).split('/');
      const taken = new Set([SHARED_TEAM, ...idOfHandle.values()]);
      id = uniqueId(slugify(slug ?? '') || 'team', taken, slugify(`${org}-${slug ?? ''}`) || 'team');
      idOfHandle.set(handle, id);
    }
    return id;
  };
  for (const rule of rules) {
    if (rule.owners.length === 0) continue;
    const team = teamOf(rule.owners);
    const counts = coListed.get(team) ?? new Map<string, number>();
    coListed.set(team, counts);
    for (const o of rule.owners) if (ownerKind(o) === 'user') counts.set(o.slice(1), (counts.get(o.slice(1)) ?? 0) + 1);
  }
  const teams = new Map<string, TeamDraft>();
  for (const block of blocks) {
    const id = teamOf(block.owners);
    if (teams.has(id)) continue;
    const handle = id === SHARED_TEAM ? undefined : block.owners.find(o => ownerKind(o) === 'team');
    const counts = [...(coListed.get(id) ?? new Map<string, number>())];
    // Most often co-listed first; ties keep first appearance (Map order).
    const lead = counts.reduce<[string, number] | undefined>((best, c) => (!best || c[1] > best[1] ? c : best), undefined)?.[0];
    teams.set(id, { id, github: handle?.slice(1), lead, members: counts.map(([login]) => login).filter(l => l !== lead) });
  }
  return { teams, teamOf };
}

function emitOwners(rules: readonly CodeownersRule[], blocks: readonly Block[], drafts: TeamDrafts, unowned: readonly number[], placement: Placement): string {
  const { teams, teamOf } = drafts;
  const doc = new Document({});
  const root = doc.contents as YAMLMap;
  doc.commentBefore = ` Imported from a GitHub CODEOWNERS file: every path has the same owners as there${placement.inexact.length > 0 ? ', except as the WARNING under `unowned` says' : ''}.\n` +
    ' Each component lists its rules in their original order; `codeowners` keeps each rule\'s owners.';
  root.set('version', 1);
  const teamMap = doc.createNode({}) as YAMLMap;
  for (const team of teams.values()) {
    const node = doc.createNode({
      name: team.id === SHARED_TEAM ? 'Code owners named individually in CODEOWNERS' : team.github,
      ...(team.lead ? { lead: team.lead } : {}),
      ...(team.members.length > 0 ? { members: team.members } : {}),
      ...(team.github ? { github: team.github } : {}),
    }) as YAMLMap;
    if (!team.lead) node.commentBefore = ' TODO: CODEOWNERS names no individual for this team; add `lead: <login>`.';
    teamMap.set(team.id, node);
  }
  const takenIds = new Set<string>();
  const components = doc.createNode({}) as YAMLMap;
  for (const block of blocks) {
    const first = rules[block.rules[0]];
    const id = uniqueId(componentIdFrom(first.pattern), takenIds, componentIdFrom(first.pattern, true));
    takenIds.add(id);
    const teamId = teamOf(block.owners);
    const team = teams.get(teamId);
    const user = block.owners.find(o => ownerKind(o) === 'user')?.slice(1);
    const owner = user ?? team?.lead;
    const node = doc.createNode({
      team: teamId,
      ...(owner ? { owner } : {}),
      paths: block.rules.map(i => rules[i].pattern),
      codeowners: block.owners,
    }) as YAMLMap;
    if (!owner) node.commentBefore = ' TODO: CODEOWNERS names no individual here; the team lead should add `owner: <login>`.';
    components.set(id, node);
  }
  const unownedNode = unowned.length > 0 ? doc.createNode(unowned.map(i => rules[i].pattern)) : undefined;
  if (unownedNode && placement.inexact.length > 0) {
    unownedNode.commentBefore = ` WARNING: no exact place exists for these rules with no owners (lines ${placement.inexact.map(i => rules[i].line).join(', ')}):\n` +
      ' later rules that overlap them win here, unlike in CODEOWNERS; check those paths.';
  }
  if (unownedNode && placement.where === 'start') root.set('unowned', unownedNode);
  root.set('teams', teamMap);
  root.set('components', components);
  if (unownedNode && placement.where === 'end') root.set('unowned', unownedNode);
  for (const pair of root.items) if (isScalar(pair.key) && isMap(pair.value) && pair.value.items.length === 0) pair.value.flow = true;
  return doc.toString({ lineWidth: 0 });
}

/**
 * A readable id from a pattern: its last literal segment (`/ably/` -> `ably`, `*.js` -> `js-files`),
 * or with `qualified`, the first and last (`/ably/assets/dashboards` -> `ably-dashboards`).
 */
function componentIdFrom(pattern: string, qualified = false): string {
  const parts = pattern.split('/').filter(s => s !== '' && s !== '*' && s !== '**')
    .map(p => (/^\*\.[^*]+$/.test(p) ? `${p.slice(2)}-files` : p.replace(/\*+/g, '-')));
  if (parts.length === 0) return 'everything';
  const picked = qualified && parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[parts.length - 1]];
  return slugify(picked.join('-')) || 'component';
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

function uniqueId(preferred: string, taken: ReadonlySet<string>, fallback: string): string {
  if (!taken.has(preferred)) return preferred;
  if (!taken.has(fallback)) return fallback;
  for (let n = 2; ; n++) if (!taken.has(`${fallback}-${n}`)) return `${fallback}-${n}`;
}
