import * as fs from 'fs';
import * as path from 'path';
import { GeneratedFiles, NO_GENERATED_FILES, parseGitattributes } from '../core/metrics/gitattributes';

/** Above this a `.gitattributes` is not a real one; refusing it keeps a bad file from stalling a report. */
const MAX_BYTES = 1024 * 1024;

export type GitattributesRead =
  | { kind: 'ok'; file: string; generated: GeneratedFiles }
  | { kind: 'missing'; generated: GeneratedFiles }
  | { kind: 'unreadable'; file: string; reason: string };

/**
 * SPEC 5: `linguist-generated` from `override` (a path the user gave) or else `<root>/.gitattributes`.
 * A missing root file means nothing is generated; a missing or unreadable override is `unreadable`.
 */
export function readGitattributes(root: string, override?: string): GitattributesRead {
  const file = override ?? path.join(root, '.gitattributes');
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { kind: 'unreadable', file, reason: 'not a file' };
    if (stat.size > MAX_BYTES) return { kind: 'unreadable', file, reason: `${stat.size} bytes, more than the ${MAX_BYTES} a .gitattributes may have here` };
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && override === undefined) return { kind: 'missing', generated: NO_GENERATED_FILES };
    return { kind: 'unreadable', file, reason: code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message };
  }
  if (buf.includes(0)) return { kind: 'unreadable', file, reason: 'binary content' };
  return { kind: 'ok', file, generated: parseGitattributes(buf.toString('utf8').replace(/^\uFEFF/, '')) };
}
