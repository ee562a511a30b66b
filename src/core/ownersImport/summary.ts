import { parseOwners } from '../owners/parse';
import { validateOwners } from '../owners/validate';
import { ImportDraft, ImportNote } from './draft';
import { emitOwners, ImportGuess } from './emitOwners';
import { printableText as t } from '../owners/printable';

/** What the user must still decide after an import, and what the import could not carry over. */
export interface ImportSummary {
  source: string;
  rules: number;
  components: number;
  teams: number;
  notes: ImportNote[];
  guesses: ImportGuess[];
  /** Errors `validate` reports on the result (teams without lead, components without owner or team, ...). */
  toDecide: { line: number; code: string; message: string }[];
}

export interface ImportResult {
  yaml: string;
  summary: ImportSummary;
}

/** OWNERS.yaml for the draft, checked by the validator so the summary lists every open decision. */
export function finishImport(draft: ImportDraft): ImportResult {
  const emitted = emitOwners(draft);
  const diagnostics = validateOwners(parseOwners(emitted.yaml));
  const toDecide = diagnostics
    .filter(d => d.severity === 'error')
    .map(d => ({ line: d.span.line, code: d.code, message: d.message }));
  return {
    yaml: emitted.yaml,
    summary: {
      source: draft.source,
      rules: draft.rules.length,
      components: emitted.components,
      teams: emitted.teams,
      notes: draft.notes.concat(notesFromYaml(emitted.yaml, draft)),
      guesses: emitted.guesses,
      toDecide,
    },
  };
}

/** Notes the emitter added (inexact `unowned` placements) appear as WARNING comments; carry them into the summary. */
function notesFromYaml(yaml: string, draft: ImportDraft): ImportNote[] {
  const out: ImportNote[] = [];
  const seen = new Set(draft.notes.map(n => `${n.file}:${n.line}`));
  for (const m of yaml.matchAll(/# WARNING \((.+):(\d+)\): (.*)$/gm)) {
    if (seen.has(`${m[1]}:${m[2]}`)) continue;
    out.push({ file: m[1], line: Number(m[2]), kind: 'inexact', message: m[3] });
  }
  return out;
}

/** The summary as lines for a terminal: counts, notes (`warning:`), open decisions, guesses. */
export function summaryLines(s: ImportSummary, outputName = 'OWNERS.yaml'): string[] {
  // File names, messages and logins quote the imported files: escaped, one line each whatever they hold.
  const lines = [
    t`Imported ${s.rules} rule(s) from ${s.source}: ${s.components} component(s), ${s.teams} team(s).`,
  ];
  for (const n of s.notes)
    lines.push(
      t`warning: ${n.file}:${n.line} ${n.kind === 'not-imported' ? 'not imported' : n.kind === 'inexact' ? 'not exact' : n.kind === 'same' ? 'as upstream' : 'kept as x- data'}: ${n.message}`,
    );
  if (s.components === 0) {
    lines.push('Nothing could be imported as a component: see the warnings above.');
  } else if (s.toDecide.length > 0) {
    const leads = s.toDecide.filter(d => d.code === 'missing-lead').length;
    const owners = s.toDecide.filter(
      d => d.code === 'missing-field' && /`owner`/.test(d.message),
    ).length;
    lines.push(
      `Still to decide before \`ownership-lens validate\` passes: ${s.toDecide.length} (${leads} team(s) without a lead, ${owners} component(s) without an owner):`,
    );
    lines.push(
      ...capped(
        s.toDecide.map(d => t`  ${outputName}:${d.line} ${d.code}: ${d.message}`),
        'run `ownership-lens validate` for all',
      ),
    );
  } else {
    lines.push('Nothing left to decide: `ownership-lens validate` finds no error.');
  }
  if (s.guesses.length > 0) {
    lines.push(`Guesses to confirm (marked \`x-guessed\` in the file): ${s.guesses.length}:`);
    lines.push(
      ...capped(
        s.guesses.map(g => t`  ${g.where}: ${g.field} ${g.login} (${g.reason})`),
        'search the file for x-guessed',
      ),
    );
  }
  return lines;
}

const SHOWN = 25;

function capped(lines: string[], more: string): string[] {
  return lines.length <= SHOWN
    ? lines
    : [...lines.slice(0, SHOWN), `  ... and ${lines.length - SHOWN} more (${more})`];
}
