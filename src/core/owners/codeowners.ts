import { GENERATED_HEADER, layoutCodeowners } from './codeownersLayout';
import { codeownersValuesOf } from './codeownersValues';
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
  // Callers refuse first (`codeownersProblems`, `checkPattern`); this keeps a missed check from writing an extra line.
  const unsafe = rows.find(
    r =>
      [r.pattern, ...r.owners].some(v =>
        /[\s\u0000-\u001f\u007f-\u009f]/.test(v.replace(/\\ /g, '')),
      ) || r.owners.some(o => o.includes('#')),
  );
  if (unsafe)
    throw new Error(
      `CODEOWNERS export refused: a value of pattern ${JSON.stringify(unsafe.pattern)} would change the file's structure.`,
    );
  // With the CODEOWNERS file it replaces: its comments, alignment and order, wherever ownership allows.
  if (layout !== undefined) return layoutCodeowners(rows, layout);
  const width = Math.min(48, Math.max(0, ...rows.map(r => r.pattern.length)));
  const lines = [
    ...GENERATED_HEADER,
    '',
    ...rows.map(r =>
      r.owners.length === 0 ? r.pattern : `${r.pattern.padEnd(width)} ${r.owners.join(' ')}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** The handles CODEOWNERS gives a component's paths: its `codeowners`, else `@<team.github>` and `@<owner>`. */
export function codeownersOf(model: OwnersModel, component: Component): string[] {
  return codeownersValuesOf(model, component).map(v => v.value);
}
