import { fork } from 'child_process';
import type { OwnersDiagnostic } from '../core/owners/model';
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
    const id = ++this.nextId;
    // ELECTRON_RUN_AS_NODE: in desktop VS Code, execPath is Electron, which must run as Node here.
    const child = fork(this.processFile, [], {
      stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      execArgv: [],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });
    return new Promise<AnalysisResult>((resolve, reject) => {
      let answered = false;
      child.once('message', (m: AnalysisResult | { id: number; error: string }) => {
        answered = true;
        if ('error' in m) reject(new Error(`analysis failed: ${m.error}`));
        else resolve(m);
      });
      child.once('error', e => {
        child.kill();
        reject(e);
      });
      child.once('exit', (code, signal) => {
        if (!answered)
          reject(
            new Error(
              `the analysis process exited with ${signal ?? code} before answering${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
            ),
          );
      });
      child.send({ id, text } satisfies AnalysisRequest);
      void writeList(child.stdin!, files).catch(() => {
        /* the child died: 'exit' rejects */
      });
    });
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
