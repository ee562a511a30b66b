/** `validate`'s checks of outcome values: a target that does not parse (warning), a `file` source that is not in the repository (error). */
import type { OwnersDiagnostic, OwnersModel, Span } from '../owners/model';
import { parseTarget } from './target';

type Report = (
  severity: OwnersDiagnostic['severity'],
  code: string,
  message: string,
  span: Span,
) => void;

export function checkOutcomeValues(
  model: OwnersModel,
  report: Report,
  repoFiles?: readonly string[],
): void {
  const files = repoFiles ? new Set(repoFiles) : undefined;
  for (const outcome of model.outcomes.values()) {
    if (outcome.target !== undefined) {
      const parsed = parseTarget(outcome.target);
      if (!parsed.ok)
        report(
          'warning',
          'invalid-target',
          `Outcome "${outcome.id}": ${parsed.reason}; its status stays unknown.`,
          outcome.targetSpan ?? outcome.span,
        );
    }
    const source = outcome.source;
    if (files && source?.kind === 'file' && !files.has(source.path)) {
      report(
        'error',
        'outcome-file-missing',
        `Outcome "${outcome.id}" reads its value from "${source.path}", which is not a file in the repository.`,
        outcome.sourceFileSpan ?? outcome.span,
      );
    }
  }
}
