// C0/C1 controls (ESC starts terminal sequences), DEL, Unicode line/paragraph separators and bidi overrides.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text on one line: every line break (a lone \r too) and control character becomes a space. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * Text safe to print to a terminal or a CI log: line breaks and control characters shown as
 * escapes (`\n`, `\u001b`), so a value cannot start a new log line (a forged `::error`) or move
 * the cursor.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, c => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
