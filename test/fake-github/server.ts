import { createHash } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { execute, GraphQLError, parse, validate } from 'graphql';
import type { FakeDataset } from './dataset';
import { queryCost } from './cost';
import { restPullRequest, restSort, rootValue, stateOf } from './resolvers';
import { githubSchema } from './schema';
import { nowMs } from '../../src/core/clock';

/** A fault served instead of (or, for `slow`, before) the normal answer to the next matching request. */
export type Fault =
  | { kind: 'primary-limit'; resetInSeconds: number; target?: Target }
  | { kind: 'secondary-limit'; status: 403 | 429; retryAfter: number; target?: Target }
  | { kind: 'bad-gateway'; target?: Target }
  | {
      kind: 'graphql-error';
      message?: string;
      type?: string;
      resetInSeconds?: number;
      target?: Target;
    }
  | { kind: 'slow'; ms: number; target?: Target }
  | { kind: 'drop'; target?: Target }
  | { kind: 'redirect'; location: string; status?: number; target?: Target }
  | { kind: 'unauthorized'; target?: Target }
  /** From now on every GraphQL page says `hasNextPage: true` with the same cursor (of the pull requests, or of each one's files). */
  | { kind: 'endless-pages'; of: 'pull-requests' | 'files'; target?: Target }
  /** Accepts the request and never answers. */
  | { kind: 'silent'; target?: Target }
  /** Answers 200 and then one byte every `intervalMs`, forever. */
  | { kind: 'trickle'; intervalMs: number; target?: Target }
  /** Answers 200 with `bytes` of JSON-looking padding, streamed (no content-length unless `declare`). */
  | { kind: 'huge-body'; bytes: number; declare?: boolean; target?: Target }
  /** Answers 200 with this body. */
  | { kind: 'garbage'; body: string; contentType?: string; target?: Target };
type Target = 'graphql' | 'rest';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
  ifNoneMatch?: string;
  body?: string;
  /** GitHub's documented rate-limit cost of a valid GraphQL query, and the bytes of the answer. */
  cost?: number;
  responseBytes?: number;
}

export interface FakeGitHub {
  /** http://127.0.0.1:PORT — pass as `--api-url` (or `${url}/api/v3` for the Enterprise layout). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  data: FakeDataset;
  /** The repositories besides `data` (replace to change what the organisation holds). */
  repositories: FakeDataset[];
  inject(...faults: Fault[]): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  data: FakeDataset;
  port?: number;
  /** When set, requests without `Authorization: bearer|token TOKEN` get 401 Bad credentials. */
  token?: string;
  rateLimit?: number;
  /** Further repositories served next to `data` (an organisation: `GET /orgs/ORG/repos` lists them all). */
  repositories?: FakeDataset[];
}

const DOCS = 'https://docs.github.com/rest';

/** Starts the server on 127.0.0.1 (ephemeral port unless given); `close()` ends every connection. */
export async function startFakeGitHub(o: FakeGitHubOptions): Promise<FakeGitHub> {
  const schema = githubSchema();
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const recordOf = new WeakMap<http.ServerResponse, RecordedRequest>();
  let endless: 'pull-requests' | 'files' | undefined;
  const stuckCursors = new Map<string, string>();
  let remaining = o.rateLimit ?? 5000;
  const resetEpoch = () => Math.floor(nowMs() / 1000) + 3600;
  const state = { data: o.data, more: o.repositories ?? [] };
  const all = () => [state.data, ...state.more];
  const lookup = (repo: string) => all().find(d => d.repo.toLowerCase() === repo.toLowerCase());

  function rateHeaders(resource: string): Record<string, string> {
    return {
      'x-ratelimit-limit': String(o.rateLimit ?? 5000),
      'x-ratelimit-remaining': String(Math.max(0, remaining)),
      'x-ratelimit-reset': String(resetEpoch()),
      'x-ratelimit-used': String((o.rateLimit ?? 5000) - remaining),
      'x-ratelimit-resource': resource,
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': createHash('md5')
        .update(String(requests.length))
        .digest('hex')
        .slice(0, 20)
        .toUpperCase(),
      'access-control-expose-headers':
        'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
    };
  }

  function send(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const recorded = recordOf.get(res);
    if (recorded) recorded.responseBytes = status === 304 ? 0 : Buffer.byteLength(text);
    res.writeHead(status, {
      server: 'GitHub.com',
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    });
    res.end(status === 304 ? undefined : text);
  }

  async function serveFault(
    f: Fault,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    resource: string,
  ): Promise<boolean> {
    switch (f.kind) {
      case 'primary-limit': {
        const reset = Math.floor(nowMs() / 1000) + f.resetInSeconds;
        send(
          res,
          403,
          {
            message: 'API rate limit exceeded for user ID 1.',
            documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
          },
          {
            ...rateHeaders(resource),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
          },
        );
        return true;
      }
      case 'secondary-limit':
        send(
          res,
          f.status,
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          },
          { ...rateHeaders(resource), 'retry-after': String(f.retryAfter) },
        );
        return true;
      case 'bad-gateway':
        send(
          res,
          502,
          '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
          { 'content-type': 'text/html' },
        );
        return true;
      case 'graphql-error':
        send(
          res,
          200,
          {
            data: null,
            errors: [
              {
                type: f.type,
                message:
                  f.message ??
                  'Something went wrong while executing your query. Please include `0000:0000:0000000:0000000:00000000` when reporting this issue.',
              },
            ],
          },
          f.type === 'RATE_LIMITED'
            ? {
                ...rateHeaders(resource),
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(Math.floor(nowMs() / 1000) + (f.resetInSeconds ?? 5)),
              }
            : rateHeaders(resource),
        );
        return true;
      case 'slow':
        await new Promise(r => setTimeout(r, f.ms));
        return res.destroyed;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'redirect':
        send(res, f.status ?? 302, { message: 'Moved', url: f.location }, { location: f.location });
        return true;
      case 'unauthorized':
        send(res, 401, { message: 'Bad credentials', documentation_url: DOCS });
        return true;
      case 'endless-pages':
        endless = f.of;
        return false;
      case 'silent':
        return true;
      case 'trickle': {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), f.intervalMs);
        res.on('close', () => clearInterval(timer));
        return true;
      }
      case 'huge-body': {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          ...(f.declare ? { 'content-length': String(f.bytes) } : {}),
        });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < f.bytes && !res.destroyed) {
            const n = Math.min(chunk.length, f.bytes - sent);
            sent += n;
            if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return true;
      }
      case 'garbage':
        send(res, 200, f.body, {
          'content-type': f.contentType ?? 'application/json; charset=utf-8',
        });
        return true;
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname = url.pathname;
    const isGraphql = pathname === '/graphql' || pathname === '/api/graphql';
    if (pathname.startsWith('/api/v3/')) pathname = pathname.slice('/api/v3'.length);
    const resource = isGraphql ? 'graphql' : 'core';
    const i = faults.findIndex(f => !f.target || f.target === (isGraphql ? 'graphql' : 'rest'));
    if (i >= 0) {
      const [f] = faults.splice(i, 1);
      if (await serveFault(f, req, res, resource)) return;
    }
    if (o.token) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `bearer ${o.token}` && auth !== `token ${o.token}`)
        return send(res, 401, { message: 'Bad credentials', documentation_url: DOCS });
    }
    if (isGraphql && req.method === 'POST') return serveGraphql(res, body);
    const m = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(pathname);
    if (m && req.method === 'GET') return servePullList(req, res, url, `${m[1]}/${m[2]}`);
    const org = /^\/orgs\/([^/]+)\/repos$/.exec(pathname);
    if (org && req.method === 'GET') return serveOrgRepos(req, res, url, org[1]);
    send(res, 404, { message: 'Not Found', documentation_url: DOCS }, rateHeaders(resource));
  }

  async function serveGraphql(res: http.ServerResponse, body: string) {
    remaining--;
    let request: { query?: string; variables?: Record<string, unknown>; operationName?: string };
    try {
      request = JSON.parse(body);
    } catch {
      return send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS });
    }
    let document;
    try {
      document = parse(request.query ?? '');
    } catch (e) {
      return send(res, 200, { errors: [formatError(e as GraphQLError)] }, rateHeaders('graphql'));
    }
    const problems = validate(schema, document);
    if (problems.length)
      return send(res, 200, { errors: problems.map(formatError) }, rateHeaders('graphql'));
    const recorded = recordOf.get(res);
    if (recorded) recorded.cost = queryCost(document, request.variables).cost;
    const result = await execute({
      schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      rootValue: rootValue(
        () => state.data,
        () => ({ remaining, resetAt: new Date(resetEpoch() * 1000).toISOString() }),
        lookup,
      ),
    });
    if (endless && result.data)
      makeEndless(result.data as Record<string, unknown>, endless, stuckCursors);
    send(
      res,
      200,
      {
        ...(result.data !== undefined ? { data: result.data } : {}),
        ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
      },
      rateHeaders('graphql'),
    );
  }

  /** A REST list page with GitHub's Link header, weak ETag and free 304s. */
  function sendPage(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    total: number,
    perPage: number,
    page: number,
    items: unknown[],
  ) {
    const base = `http://${req.headers.host}`;
    const text = JSON.stringify(items);
    const etag = `W/"${createHash('sha256').update(text).digest('hex')}"`;
    const last = Math.max(1, Math.ceil(total / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(url.toString().replace('http://127.0.0.1', base));
      u.searchParams.set('page', String(p));
      return `<${u}>; rel="${rel}"`;
    };
    const links = [
      page < last && link(page + 1, 'next'),
      page < last && link(last, 'last'),
      page > 1 && link(1, 'first'),
      page > 1 && link(page - 1, 'prev'),
    ].filter(Boolean);
    const headers: Record<string, string> = {
      ...rateHeaders('core'),
      etag,
      'cache-control': 'private, max-age=60, s-maxage=60',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    };
    if (links.length) headers.link = links.join(', ');
    // A conditional request that matches costs nothing against the rate limit, as on GitHub.
    if (req.headers['if-none-match'] === etag) return send(res, 304, '', headers);
    remaining--;
    headers['x-ratelimit-remaining'] = String(Math.max(0, remaining));
    send(res, 200, text, headers);
  }

  function serveOrgRepos(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    org: string,
  ) {
    const repos = all()
      .filter(d => d.repo.split('/')[0].toLowerCase() === org.toLowerCase())
      .sort((a, b) => a.repo.localeCompare(b.repo));
    if (repos.length === 0)
      return send(res, 404, { message: 'Not Found', documentation_url: DOCS }, rateHeaders('core'));
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const base = `http://${req.headers.host}`;
    const items = repos.slice((page - 1) * perPage, page * perPage).map((d, i) => {
      const [owner, name] = d.repo.split('/');
      const pushed =
        d.pushedAt ??
        d.pullRequests.reduce(
          (m, p) => (p.updatedAt > m ? p.updatedAt : m),
          '2020-01-01T00:00:00Z',
        );
      return {
        id: (page - 1) * perPage + i + 1,
        name,
        full_name: d.repo,
        private: false,
        owner: { login: owner, type: 'Organization' },
        url: `${base}/repos/${d.repo}`,
        archived: false,
        disabled: false,
        default_branch: 'main',
        pushed_at: pushed,
        updated_at: pushed,
        created_at: '2020-01-01T00:00:00Z',
      };
    });
    sendPage(req, res, url, repos.length, perPage, page, items);
  }

  function servePullList(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    repo: string,
  ) {
    const data = lookup(repo);
    if (!data)
      return send(res, 404, { message: 'Not Found', documentation_url: DOCS }, rateHeaders('core'));
    const q = url.searchParams;
    const want = q.get('state') ?? 'open';
    const sort = q.get('sort') ?? 'created';
    const direction = q.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30)));
    const page = Math.max(1, Number(q.get('page') ?? 1));
    const all = data.pullRequests
      .filter(p => want === 'all' || (want === 'open') === (stateOf(p) === 'OPEN'))
      .sort(restSort(sort, direction));
    const base = `http://${req.headers.host}`;
    sendPage(
      req,
      res,
      url,
      all.length,
      perPage,
      page,
      all.slice((page - 1) * perPage, page * perPage).map(p => restPullRequest(p, base, data.repo)),
    );
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c as Buffer));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        ifNoneMatch: req.headers['if-none-match'] as string | undefined,
        body,
      };
      requests.push(entry);
      recordOf.set(res, entry);
      handle(req, res, body).catch(e => {
        if (!res.headersSent) send(res, 500, { message: String((e as Error)?.message ?? e) });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get data() {
      return state.data;
    },
    set data(d: FakeDataset) {
      state.data = d;
    },
    get repositories() {
      return state.more;
    },
    set repositories(d: FakeDataset[]) {
      state.more = d;
    },
    inject: (...f: Fault[]) => {
      faults.push(...f);
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Rewrites every page info of the chosen connections to "there is more, after the same cursor". */
function makeEndless(
  data: Record<string, unknown>,
  of: 'pull-requests' | 'files',
  stuckCursors: Map<string, string>,
): void {
  const visit = (node: unknown, key: string) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const info = record.pageInfo as { hasNextPage?: boolean; endCursor?: string } | undefined;
    if (info && (of === 'pull-requests' ? key === 'pullRequests' : key === 'files')) {
      // The first real cursor seen, forever after: a valid cursor that never moves on.
      if (!stuckCursors.has(key) && info.endCursor) stuckCursors.set(key, info.endCursor);
      info.hasNextPage = true;
      info.endCursor = stuckCursors.get(key) ?? info.endCursor;
    }
    for (const [k, v] of Object.entries(record))
      (Array.isArray(v) ? v : [v]).forEach(x => visit(x, k));
  };
  visit(data, '');
}

function formatError(e: GraphQLError) {
  const out: Record<string, unknown> = { message: e.message };
  if (e.locations) out.locations = e.locations;
  if (e.path) out.path = e.path;
  const type = e.extensions?.type;
  if (typeof type === 'string') out.type = type;
  return out;
}
