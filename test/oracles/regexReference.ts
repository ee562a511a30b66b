import { checkPattern, patternShape } from '../../src/core/match/pattern';

/**
 * The regular-expression matcher the project used before the segment-wise one (a port of
 * hmarr/codeowners). Kept only as the reference the differential tests and the bench compare the
 * matcher with: backtracking makes it exponential on hostile patterns, so nothing in src/core uses it.
 */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** A regular expression for one segment's glob (`*`, `?`, `\` escapes), no anchors. */
function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) out += segment[++i].replace(REGEX_SPECIAL, '\\$&');
    else if (c === '*') {
      // A run of stars inside a segment is one star; collapsing it also avoids regex backtracking.
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(REGEX_SPECIAL, '\\$&');
  }
  return out;
}

/**
 * The plain regular expression of one pattern, GitHub semantics (a port of hmarr/codeowners):
 * `*` and `?` stay within a segment, `**` crosses them, a final `*` segment matches direct children
 * only, any other final segment also matches everything below it. Invalid patterns never match.
 */
export function patternToRegExp(pattern: string): RegExp {
  if (checkPattern(pattern).kind === 'invalid') return /(?!)/;
  const { segments } = patternShape(pattern);
  const last = segments.length - 1;
  let source = '^';
  let needSlash = false;
  segments.forEach((segment, i) => {
    if (segment === '**') {
      if (i === 0 && i === last) source += '.+';
      else if (i === 0) source += '(?:.+/)?';
      else if (i === last) source += '/.*';
      else source += '(?:/.+)?';
      needSlash = i !== 0;
      return;
    }
    if (needSlash) source += '/';
    if (segment === '*') {
      source += '[^/]+';
    } else {
      source += segmentSource(segment);
      if (i === last) source += '(?:/.*)?';
    }
    needSlash = true;
  });
  return new RegExp(source + '$');
}
