import * as vscode from 'vscode';
import { ParsedOwners } from '../core/owners/parse';
import { computeCoverage, Coverage, createOwnershipIndex, Ownership, OwnershipIndex } from '../core/owners/resolve';
import { PathAliases } from '../core/imports/resolveSpecifier';
import { WorkspaceFiles } from './workspaceFiles';

/** One workspace folder's OWNERS.yaml, parsed once per change, with figures computed on demand. */
export class OwnersState {
  readonly index: OwnershipIndex;
  private coverageCache: { filesVersion: number; coverage: Coverage } | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly root: vscode.Uri,
    readonly ownersUri: vscode.Uri,
    readonly parsed: ParsedOwners,
    readonly files: WorkspaceFiles,
    readonly aliases: PathAliases | undefined,
    /** Increases with every reparse; lets views cache per state. */
    readonly generation: number,
  ) {
    this.index = createOwnershipIndex(parsed.model);
  }

  get model() {
    return this.parsed.model;
  }

  ownerOf(path: string): Ownership {
    return this.index.ownerOf(path);
  }

  /** Coverage over the cached file list; recomputed only when the list changed. */
  coverage(): Coverage {
    if (this.coverageCache?.filesVersion !== this.files.version) {
      this.coverageCache = { filesVersion: this.files.version, coverage: computeCoverage(this.index, this.files.all()) };
    }
    return this.coverageCache.coverage;
  }
}
