/** Number and text formatting shared by the views (plain text; callers escape for Markdown). */

/** 17462 → "17,462": every count a view shows, the same way. */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 file", "2 files", "1,204 files". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/**
 * Breaks `text` into lines of at most `width` characters at spaces (a longer word is cut), so a
 * one-line widget can show all of it, a line each.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
