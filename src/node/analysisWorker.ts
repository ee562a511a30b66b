/**
 * Worker thread entry (bundled as dist/analysisWorker.js): coverage and validation of one
 * OWNERS.yaml against a repository's file list, off the extension host's main thread. A million
 * files cost seconds of matching; the editor stays responsive meanwhile.
 */
import { parentPort } from 'worker_threads';
import { parseOwners } from '../core/owners/parse';
import { computeCoverage, createOwnershipIndex } from '../core/owners/resolve';
import { validateOwners } from '../core/owners/validate';
import type { AnalysisRequest, AnalysisResult } from './analysis';

parentPort?.on('message', (request: AnalysisRequest) => {
  try {
    const files = request.files === '' ? [] : request.files.split('\0');
    const parsed = parseOwners(request.text);
    const result: AnalysisResult = {
      id: request.id,
      coverage: computeCoverage(createOwnershipIndex(parsed.model), files),
      diagnostics: validateOwners(parsed, files),
    };
    parentPort!.postMessage(result);
  } catch (e) {
    parentPort!.postMessage({ id: request.id, error: String((e as Error)?.stack ?? e) });
  }
});
