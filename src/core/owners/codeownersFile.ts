/** One rule of a GitHub CODEOWNERS file: a pattern and its owners (none = explicitly unowned). */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  /** 1-based line in the file. */
  line: number;
}

export type CodeownersOwnerKind = 'team' | 'user' | 'email';

/**
 * Reads CODEOWNERS text the way GitHub does: `#` lines and blank lines are skipped, leading and
 * trailing whitespace (and CR of CRLF) ignored, the pattern ends at the first unescaped
 * whitespace, owners are the following words up to an inline `#` comment.
 */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    let end = 0;
    while (end < line.length && !/\s/.test(line[end])) end += line[end] === '\\' ? 2 : 1;
    const pattern = line.slice(0, Math.min(end, line.length));
    const owners: string[] = [];
    for (const word of line.slice(end).split(/\s+/)) {
      if (word.startsWith('#')) break;
      if (word !== '') owners.push(word);
    }
    rules.push({ pattern, owners, line: i + 1 });
  });
  return rules;
}

/** `@org/team`, `@user` or an e-mail address. */
export function ownerKind(owner: string): CodeownersOwnerKind {
  if (owner.startsWith('@')) return owner.includes('/') ? 'team' : 'user';
  return 'email';
}
