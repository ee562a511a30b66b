import * as fs from 'fs';
import * as path from 'path';
import { ImportDraft } from '../core/ownersImport/draft';
import { draftFromSources, SourceKind } from '../core/ownersImport/fromSources';
import { prowIgnoresDir } from '../core/ownersImport/prowOwners';
import { readOwnersText } from './ownersFile';

/** Where CODEOWNERS lives: GitHub's three places and GitLab's. */
export const CODEOWNERS_PLACES = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
];

/** Ownership files in a directory: its CODEOWNERS, else its OWNERS tree, else its catalog-info files. */
export function findSources(dir: string, from?: SourceKind): string[] {
  const codeowners = CODEOWNERS_PLACES.map(p => path.join(dir, p)).filter(p => fs.existsSync(p));
  if (codeowners.length > 0 || from === 'github' || from === 'gitlab')
    return codeowners.slice(0, 1);
  const prow: string[] = [];
  const catalogs: string[] = [];
  // Prow reads every OWNERS file except those its default denylist skips (vendor/*/*, _output, .git),
  // so vendor/ and third_party/ OWNERS files count; catalog files are looked for in the same walk.
  const walk = (d: string, depth: number) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      const rel = path.relative(dir, p).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !prowIgnoresDir(rel) && depth < 25) walk(p, depth + 1);
      } else if (entry.name === 'OWNERS' || entry.name === 'OWNERS_ALIASES') prow.push(p);
      else if (/^catalog-info.*\.ya?ml$/.test(entry.name)) catalogs.push(p);
    }
  };
  walk(dir, 0);
  return (prow.length > 0 ? prow : catalogs).sort();
}

/** Reads the given files and directories (paths relative to `root` in the result) into one draft. */
export function readImportSources(
  inputs: readonly string[],
  root: string,
  from?: SourceKind,
  only?: readonly SourceKind[],
): ImportDraft {
  const files = inputs.flatMap(p =>
    fs.existsSync(p) && fs.statSync(p).isDirectory() ? findSources(p, from) : [p],
  );
  if (files.length === 0) {
    throw new Error(
      from === 'github' || from === 'gitlab'
        ? `no CODEOWNERS found in ${inputs.join(', ')} (looked at ${CODEOWNERS_PLACES.join(', ')})`
        : `no ownership file found in ${inputs.join(', ')} (looked for CODEOWNERS, OWNERS trees, catalog-info.yaml)`,
    );
  }
  const sources = files.map(file => {
    const text = readOwnersText(file, undefined, root);
    if (text.includes('\u0000')) throw new Error(`${file} is not a text file`);
    const rel = path.relative(root, file).split(path.sep).join('/');
    return { path: rel.startsWith('..') || path.isAbsolute(rel) ? file : rel, text };
  });
  return draftFromSources(sources, from, only);
}
