import * as vscode from 'vscode';
import type { OwnersDiagnostic } from '../core/owners/model';
import { ParsedOwners } from '../core/owners/parse';
import {
  computeCoverage,
  Coverage,
  createOwnershipIndex,
  Ownership,
  OwnershipIndex,
} from '../core/owners/resolve';
import { PathAliases } from '../core/moduleImports/resolveSpecifier';
import type { RepositoryAnalyzer } from '../node/analysis';
import { WorkspaceFiles } from './workspaceFiles';

/** Above this many files, coverage and validation run in a child process (src/node/analysis.ts) instead of the main thread. */
export const WORKER_ABOVE = 50_000;

const NO_COVERAGE: Coverage = {
  totalFiles: 0,
  ownedFiles: 0,
  share: 0,
  onPurposeFiles: 0,
  unownedFolders: [],
  patternFiles: [],
  patternWins: [],
  componentFiles: new Map(),
};

/** What the worker found for one version of the file list. */
interface Analysis {
  filesVersion: number;
  coverage?: Coverage;
  diagnostics?: OwnersDiagnostic[];
  done: Promise<void>;
}

/**
 * The text in the editor or on disk cannot be read (a YAML syntax error, say): the state keeps the
 * last good parse to show, and this is the current one, with the error that stops it.
 */
export interface StaleOwners {
  parsed: ParsedOwners;
  error: OwnersDiagnostic;
}

/** One workspace folder's OWNERS.yaml, parsed once per change, with figures computed on demand. */
export class OwnersState {
  readonly index: OwnershipIndex;
  private coverageCache: { filesVersion: number; coverage: Coverage } | undefined;
  private analysis: Analysis | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly root: vscode.Uri,
    readonly ownersUri: vscode.Uri,
    readonly parsed: ParsedOwners,
    readonly files: WorkspaceFiles,
    readonly aliases: PathAliases | undefined,
    /** Increases with every reparse; lets views cache per state. */
    readonly generation: number,
    /** Large repositories are analysed in a worker; `onAnalysed` says when figures arrived. */
    private readonly worker?: {
      analyzer: RepositoryAnalyzer;
      onAnalysed: (state: OwnersState) => void;
      log: (line: string) => void;
    },
    /** Set when the current text cannot be read: `parsed` is then the last good version, shown until the error is fixed. */
    readonly stale?: StaleOwners,
  ) {
    this.index = createOwnershipIndex(parsed.model);
  }

  get model() {
    return this.parsed.model;
  }

  /** The parse of the text as it is now (the broken one when stale): what diagnostics and edits work on. */
  get current(): ParsedOwners {
    return this.stale?.parsed ?? this.parsed;
  }

  ownerOf(path: string): Ownership {
    return this.index.ownerOf(path);
  }

  /** True when `coverage()` is the current list's (a large list is counted in a worker first). */
  coverageReady(): boolean {
    if (!this.files.loaded) return false;
    if (!this.inWorker()) return true;
    return this.startAnalysis().coverage !== undefined;
  }

  /**
   * Coverage over the cached file list; recomputed only when the list changed. For a large list
   * this starts the worker and answers the last figures (or none) until it is done.
   */
  coverage(): Coverage {
    if (this.inWorker())
      return this.startAnalysis().coverage ?? this.coverageCache?.coverage ?? NO_COVERAGE;
    if (this.coverageCache?.filesVersion !== this.files.version) {
      this.coverageCache = {
        filesVersion: this.files.version,
        coverage: computeCoverage(this.index, this.files.all()),
      };
    }
    return this.coverageCache.coverage;
  }

  /** Validation against the file list when it runs in the worker: undefined until it is done. */
  workerDiagnostics(): OwnersDiagnostic[] | undefined {
    return this.inWorker() ? this.startAnalysis().diagnostics : undefined;
  }

  /** Resolves once the current list's figures are known (at once for a small list). */
  async analysed(): Promise<void> {
    await this.files.ready;
    if (this.inWorker()) await this.startAnalysis().done;
  }

  inWorker(): boolean {
    return !!this.worker && this.files.loaded && this.files.all().length > WORKER_ABOVE;
  }

  private startAnalysis(): Analysis {
    const version = this.files.version;
    if (this.analysis?.filesVersion === version) return this.analysis;
    const previous = this.analysis;
    const analysis: Analysis = { filesVersion: version, done: Promise.resolve() };
    const t0 = Date.now();
    analysis.done = this.worker!.analyzer.analyse(this.parsed.text, this.files.all()).then(
      result => {
        analysis.coverage = result.coverage;
        analysis.diagnostics = result.diagnostics;
        if (this.analysis === analysis)
          this.coverageCache = { filesVersion: version, coverage: result.coverage };
        this.worker!.log(
          `Counted ${result.coverage.totalFiles} files in a worker in ${Date.now() - t0} ms`,
        );
        this.worker!.onAnalysed(this);
      },
      e => this.worker!.log(`Counting files failed: ${(e as Error).message}`),
    );
    // Until the new figures arrive, the last ones are better than none.
    if (previous?.coverage)
      this.coverageCache = { filesVersion: previous.filesVersion, coverage: previous.coverage };
    this.analysis = analysis;
    return analysis;
  }
}
