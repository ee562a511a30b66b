/**
 * One GET to an outcome source, bounded: a deadline for the whole exchange (redirects included),
 * a cap on the body (the request is aborted beyond it), redirects followed by hand and only to
 * allowed hosts, and each host's own token sent to that host only. The answer is untrusted.
 */
import * as http from 'http';
import * as https from 'https';
import { isHostAllowed, urlHost } from '../../core/outcomes/allowedHosts';

export interface GetLimits {
  allowedHosts: ReadonlySet<string>;
  /** The token for a host (lower-cased name), or undefined; the editor's secret storage answers asynchronously. */
  tokenFor(host: string): string | undefined | Promise<string | undefined>;
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
// 1 MB as the README counts it elsewhere (10 MB = 10,485,760 bytes for OWNERS.yaml).
export const DEFAULT_MAX_BYTES = 1_048_576;
const MAX_REDIRECTS = 5;

export type GetResult =
  { ok: true; status: number; contentType: string; body: string } | { ok: false; reason: string };

export async function boundedGet(url: string, limits: GetLimits): Promise<GetResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const host = urlHost(current);
      if (host === undefined) return { ok: false, reason: 'the URL is not http(s)' };
      if (!isHostAllowed(current, limits.allowedHosts)) {
        return {
          ok: false,
          reason:
            hop === 0
              ? `host ${host} is not allowed (allow it in your user setting ownershipLens.outcomes.allowedHosts, or --allow-host ${host})`
              : `redirected to host ${host}, which is not allowed`,
        };
      }
      const answer = await once(
        current,
        await limits.tokenFor(host),
        limits.maxBytes,
        controller.signal,
      );
      if (answer.kind === 'redirect') {
        current = new URL(answer.location, current).toString();
        continue;
      }
      return answer.result;
    }
    return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects` };
  } catch (e) {
    if (timedOut) return { ok: false, reason: `no answer within ${limits.timeoutMs / 1000} s` };
    return {
      ok: false,
      reason: `request failed: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

type Once = { kind: 'redirect'; location: string } | { kind: 'done'; result: GetResult };

function once(
  url: string,
  token: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Once> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'ownership-lens',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const get = url.startsWith('https:') ? https.get : http.get;
    const req = get(url, { headers, signal }, res => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        resolve({ kind: 'redirect', location });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (declared > maxBytes) {
        req.destroy();
        resolve({
          kind: 'done',
          result: { ok: false, reason: `the answer is larger than ${maxBytes} bytes` },
        });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy();
          resolve({
            kind: 'done',
            result: { ok: false, reason: `the answer is larger than ${maxBytes} bytes` },
          });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          kind: 'done',
          result: {
            ok: true,
            status,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          },
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
