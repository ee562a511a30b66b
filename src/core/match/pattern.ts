import { PatternProblem } from './types';

/**
 * One CODEOWNERS pattern split into path segments, normalised the way GitHub (and hmarr/codeowners)
 * read it: a pattern with no slash but a trailing one gets an implicit leading `**`, a trailing
 * slash becomes a final `**`. `anchored` is true when the first segment is not `**`.
 */
export interface PatternShape {
  segments: string[];
  anchored: boolean;
}

/** Longer patterns are refused: no real path comes near, and every match costs pattern × path. */
export const MAX_PATTERN_LENGTH = 4096;

/** Whether a pattern is usable in CODEOWNERS, and if not, why (GitHub's documented exceptions and more). */
export function checkPattern(pattern: string): PatternProblem {
  const invalid = (reason: string): PatternProblem => ({ kind: 'invalid', reason });
  if (pattern.trim() === '') return invalid('The pattern is empty.');
  if (pattern.length > MAX_PATTERN_LENGTH)
    return invalid(
      `The pattern is ${pattern.length} characters long; more than ${MAX_PATTERN_LENGTH} are refused.`,
    );
  if (pattern.startsWith('#') || pattern.startsWith('\\#')) {
    return invalid(
      'A pattern cannot start with "#": CODEOWNERS reads the line as a comment (GitHub does not support escaping it with "\\").',
    );
  }
  if (pattern.startsWith('!')) return invalid('Negation with "!" is not supported in CODEOWNERS.');
  if (pattern === '/') return invalid('"/" alone matches nothing; use "*" for every file.');
  if (pattern.includes('***')) return invalid('"***" is not a valid wildcard; use "*" or "**".');
  if (pattern.includes('//')) return invalid('The pattern has an empty path segment ("//").');
  // Even escaped, a line break or control character would end or corrupt the CODEOWNERS line.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(pattern))
    return invalid('The pattern contains a line break or control character.');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i === pattern.length - 1)
        return invalid('The pattern ends with an unfinished escape "\\".');
      i++;
    } else if (c === '[' || c === ']') {
      return invalid(
        'Character ranges with "[ ]" are not supported in CODEOWNERS; escape the bracket as "\\[" for a literal one.',
      );
    } else if (/\s/.test(c)) {
      return invalid('The pattern contains whitespace; escape a space as "\\ ".');
    }
  }
  return { kind: 'ok' };
}

/** The segments of a (valid) pattern, normalised as described on `PatternShape`. */
export function patternShape(pattern: string): PatternShape {
  let segments = pattern.split('/');
  if (segments[0] === '') {
    segments = segments.slice(1);
  } else if (
    (segments.length === 1 || (segments.length === 2 && segments[1] === '')) &&
    segments[0] !== '**'
  ) {
    segments = ['**', ...segments];
  }
  if (segments.length > 1 && segments[segments.length - 1] === '')
    segments[segments.length - 1] = '**';
  // `**/**` means no more than `**` (and `**/` alone would otherwise demand an empty segment).
  segments = segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**'));
  return { segments, anchored: segments[0] !== '**' };
}

/** True when a segment has no wildcard or escape: it must equal the path segment exactly. */
export function isLiteralSegment(segment: string): boolean {
  return !/[*?\\]/.test(segment);
}
