/** A string literal under the cursor that may name a file: an import specifier or a path-like string. */
export interface Specifier {
  value: string;
  /** Columns (0-based, end exclusive) of the text between the quotes. */
  start: number;
  end: number;
  kind: 'import' | 'path';
}

const IMPORT_BEFORE =
  /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\(|\bexport\s[^'"`]*\bfrom)\s*$/;
const PATH_LIKE = /^(?:\.{1,2}\/|[\w@.-]+\/)[\w@./-]*$/;

/**
 * The quoted string on `line` that contains column `character`, when it is an
 * import/require/export-from specifier or looks like a relative path; undefined otherwise.
 * Line-local on purpose: hovers must answer in microseconds, without parsing the file.
 */
export function specifierAt(line: string, character: number): Specifier | undefined {
  let i = 0;
  while (i < line.length) {
    const quote = line[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      i++;
      continue;
    }
    const close = line.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    if (character > i && character <= close) {
      const value = line.slice(i + 1, close);
      if (!value || /[\s${}*?<>|]/.test(value)) return undefined;
      const kind = IMPORT_BEFORE.test(line.slice(0, i)) ? 'import' : 'path';
      if (kind === 'path' && !PATH_LIKE.test(value)) return undefined;
      return { value, start: i + 1, end: close, kind };
    }
    i = close + 1;
  }
  return undefined;
}
