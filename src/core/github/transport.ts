import { connectRetries } from './connectFailure';
import { apiEndpoints } from './endpoints';
import { GitHubError, rateLimitedMessage, redact } from './errors';
import { nowMs } from '../clock';

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
  /** Longest wait for one answer, body included (default 30 s). */
  timeoutMs?: number;
  /**
   * The run stops at this many requests in a row that time out before any answer begins (default 3),
   * and at the first one when nothing at all has come back from the server in this run.
   */
  maxSilentTimeouts?: number;
  /**
   * What the user waits for, said while a request has no answer after `progressAfterMs` and before
   * each retry ("waiting for HOST to answer (attempt 2 of 3, up to 30s)").
   */
  progress?: (message: string) => void;
  /** How long a request may go unanswered before `progress` says so (default 3 s). */
  progressAfterMs?: number;
  /** Longest time the whole run may take, waits and retries included (default 10 minutes). */
  totalTimeoutMs?: number;
  /** Largest answer read, in bytes (default 64 MB); larger ones are cut off while streaming. */
  maxBodyBytes?: number;
  /** Cancels every request (the editor's Cancel); combined with the timeouts, never replacing them. */
  signal?: AbortSignal;
  etags?: EtagStore;
  log?: (line: string) => void;
}

/** A fetch for octokit that authenticates, retries, waits out rate limits and counts requests. */
export interface Transport {
  fetch: FetchLike;
  /** HTTP requests actually sent (retries and redirects included): the documented `apiRequests`. */
  readonly requests: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const SECONDARY_DEFAULT_MS = 60_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A reset or retry-after further away than this is not a real rate limit answer. */
const ABSURD_WAIT_MS = 7 * 24 * 3600_000;

/** Builds the transport; the token is added here, never handed to octokit, so it cannot leak through it. */
export function createTransport(o: TransportOptions): Transport {
  const { origin, graphql } = apiEndpoints(o.apiUrl);
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(o.apiUrl.trim())) {
    // Never echo the URL: the part before '@' is a password.
    throw new GitHubError(
      'config',
      'The GitHub API URL contains a user name or password ("user:password@"); remove it: the token is sent separately.',
    );
  }
  const totalTimeoutMs = o.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const maxBodyBytes = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const sleep = o.sleep ?? (ms => new Promise<void>(r => setTimeout(r, ms)));
  const now = o.now ?? nowMs;
  const maxWaitMs = o.maxWaitMs ?? 60_000;
  const maxRetries = o.maxRetries ?? 4;
  const retryBaseMs = o.retryBaseMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const maxSilentTimeouts = o.maxSilentTimeouts ?? 3;
  const log = o.log ?? (() => undefined);
  const progress = o.progress ?? (() => undefined);
  const progressAfterMs = o.progressAfterMs ?? 3000;
  let requests = 0;
  // Whether any answer (even an error status) has come back in this run: until one has, a silent
  // server is a wrong URL or a proxy holding connections, and no retry can help.
  let everAnswered = false;
  // Counted across requests: the client's smaller pages are new requests to the same silent server.
  let silentInRow = 0;
  const deadline = now() + totalTimeoutMs;
  const overTime = () =>
    new GitHubError(
      'timeout',
      `GitHub did not finish within ${describeMs(totalTimeoutMs)} (the total refresh time limit); try again later.`,
    );
  const cancelled = () => new GitHubError('cancelled', 'Cancelled.');
  const hopeless = (message: string) =>
    new GitHubError('network', message, { retryCannotHelp: true });
  /** Sleeps unless that would pass the deadline or the run is cancelled. */
  const wait = async (ms: number) => {
    if (now() + ms > deadline) throw overTime();
    if (o.signal?.aborted) throw cancelled();
    await sleep(ms);
  };

  async function send(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    let target = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    let attempt = 0;
    let connectFailures = 0;
    let redirects = 0;
    // The first try plus at most maxRetries retries (`attempt` counts the retries so far).
    const of = maxRetries + 1;
    const backOff = async (why: string, ms: number) => {
      log(`GitHub: ${why}; retrying in ${Math.round(ms / 100) / 10}s`);
      progress(`${why}; retrying in ${describeMs(ms)} (attempt ${attempt + 1} of ${of})`);
      await wait(ms);
    };
    const retry = async (why: string): Promise<boolean> => {
      if (attempt >= maxRetries) return false;
      await backOff(why, retryBaseMs * 2 ** attempt++);
      return true;
    };
    for (;;) {
      if (target.origin !== origin) {
        throw new GitHubError(
          'redirect',
          `Refusing to send the GitHub token to ${target.host}: only ${new URL(origin).host} is configured.`,
        );
      }
      const headers = new Headers(init.headers as HeadersInit | undefined);
      headers.set('authorization', `bearer ${o.token}`);
      const cached = method === 'GET' ? o.etags?.get(target.href) : undefined;
      if (cached) headers.set('if-none-match', cached.etag);
      if (o.signal?.aborted) throw cancelled();
      const left = deadline - now();
      if (left <= 0) throw overTime();
      requests++;
      let res: Response | undefined;
      let text: string;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), Math.min(timeoutMs, left));
      const limit = describeMs(Math.min(timeoutMs, left));
      const thisAttempt = attempt + 1;
      const slow = setTimeout(
        () =>
          progress(
            `waiting for ${target.host} to answer (attempt ${thisAttempt} of ${of}, up to ${limit})`,
          ),
        Math.min(progressAfterMs, timeoutMs),
      );
      const signal = combineSignals(timeout.signal, o.signal);
      try {
        res = await o.fetch(target.href, {
          method,
          body,
          headers,
          redirect: 'manual',
          signal: signal.signal,
        });
        silentInRow = 0;
        everAnswered = true;
        text = await readBody(res, maxBodyBytes);
      } catch (e) {
        if (e instanceof GitHubError) throw e;
        if (o.signal?.aborted) throw cancelled();
        if (now() >= deadline) throw overTime();
        const waited = describeMs(Math.min(timeoutMs, left));
        // Not even a status line: a server that takes requests and never answers, not a heavy page.
        if (
          timeout.signal.aborted &&
          !res &&
          (++silentInRow >= maxSilentTimeouts || !everAnswered)
        ) {
          const count = everAnswered
            ? `${silentInRow} attempts in a row`
            : `attempt ${thisAttempt}; nothing at all has come back from it, so it is not retried`;
          throw hopeless(
            `The server at ${redact(target.host, o.token)} sent no answer within ${waited} (${count}); ` +
              `check that ${redact(o.apiUrl.trim().replace(/\/+$/, ''), o.token)} is a GitHub API URL and that no proxy or firewall in between holds the connection.`,
          );
        }
        const reason = timeout.signal.aborted ? `no answer within ${waited}` : errorText(e);
        const quickRetries = res || timeout.signal.aborted ? undefined : connectRetries(e);
        if (quickRetries !== undefined) {
          // No connection was made: a smaller page or the full back-off cannot help, a quick second try might.
          if (connectFailures >= Math.min(quickRetries, maxRetries))
            throw hopeless(redact(`Could not reach ${target.host}: ${reason}`, o.token));
          await backOff(`${target.host} ${reason}`, (retryBaseMs / 2) * 2 ** connectFailures++);
          continue;
        }
        if (await retry(`${target.host} ${reason}`)) continue;
        throw new GitHubError(
          'network',
          redact(`Could not reach ${target.host}: ${reason}`, o.token),
        );
      } finally {
        clearTimeout(timer);
        clearTimeout(slow);
        signal.dispose();
      }
      const status = res.status;
      if (REDIRECTS.has(status)) {
        const next = new URL(res.headers.get('location') ?? '', target);
        if (next.origin !== origin) {
          throw new GitHubError(
            'redirect',
            `Refused to follow a redirect from ${target.host} to ${next.host}: the token is only sent to the configured API host.`,
          );
        }
        if (++redirects > 5)
          throw new GitHubError('redirect', `Too many redirects from ${target.host}.`);
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        target = next;
        continue;
      }
      if (status === 304 && cached)
        return new Response(cached.body, { status: 200, headers: res.headers });
      const limited = rateLimitWait(status, res.headers, text, now(), target.href === graphql);
      if (limited) {
        if (!Number.isFinite(limited.ms) || limited.ms > ABSURD_WAIT_MS) {
          throw new GitHubError(
            'rate-limited',
            `GitHub API rate limited (${limited.why}), without a usable time to retry at; try again later.`,
          );
        }
        const resetAt = new Date(now() + limited.ms);
        if (limited.ms > maxWaitMs || attempt >= maxRetries) {
          throw new GitHubError('rate-limited', rateLimitedMessage(resetAt, new Date(now())), {
            resetAt,
          });
        }
        attempt++;
        log(`GitHub: ${limited.why}; waiting ${Math.ceil(limited.ms / 1000)}s`);
        progress(
          `GitHub: ${limited.why}; waiting ${Math.ceil(limited.ms / 1000)}s (until ${resetAt.toISOString().slice(11, 19)} UTC)`,
        );
        await wait(limited.ms);
        continue;
      }
      if (
        status >= 500 ||
        (status === 200 && target.href === graphql && transientGraphqlError(text))
      ) {
        if (
          await retry(
            `${target.host} answered ${status}${status === 200 ? ' with a GraphQL error' : ''}`,
          )
        )
          continue;
        if (status >= 500)
          throw new GitHubError(
            'server',
            `GitHub answered ${status} ${res.statusText} ${maxRetries + 1} times; try again later.`,
          );
      }
      const etag = res.headers.get('etag');
      if (method === 'GET' && status === 200 && etag) o.etags?.set(target.href, etag, text);
      return new Response(status === 204 || status === 304 ? null : text, {
        status,
        statusText: res.statusText,
        headers: res.headers,
      });
    }
  }

  return {
    fetch: send,
    get requests() {
      return requests;
    },
  };
}

/** How long GitHub asks us to wait, or undefined when the answer is not a rate limit. */
export function rateLimitWait(
  status: number,
  headers: Headers,
  body: string,
  now: number,
  isGraphql: boolean,
): { ms: number; why: string } | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Number(headers.get('x-ratelimit-reset'));
  const untilReset = () => Math.max(0, reset * 1000 - now) + 1000;
  if (status === 403 || status === 429) {
    if (retryAfter && /^\d{1,30}$/.test(retryAfter))
      return {
        ms: Number(retryAfter) * 1000,
        why: `secondary rate limit (${status}, retry-after ${retryAfter.slice(0, 12)}s)`,
      };
    if (remaining === '0' && reset)
      return { ms: untilReset(), why: 'primary rate limit exhausted' };
    if (/secondary rate limit|abuse/i.test(body) || status === 429)
      return { ms: SECONDARY_DEFAULT_MS, why: 'secondary rate limit' };
    return undefined;
  }
  // GraphQL reports an exhausted primary limit as HTTP 200 with an error of type RATE_LIMITED.
  if (status === 200 && isGraphql && body.includes('RATE_LIMITED')) {
    const errors = parseErrors(body);
    if (errors.some(e => e.type === 'RATE_LIMITED'))
      return {
        ms: reset ? untilReset() : SECONDARY_DEFAULT_MS,
        why: 'GraphQL rate limit exhausted',
      };
  }
  return undefined;
}

/** A GraphQL answer with `errors` and no data that GitHub documents as worth retrying. */
function transientGraphqlError(body: string): boolean {
  if (!body.includes('"errors"')) return false;
  const errors = parseErrors(body);
  return (
    errors.length > 0 &&
    errors.every(e => /something went wrong|timed? ?out|try again|loading/i.test(e.message ?? ''))
  );
}

function parseErrors(body: string): { type?: string; message?: string }[] {
  try {
    const json = JSON.parse(body) as { errors?: { type?: string; message?: string }[] };
    return Array.isArray(json.errors) ? json.errors : [];
  } catch {
    return [];
  }
}

/** One signal that aborts when any of the given ones does; `dispose` removes the listeners. */
export function combineSignals(...signals: (AbortSignal | undefined)[]): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = () => controller.abort();
  for (const s of present) {
    if (s.aborted) controller.abort();
    else s.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of present) s.removeEventListener('abort', onAbort);
    },
  };
}

/** The body as text, read as a stream and cut off past `max` bytes (a 700 MB answer is not buffered). */
async function readBody(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  const tooLarge = () =>
    new GitHubError(
      'server',
      `GitHub's answer is larger than ${describeBytes(max)} (the response size limit); it was not read.`,
    );
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function describeMs(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0
    ? `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`
    : `${Math.round(ms / 100) / 10}s`;
}

function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

function errorText(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  return (
    [err?.message, err?.cause?.code ?? err?.cause?.message].filter(Boolean).join(': ') || String(e)
  );
}
