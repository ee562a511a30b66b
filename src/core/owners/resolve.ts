import { compilePatterns } from '../match/compile';
import { PatternMatcher } from '../match/types';
import { Component, OwnersModel, PatternEntry, Team } from './model';

export type Ownership =
  | { kind: 'owned'; component: Component; team: Team | undefined; pattern: PatternEntry }
  | { kind: 'unowned'; pattern: PatternEntry | undefined };

export interface OwnershipIndex {
  readonly model: OwnersModel;
  readonly matcher: PatternMatcher;
  ownerOf(path: string): Ownership;
}

export interface Coverage {
  totalFiles: number;
  ownedFiles: number;
  share: number;
  /** Of the unowned files, those an `unowned` pattern wins: unowned on purpose, not forgotten. */
  onPurposeFiles: number;
  /** Folders holding unowned files (the file's own directory, "." for the root), largest first. */
  unownedFolders: UnownedFolder[];
  /** Per pattern index: files it matches / files it wins. */
  patternFiles: number[];
  patternWins: number[];
  componentFiles: Map<string, number>;
}

/**
 * A folder with unowned files. `onPurpose` (given only when some are) counts those an `unowned`
 * pattern wins, and `pattern` is the index of the first such pattern met there.
 */
export interface UnownedFolder {
  folder: string;
  files: number;
  onPurpose?: number;
  pattern?: number;
}

/** The `unowned` pattern that won `o`, when the path is unowned on purpose rather than forgotten. */
export function unownedOnPurpose(o: Ownership): PatternEntry | undefined {
  return o.kind === 'unowned' && o.pattern && o.pattern.component === null ? o.pattern : undefined;
}

/**
 * Compiles the model's patterns once. `ownerOf` takes a repository-relative path ('/'-separated,
 * no leading '/') and applies last-match-wins over every pattern in file order; a path won by an
 * `unowned` pattern, or matched by none, is unowned.
 */
export function createOwnershipIndex(model: OwnersModel): OwnershipIndex {
  const matcher = compilePatterns(model.patterns.map(p => p.pattern));
  function ownerOf(path: string): Ownership {
    const winner = matcher.winner(path);
    const pattern = winner < 0 ? undefined : model.patterns[winner];
    const component =
      pattern?.component === null || pattern === undefined
        ? undefined
        : model.components.get(pattern.component);
    if (!pattern || !component) return { kind: 'unowned', pattern };
    return { kind: 'owned', component, team: model.teams.get(component.team), pattern };
  }
  return { model, matcher, ownerOf };
}

/** Who owns how much of `files`: totals, unowned folders, per-pattern matches and wins, per-component files. */
export function computeCoverage(index: OwnershipIndex, files: readonly string[]): Coverage {
  const size = index.model.patterns.length;
  const patternFiles = new Array<number>(size).fill(0);
  const patternWins = new Array<number>(size).fill(0);
  const componentFiles = new Map<string, number>();
  const unowned = new Map<string, UnownedFolder>();
  let ownedFiles = 0;
  let onPurposeFiles = 0;
  for (const file of files) {
    const all = index.matcher.allMatches(file);
    for (const i of all) patternFiles[i]++;
    const winner = all.length > 0 ? all[all.length - 1] : -1;
    if (winner >= 0) patternWins[winner]++;
    const componentId = winner >= 0 ? index.model.patterns[winner].component : null;
    if (componentId !== null && index.model.components.has(componentId)) {
      ownedFiles++;
      componentFiles.set(componentId, (componentFiles.get(componentId) ?? 0) + 1);
    } else {
      const slash = file.lastIndexOf('/');
      const folder = slash < 0 ? '.' : file.slice(0, slash);
      let entry = unowned.get(folder);
      if (!entry) unowned.set(folder, (entry = { folder, files: 0 }));
      entry.files++;
      if (winner >= 0 && componentId === null) {
        onPurposeFiles++;
        entry.onPurpose = (entry.onPurpose ?? 0) + 1;
        entry.pattern ??= winner;
      }
    }
  }
  const unownedFolders = [...unowned.values()].sort(
    (a, b) => b.files - a.files || a.folder.localeCompare(b.folder),
  );
  const totalFiles = files.length;
  return {
    totalFiles,
    ownedFiles,
    share: totalFiles === 0 ? 0 : ownedFiles / totalFiles,
    onPurposeFiles,
    unownedFolders,
    patternFiles,
    patternWins,
    componentFiles,
  };
}
