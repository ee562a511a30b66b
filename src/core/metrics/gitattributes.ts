/**
 * `linguist-generated` from a root `.gitattributes` file, with gitattributes' own pattern rules
 * (SPEC section 5), which are not CODEOWNERS': a pattern with a slash (other than a trailing one)
 * is anchored at the root, one without matches the file name at any depth, a trailing-slash
 * pattern matches no file (directories do not pass attributes to their files), `[...]` ranges
 * work, `!pattern` lines are refused by git and ignored here, and the last line that mentions the
 * attribute for a path wins. Nested `.gitattributes` files and `[attr]` macros are not read.
 */

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
    const line = raw.replace(/\r$/, '');
    const parsed = splitLine(line);
    if (!parsed) continue;
    const { pattern, attributes } = parsed;
    // Macros are not read (SPEC); negative patterns are forbidden in gitattributes (git ignores the line).
    if (pattern.startsWith('[attr]') || pattern.startsWith('!') || pattern === '') continue;
    let state: boolean | undefined;
    for (const a of attributes) {
      if (a === ATTRIBUTE || a === `${ATTRIBUTE}=true`) state = true;
      else if (a === `-${ATTRIBUTE}` || a === `!${ATTRIBUTE}` || a.startsWith(`${ATTRIBUTE}=`)) state = false;
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

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

function unquote(s: string): { value: string; length: number } | undefined {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { value: out, length: i + 1 };
    if (c !== '\\') { out += c; continue; }
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
 * pattern that can match no file (a trailing slash). Matching is case-sensitive.
 */
export function compileAttributePattern(pattern: string): ((path: string) => boolean) | undefined {
  if (pattern.endsWith('/')) return undefined;
  const anchored = pattern.includes('/');
  const body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  if (body === '') return undefined;
  let source: string;
  try {
    source = wildmatchSource(body);
  } catch {
    return undefined;
  }
  const re = new RegExp(`^${source}$`, 's');
  if (anchored) return path => re.test(path);
  return path => re.test(path.slice(path.lastIndexOf('/') + 1));
}

/** wildmatch with WM_PATHNAME: `*`, `?` and ranges stay within a segment; `**` between slashes spans them. */
function wildmatchSource(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      if (i >= p.length) throw new Error('trailing backslash');
      out += escapeRegExp(p[i]);
    } else if (c === '*') {
      if (p[i + 1] === '*') {
        let j = i;
        while (p[j] === '*') j++;
        const atStart = i === 0 || p[i - 1] === '/';
        const atEnd = j === p.length || p[j] === '/';
        if (atStart && atEnd) {
          if (j === p.length) out += '.*';            // `dir/**`: everything below
          else { out += '(?:.*/)?'; j++; }             // `**/` or `/**/`: zero or more directories
          i = j - 1;
          continue;
        }
        out += '[^/]*';
        i = j - 1;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const range = rangeSource(p, i);
      if (!range) { out += '\\['; continue; }
      out += range.source;
      i = range.end;
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

/** A bracket expression starting at `p[start]` ('['), as a RegExp class that never matches '/'. */
function rangeSource(p: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') { negate = true; i++; }
  let body = '';
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === ']' && !first) return { source: negate ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close < 0) return undefined;
      const cls = CLASSES[p.slice(i + 2, close)];
      if (cls === undefined) return undefined;
      body += cls;
      i = close + 1;
    } else if (c === '\\') {
      i++;
      if (i >= p.length) return undefined;
      body += escapeClass(p[i]);
    } else if (c === '-' && body !== '' && p[i + 1] !== ']' && p[i + 1] !== undefined) {
      body += '-';
    } else {
      body += escapeClass(c);
    }
  }
  return undefined;
}

const CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9', alpha: 'A-Za-z', digit: '0-9', lower: 'a-z', upper: 'A-Z', space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f', graph: '!-~', print: ' -~',
};

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(c: string): string {
  return c.replace(/[\]\\^-]/g, '\\$&');
}
