import type { TextEdit } from '../handoff/textEdits';
import { codeownersValuesOf, isCodeownersHandle } from './codeownersValues';
import type { Component, OwnersDiagnostic, OwnersModel } from './model';
import { addKeyEdit, addListItemEdit } from './quickFixEdits';

/** The one person CODEOWNERS names for a component, when it names one person and no team; else undefined. */
export function singleCodeowner(model: OwnersModel, component: Component): string | undefined {
  const values = codeownersValuesOf(model, component).map(v => v.value);
  if (values.length === 0 || values.some(v => v.startsWith('@') && v.includes('/')))
    return undefined;
  const people = new Set(values.map(v => v.toLowerCase()));
  return people.size === 1 ? values[0] : undefined;
}

/**
 * `single-codeowner`: a component whose CODEOWNERS owners (its `codeowners`, or the default
 * export) are one person and no team. That person's own changes can never get a code-owner review.
 */
export function singleCodeownerProblems(model: OwnersModel): OwnersDiagnostic[] {
  const out: OwnersDiagnostic[] = [];
  for (const c of model.components.values()) {
    // With an undefined team the default export cannot be judged (`unknown-team` says what is wrong).
    if (!(c.codeowners && c.codeowners.length > 0) && !model.teams.has(c.team)) continue;
    const only = singleCodeowner(model, c);
    // A value CODEOWNERS cannot take is `invalid-codeowner`'s to report.
    if (only === undefined || !isCodeownersHandle(only)) continue;
    const how =
      c.codeowners && c.codeowners.length > 0
        ? 'add the team to its `codeowners`'
        : `give team "${c.team}" its \`github\` slug`;
    out.push({
      severity: 'warning',
      code: 'single-codeowner',
      span: c.span,
      message: `Component "${c.id}" has one code owner, ${only}, and no team: changes by ${only} can never get a code-owner review. To fix it, ${how}.`,
    });
  }
  return out;
}

/** The GitHub organisation the file's other team slugs or `codeowners` entries use, if any. */
function knownOrganisation(model: OwnersModel): string | undefined {
  for (const t of model.teams.values()) if (t.github?.includes('/')) return t.github.split('/')[0];
  for (const c of model.components.values())
    for (const v of c.codeowners ?? []) if (/^@[^/]+\/./.test(v)) return v.slice(1).split('/')[0];
  return undefined;
}

/**
 * The quick fix of `single-codeowner`: add the team. With a `codeowners` list, the team's handle
 * goes into it; with the default export, the team gets its `github` slug. The slug is the team's
 * own, or `ORG/<team id>` when another slug of the file names the organisation; else no fix.
 */
export function addTeamCodeownerFix(
  text: string,
  model: OwnersModel,
  componentId: string,
): { title: string; edit: TextEdit } | undefined {
  const c = model.components.get(componentId);
  const team = c ? model.teams.get(c.team) : undefined;
  if (!c || !team) return undefined;
  const org = knownOrganisation(model);
  const slug = team.github ?? (org ? `${org}/${team.id}` : undefined);
  if (!slug) return undefined;
  if (c.codeowners && c.codeowners.length > 0) {
    const edit = addListItemEdit(text, ['components', c.id], 'codeowners', `@${slug}`);
    return edit && { title: `Add @${slug} to the code owners of ${c.id}`, edit };
  }
  const edit = addKeyEdit(text, ['teams', team.id], 'github', slug);
  return (
    edit && {
      title: `Give team ${team.id} the GitHub team @${slug} (CODEOWNERS then names it)`,
      edit,
    }
  );
}
