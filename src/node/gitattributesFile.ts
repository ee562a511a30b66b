import * as path from 'path';
import { readRegularFile } from './safeFiles';
import {
  GeneratedFiles,
  NO_GENERATED_FILES,
  parseGitattributes,
} from '../core/metrics/gitattributes';

/** Above this a `.gitattributes` is not a real one; refusing it keeps a bad file from stalling a report. */
const MAX_BYTES = 1024 * 1024;

export type GitattributesRead =
  | { kind: 'ok'; file: string; generated: GeneratedFiles }
  | { kind: 'missing'; generated: GeneratedFiles }
  | { kind: 'unreadable'; file: string; reason: string };

/**
 * docs/figures.md ("Which changes count"): `linguist-generated` from `override` (a path the user gave) or else `<root>/.gitattributes`.
 * A missing root file means nothing is generated; a missing or unreadable override is `unreadable`.
 */
export function readGitattributes(root: string, override?: string): GitattributesRead {
  const file = override ?? path.join(root, '.gitattributes');
  // The repository's own file must really be in the repository; one the user names is read as given.
  const read = readRegularFile(file, MAX_BYTES, override === undefined ? root : undefined);
  if (read.kind === 'missing')
    return override === undefined
      ? { kind: 'missing', generated: NO_GENERATED_FILES }
      : { kind: 'unreadable', file, reason: 'no such file' };
  if (read.kind === 'refused')
    return {
      kind: 'unreadable',
      file,
      reason: read.reason.startsWith(file)
        ? read.reason.slice(file.length).replace(/^ (is )?/, '')
        : read.reason,
    };
  if (read.kind === 'too-large')
    return {
      kind: 'unreadable',
      file,
      reason: `${read.bytes} bytes, more than the ${MAX_BYTES} a .gitattributes may have here`,
    };
  const buf = read.bytes;
  if (buf.includes(0)) return { kind: 'unreadable', file, reason: 'binary content' };
  return {
    kind: 'ok',
    file,
    generated: parseGitattributes(buf.toString('utf8').replace(/^\uFEFF/, '')),
  };
}
