import type { OwnershipIndex } from '../owners/resolve';
import { knowersOf } from './degreeOfAuthorship';
import type { HistoryIndex } from './fileHistories';
import { knowledgeOver } from './truckFactor';
import type { KnowledgeFigures } from './types';

/** One component's knowledge and, per person key, how many of its files they know (for `backup`). */
export interface ComponentKnowledge {
  knowledge: KnowledgeFigures;
  filesKnownBy: Map<string, number>;
}

/** The knowledge figures of a repository: per component, per team and over every owned file. */
export interface RepositoryKnowledge {
  repository: KnowledgeFigures;
  teams: Map<string, KnowledgeFigures>;
  components: Map<string, ComponentKnowledge>;
  /** How a person key is spelled. */
  loginOf(key: string): string;
}

/**
 * Knowledge over the snapshot's files: each file goes to the component that wins it (files left
 * out by `excluded`, i.e. `ignorePaths` or generated, belong to none), and is known by the people
 * its history says (see HistoryIndex and knowersOf).
 */
export function computeKnowledge(
  index: OwnershipIndex,
  history: HistoryIndex,
  snapshotFiles: readonly string[],
  excluded: (path: string) => boolean,
): RepositoryKnowledge {
  const byComponent = new Map<string, string[][]>();
  const all: string[][] = [];
  for (const path of snapshotFiles) {
    const owner = index.ownerOf(path);
    if (owner.kind !== 'owned' || excluded(path)) continue;
    const knowers = knowersOf(history.authorsOf(path));
    all.push(knowers);
    let list = byComponent.get(owner.component.id);
    if (!list) byComponent.set(owner.component.id, (list = []));
    list.push(knowers);
  }
  const loginOf = (key: string) => history.loginOf(key);
  const components = new Map<string, ComponentKnowledge>();
  const teamFiles = new Map<string, string[][]>();
  for (const c of index.model.components.values()) {
    const files = byComponent.get(c.id) ?? [];
    const filesKnownBy = new Map<string, number>();
    for (const f of files)
      for (const who of f) filesKnownBy.set(who, (filesKnownBy.get(who) ?? 0) + 1);
    components.set(c.id, { knowledge: knowledgeOver(files, loginOf), filesKnownBy });
    let t = teamFiles.get(c.team);
    if (!t) teamFiles.set(c.team, (t = []));
    for (const f of files) t.push(f);
  }
  const teams = new Map<string, KnowledgeFigures>();
  for (const team of index.model.teams.values())
    teams.set(team.id, knowledgeOver(teamFiles.get(team.id) ?? [], loginOf));
  return { repository: knowledgeOver(all, loginOf), teams, components, loginOf };
}
