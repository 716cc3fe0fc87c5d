/**
 * The Prometheus HTTP API through the console server's `/api/prometheus` proxy: instant and range
 * queries, answers parsed and checked (every field is untrusted input). Without a configured
 * Prometheus the server answers 503: `PrometheusError.notConfigured` says so.
 */
import type { RequestOptions } from './client';

export const PROMETHEUS_PREFIX = '/api/prometheus';

/** A failed query: Prometheus's `errorType` and `error`, or the proxy's answer. */
export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly errorType: string,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }

  /** The console server has no Prometheus to ask (`--prometheus-url` unset). */
  get notConfigured(): boolean {
    return this.code === 503;
  }
}

export const isPrometheusError = (e: unknown): e is PrometheusError => e instanceof PrometheusError;

export type Labels = Record<string, string>;

/** One series of a range query: [unix seconds, value] points, in time order. */
export interface RangeSeries {
  metric: Labels;
  points: [number, number][];
}

/** One sample of an instant query. */
export interface InstantSample {
  metric: Labels;
  time: number;
  value: number;
}

const MAX_SERIES = 1000;
const MAX_POINTS = 11_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function labelsOf(v: unknown): Labels {
  const out: Labels = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** A [time, "value"] pair; undefined unless both are finite numbers (Prometheus sends "NaN", "+Inf" and "-Inf" too, which no chart can draw). */
function pointOf(v: unknown): [number, number] | undefined {
  if (!Array.isArray(v) || v.length !== 2) return undefined;
  const t = Number(v[0]);
  const value = Number(v[1]);
  return Number.isFinite(t) && typeof v[1] === 'string' && Number.isFinite(value) ? [t, value] : undefined;
}

/** `data` of a successful answer of the expected resultType; throws on anything else. */
function dataOf(body: unknown, resultType: 'matrix' | 'vector'): unknown[] {
  if (!isObject(body) || body.status !== 'success' || !isObject(body.data))
    throw new PrometheusError('Prometheus answered with something that is not a query result', 200, 'bad_response');
  if (body.data.resultType !== resultType || !Array.isArray(body.data.result))
    throw new PrometheusError(
      `Prometheus answered with a ${String(body.data.resultType)} where a ${resultType} was expected`,
      200,
      'bad_response',
    );
  return body.data.result.slice(0, MAX_SERIES);
}

export function parseRangeResult(body: unknown): RangeSeries[] {
  return dataOf(body, 'matrix').map((s) => {
    const values = isObject(s) && Array.isArray(s.values) ? s.values.slice(0, MAX_POINTS) : [];
    const points = values.map(pointOf).filter((p): p is [number, number] => p !== undefined);
    return { metric: labelsOf(isObject(s) ? s.metric : undefined), points };
  });
}

export function parseInstantResult(body: unknown): InstantSample[] {
  return dataOf(body, 'vector').flatMap((s) => {
    const p = isObject(s) ? pointOf(s.value) : undefined;
    return p ? [{ metric: labelsOf(isObject(s) ? s.metric : undefined), time: p[0], value: p[1] }] : [];
  });
}

/** The error for a non-2xx answer: Prometheus's `{status: "error", errorType, error}`, or the body's text. */
export function prometheusErrorFrom(code: number, statusText: string, text: string): PrometheusError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isObject(parsed)) {
    const message = [parsed.error, parsed.message].find((m) => typeof m === 'string' && m);
    const type =
      typeof parsed.errorType === 'string' ? parsed.errorType : typeof parsed.reason === 'string' ? parsed.reason : '';
    if (typeof message === 'string') return new PrometheusError(message.slice(0, 500), code, type);
  }
  return new PrometheusError(text.trim().slice(0, 500) || `${code} ${statusText}`.trim(), code, '');
}

async function get(path: string, params: Record<string, string>, o: RequestOptions): Promise<unknown> {
  const url = `${PROMETHEUS_PREFIX}${path}?${new URLSearchParams(params).toString()}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal: o.signal, credentials: 'same-origin' });
  } catch (e) {
    if (o.signal?.aborted) throw e;
    throw new PrometheusError(
      `Cannot reach the console's server: ${e instanceof Error ? e.message : String(e)}`,
      0,
      '',
    );
  }
  const text = await res.text();
  if (!res.ok) throw prometheusErrorFrom(res.status, res.statusText, text);
  try {
    return JSON.parse(text);
  } catch {
    throw new PrometheusError('Prometheus answered with something that is not JSON', res.status, 'bad_response');
  }
}

export interface RangeParams {
  /** Unix seconds. */
  start: number;
  end: number;
  /** Seconds between points. */
  step: number;
}

/** GET /api/v1/query_range. */
export const promQueryRange = async (query: string, r: RangeParams, o: RequestOptions = {}): Promise<RangeSeries[]> =>
  parseRangeResult(
    await get('/api/v1/query_range', { query, start: String(r.start), end: String(r.end), step: String(r.step) }, o),
  );

/** GET /api/v1/query (now). */
export const promQuery = async (query: string, o: RequestOptions = {}): Promise<InstantSample[]> =>
  parseInstantResult(await get('/api/v1/query', { query }, o));
