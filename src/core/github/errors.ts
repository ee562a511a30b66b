export type GitHubErrorKind =
  | 'no-token'
  | 'unauthorized'
  | 'not-found'
  | 'rate-limited'
  | 'network'
  | 'server'
  | 'graphql'
  | 'redirect'
  | 'forbidden'
  | 'timeout'
  | 'cancelled'
  | 'config'
  | 'limit'
  | 'invalid-answer';

/** A failure the user can act on; the message never contains the token. */
export class GitHubError extends Error {
  readonly resetAt?: Date;
  /** No retry can help, not even with a smaller page: the host cannot be reached, or takes requests and never answers. */
  readonly retryCannotHelp: boolean;
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    more: { resetAt?: Date; retryCannotHelp?: boolean } = {},
  ) {
    super(message);
    this.name = 'GitHubError';
    this.resetAt = more.resetAt;
    this.retryCannotHelp = more.retryCannotHelp ?? false;
  }
}

/** "rate limited until 14:05 UTC" (plus the date when it is not today). */
export function rateLimitedMessage(resetAt: Date, now: Date): string {
  if (!Number.isFinite(resetAt.getTime())) return 'GitHub API rate limited; try again later';
  const hhmm = resetAt.toISOString().slice(11, 16);
  const day = resetAt.toISOString().slice(0, 10);
  return `GitHub API rate limited until ${hhmm} UTC${day !== now.toISOString().slice(0, 10) ? ` on ${day}` : ''}`;
}

/** Below this length a secret is not a real token: its letters are redacted only where they stand alone. */
const SHORT_SECRET = 16;

/**
 * Removes `secret` from `text` (defence in depth for messages that echo requests). A token of a
 * realistic length goes wherever it is; a short one (a test's `x`, a mistyped setting) only where it
 * stands as a token of its own, so "x" does not turn "proxy" into "pro***".
 */
export function redact(text: string, secret: string): string {
  if (!secret) return text;
  if (secret.length >= SHORT_SECRET) return text.split(secret).join('***');
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`, 'g'), '***');
}
