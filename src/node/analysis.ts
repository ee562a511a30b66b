import type { OwnersDiagnostic } from '../core/owners/model';
import { askChildProcess } from './oneShotChild';
import type { Coverage } from '../core/owners/resolve';

/** The request message; the file list follows on the child's stdin, each path ended by '\0'. */
export interface AnalysisRequest {
  id: number;
  text: string;
}
export interface AnalysisResult {
  id: number;
  coverage: Coverage;
  diagnostics: OwnersDiagnostic[];
}

/**
 * Runs `analysisProcess.js` for one request at a time, each in a fresh child process that exits
 * after answering. A process, not a worker thread: a worker's heap stayed in the extension host's
 * resident memory after it ended (+170 MB with 106,000 files), a process returns it all. The file
 * list goes through the child's stdin in slices, so the main thread never joins or copies a million
 * paths in one turn.
 */
export class RepositoryAnalyzer {
  private nextId = 0;

  constructor(private readonly processFile: string) {}

  analyse(text: string, files: readonly string[]): Promise<AnalysisResult> {
    return askChildProcess<AnalysisResult | { id: number; error: string }>(
      this.processFile,
      'analysis',
      { id: ++this.nextId, text } satisfies AnalysisRequest,
      stdin => writeList(stdin, files),
    );
  }
}

/** Writes the paths, each ended by '\0', 10,000 at a time, waiting whenever the pipe is full. */
async function writeList(
  stdin: NodeJS.WritableStream,
  files: readonly string[],
  slice = 10_000,
): Promise<void> {
  for (let i = 0; i < files.length; i += slice) {
    const chunk = files.slice(i, i + slice).join('\0') + '\0';
    if (!stdin.write(chunk)) await new Promise(resolve => stdin.once('drain', resolve));
  }
  stdin.end();
}
