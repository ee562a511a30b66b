import type { LeadReport, ReportWindow } from '../core/metrics/types';
import { askChildProcess } from './oneShotChild';

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
    return askChildProcess<GitFiguresAnswer>(this.processFile, 'git figures', {
      ...request,
      id: ++this.nextId,
    } satisfies GitFiguresRequest);
  }
}
