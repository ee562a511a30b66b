/** Every diagnostic code the validator reports, with what it means; stable across releases. */
export const DIAGNOSTIC_CODES: Record<string, string> = {
  'yaml-syntax': 'The file is not valid YAML.',
  'duplicate-key': 'The same key appears twice in one mapping.',
  'file-too-large':
    'The file is larger than the size limit (10 MB) and was not parsed. The CLI checks the size before reading and refuses instead (exit 2), so only the editor shows this code.',
  'not-text': 'The file contains binary data or invalid UTF-8.',
  'alias-bomb': 'YAML aliases expand to an absurd size ("billion laughs"); the file was not read.',
  'limit-exceeded':
    'The file has more components or patterns, or deeper nesting, than the limits (README, Limits) allow; it was not read.',
  'wrong-type': 'A value has the wrong type (text, number, list or mapping expected).',
  'missing-field':
    'A required field is missing or empty (a warning for a missing `version` or `components`, else an error).',
  'unsupported-version': '`version` is not 1.',
  'unknown-key': 'A key the format does not define (prefix your own keys with x-).',
  'unknown-team': 'A component names a team that is not under `teams`.',
  'unknown-outcome': 'A component names an outcome that is not under `outcomes`.',
  'unknown-person':
    'A lead, member, owner or handoff `from`/`to` login is not under `people` (checked only when `people` lists someone).',
  'missing-lead': 'A team has no lead.',
  'owner-not-in-team': "A component's owner is not a member (or the lead) of its team.",
  'invalid-login':
    'A login (a `people` key, lead, member, owner, handoff `from`/`to`) is not a valid GitHub login.',
  'invalid-codeowner':
    'A value written to CODEOWNERS (`codeowners` entry, team `github` slug, owner) is not a GitHub handle (@user, @org/team, email); `codeowners` refuses to export.',
  'invalid-pattern': 'A pattern uses syntax CODEOWNERS does not support (`!`, `[ ]`, `***`, ...).',
  'duplicate-pattern': 'The same pattern appears twice; the earlier one can never win.',
  'pattern-matches-nothing': 'A pattern matches no file in the repository.',
  'pattern-shadowed': 'A pattern can never win: later patterns cover every file it matches.',
  'invalid-link': 'An outcome link is not an http(s) URL.',
  'unusual-link':
    'An outcome link is http(s) but not a plain URL: it has characters such as ( ) [ ] ! < > quotes, credentials (user:password@) or no host; hovers show it percent-encoded.',
  'invalid-source':
    "An outcome's `source` is not exactly one of prometheus (with query), json (with pointer) or file, or has another key, a URL that is not http(s), a pointer that is not RFC 6901 or a path outside the repository.",
  'invalid-target':
    'An outcome target does not parse (`OP NUMBER [UNIT]` or `A..B [UNIT]`); its status stays unknown.',
  'outcome-file-missing': "An outcome's `file` source is not a file in the repository.",
  'invalid-date': 'A handoff date is not a YYYY-MM-DD date.',
  'stale-handoff': "The last handoff was to someone other than the component's owner.",
  'single-codeowner':
    "A component's CODEOWNERS owners (its `codeowners`, or the default export) are one person and no team: that person's own changes can never get a code-owner review.",
  'invalid-metric': 'A `metrics` setting is out of range.',
  guessed:
    'A lead or owner an import guessed or a quick fix put in as a placeholder (listed under `x-guessed`); confirm it and delete the entry.',
};

/** Codes after which nothing of the file was read: validation stops there, and answers would be guesses. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  'yaml-syntax',
  'file-too-large',
  'not-text',
  'alias-bomb',
  'limit-exceeded',
]);

/** Codes after which the model cannot be trusted to say who owns what (as opposed to gaps a lead must fill in). */
export const STRUCTURAL_CODES = new Set([
  'yaml-syntax',
  'duplicate-key',
  'file-too-large',
  'not-text',
  'alias-bomb',
  'limit-exceeded',
  'wrong-type',
  'unsupported-version',
  'invalid-pattern',
]);
