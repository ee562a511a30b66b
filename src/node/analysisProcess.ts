/**
 * Child process entry (bundled as dist/analysisProcess.js): coverage and validation of one
 * OWNERS.yaml against a repository's file list, outside the extension host. A million files cost
 * seconds of matching; the editor stays responsive meanwhile, and the memory goes when it exits.
 */
import { parseOwners } from '../core/owners/parse';
import { computeCoverage, createOwnershipIndex } from '../core/owners/resolve';
import { validateOwners } from '../core/owners/validate';
import type { AnalysisRequest, AnalysisResult } from './analysis';

process.once('message', (request: AnalysisRequest) => {
  let answer: AnalysisResult | { id: number; error: string };
  try {
    const files = request.files === '' ? [] : request.files.split('\0');
    const parsed = parseOwners(request.text);
    answer = {
      id: request.id,
      coverage: computeCoverage(createOwnershipIndex(parsed.model), files),
      diagnostics: validateOwners(parsed, files),
    };
  } catch (e) {
    answer = { id: request.id, error: String((e as Error)?.stack ?? e) };
  }
  process.send!(answer, () => process.exit(0));
});
