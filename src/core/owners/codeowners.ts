import { GENERATED_HEADER, layoutCodeowners } from './codeownersLayout';
import { Component, OwnersModel } from './model';

export { importCodeowners } from './codeownersImport';

/**
 * GitHub CODEOWNERS text for the model: every pattern in file order, a component's pattern with
 * its `codeowners` list (by default `@<team.github>` and `@<owner>`), an `unowned` pattern alone,
 * so GitHub's last-match-wins gives every path the owners OWNERS.yaml gives it.
 */
export function exportCodeowners(model: OwnersModel, layout?: string): string {
  const rows = model.patterns.map(p => {
    const component = p.component === null ? undefined : model.components.get(p.component);
    return { pattern: p.pattern, owners: component ? codeownersOf(model, component) : [] };
  });
  // With the CODEOWNERS file it replaces: its comments, alignment and order, wherever ownership allows.
  if (layout !== undefined) return layoutCodeowners(rows, layout);
  const width = Math.min(48, Math.max(0, ...rows.map(r => r.pattern.length)));
  const lines = [
    ...GENERATED_HEADER,
    '',
    ...rows.map(r => (r.owners.length === 0 ? r.pattern : `${r.pattern.padEnd(width)} ${r.owners.join(' ')}`)),
  ];
  return lines.join('\n') + '\n';
}

/** The handles CODEOWNERS gives a component's paths: its `codeowners`, else `@<team.github>` and `@<owner>`. */
export function codeownersOf(model: OwnersModel, component: Component): string[] {
  if (component.codeowners && component.codeowners.length > 0) return component.codeowners;
  const github = model.teams.get(component.team)?.github;
  return [...(github ? [`@${github}`] : []), ...(component.owner ? [`@${component.owner}`] : [])];
}
