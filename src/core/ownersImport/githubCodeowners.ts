import { parseCodeowners } from '../owners/codeownersFile';
import { emptyDraft, ImportDraft } from './draft';

/** Comment lines (without `#`) since the previous rule, per 1-based line of each rule. */
export function commentsAbove(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let pending: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line.startsWith('#')) pending.push(line.replace(/^#+ ?/, ''));
    else if (line !== '' && !/^\^?\[/.test(line)) {
      if (pending.length > 0) out.set(i + 1, pending);
      pending = [];
    }
  });
  return out;
}

/** A GitHub CODEOWNERS file as import rules: each rule as written, its comments with it. */
export function fromGithubCodeowners(text: string, file: string): ImportDraft {
  const draft = emptyDraft(`the GitHub CODEOWNERS file ${file}`);
  const comments = commentsAbove(text);
  for (const rule of parseCodeowners(text)) {
    draft.rules.push({
      pattern: rule.pattern,
      owners: rule.owners,
      file,
      line: rule.line,
      comments: comments.get(rule.line),
    });
  }
  return draft;
}
