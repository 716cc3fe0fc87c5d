/**
 * Prometheus's HTTP API (the query part: /api/v1/query, /query_range, /series, /labels,
 * /label/<name>/values) and its /metrics text, over a RingStore. Answers and errors have
 * Prometheus's JSON shape: `{"status":"error","errorType":"bad_data","error":"..."}` with 400 for bad
 * input, 422 when evaluation fails.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PromqlError, type Matcher } from './promql/ast.js';
import { parseQuery } from './promql/parse.js';
import { parseDuration } from './promql/duration.js';
import { instantQuery, rangeQuery } from './promql/eval.js';
import { formatValue, labelsKey, type Labels, type Queryable, type StoredSeries, type Value } from './promql/values.js';
import { metricsText } from './exposition.js';

/** Largest form body accepted (a query is at most 16 KiB). */
const MAX_BODY = 64 * 1024;

/** Which series a caller may see: every one, or those of some namespaces. */
export type Visibility = { all: true } | { all: false; namespaces: ReadonlySet<string> };

export interface ApiStore extends Queryable {
  all(): StoredSeries[];
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, code: number, errorType: string, error: string): void {
  if (res.headersSent) return void res.destroy();
  send(res, code, { status: 'error', errorType, error });
}

async function readParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.search);
  if (req.method !== 'POST') return params;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY)
    throw new ApiError(413, 'bad_data', 'request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ApiError(413, 'bad_data', 'request body too large');
    chunks.push(chunk);
  }
  if (type !== 'application/x-www-form-urlencoded') {
    if (size === 0) return params;
    throw new ApiError(400, 'bad_data', 'a POST body must be application/x-www-form-urlencoded');
  }
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params.append(k, v);
  return params;
}

function parseTime(params: URLSearchParams, name: string, fallback?: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') {
    if (fallback !== undefined) return fallback;
    throw new ApiError(400, 'bad_data', `invalid parameter "${name}": cannot parse "" to a valid timestamp`);
  }
  const seconds = /^[-+]?\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e15)
    throw new ApiError(
      400,
      'bad_data',
      `invalid parameter "${name}": cannot parse "${raw.slice(0, 64)}" to a valid timestamp`,
    );
  return Math.round(seconds);
}

function parseStep(raw: string | null): number {
  const ms = raw === null ? undefined : /^\d*\.\d+$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw);
  if (ms === undefined || !Number.isFinite(ms))
    throw new ApiError(
      400,
      'bad_data',
      `invalid parameter "step": cannot parse "${(raw ?? '').slice(0, 64)}" to a valid duration`,
    );
  return ms;
}

const seconds = (ms: number) => ms / 1000;

function resultJson(v: Value, t: number): { resultType: string; result: unknown } {
  switch (v.type) {
    case 'scalar':
      return { resultType: 'scalar', result: [seconds(t), formatValue(v.value)] };
    case 'string':
      return { resultType: 'string', result: [seconds(t), v.value] };
    case 'vector':
      return {
        resultType: 'vector',
        result: v.samples.map((s) => ({ metric: s.labels, value: [seconds(t), formatValue(s.value)] })),
      };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: v.series.map((s) => ({
          metric: s.labels,
          values: s.t.map((ts, i) => [seconds(ts), formatValue(s.v[i])]),
        })),
      };
  }
}

/** The store as a caller sees it: only series of namespaces they may read. */
function visible(store: ApiStore, who: Visibility): ApiStore {
  if (who.all) return store;
  const ok = (l: Labels) => l.namespace !== undefined && who.namespaces.has(l.namespace);
  return {
    select: (m: Matcher[]) => store.select(m).filter((s) => ok(s.labels)),
    all: () => store.all().filter((s) => ok(s.labels)),
  };
}

function selectorsOf(params: URLSearchParams): Matcher[][] | undefined {
  const raw = params.getAll('match[]');
  if (raw.length === 0) return undefined;
  return raw.map((text) => {
    const e = parseQuery(text);
    if (e.kind !== 'vector')
      throw new ApiError(400, 'bad_data', `invalid parameter "match[]": ${text.slice(0, 64)} is not a series selector`);
    return e.matchers;
  });
}

function matching(store: ApiStore, params: URLSearchParams): StoredSeries[] {
  const selectors = selectorsOf(params);
  if (!selectors) return store.all();
  const seen = new Map<string, StoredSeries>();
  for (const m of selectors) for (const s of store.select(m)) seen.set(labelsKey(s.labels), s);
  return [...seen.values()];
}

/** Serves one request to the Prometheus API. `now` gives the evaluation time default. */
export async function handlePrometheusApi(
  req: IncomingMessage,
  res: ServerResponse,
  whole: ApiStore,
  who: Visibility,
  now: () => number = Date.now,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://prometheus.invalid');
  const path = url.pathname;
  const store = visible(whole, who);
  try {
    if (path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      const text = metricsText(store.all(), now());
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      return void res.end(req.method === 'HEAD' ? undefined : text);
    }
    if (path === '/-/healthy' || path === '/-/ready') return void res.end('Prometheus Server is Ready.\n');
    if (!path.startsWith('/api/v1/')) return sendError(res, 404, 'not_found', `no such path ${path.slice(0, 100)}`);
    if (req.method !== 'GET' && req.method !== 'POST')
      return sendError(res, 405, 'bad_data', `method ${req.method} not allowed: use GET or POST`);
    const params = await readParams(req, url);
    const route = path.slice('/api/v1'.length);
    if (route === '/query') {
      const t = parseTime(params, 'time', now());
      const value = instantQuery(store, parseQuery(params.get('query') ?? ''), t);
      return send(res, 200, { status: 'success', data: resultJson(value, t) });
    }
    if (route === '/query_range') {
      const start = parseTime(params, 'start');
      const end = parseTime(params, 'end');
      const step = parseStep(params.get('step'));
      const value = rangeQuery(store, parseQuery(params.get('query') ?? ''), start, end, step);
      return send(res, 200, { status: 'success', data: resultJson(value, end) });
    }
    if (route === '/series') {
      if (!params.getAll('match[]').length) throw new ApiError(400, 'bad_data', 'no match[] parameter provided');
      return send(res, 200, { status: 'success', data: matching(store, params).map((s) => s.labels) });
    }
    if (route === '/labels') {
      const names = new Set<string>();
      for (const s of matching(store, params)) for (const k of Object.keys(s.labels)) names.add(k);
      return send(res, 200, { status: 'success', data: [...names].sort() });
    }
    const label = /^\/label\/([^/]+)\/values$/.exec(route);
    if (label) {
      const name = decodeURIComponent(label[1]);
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name))
        throw new ApiError(400, 'bad_data', `invalid label name: ${JSON.stringify(name.slice(0, 64))}`);
      const values = new Set<string>();
      for (const s of matching(store, params)) if (s.labels[name] !== undefined) values.add(s.labels[name]);
      return send(res, 200, { status: 'success', data: [...values].sort() });
    }
    if (route === '/status/buildinfo')
      return send(res, 200, { status: 'success', data: { version: '3.0.0-kubevirt-console-embedded' } });
    return sendError(res, 404, 'not_found', `no such API ${route.slice(0, 100)}`);
  } catch (err) {
    if (err instanceof ApiError) return sendError(res, err.code, err.errorType, err.message);
    if (err instanceof PromqlError)
      return sendError(res, err.errorType === 'bad_data' ? 400 : 422, err.errorType, err.message);
    if (err instanceof URIError) return sendError(res, 400, 'bad_data', 'malformed percent-escape');
    throw err;
  }
}
