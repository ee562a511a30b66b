import { Component, OwnersModel } from './model';

export { importCodeowners } from './codeownersImport';

/**
 * GitHub CODEOWNERS text for the model: every pattern in file order, a component's pattern with
 * its `codeowners` list (by default `@<team.github>` and `@<owner>`), an `unowned` pattern alone,
 * so GitHub's last-match-wins gives every path the owners OWNERS.yaml gives it.
 */
export function exportCodeowners(model: OwnersModel): string {
  const rows = model.patterns.map(p => {
    const component = p.component === null ? undefined : model.components.get(p.component);
    return { pattern: p.pattern, owners: component ? ownersOf(model, component) : [] };
  });
  const width = Math.min(48, Math.max(0, ...rows.map(r => r.pattern.length)));
  const lines = [
    '# Generated from OWNERS.yaml by Ownership Lens; edit OWNERS.yaml, not this file.',
    '# Last matching pattern wins; a pattern with no owners leaves its paths unowned.',
    '',
    ...rows.map(r => (r.owners.length === 0 ? r.pattern : `${r.pattern.padEnd(width)} ${r.owners.join(' ')}`)),
  ];
  return lines.join('\n') + '\n';
}

function ownersOf(model: OwnersModel, component: Component): string[] {
  if (component.codeowners && component.codeowners.length > 0) return component.codeowners;
  const github = model.teams.get(component.team)?.github;
  return [...(github ? [`@${github}`] : []), ...(component.owner ? [`@${component.owner}`] : [])];
}
