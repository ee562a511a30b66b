import { Component, HandoffRecord, Outcome, PatternEntry, Team } from '../../core/owners/model';
import type { TeamFigures } from '../../core/metrics/types';
import type {
  CrossRepositoryView,
  RepoPullRequests,
  TeamFiguresView,
} from '../github/pullRequestData';
import type { PullRequestStatus } from './statusItem';
import type { OwnersState } from '../ownersState';

/** Tree nodes are plain data; `id` is stable across reloads so expansion and selection survive. */
export type Node =
  // `collapsed`: under "Teams across N repositories" the folders start closed, so each team shows once.
  | { kind: 'folder'; id: string; state: OwnersState; collapsed?: boolean }
  // OWNERS.yaml cannot be read as it is now: the tree below shows its last good version (state.stale).
  | { kind: 'stale'; id: string; state: OwnersState; parent?: Node }
  | {
      kind: 'team';
      id: string;
      state: OwnersState;
      team: Team;
      parent?: Node;
      figures?: TeamFiguresView;
    }
  // Teams across repositories: each team once, summed over every repository in view (`state` is the first folder's).
  | { kind: 'teamsAcross'; id: string; state: OwnersState; view: CrossRepositoryView }
  | {
      kind: 'teamAcross';
      id: string;
      state: OwnersState;
      view: CrossRepositoryView;
      name: string;
      figures: TeamFigures;
      parent: Node;
    }
  | {
      kind: 'teamInRepository';
      id: string;
      state: OwnersState;
      view: CrossRepositoryView;
      repo: string;
      figures: TeamFigures;
      parent: Node;
    }
  | {
      kind: 'pullRequests';
      id: string;
      state: OwnersState;
      data: RepoPullRequests;
      counted?: PullRequestStatus['counted'];
      parent?: Node;
    }
  | { kind: 'person'; id: string; state: OwnersState; login: string; parent?: Node }
  | {
      kind: 'outcomeGroup';
      id: string;
      state: OwnersState;
      outcome: Outcome | undefined;
      parent?: Node;
    }
  | {
      kind: 'component';
      id: string;
      state: OwnersState;
      component: Component;
      parent?: Node;
      figures?: TeamFiguresView;
    }
  | {
      kind: 'section';
      id: string;
      state: OwnersState;
      component: Component;
      section: Section;
      parent: Node;
    }
  | {
      kind: 'detail';
      id: string;
      state: OwnersState;
      label: string;
      description?: string;
      tooltip?: string;
      icon: string;
      parent: Node;
      action?: { command: string; title: string; arguments: unknown[] };
    }
  | { kind: 'outcome'; id: string; state: OwnersState; outcome: Outcome; parent: Node }
  | { kind: 'pattern'; id: string; state: OwnersState; pattern: PatternEntry; parent: Node }
  | {
      kind: 'handoff';
      id: string;
      state: OwnersState;
      component: Component;
      handoff: HandoffRecord;
      parent: Node;
    }
  | { kind: 'unowned'; id: string; state: OwnersState; parent?: Node }
  // `onPurpose`: how many of the files an `unowned` pattern wins (`pattern`, the first met there).
  | {
      kind: 'unownedFolder';
      id: string;
      state: OwnersState;
      folder: string;
      files: number;
      onPurpose: number;
      pattern?: string;
      parent: Node;
    };

export type Section = 'outcomes' | 'authority' | 'support' | 'stakeholders' | 'paths';

export const SECTION_LABELS: Record<Section, string> = {
  outcomes: 'Outcomes',
  authority: 'Authority',
  support: 'Support from the lead',
  stakeholders: 'Stakeholders',
  paths: 'Paths',
};

/** Ids are built from the folder and the path of keys down to the node (a component can sit under several outcomes). */
export function childId(parent: Node | undefined, state: OwnersState, ...parts: string[]): string {
  return [parent ? parent.id : state.folder.uri.toString(), ...parts.map(encodeURIComponent)].join(
    '/',
  );
}
