import { Worker } from 'worker_threads';
import type { OwnersDiagnostic } from '../core/owners/model';
import type { Coverage } from '../core/owners/resolve';

export interface AnalysisRequest { id: number; text: string; files: string }
export interface AnalysisResult { id: number; coverage: Coverage; diagnostics: OwnersDiagnostic[] }

/**
 * Runs `analysisWorker.js` for one request at a time, each in a fresh worker that exits after
 * answering (its copy of a million paths is freed at once). The file list crosses as one string:
 * copying one string is cheap where cloning a million is not.
 */
export class RepositoryAnalyzer {
  private nextId = 0;

  constructor(private readonly workerFile: string) {}

  analyse(text: string, files: readonly string[]): Promise<AnalysisResult> {
    const id = ++this.nextId;
    const worker = new Worker(this.workerFile);
    return new Promise<AnalysisResult>((resolve, reject) => {
      worker.once('message', (m: AnalysisResult | { id: number; error: string }) => {
        void worker.terminate();
        if ('error' in m) reject(new Error(`analysis failed: ${m.error}`));
        else resolve(m);
      });
      worker.once('error', e => { void worker.terminate(); reject(e); });
      worker.once('exit', code => reject(new Error(`analysis worker exited with ${code}`)));
      worker.postMessage({ id, text, files: files.join('\0') } satisfies AnalysisRequest);
    });
  }
}
