import { assessTeam, Assessment, Glance, teamGlance } from '../../core/report/assessment';
import { teamMembers } from '../../core/owners/model';
import type { TeamFigures } from '../../core/metrics/types';
import { childId, Node } from './nodes';
import { handoffToCandidateArgs } from './children';

/** A team row's figures, its reading for the team's size and trend, and what the row says at a glance. */
export function teamRowGlance(node: Extract<Node, { kind: 'team' }>):
  | {
      figures: TeamFigures;
      assessment: Assessment;
      glance: Glance;
      handTo?: { id: string; component: string; to: string };
    }
  | undefined {
  const view = node.figures;
  const figures = view?.report.teams.find(t => t.team === node.team.id);
  if (!view || !figures) return undefined;
  const monthly = view.monthly.get(node.team.id) ?? [];
  const assessment = assessTeam(
    figures,
    teamMembers(node.team).size,
    monthly,
    monthly.length
      ? { since: `${monthly[0].month}-01`, until: view.report.window.until }
      : undefined,
  );
  // The first component the lead owns that someone could take, by display name: the step names both.
  const model = node.state.model;
  const handTo = [...view.components.values()]
    .filter(c => c.delegateTo && model.components.get(c.component)?.team === node.team.id)
    .map(c => ({
      id: c.component,
      component: model.components.get(c.component)?.name ?? c.component,
      to: c.delegateTo!,
    }))
    .sort((a, b) => a.component.localeCompare(b.component))[0];
  return { figures, assessment, glance: teamGlance(figures, assessment, handTo), handTo };
}

/**
 * The row under a team that names its one next step ("Next: hand Deployment to erin"), the
 * headline in its tooltip; a click starts that handoff. None without figures.
 */
export function teamNextStep(node: Extract<Node, { kind: 'team' }>): Node[] {
  const read = teamRowGlance(node);
  if (!read) return [];
  const { glance, assessment } = read;
  const handoff =
    read.handTo && glance.next === `hand ${read.handTo.component} to ${read.handTo.to}`
      ? handoffToCandidateArgs(read.handTo.id, read.handTo.to, node.state.folder.uri.toString())
      : undefined;
  return [
    {
      kind: 'detail',
      id: childId(node, node.state, 'next-step'),
      state: node.state,
      parent: node,
      icon: glance.signal ? 'lightbulb' : 'pass',
      label: `Next: ${glance.next}`,
      tooltip: assessment.headline,
      action: handoff,
    },
  ];
}
