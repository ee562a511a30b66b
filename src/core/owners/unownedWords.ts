import type { PatternEntry } from './model';

/**
 * "unowned on purpose (`unowned: /third_party/`)": what a view says of a path an `unowned`
 * pattern wins, so it does not read as forgotten. `quote` marks up the pattern's line (a code
 * span in Markdown; plain text by default).
 */
export function onPurposeWords(
  pattern: PatternEntry | string,
  quote: (line: string) => string = line => line,
): string {
  return `unowned on purpose (${quote(`unowned: ${typeof pattern === 'string' ? pattern : pattern.pattern}`)})`;
}
