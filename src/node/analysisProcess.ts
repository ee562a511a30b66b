/**
 * Child process entry (bundled as dist/analysisProcess.js): coverage and validation of one
 * OWNERS.yaml against a repository's file list, outside the extension host. A million files cost
 * seconds of matching; the editor stays responsive meanwhile, and the memory goes when it exits.
 */
import { parseOwners } from '../core/owners/parse';
import { computeCoverage, createOwnershipIndex } from '../core/owners/resolve';
import { validateOwners } from '../core/owners/validate';
import type { AnalysisRequest, AnalysisResult } from './analysis';

// The request arrives as a message, the file list on stdin ('\0'-ended paths); both are needed.
const request = new Promise<AnalysisRequest>(resolve => process.once('message', resolve));
const files = new Promise<string[]>(resolve => {
  const parts: string[] = [];
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (s: string) => parts.push(s));
  process.stdin.on('end', () => {
    const all = parts.join('');
    resolve(all === '' ? [] : all.slice(0, -1).split('\0'));
  });
});

void Promise.all([request, files]).then(([r, list]) => {
  let answer: AnalysisResult | { id: number; error: string };
  try {
    const parsed = parseOwners(r.text);
    answer = {
      id: r.id,
      coverage: computeCoverage(createOwnershipIndex(parsed.model), list),
      diagnostics: validateOwners(parsed, list),
    };
  } catch (e) {
    answer = { id: r.id, error: String((e as Error)?.stack ?? e) };
  }
  process.send!(answer, () => process.exit(0));
});
