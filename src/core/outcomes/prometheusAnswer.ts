/**
 * Reading Prometheus HTTP API answers (`/api/v1/query`, `/api/v1/query_range`). The answer is
 * untrusted: anything but the expected shape is a failure with a short, printable reason.
 */
import { HistoryPoint, isoSeconds, SourceReading } from './model';
import { shortText } from './shortText';

type Sample = [unknown, unknown];

function sampleValue(sample: unknown): { time: number; value: number } | undefined {
  if (!Array.isArray(sample) || sample.length !== 2) return undefined;
  const [time, text] = sample as Sample;
  if (typeof time !== 'number' || !Number.isFinite(time) || typeof text !== 'string')
    return undefined;
  const value = Number(text);
  return { time, value };
}

function data(answer: unknown): { resultType?: unknown; result?: unknown } | string {
  const a = answer as { status?: unknown; error?: unknown; data?: unknown } | null;
  if (!a || typeof a !== 'object') return 'the answer is not a Prometheus API answer';
  if (a.status !== 'success')
    return `Prometheus answered an error: ${shortText(typeof a.error === 'string' ? a.error : String(a.status))}`;
  if (!a.data || typeof a.data !== 'object') return 'the answer has no data';
  return a.data as { resultType?: unknown; result?: unknown };
}

/** An instant query's value: exactly one sample (or a scalar) holding a finite number. */
export function instantValue(answer: unknown): SourceReading {
  const d = data(answer);
  if (typeof d === 'string') return { kind: 'failed', reason: d };
  let sample: unknown;
  if (d.resultType === 'scalar') sample = d.result;
  else if (d.resultType === 'vector' && Array.isArray(d.result)) {
    if (d.result.length !== 1)
      return {
        kind: 'failed',
        reason:
          d.result.length === 0
            ? 'the query returned no sample'
            : `the query returned ${d.result.length} samples, not one`,
      };
    sample = (d.result[0] as { value?: unknown } | null)?.value;
  } else {
    return {
      kind: 'failed',
      reason: `the query returned a ${shortText(String(d.resultType))}, not one sample`,
    };
  }
  const s = sampleValue(sample);
  if (!s) return { kind: 'failed', reason: 'the sample is malformed' };
  if (!Number.isFinite(s.value))
    return {
      kind: 'failed',
      reason: `the value is not a finite number (${shortText(String((sample as Sample)[1]))})`,
    };
  return { kind: 'value', value: s.value, asOf: isoSeconds(s.time * 1000) };
}

/** A range query's points, one series expected; finite values only, dated by their UTC day. */
export function rangeHistory(
  answer: unknown,
): { ok: true; points: HistoryPoint[] } | { ok: false; reason: string } {
  const d = data(answer);
  if (typeof d === 'string') return { ok: false, reason: d };
  if (d.resultType !== 'matrix' || !Array.isArray(d.result))
    return { ok: false, reason: 'the range query did not return a matrix' };
  if (d.result.length === 0) return { ok: true, points: [] };
  if (d.result.length !== 1)
    return { ok: false, reason: `the range query returned ${d.result.length} series, not one` };
  const values = (d.result[0] as { values?: unknown } | null)?.values;
  if (!Array.isArray(values)) return { ok: false, reason: 'the series has no values' };
  const points: HistoryPoint[] = [];
  for (const v of values) {
    const s = sampleValue(v);
    if (s && Number.isFinite(s.value))
      points.push({ date: isoSeconds(s.time * 1000).slice(0, 10), value: s.value });
  }
  return { ok: true, points };
}
