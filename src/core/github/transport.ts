import { apiEndpoints } from './endpoints';
import { GitHubError, rateLimitedMessage, redact } from './errors';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Remembered ETags of GET responses (kept in the cache so they survive restarts). */
export interface EtagStore {
  get(url: string): { etag: string; body: string } | undefined;
  set(url: string, etag: string, body: string): void;
}

export interface TransportOptions {
  token: string;
  /** REST base, e.g. https://api.github.com or https://HOST/api/v3; the token goes to this origin only. */
  apiUrl: string;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Longest rate-limit wait before giving up with "rate limited until HH:MM UTC" (default 60 s). */
  maxWaitMs?: number;
  maxRetries?: number;
  /** First back-off after a 5xx or a dropped connection; doubles each time (default 1 s). */
  retryBaseMs?: number;
  timeoutMs?: number;
  etags?: EtagStore;
  log?: (line: string) => void;
}

/** A fetch for octokit that authenticates, retries, waits out rate limits and counts requests. */
export interface Transport {
  fetch: FetchLike;
  /** HTTP requests actually sent (retries and redirects included): SPEC's `apiRequests`. */
  readonly requests: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const SECONDARY_DEFAULT_MS = 60_000;

/** Builds the transport; the token is added here, never handed to octokit, so it cannot leak through it. */
export function createTransport(o: TransportOptions): Transport {
  const { origin, graphql } = apiEndpoints(o.apiUrl);
  const sleep = o.sleep ?? (ms => new Promise<void>(r => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const maxWaitMs = o.maxWaitMs ?? 60_000;
  const maxRetries = o.maxRetries ?? 4;
  const retryBaseMs = o.retryBaseMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const log = o.log ?? (() => undefined);
  let requests = 0;

  async function send(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    let target = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    let attempt = 0;
    let redirects = 0;
    const retry = async (why: string): Promise<boolean> => {
      if (attempt >= maxRetries) return false;
      const ms = retryBaseMs * 2 ** attempt++;
      log(`GitHub: ${why}; retrying in ${Math.round(ms / 100) / 10}s`);
      await sleep(ms);
      return true;
    };
    for (;;) {
      if (target.origin !== origin) {
        throw new GitHubError('redirect', `Refusing to send the GitHub token to ${target.host}: only ${new URL(origin).host} is configured.`);
      }
      const headers = new Headers(init.headers as HeadersInit | undefined);
      headers.set('authorization', `bearer ${o.token}`);
      const cached = method === 'GET' ? o.etags?.get(target.href) : undefined;
      if (cached) headers.set('if-none-match', cached.etag);
      requests++;
      let res: Response;
      let text: string;
      try {
        res = await o.fetch(target.href, { method, body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        text = await res.text();
      } catch (e) {
        const reason = (e as Error)?.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000}s` : errorText(e);
        if (await retry(`${target.host} ${reason}`)) continue;
        throw new GitHubError('network', redact(`Could not reach ${target.host}: ${reason}`, o.token));
      }
      const status = res.status;
      if (REDIRECTS.has(status)) {
        const next = new URL(res.headers.get('location') ?? '', target);
        if (next.origin !== origin) {
          throw new GitHubError('redirect', `Refused to follow a redirect from ${target.host} to ${next.host}: the token is only sent to the configured API host.`);
        }
        if (++redirects > 5) throw new GitHubError('redirect', `Too many redirects from ${target.host}.`);
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) { method = 'GET'; body = undefined; }
        target = next;
        continue;
      }
      if (status === 304 && cached) return new Response(cached.body, { status: 200, headers: res.headers });
      const wait = rateLimitWait(status, res.headers, text, now(), target.href === graphql);
      if (wait) {
        const resetAt = new Date(now() + wait.ms);
        if (wait.ms > maxWaitMs || attempt >= maxRetries) {
          throw new GitHubError('rate-limited', rateLimitedMessage(resetAt, new Date(now())), resetAt);
        }
        attempt++;
        log(`GitHub: ${wait.why}; waiting ${Math.ceil(wait.ms / 1000)}s`);
        await sleep(wait.ms);
        continue;
      }
      if (status >= 500 || (status === 200 && target.href === graphql && transientGraphqlError(text))) {
        if (await retry(`${target.host} answered ${status}${status === 200 ? ' with a GraphQL error' : ''}`)) continue;
        if (status >= 500) throw new GitHubError('server', `GitHub answered ${status} ${res.statusText} ${maxRetries + 1} times; try again later.`);
      }
      const etag = res.headers.get('etag');
      if (method === 'GET' && status === 200 && etag) o.etags?.set(target.href, etag, text);
      return new Response(status === 204 || status === 304 ? null : text, { status, statusText: res.statusText, headers: res.headers });
    }
  }

  return { fetch: send, get requests() { return requests; } };
}

/** How long GitHub asks us to wait, or undefined when the answer is not a rate limit. */
export function rateLimitWait(status: number, headers: Headers, body: string, now: number, isGraphql: boolean): { ms: number; why: string } | undefined {
  const retryAfter = headers.get('retry-after');
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Number(headers.get('x-ratelimit-reset'));
  const untilReset = () => Math.max(0, reset * 1000 - now) + 1000;
  if (status === 403 || status === 429) {
    if (retryAfter && /^\d+$/.test(retryAfter.trim())) return { ms: Number(retryAfter) * 1000, why: `secondary rate limit (${status}, retry-after ${retryAfter}s)` };
    if (remaining === '0' && reset) return { ms: untilReset(), why: 'primary rate limit exhausted' };
    if (/secondary rate limit|abuse/i.test(body) || status === 429) return { ms: SECONDARY_DEFAULT_MS, why: 'secondary rate limit' };
    return undefined;
  }
  // GraphQL reports an exhausted primary limit as HTTP 200 with an error of type RATE_LIMITED.
  if (status === 200 && isGraphql && body.includes('RATE_LIMITED')) {
    const errors = parseErrors(body);
    if (errors.some(e => e.type === 'RATE_LIMITED')) return { ms: reset ? untilReset() : SECONDARY_DEFAULT_MS, why: 'GraphQL rate limit exhausted' };
  }
  return undefined;
}

/** A GraphQL answer with `errors` and no data that GitHub documents as worth retrying. */
function transientGraphqlError(body: string): boolean {
  if (!body.includes('"errors"')) return false;
  const errors = parseErrors(body);
  return errors.length > 0 && errors.every(e => /something went wrong|timed? ?out|try again|loading/i.test(e.message ?? ''));
}

function parseErrors(body: string): { type?: string; message?: string }[] {
  try {
    const json = JSON.parse(body) as { errors?: { type?: string; message?: string }[] };
    return Array.isArray(json.errors) ? json.errors : [];
  } catch {
    return [];
  }
}

function errorText(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  return [err?.message, err?.cause?.code ?? err?.cause?.message].filter(Boolean).join(': ') || String(e);
}
