import { Document, isMap, isScalar, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ownerKind } from '../owners/codeownersFile';
import { ImportDraft, ImportNote, ImportRule, slugify, uniqueId } from './draft';
import { componentIdFor } from './componentNames';
import { planTeams, SHARED_TEAM } from './draftTeams';
import { groupRules } from './ruleGroups';

/** A guess the import made, to be confirmed by a person. */
export interface ImportGuess {
  /** `team payments` or `component checkout`. */
  where: string;
  field: 'lead' | 'owner';
  login: string;
  reason: string;
}

export interface EmittedOwners {
  yaml: string;
  components: number;
  teams: number;
  guesses: ImportGuess[];
}

const commentText = (lines: readonly string[]) =>
  lines.map(l => ` ${l}`.replace(/^ {2,}/, ' ')).join('\n');

/**
 * OWNERS.yaml version 1 text for a draft: every path keeps the owners the draft gives it (rules
 * grouped only where no winner changes), source comments above their patterns, guesses under
 * `x-guessed`, and what did not map in a comment at the top with its file and line.
 */
export function emitOwners(draft: ImportDraft): EmittedOwners {
  const { rules } = draft;
  const { groups, unowned, placement } = groupRules(rules);
  const plan = planTeams(rules, draft.teams, draft.suggestedLeads);
  const guesses: ImportGuess[] = [];
  const doc = new Document({});
  const root = doc.contents as YAMLMap;
  const notes: ImportNote[] = [
    ...draft.notes,
    ...placement.inexact.map(i => ({
      file: rules[i].file,
      line: rules[i].line,
      kind: 'inexact' as const,
      message: `"${rules[i].pattern}" (no owners) has no exact place under \`unowned\`: later rules that overlap it win here, unlike in the source.`,
    })),
  ];
  doc.commentBefore = header(draft.source, notes);
  root.set('version', 1);
  if (draft.people.length > 0) {
    root.set(
      'people',
      doc.createNode(
        Object.fromEntries(
          draft.people.map(p => [
            p.login,
            {
              ...(p.name ? { name: p.name } : {}),
              ...(p.emails.length > 0 ? { emails: p.emails } : {}),
            },
          ]),
        ),
      ),
    );
  }
  const usedTeams = new Set(groups.map(g => plan.teamOf(rules[g.rules[0]])));
  const teamMap = doc.createNode({}) as YAMLMap;
  for (const team of plan.teams.values()) {
    if (team.id === SHARED_TEAM && !usedTeams.has(team.id)) continue;
    const node = doc.createNode({
      ...(team.name ? { name: team.name } : {}),
      ...(team.lead ? { lead: team.lead.login } : {}),
      ...(team.members.length > 0 ? { members: team.members } : {}),
      ...(team.github ? { github: team.github } : {}),
      ...(team.lead?.guessed ? { 'x-guessed': { lead: team.lead.guessed } } : {}),
    }) as YAMLMap;
    if (team.lead?.guessed)
      guesses.push({
        where: `team ${team.id}`,
        field: 'lead',
        login: team.lead.login,
        reason: team.lead.guessed,
      });
    if (!team.lead)
      node.commentBefore = ' TODO: the source names no lead for this team; add `lead: <login>`.';
    teamMap.items.push(doc.createPair(team.id, node)); // ids are unique; YAMLMap.set would scan every key
  }
  const taken = new Set<string>();
  const components = doc.createNode({}) as YAMLMap;
  const inexactAt = new Map(
    notes.filter(n => n.kind === 'inexact').map(n => [`${n.file}:${n.line}`, n.message]),
  );
  for (const group of groups) {
    const first = rules[group.rules[0]];
    const patterns = group.rules.map(i => rules[i].pattern);
    const planned = plan.teamOf(first);
    const hint = first.name ?? first.team ?? (planned === SHARED_TEAM ? undefined : planned);
    // A name the source gives (a section, a catalog entity) first, then what the patterns cover.
    const named = first.name ? slugify(first.name) : '';
    const id =
      named && !taken.has(named)
        ? named
        : uniqueId(componentIdFor(patterns, hint), taken, componentIdFor(patterns, hint, true));
    taken.add(id);
    const teamId = plan.teams.has(plan.teamOf(first)) ? plan.teamOf(first) : undefined;
    const owner = ownerFor(first, teamId ? plan.teams.get(teamId)?.lead : undefined);
    if (owner?.guessed)
      guesses.push({
        where: `component ${id}`,
        field: 'owner',
        login: owner.login,
        reason: owner.guessed,
      });
    const node = doc.createNode({
      ...(first.name && first.name !== id ? { name: first.name } : {}),
      ...(teamId ? { team: teamId } : {}),
      ...(owner ? { owner: owner.login } : {}),
      paths: patterns,
      ...(first.owners.length > 0 ? { codeowners: first.owners } : {}),
      ...Object.fromEntries(Object.entries(first.extra ?? {}).map(([k, v]) => [`x-${k}`, v])),
      ...(owner?.guessed ? { 'x-guessed': { owner: owner.guessed } } : {}),
    }) as YAMLMap;
    const paths = node.get('paths', true) as unknown as YAMLSeq<Scalar>;
    group.rules.forEach((ruleIndex, k) => annotate(paths.items[k], rules[ruleIndex], inexactAt));
    const todo = [
      ...(teamId ? [] : ['the source names no team here; add `team: <team id>`.']),
      ...(owner
        ? []
        : ['the source names no individual here; the team lead should add `owner: <login>`.']),
    ];
    if (todo.length > 0) node.commentBefore = todo.map(t => ` TODO: ${t}`).join('\n');
    components.items.push(doc.createPair(id, node));
  }
  const unownedNode =
    unowned.length > 0
      ? (doc.createNode(unowned.map(i => rules[i].pattern)) as YAMLSeq<Scalar>)
      : undefined;
  unownedNode?.items.forEach((item, k) => annotate(item, rules[unowned[k]], inexactAt));
  if (unownedNode && placement.where === 'start') root.set('unowned', unownedNode);
  root.set('teams', teamMap);
  root.set('components', components);
  if (unownedNode && placement.where === 'end') root.set('unowned', unownedNode);
  for (const pair of root.items)
    if (isScalar(pair.key) && isMap(pair.value) && pair.value.items.length === 0)
      pair.value.flow = true;
  return {
    yaml: doc.toString({ lineWidth: 0 }),
    components: groups.length,
    teams: teamMap.items.length,
    guesses,
  };
}

function ownerFor(
  rule: ImportRule,
  lead: { login: string; guessed?: string } | undefined,
): { login: string; guessed?: string } | undefined {
  if (rule.owner) return rule.owner;
  const users = rule.owners.filter(o => ownerKind(o) === 'user').map(o => o.slice(1));
  if (users.length === 1) return { login: users[0] };
  if (users.length > 1)
    return {
      login: users[0],
      guessed: `first of the ${users.length} people the source lists for these paths`,
    };
  if (lead)
    return {
      login: lead.login,
      guessed: `the team's lead${lead.guessed ? ' (itself a guess)' : ''}: the source names no individual`,
    };
  return undefined;
}

function annotate(item: Scalar, rule: ImportRule, inexactAt: Map<string, string>): void {
  const lines = [...(rule.comments ?? [])];
  const warning = inexactAt.get(`${rule.file}:${rule.line}`);
  if (warning) lines.push(`WARNING (${rule.file}:${rule.line}): ${warning}`);
  if (lines.length > 0) item.commentBefore = commentText(lines);
}

function header(source: string, notes: readonly ImportNote[]): string {
  const lines = [
    `Imported from ${source} by \`ownership-lens import\`: every path has the owners the source gives it,`,
    'except where a note below says otherwise. `x-guessed` marks a lead or owner the import picked; confirm it',
    'and delete the `x-guessed` entry (`ownership-lens validate` lists them).',
  ];
  if (notes.length > 0) {
    lines.push('', `Not imported exactly (${notes.length}):`);
    for (const n of notes) lines.push(`  ${n.file}:${n.line} [${n.kind}] ${n.message}`);
  }
  return commentText(lines);
}
