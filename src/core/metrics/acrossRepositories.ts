import type { OwnersModel } from '../owners/model';
import type { OwnershipIndex } from '../owners/resolve';
import { AttributedPullRequest, attributePullRequests, PathResolutions } from './attribute';
import { aggregateTeams, TeamCatalogue, teamCatalogue } from './compute';
import type { GeneratedFiles } from './gitattributes';
import type { LeadReport, PullRequestRecord, ReportWindow, TeamFigures } from './types';

/** One repository's part of a cross-repository report: its own OWNERS.yaml, .gitattributes and pull requests. */
export interface RepositoryPart {
  /** OWNER/NAME. */
  name: string;
  index: OwnershipIndex;
  generated: GeneratedFiles;
  pullRequests: readonly PullRequestRecord[];
  /** Reused path resolutions across calls over the same part (see AttributionOptions.resolutions). */
  resolutions?: PathResolutions;
}

/** A team's figures within one repository, next to its figures over all of them. */
export interface TeamInRepository {
  repo: string;
  figures: TeamFigures;
}

export interface TeamsAcrossRepositories {
  /** docs/figures.md summed over the union of every repository's pull requests. */
  report: LeadReport;
  repositories: string[];
  /** Per team id, its figures in each repository whose OWNERS.yaml names the team, in the given order. */
  byRepository: Map<string, TeamInRepository[]>;
}

/**
 * One catalogue for every repository: a team id is one team wherever it appears (its lead from
 * the first repository that names it), components keep their ids; thresholds are the first repository's.
 */
export function mergeCatalogues(
  repos: readonly { name: string; model: OwnersModel }[],
  warn: (line: string) => void = () => {},
): TeamCatalogue {
  const teams = new Map<string, { id: string; lead: string }>();
  const components = new Map<string, { id: string; team: string; owner: string }>();
  for (const r of repos) {
    const c = teamCatalogue(r.model);
    for (const t of c.teams) {
      const seen = teams.get(t.id);
      if (!seen) teams.set(t.id, t);
      else if (seen.lead.toLowerCase() !== t.lead.toLowerCase())
        warn(
          `warning: team ${t.id} has lead ${seen.lead} in one repository and ${t.lead} in ${r.name}; the figures use ${seen.lead}.`,
        );
    }
    for (const comp of c.components) {
      if (components.has(comp.id))
        warn(
          `warning: component ${comp.id} is defined in several repositories; its figures are summed.`,
        );
      else components.set(comp.id, comp);
    }
  }
  return {
    teams: [...teams.values()],
    components: [...components.values()],
    settings: teamCatalogue(repos[0].model).settings,
  };
}

/**
 * Teams whose ids are organisation-wide, over several repositories: each repository's pull
 * requests are attributed with its own OWNERS.yaml and .gitattributes, then every team is summed
 * over the union (never an average of per-repository shares), and broken down per repository.
 */
export function teamsAcrossRepositories(
  parts: readonly RepositoryPart[],
  window: ReportWindow,
  warn?: (line: string) => void,
): TeamsAcrossRepositories {
  if (parts.length === 0) throw new Error('teamsAcrossRepositories needs at least one repository');
  const catalogue = mergeCatalogues(
    parts.map(p => ({ name: p.name, model: p.index.model })),
    warn,
  );
  const attributed = new Map<string, AttributedPullRequest[]>();
  for (const p of parts)
    attributed.set(
      p.name,
      attributePullRequests(p.index, p.pullRequests, window, {
        generated: p.generated,
        repo: p.name,
        resolutions: p.resolutions,
      }),
    );
  const report = aggregateTeams(catalogue, [...attributed.values()].flat(), window);
  const byRepository = new Map<string, TeamInRepository[]>();
  for (const p of parts) {
    // Within one repository, a lead owns the components of that repository's OWNERS.yaml.
    const own = aggregateTeams(
      { ...catalogue, components: teamCatalogue(p.index.model).components },
      attributed.get(p.name)!,
      window,
    );
    for (const team of p.index.model.teams.keys()) {
      const figures = own.teams.find(t => t.team === team);
      if (!figures) continue;
      const list = byRepository.get(team) ?? [];
      list.push({ repo: p.name, figures });
      byRepository.set(team, list);
    }
  }
  return { report, repositories: parts.map(p => p.name), byRepository };
}

/**
 * One model over several repositories' OWNERS.yaml, for views that list a team's components,
 * outcomes and handoffs wherever they live: maps are united, the first repository wins a repeated
 * id; settings (window, thresholds) are the first repository's. Patterns are not merged (they are
 * per repository and would resolve against the wrong files).
 */
export function mergeModels(models: readonly OwnersModel[]): OwnersModel {
  const first = models[0];
  const union = <V>(pick: (m: OwnersModel) => Map<string, V>) => {
    const out = new Map<string, V>();
    for (const m of models) for (const [k, v] of pick(m)) if (!out.has(k)) out.set(k, v);
    return out;
  };
  return {
    ...first,
    people: union(m => m.people),
    teams: union(m => m.teams),
    outcomes: union(m => m.outcomes),
    components: union(m => m.components),
    unowned: [],
    patterns: [],
  };
}
