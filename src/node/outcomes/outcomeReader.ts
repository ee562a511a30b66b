/**
 * Reads outcome values and histories from their sources (docs/figures.md ("Outcome values")): Prometheus instant
 * and range queries, a JSON GET with a pointer, a CSV file in the repository. Sources are read
 * in parallel, each answer is kept for `cacheMs` (the refresh interval), and nothing here throws:
 * a source that fails gives an `unknown` entry with the reason.
 */
import { nowMs } from '../../core/clock';
import * as fs from 'fs';
import * as path from 'path';
import { resolvePointer } from '../../core/outcomes/jsonPointer';
import {
  HistoryPoint,
  isoSeconds,
  OutcomeEntry,
  OutcomeSource,
  SourceReading,
} from '../../core/outcomes/model';
import { parseOutcomeCsv, latestRow, rowsInWindow, ParsedCsv } from '../../core/outcomes/csvRows';
import { instantValue, rangeHistory } from '../../core/outcomes/prometheusAnswer';
import { shortText } from '../../core/outcomes/shortText';
import { outcomeEntry } from '../../core/outcomes/status';
import type { Outcome } from '../../core/owners/model';
import { boundedGet, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, GetResult } from './boundedGet';

const DAY_S = 86_400;

export interface OutcomeReaderOptions {
  /** Repository root: `file` sources are relative to it and may not leave it; undefined when the repository is not on this disk. */
  root: string | undefined;
  allowedHosts: ReadonlySet<string>;
  tokenFor(host: string): string | undefined | Promise<string | undefined>;
  /** False in an untrusted workspace: no network source is read. */
  trusted?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** How long an answer is reused; 0 = not cached. */
  cacheMs?: number;
  now?: () => number;
}

export interface HistoryWindow {
  /** YYYY-MM-DD, inclusive. */
  since: string;
  /** YYYY-MM-DD, exclusive. */
  until: string;
}

export class OutcomeReader {
  private readonly cache = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly now: () => number;

  constructor(private readonly options: OutcomeReaderOptions) {
    this.now = options.now ?? nowMs; // the product's clock: OWNERSHIP_LENS_NOW moves it
  }

  /** Each outcome's entry as at `untilMs` (undefined: now), read in parallel. */
  entries(outcomes: readonly Outcome[], untilMs?: number): Promise<OutcomeEntry[]> {
    return Promise.all(outcomes.map(async o => outcomeEntry(o, await this.reading(o, untilMs))));
  }

  /** What the outcome's source says as at `untilMs`; undefined when it has no source. */
  async reading(outcome: Outcome, untilMs?: number): Promise<SourceReading | undefined> {
    if (outcome.sourceProblem)
      return { kind: 'failed', reason: `the source is not valid: ${outcome.sourceProblem}` };
    const source = outcome.source;
    if (!source) return undefined;
    if (source.kind !== 'file' && this.options.trusted === false)
      return {
        kind: 'failed',
        reason:
          'the workspace is not trusted: network sources are read only in a trusted workspace',
      };
    const key = `value\0${JSON.stringify(source)}\0${untilMs ?? 'now'}\0${source.kind === 'file' ? outcome.id : ''}`;
    return this.cached(key, () => this.read(outcome.id, source, untilMs));
  }

  /** The outcome's points over the window: a Prometheus range with a one-day step, the file's rows, nothing for json. */
  async history(outcome: Outcome, window: HistoryWindow): Promise<HistoryPoint[]> {
    const source = outcome.source;
    if (!source || outcome.sourceProblem || source.kind === 'json') return [];
    if (source.kind === 'file') {
      return this.cached(
        `rows\0${source.path}\0${outcome.id}\0${window.since}\0${window.until}`,
        async () => {
          const csv = await this.cached(`file\0${source.path}`, () => this.readCsv(source.path));
          return csv.ok
            ? rowsInWindow(
                csv.byOutcome.get(outcome.id) ?? [],
                outcome.id,
                window.since,
                window.until,
              )
            : [];
        },
      );
    }
    if (this.options.trusted === false) return [];
    const start = Date.parse(`${window.since}T00:00:00Z`) / 1000;
    const end = Math.min(
      Date.parse(`${window.until}T00:00:00Z`) / 1000 - DAY_S,
      Math.floor(this.now() / 1000),
    );
    if (end < start) return [];
    const url = `${base(source.url)}/api/v1/query_range?query=${encodeURIComponent(source.query)}&start=${start}&end=${end}&step=${DAY_S}`;
    return this.cached(`range\0${url}`, async () => {
      const answer = await this.getJson(url, true);
      if (!answer.ok) return [];
      const points = rangeHistory(answer.json);
      return points.ok ? points.points : [];
    });
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const ttl = this.options.cacheMs ?? 0;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < ttl) return hit.value as Promise<T>;
    const value = load();
    if (ttl > 0) this.cache.set(key, { at: this.now(), value });
    return value;
  }

  /** Drops every kept answer (a refresh). */
  clear(): void {
    this.cache.clear();
  }

  private async read(
    id: string,
    source: OutcomeSource,
    untilMs: number | undefined,
  ): Promise<SourceReading> {
    if (source.kind === 'file') {
      const csv = await this.cached(`file\0${source.path}`, () => this.readCsv(source.path));
      if (!csv.ok) return { kind: 'failed', reason: `${source.path}: ${csv.reason}` };
      return latestRow(csv.byOutcome.get(id) ?? [], id, untilMs ?? this.now());
    }
    if (source.kind === 'prometheus') {
      const time = Math.floor((untilMs ?? this.now()) / 1000);
      const answer = await this.getJson(
        `${base(source.url)}/api/v1/query?query=${encodeURIComponent(source.query)}&time=${time}`,
        true,
      );
      return answer.ok ? instantValue(answer.json) : { kind: 'failed', reason: answer.reason };
    }
    const asOf = isoSeconds(this.now());
    const answer = await this.getJson(source.url, false);
    if (!answer.ok) return { kind: 'failed', reason: answer.reason };
    const found = resolvePointer(answer.json, source.pointer);
    if (!found.found) return { kind: 'failed', reason: `the answer has ${found.reason}` };
    if (typeof found.value !== 'number' || !Number.isFinite(found.value)) {
      return {
        kind: 'failed',
        reason: `the value at ${shortText(source.pointer, 60)} is not a number (${typeof found.value === 'string' ? 'text' : found.value === null ? 'null' : typeof found.value})`,
      };
    }
    return { kind: 'value', value: found.value, asOf };
  }

  /** GET and JSON.parse; Prometheus answers its errors as JSON with a 4xx/5xx status. */
  private async getJson(
    url: string,
    prometheus: boolean,
  ): Promise<{ ok: true; json: unknown } | { ok: false; reason: string }> {
    const got: GetResult = await boundedGet(url, {
      allowedHosts: this.options.allowedHosts,
      tokenFor: this.options.tokenFor,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: this.options.maxBytes ?? DEFAULT_MAX_BYTES,
    });
    if (!got.ok) return got;
    if (!prometheus && !/^application\/([\w.+-]*\+)?json\b/i.test(got.contentType))
      return {
        ok: false,
        reason: `the answer is ${shortText(got.contentType, 60) || 'untyped'}, not application/json`,
      };
    if (!prometheus && got.status !== 200) return { ok: false, reason: `HTTP ${got.status}` };
    try {
      return { ok: true, json: JSON.parse(got.body) };
    } catch {
      return {
        ok: false,
        reason: got.status === 200 ? 'the answer is not JSON' : `HTTP ${got.status}`,
      };
    }
  }

  private async readCsv(relative: string): Promise<ParsedCsv> {
    if (this.options.root === undefined)
      return { ok: false, reason: 'the repository is not checked out here' };
    const given = this.options.root;
    const root = await fs.promises.realpath(given).catch(() => path.resolve(given));
    let real: string;
    try {
      real = await fs.promises.realpath(path.join(root, relative));
    } catch {
      return { ok: false, reason: 'no such file' };
    }
    if (real !== root && !real.startsWith(root + path.sep))
      return { ok: false, reason: 'the file is outside the repository' };
    try {
      const stat = await fs.promises.stat(real);
      if (!stat.isFile()) return { ok: false, reason: 'not a file' };
      const max = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
      if (stat.size > max) return { ok: false, reason: `larger than ${max} bytes` };
      return parseOutcomeCsv(await fs.promises.readFile(real, 'utf8'));
    } catch (e) {
      return {
        ok: false,
        reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    }
  }
}

function base(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Tokens from the environment: `OWNERSHIP_LENS_OUTCOME_TOKEN_<HOST>`. */
export function envTokens(
  env: Record<string, string | undefined>,
  variable: (host: string) => string,
): (host: string) => string | undefined {
  return host => env[variable(host)] || undefined;
}
