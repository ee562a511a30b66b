import { checkPattern } from '../match/pattern';

/**
 * A GitLab CODEOWNERS pattern written in OWNERS.yaml's syntax so that OWNERS.yaml's own matching
 * resolves the paths GitLab does. GitLab normalises a pattern (`\#` -> `#`, `\ ` -> space; `*` is
 * every file; no leading `/` -> `/**\/` in front; a trailing `/` -> `**\/*` behind) and matches it
 * with Ruby's `File.fnmatch` (FNM_PATHNAME | FNM_DOTMATCH): `**\/` is any number of directories,
 * a `**` not followed by `/` is `*`, and the pattern must match the whole file path.
 */
export type GitlabPattern =
  | {
      kind: 'ok';
      /** The OWNERS.yaml pattern. */
      pattern: string;
      /**
       * GitLab matches the last segment only as a file name, while OWNERS.yaml's `pattern` also owns
       * what is below a directory of that name: `below` names those paths, so the import can give
       * them back what they had. Set only for a literal name without an extension (`docs`,
       * `model/db`, `LICENSE`); names with a wildcard or an extension are taken to be files.
       */
      below?: string;
    }
  | { kind: 'refused'; reason: string };

/** Translates one pattern as written in a GitLab CODEOWNERS file (the part before the first unescaped space). */
export function translateGitlabPattern(written: string): GitlabPattern {
  let p = written.startsWith('\\#') ? `#${written.slice(2)}` : written;
  // GitLab turns an escaped run of whitespace into one space; OWNERS.yaml writes a space as `\ `.
  p = p.replace(/\\\s+/g, '\\ ');
  if (/\[|\]/.test(p.replace(/\\./g, ''))) {
    return {
      kind: 'refused',
      reason: `"${written}" uses a character class ("[...]"), which OWNERS.yaml patterns do not have; write one rule per name instead (e.g. "file1.txt" and "file2.txt" for "file[12].txt")`,
    };
  }
  if (p === '*') return { kind: 'ok', pattern: '*' };
  const anchored = p.startsWith('/');
  let body = anchored ? p.slice(1) : p;
  const directory = body.endsWith('/');
  if (directory) body = body.slice(0, -1);
  if (body === '')
    return { kind: 'refused', reason: `"${written}" names no path; write "*" for every file` };
  const segments = body.split('/');
  if (segments.some(s => s === ''))
    return {
      kind: 'refused',
      reason: `"${written}" has an empty path segment ("//"), so GitLab matches no file with it; write it with single slashes`,
    };
  // fnmatch reads `**` as "any directories" only before a `/`; a last `**` is one name, like `*`.
  if (!directory && segments[segments.length - 1] === '**') segments[segments.length - 1] = '*';
  // `**` at the front adds nothing to GitLab's own `/**/`.
  while (!anchored && segments.length > 1 && segments[0] === '**') segments.shift();
  const last = segments[segments.length - 1];
  const joined = segments.join('/') + (directory ? '/' : '');
  // A name alone already matches at any depth in OWNERS.yaml, a path with a slash is anchored there.
  const pattern = anchored
    ? `/${joined}`
    : segments.length === 1 && !last.startsWith('#')
      ? joined
      : last === '**' && segments.length === 1
        ? '*'
        : `**/${joined}`;
  const problem = checkPattern(pattern);
  if (problem.kind === 'invalid')
    return {
      kind: 'refused',
      reason: `"${written}" cannot be written as an OWNERS.yaml pattern: ${problem.reason}`,
    };
  const fileName = !directory && last !== '*' && last !== '**';
  const literal = !/[*?\\]/.test(last);
  const below =
    fileName && literal && !/\.[A-Za-z0-9]+$/.test(last)
      ? anchored || segments.length > 1
        ? `${pattern}/**`
        : `**/${pattern}/**`
      : undefined;
  return { kind: 'ok', pattern, below };
}

/** GitLab's owner references: `@name` (users, groups, `@@role`) and e-mail addresses; other words on the line are ignored. */
export function isGitlabOwner(word: string): boolean {
  return /^@@?[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/.test(word) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(word);
}
