/**
 * Links from repository content (outcome `link:`, pull-request URLs from an API) in Markdown.
 * A URL is put in a Markdown link only when it is http(s), and then percent-encoded so that no
 * character of it can end the link or start another one or an image: `encodeURIComponent`
 * leaves `(`, `)` and `!` alone, so `https://x/a)![](http://tracker/p.png` became an image.
 */

/** http(s) with a host and nothing else a plain link has no need of (no credentials, spaces, controls). */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url) && !/[\u0000-\u001f\u007f]/.test(url);
}

/** Characters a plain URL needs that cannot end or open Markdown syntax; everything else is percent-encoded. */
const KEPT = /[A-Za-z0-9\-._~:/?#@$&+,;=%]/;

/**
 * A plain http(s) URL: scheme, a host with no `user:password@`, and only the characters `KEPT`
 * (plus percent escapes). `validate` warns (`unusual-link`) on an http(s) link that is not plain.
 */
export function isPlainHttpUrl(url: string): boolean {
  if (!isHttpUrl(url)) return false;
  const authority = /^https?:\/\/([^/?#]*)/i.exec(url)![1];
  if (authority.includes('@')) return false;
  for (const c of url) if (!KEPT.test(c)) return false;
  return !/%(?![0-9A-Fa-f]{2})/.test(url);
}

/**
 * The URL as a Markdown link destination: every character outside `KEPT` percent-encoded (UTF-8);
 * an existing `%XX` escape is kept, a lone `%` encoded.
 */
export function markdownLinkTarget(url: string): string {
  const utf8 = new TextEncoder();
  let out = '';
  const chars = [...url];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '%')
      out += /^[0-9A-Fa-f]{2}$/.test((chars[i + 1] ?? '') + (chars[i + 2] ?? '')) ? '%' : '%25';
    else if (KEPT.test(c)) out += c;
    else for (const b of utf8.encode(c)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
