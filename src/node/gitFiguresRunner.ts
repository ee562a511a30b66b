import { fork } from 'child_process';
import type { LeadReport, ReportWindow } from '../core/metrics/types';

export interface GitFiguresRequest {
  id: number;
  root: string;
  ref: string;
  ownersText: string;
  /** The root `.gitattributes` text ('' when none). */
  attributes: string;
  windows: ReportWindow[];
  /** Where changes are kept by commit between runs; undefined: no cache. */
  cacheFile?: string;
}

export type GitFiguresAnswer =
  | { id: number; repo: string; tip: string; reports: LeadReport[]; readFromGit: number }
  | { id: number; error: string };

/**
 * Runs `gitFiguresProcess.js` for one request at a time, in a fresh child process that exits after
 * answering (as the repository analysis does): git's output and the figures never load the editor.
 */
export class GitFiguresRunner {
  private nextId = 0;

  constructor(private readonly processFile: string) {}

  run(
    request: Omit<GitFiguresRequest, 'id'>,
  ): Promise<Extract<GitFiguresAnswer, { reports: LeadReport[] }>> {
    const id = ++this.nextId;
    const child = fork(this.processFile, [], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      execArgv: [],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });
    return new Promise((resolve, reject) => {
      let answered = false;
      child.once('message', (m: GitFiguresAnswer) => {
        answered = true;
        if ('error' in m) reject(new Error(m.error));
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
              `the git figures process exited with ${signal ?? code} before answering${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
            ),
          );
      });
      child.send({ ...request, id } satisfies GitFiguresRequest);
    });
  }
}
