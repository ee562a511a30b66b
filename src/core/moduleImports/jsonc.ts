import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';

/**
 * Parses JSON with comments and trailing commas (tsconfig.json) with `jsonc-parser`, the parser VS
 * Code's own JSON support uses: one pass, linear on long runs of newlines, spaces or an unterminated
 * comment. Strings are kept verbatim (`"@/*"` is not a comment). Throws on anything it had to repair.
 */
export function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0) {
    const e = errors[0];
    throw new SyntaxError(`${printParseErrorCode(e.error)} at offset ${e.offset}`);
  }
  return value;
}
