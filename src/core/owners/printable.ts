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
  return text.replace(CONTROL, escapeControl);
}

/**
 * A template for terminal text built from untrusted values: `printableText\`${component}  owner ${owner}\``
 * passes every interpolated value through `printable`, so only the template's own line breaks remain.
 */
export function printableText(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += printable(String(values[i])) + strings[i + 1];
  return out;
}

// Everything CONTROL matches but the line breaks and tabs a message is made of.
const CONTROL_NOT_LAYOUT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A last line of defence for a whole message or report whose values were already escaped: escape
 * sequences, carriage returns and bidi overrides are shown, `\n` and `\t` are kept as layout.
 */
export function withoutControlSequences(text: string): string {
  return text.replace(CONTROL_NOT_LAYOUT, escapeControl);
}

function escapeControl(c: string): string {
  return c === '\n'
    ? '\\n'
    : c === '\r'
      ? '\\r'
      : c === '\t'
        ? '\\t'
        : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
