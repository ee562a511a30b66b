import type { PatternEntry } from './model';
import { Ownership, unownedOnPurpose } from './resolve';

/**
 * "unowned on purpose (`unowned: /third_party/`)": what a view says of a path an `unowned`
 * pattern wins, so it does not read as forgotten. `quote` marks up the pattern's line (a code
 * span in Markdown; plain text by default).
 */
export function onPurposeWords(pattern: PatternEntry | string, quote: (line: string) => string = line => line): string {
  return `unowned on purpose (${quote(`unowned: ${typeof pattern === 'string' ? pattern : pattern.pattern}`)})`;
}

/** Why a path has no owner: on purpose (with the pattern) or because no component claims it. */
export function whyUnowned(o: Ownership, quote?: (line: string) => string): string {
  const pattern = unownedOnPurpose(o);
  return pattern ? onPurposeWords(pattern, quote) : 'not in OWNERS.yaml';
}
