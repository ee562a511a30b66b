import { Component } from '../../core/owners/model';
import type { UnownedFolder } from '../../core/owners/resolve';
import { GroupBy } from '../ids';
import type { OwnersState } from '../ownersState';
import type { TeamFiguresView } from '../github/pullRequestData';
import { pct, windowLabel } from '../../core/report/teamReport';
import { count, num } from '../../core/format';
import { FIGURES_ARE_NOT } from '../../core/report/wording';
import { HISTORY_NOT_WORTH } from '../../core/report/inPracticeWords';
import { suggestionFor } from './teamFlag';
import { Commands } from '../ids';
import { childId, Node, Section } from './nodes';

/** The handoff command's arguments for "could go to": the interactive flow opens with both chosen. */
export function handoffToCandidateArgs(component: string, candidate: string, folder: string) {
  return {
    command: Commands.handoff,
    title: `Hand off to ${candidate}…`,
    arguments: [{ component, suggestedTo: candidate, folder }],
  };
}

const byName = (a: { name?: string; id: string }, b: { name?: string; id: string }) =>
  (a.name ?? a.id).localeCompare(b.name ?? b.id);

/** The top level of one folder: groups (teams, owners or outcomes), then the "Unowned" node. */
export function folderChildren(state: OwnersState, groupBy: GroupBy, parent?: Node): Node[] {
  const model = state.model;
  const components = [...model.components.values()];
  let groups: Node[];
  if (groupBy === 'owner') {
    const logins = [...new Set(components.map(c => c.owner).filter(Boolean))].sort((a, b) =>
      a.localeCompare(b),
    );
    groups = logins.map(login => ({
      kind: 'person',
      id: childId(parent, state, 'owner', login.toLowerCase()),
      state,
      login,
      parent,
    }));
  } else if (groupBy === 'outcome') {
    groups = [...model.outcomes.values()].sort(byName).map(
      outcome =>
        ({
          kind: 'outcomeGroup',
          id: childId(parent, state, 'outcome', outcome.id),
          state,
          outcome,
          parent,
        }) as Node,
    );
    if (components.some(c => !c.outcomes.some(o => model.outcomes.has(o))))
      groups.push({
        kind: 'outcomeGroup',
        id: childId(parent, state, 'no-outcome'),
        state,
        outcome: undefined,
        parent,
      });
  } else {
    groups = [...model.teams.values()].sort(byName).map(
      team =>
        ({
          kind: 'team',
          id: childId(parent, state, 'team', team.id),
          state,
          team,
          parent,
        }) as Node,
    );
    const orphans = components.some(c => !model.teams.has(c.team));
    if (orphans)
      groups.push({
        kind: 'team',
        id: childId(parent, state, 'team', ''),
        state,
        team: { id: '', name: 'No team', lead: '', members: [], span: components[0].span },
        parent,
      });
  }
  return [...groups, { kind: 'unowned', id: childId(parent, state, 'unowned'), state, parent }];
}

/** Components of a group node, by display name. */
export function groupComponents(node: Node): Component[] {
  const model = node.state.model;
  const all = [...model.components.values()];
  switch (node.kind) {
    case 'team':
      return all
        .filter(c => (node.team.id ? c.team === node.team.id : !model.teams.has(c.team)))
        .sort(byName);
    case 'person':
      return all.filter(c => c.owner.toLowerCase() === node.login.toLowerCase()).sort(byName);
    case 'outcomeGroup':
      return all
        .filter(c =>
          node.outcome
            ? c.outcomes.includes(node.outcome.id)
            : !c.outcomes.some(o => model.outcomes.has(o)),
        )
        .sort(byName);
    default:
      return [];
  }
}

export function componentNode(parent: Node, component: Component, figures?: TeamFiguresView): Node {
  return {
    kind: 'component',
    id: childId(parent, parent.state, 'component', component.id),
    state: parent.state,
    component,
    parent,
    figures,
  };
}

/** What a lead reads first: owner, outcomes, authority, support, stakeholders, paths, last handoff. */
export function componentChildren(node: Extract<Node, { kind: 'component' }>): Node[] {
  const { state, component: c } = node;
  const team = state.model.teams.get(c.team);
  const person = state.model.people.get(c.owner.toLowerCase());
  const out: Node[] = [
    {
      kind: 'detail',
      id: childId(node, state, 'owner'),
      state,
      parent: node,
      icon: 'person',
      label: `Owner: ${c.owner || '(none)'}`,
      description: [
        person?.name,
        team
          ? `team ${team.name ?? team.id}, lead ${team.lead}`
          : c.team && `team ${c.team} (undefined)`,
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ];
  const f = node.figures?.components.get(c.id);
  if (f && node.figures) {
    const top = f.authors.map(a => `${a.login} ${pct(a.share)}`).join(', ');
    out.push({
      kind: 'detail',
      id: childId(node, state, 'figures'),
      state,
      parent: node,
      icon: 'graph',
      label: `${num(f.lines)} lines in ${count(f.pullRequests, 'pull request')}`,
      description: [
        f.ownerLines !== null && f.lines > 0 ? `owner ${pct(f.ownerLines / f.lines)}` : '',
        top && `top: ${top}`,
      ]
        .filter(Boolean)
        .join(' · '),
      tooltip: `Merged pull requests from ${windowLabel(node.figures.report.window)} that changed this component's files.\n${FIGURES_ARE_NOT}`,
    });
    // The ranked candidate (team members and those who know it first, leads already doing the work last), with why.
    const h = suggestionFor(state.model, node.figures.report.teams, f).handoff;
    if (h) {
      const to = h.candidate;
      const action = handoffToCandidateArgs(c.id, to.login, state.folder.uri.toString());
      const delegate = h.kind === 'delegate';
      out.push({
        kind: 'detail',
        id: childId(node, state, delegate ? 'could-go-to' : 'rotate-to'),
        state,
        parent: node,
        icon: 'arrow-swap',
        label: delegate ? `Could go to ${to.login}` : `Hand off or rotate to ${to.login}`,
        description: `${to.why} · hand off…`,
        tooltip:
          `${delegate ? `The lead owns ${c.name ?? c.id}.` : `Knowledge of ${c.name ?? c.id} is concentrated in one place, or its owner is on paper only.`} ` +
          `Suggested: ${to.login} (${to.why}). Click to start the handoff with both chosen (nothing changes until you confirm).\n${HISTORY_NOT_WORTH}`,
        action,
      });
    }
  }
  const sections: Section[] = ['outcomes', 'authority', 'support', 'stakeholders', 'paths'];
  for (const section of sections) {
    const size = section === 'paths' ? c.paths.length : c[section].length;
    if (size)
      out.push({
        kind: 'section',
        id: childId(node, state, section),
        state,
        component: c,
        section,
        parent: node,
      });
  }
  const last = c.handoffs[c.handoffs.length - 1];
  if (last)
    out.push({
      kind: 'handoff',
      id: childId(node, state, 'handoff'),
      state,
      component: c,
      handoff: last,
      parent: node,
    });
  return out;
}

export function sectionChildren(node: Extract<Node, { kind: 'section' }>): Node[] {
  const { state, component: c, section } = node;
  if (section === 'paths')
    return c.paths.map(pattern => ({
      kind: 'pattern',
      id: childId(node, state, String(pattern.index)),
      state,
      pattern,
      parent: node,
    }));
  if (section === 'outcomes') {
    return c.outcomes.map(id => {
      const outcome = state.model.outcomes.get(id);
      return outcome
        ? ({ kind: 'outcome', id: childId(node, state, id), state, outcome, parent: node } as Node)
        : ({
            kind: 'detail',
            id: childId(node, state, id),
            state,
            label: id,
            description: 'not defined under outcomes',
            icon: 'warning',
            parent: node,
          } as Node);
    });
  }
  return c[section].map((text, i) => ({
    kind: 'detail',
    id: childId(node, state, String(i)),
    state,
    label: text,
    icon: ICONS[section],
    parent: node,
  }));
}

const ICONS: Record<Section, string> = {
  outcomes: 'graph',
  authority: 'law',
  support: 'heart',
  stakeholders: 'account',
  paths: 'file-submodule',
};

/** The folders with unowned files: the forgotten ones first (the gaps to fill), then those unowned on purpose. */
export function unownedChildren(node: Extract<Node, { kind: 'unowned' }>): Node[] {
  if (!node.state.coverageReady()) return [];
  const all = node.state.coverage().unownedFolders;
  const patterns = node.state.model.patterns;
  // Two passes that stop at 200 rather than a sort: a large repository has tens of thousands of folders.
  const shown: UnownedFolder[] = [];
  for (const gaps of [true, false]) {
    for (const f of all) {
      if (shown.length >= 200) break;
      if (f.files > (f.onPurpose ?? 0) === gaps) shown.push(f);
    }
  }
  return shown.map(f => ({
    kind: 'unownedFolder',
    id: childId(node, node.state, f.folder),
    state: node.state,
    folder: f.folder,
    files: f.files,
    parent: node,
    onPurpose: f.onPurpose ?? 0,
    pattern: f.pattern === undefined ? undefined : patterns[f.pattern]?.pattern,
  }));
}
