/**
 * Parses JSON with comments and trailing commas (tsconfig.json) in one pass over the text: the
 * comment-stripping regexes it replaces backtracked to quadratic time on long runs of newlines or
 * an unterminated comment. Strings are kept verbatim (`"@/*"` is not a comment). Throws like
 * JSON.parse on anything else.
 */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(stripJsonc(text));
  }
}

/** The text without comments and trailing commas; strings untouched. */
export function stripJsonc(text: string): string {
  let out = '';
  let pendingComma = ''; // a comma (and what follows it) held back until we know if `}` or `]` comes next
  const emit = (s: string) => {
    if (pendingComma) { out += pendingComma; pendingComma = ''; }
    out += s;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      emit(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ',') {
      emit('');
      pendingComma = ',';
      i++;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (pendingComma) pendingComma += c; else out += c;
      i++;
    } else {
      if ((c === '}' || c === ']') && pendingComma) pendingComma = pendingComma.slice(1);
      emit(c);
      i++;
    }
  }
  return out + pendingComma;
}
