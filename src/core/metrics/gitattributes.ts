/**
 * `linguist-generated` from a root `.gitattributes` file, with gitattributes' own pattern rules
 * (docs/figures.md ("Which changes count")), which are not CODEOWNERS': a pattern with a slash (other than a trailing one)
 * is anchored at the root, one without matches the file name at any depth, a trailing-slash
 * pattern matches no file (directories do not pass attributes to their files), `[...]` ranges
 * work, `!pattern` lines are refused by git and ignored here, and the last line that mentions the
 * attribute for a path wins. Nested `.gitattributes` files and `[attr]` macros are not read.
 */

import { compileWildmatch, MAX_WILDMATCH_PATTERN } from '../match/wildmatch';

/**
 * Lines that mention the attribute beyond this many are not read: a real repository has a few
 * dozen, and every rule costs each changed path a match.
 */
export const MAX_ATTRIBUTE_RULES = 10_000;

/** One line that mentions `linguist-generated`: its pattern and whether it makes the path generated. */
interface Rule {
  test: (path: string) => boolean;
  generated: boolean;
}

export interface GeneratedFiles {
  /** True when the last line of the file that mentions `linguist-generated` for `path` sets it. */
  isGenerated(path: string): boolean;
  /** How many lines mention the attribute (0: nothing is generated). */
  readonly rules: number;
}

const ATTRIBUTE = 'linguist-generated';

/** Reads the attribute's rules from the text of a `.gitattributes` file; never throws. */
export function parseGitattributes(text: string): GeneratedFiles {
  const rules: Rule[] = [];
  for (const raw of text.split('\n')) {
    // git skips attribute lines longer than 2048 bytes; so do we (and never compile them).
    if (raw.length > MAX_WILDMATCH_PATTERN + 1) continue;
    if (rules.length >= MAX_ATTRIBUTE_RULES) break;
    const line = raw.replace(/\r$/, '');
    const parsed = splitLine(line);
    if (!parsed) continue;
    const { pattern, attributes } = parsed;
    // Macros are not read (the documentation); negative patterns are forbidden in gitattributes (git ignores the line).
    if (pattern.startsWith('[attr]') || pattern.startsWith('!') || pattern === '') continue;
    let state: boolean | undefined;
    for (const a of attributes) {
      if (a === ATTRIBUTE || a === `${ATTRIBUTE}=true`) state = true;
      else if (a === `-${ATTRIBUTE}` || a === `!${ATTRIBUTE}` || a.startsWith(`${ATTRIBUTE}=`))
        state = false;
    }
    if (state === undefined) continue;
    const test = compileAttributePattern(pattern);
    if (test) rules.push({ test, generated: state });
  }
  const memo = new Map<string, boolean>();
  return {
    rules: rules.length,
    isGenerated(path: string): boolean {
      if (!rules.length) return false;
      const known = memo.get(path);
      if (known !== undefined) return known;
      let result = false;
      for (let i = rules.length - 1; i >= 0; i--) {
        if (rules[i].test(path)) {
          result = rules[i].generated;
          break;
        }
      }
      memo.set(path, result);
      return result;
    },
  };
}

/** No `.gitattributes`: nothing is generated. */
export const NO_GENERATED_FILES: GeneratedFiles = { rules: 0, isGenerated: () => false };

/** The pattern (unquoted when written in C-style quotes, as git allows) and the attribute tokens. */
function splitLine(line: string): { pattern: string; attributes: string[] } | undefined {
  const trimmed = line.replace(/^[ \t]+/, '');
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  let pattern: string;
  let rest: string;
  if (trimmed.startsWith('"')) {
    const unq = unquote(trimmed);
    if (!unq) return undefined;
    pattern = unq.value;
    rest = trimmed.slice(unq.length);
  } else {
    const end = trimmed.search(/[ \t]/);
    pattern = end < 0 ? trimmed : trimmed.slice(0, end);
    rest = end < 0 ? '' : trimmed.slice(end);
  }
  return { pattern, attributes: rest.split(/[ \t]+/).filter(Boolean) };
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

function unquote(s: string): { value: string; length: number } | undefined {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { value: out, length: i + 1 };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = s[++i];
    if (next === undefined) return undefined;
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else if (ESCAPES[next] !== undefined) out += ESCAPES[next];
    else return undefined;
  }
  return undefined;
}

/**
 * A gitattributes (wildmatch) pattern as a test on repository-relative paths, or undefined for a
 * pattern that can match no file (a trailing slash) or that is not read (invalid, or longer than
 * MAX_WILDMATCH_PATTERN). Matching is case-sensitive and takes time linear in pattern × path.
 */
export function compileAttributePattern(pattern: string): ((path: string) => boolean) | undefined {
  if (pattern.endsWith('/')) return undefined;
  const anchored = pattern.includes('/');
  const body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  if (body === '') return undefined;
  const test = compileWildmatch(body);
  if (!test) return undefined;
  if (anchored) return test;
  return path => test(path.slice(path.lastIndexOf('/') + 1));
}
