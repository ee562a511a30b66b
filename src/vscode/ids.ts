/** Every command, view and context key the extension contributes (package.json's contributes), in one place. */
export const EXTENSION_ID = 'ownership-lens.ownership-lens';

export const Commands = {
  handoff: 'ownershipLens.handoff',
  whoOwns: 'ownershipLens.whoOwns',
  refresh: 'ownershipLens.refresh',
  revealInOwners: 'ownershipLens.revealInOwners',
  copyOwner: 'ownershipLens.copyOwner',
  createOwnersFile: 'ownershipLens.createOwnersFile',
  groupBy: 'ownershipLens.groupBy',
  revealActive: 'ownershipLens.revealActiveFile',
  reload: 'ownershipLens.reload',
  ownersOfChanges: 'ownershipLens.ownersOfChanges',
  showLegend: 'ownershipLens.showLegend',
  showTeamReport: 'ownershipLens.showTeamReport',
  refreshOutcomes: 'ownershipLens.refreshOutcomes',
  setOutcomeToken: 'ownershipLens.setOutcomeToken',
} as const;

export const Views = { container: 'ownershipLens', tree: 'ownershipLens.tree' } as const;

export const ContextKeys = {
  hasOwnersFile: 'ownershipLens.hasOwnersFile',
  hasCodeowners: 'ownershipLens.hasCodeowners',
  /** Every workspace folder has an OWNERS file: "Create OWNERS.yaml" leaves the palette. */
  everyFolderHasOwnersFile: 'ownershipLens.everyFolderHasOwnersFile',
  groupBy: 'ownershipLens.groupBy',
  loaded: 'ownershipLens.loaded',
} as const;

export const Settings = {
  section: 'ownershipLens',
  ownersFile: 'ownersFile',
  groupBy: 'tree.groupBy',
  decorations: 'decorations.enabled',
  markUnowned: 'decorations.markUnowned',
  knowledgeAtRisk: 'decorations.knowledgeAtRisk',
  hoverTeamFigures: 'hover.showTeamFigures',
  debounceMs: 'diagnostics.debounceMs',
  teamOnly: 'report.teamOnly',
  figuresSource: 'figures.source',
  knowledgeFromGit: 'knowledge.fromGit',
  githubRepository: 'github.repository',
  githubApiUrl: 'github.apiUrl',
  githubAuthentication: 'github.authentication',
  otherRepositories: 'teams.otherRepositories',
  outcomeHosts: 'outcomes.allowedHosts',
  outcomeRefreshMinutes: 'outcomes.refreshMinutes',
} as const;

/** A setting's full id (`ownershipLens.…`), or a group's (`ownershipLens.github`), for `affectsConfiguration`. */
export const settingId = (key: string) => `${Settings.section}.${key}`;

/** Tree item context values: the kind first, then flags; menus match with `viewItem =~ /component/`. */
export const ContextValues = {
  folder: 'folder',
  stale: 'staleOwners',
  team: 'team',
  // Not `team…`: the per-folder team menus (the team report) match /^team/.
  teamsAcross: 'acrossRepositories',
  teamAcross: 'acrossTeam',
  teamInRepository: 'acrossRepository',
  person: 'person',
  outcomeGroup: 'outcomeGroup',
  component: 'component',
  section: 'section',
  detail: 'detail',
  pattern: 'pattern',
  handoff: 'handoff',
  unowned: 'unowned',
  unownedFolder: 'unownedFolder',
} as const;

export type GroupBy = 'team' | 'owner' | 'outcome';
export const GROUPINGS: readonly GroupBy[] = ['team', 'owner', 'outcome'];
