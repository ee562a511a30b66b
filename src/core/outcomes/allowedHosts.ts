/**
 * Which hosts a source may contact, and the name of each host's credential variable. Hosts are
 * names or IPs without a port, compared case-insensitively; an allowed host allows all its ports.
 */

/** The host of an http(s) URL, lower-cased, without port or IPv6 brackets; undefined otherwise. */
export function urlHost(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** The user's setting or `--allow-host` values as one set; entries with a port or a scheme name nothing. */
export function allowList(hosts: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const h of hosts) {
    if (typeof h !== 'string') continue;
    const host = h
      .trim()
      .replace(/^\[|\]$/g, '')
      .toLowerCase();
    if (host && !/[/\s@]/.test(host) && !/^[^:]+:\d+$/.test(host)) out.add(host);
  }
  return out;
}

export function isHostAllowed(url: string, allowed: ReadonlySet<string>): boolean {
  const host = urlHost(url);
  return host !== undefined && allowed.has(host);
}

/** `OWNERSHIP_LENS_OUTCOME_TOKEN_<HOST>`: HOST upper-cased, dots and dashes as `_`. */
export function tokenVariable(host: string): string {
  return `OWNERSHIP_LENS_OUTCOME_TOKEN_${host.toUpperCase().replace(/[.-]/g, '_')}`;
}
