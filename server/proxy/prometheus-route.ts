/**
 * `/api/prometheus/api/v1/{query,query_range,series,labels,label/<name>/values}`: read-only
 * Prometheus queries, forwarded to the configured endpoint (prometheus-target.ts) with the user's
 * credentials. GET, or POST form-encoded (with the CSRF header, as every state-changing request);
 * the console's Origin when one is sent; bodies at most 64 KiB; no identity header of the browser
 * is forwarded; the answer's body, status and Content-Type only. Errors are Prometheus's JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Agent, type Dispatcher } from 'undici';
import type { Logger } from './log.js';
import type { PrometheusTarget } from './prometheus-target.js';

export const PROMETHEUS_PREFIX = '/api/prometheus';
const MAX_BODY = 64 * 1024;
const ROUTES = [/^\/api\/v1\/(query|query_range|series|labels)$/, /^\/api\/v1\/label\/[a-zA-Z_][a-zA-Z0-9_]*\/values$/];

export function isPrometheusPath(url: string): boolean {
  return (
    url === PROMETHEUS_PREFIX || url.startsWith(PROMETHEUS_PREFIX + '/') || url.startsWith(PROMETHEUS_PREFIX + '?')
  );
}

export interface PrometheusChecks {
  csrf: boolean;
  origin: boolean;
}

export interface PrometheusRouteOptions {
  target: PrometheusTarget;
  log: Logger;
  /** Time for the endpoint to answer (default 60 s). */
  timeoutMs?: number;
}

function fail(res: ServerResponse, code: number, errorType: string, error: string, close = false): void {
  if (res.headersSent) return void res.destroy();
  if (close) res.setHeader('Connection', 'close');
  const body = JSON.stringify({ status: 'error', errorType, error });
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The upstream path for a console path, or an error message. */
function upstreamPath(url: string): { path: string; query: string } | { error: string; code: number } {
  const rest = url.slice(PROMETHEUS_PREFIX.length);
  const q = rest.indexOf('?');
  const rawPath = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q);
  if (!/^[\x21-\x7e]*$/.test(query) || query.includes('#'))
    return { code: 400, error: 'the query string has characters a URL may not carry' };
  // Matched as sent: no escapes, dot segments or repeated slashes reach the endpoint.
  if (!ROUTES.some((re) => re.test(rawPath)))
    return { code: 404, error: `the console forwards only Prometheus's query API, not ${rawPath.slice(0, 100)}` };
  return { path: rawPath, query };
}

const agents = new WeakMap<object, Agent>();
function agentFor(target: { tls?: object }): Agent {
  let agent = agents.get(target);
  if (!agent) {
    agent = new Agent({ connect: target.tls ? { ...target.tls } : undefined, pipelining: 1 });
    agents.set(target, agent);
  }
  return agent;
}

async function readForm(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Serves one request under PROMETHEUS_PREFIX; the caller has checked the Host and the request target. */
export function handlePrometheus(
  req: IncomingMessage,
  res: ServerResponse,
  checks: PrometheusChecks,
  opts: PrometheusRouteOptions,
  requestId: string,
): void {
  const { log } = opts;
  const method = req.method ?? 'GET';
  const target = upstreamPath(req.url ?? '');
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (method !== 'GET' && method !== 'POST')
    return fail(res, 405, 'bad_data', 'only GET and POST queries are forwarded', hasBody);
  if (!checks.origin) {
    log.warn('prometheus origin refused', { requestId, origin: req.headers.origin });
    return fail(res, 403, 'forbidden', 'queries come only from the console itself', hasBody);
  }
  if (method === 'POST' && !checks.csrf) {
    log.warn('csrf check failed', { requestId, method, path: (req.url ?? '').split('?')[0] });
    return fail(res, 403, 'forbidden', 'CSRF token missing or invalid: reload the page', hasBody);
  }
  if ('error' in target) return fail(res, target.code, 'bad_data', target.error, hasBody);
  if (method === 'GET' && hasBody) return fail(res, 400, 'bad_data', 'a GET request may not carry a body', true);
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (method === 'POST' && hasBody && type !== 'application/x-www-form-urlencoded')
    return fail(res, 415, 'bad_data', 'a POST query is application/x-www-form-urlencoded', true);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY)
    return fail(res, 413, 'bad_data', `the request body is larger than ${MAX_BODY} bytes`, true);
  if ('unavailable' in opts.target) return fail(res, 503, 'unavailable', opts.target.unavailable, hasBody);
  const credentials = opts.target.credentials(req.headers);
  if (!credentials) return fail(res, 401, 'unauthorized', 'Unauthorized: log in again', hasBody);
  void forward(req, res, opts.target, target.path + target.query, credentials, opts, requestId);
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: Exclude<PrometheusTarget, { unavailable: string }>,
  path: string,
  credentials: Record<string, string>,
  opts: PrometheusRouteOptions,
  requestId: string,
): Promise<void> {
  const method = req.method === 'POST' ? 'POST' : 'GET';
  let body: Buffer | undefined;
  if (method === 'POST') {
    let read: Buffer | 'too-large';
    try {
      read = await readForm(req);
    } catch {
      return; // the client left while sending
    }
    if (read === 'too-large')
      return fail(res, 413, 'bad_data', `the request body is larger than ${MAX_BODY} bytes`, true);
    body = read;
  }
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers: Record<string, string> = { accept: 'application/json', ...credentials };
  if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const base = target.url.pathname.replace(/\/+$/, '');
  let answer: Dispatcher.ResponseData;
  try {
    answer = await agentFor(target).request({
      origin: target.url.origin,
      path: base + path,
      method,
      headers,
      body,
      signal: abort.signal,
      headersTimeout: opts.timeoutMs ?? 60_000,
      bodyTimeout: opts.timeoutMs ?? 60_000,
    });
  } catch (err) {
    if (abort.signal.aborted) return;
    opts.log.warn('prometheus request failed', { requestId, path: path.split('?')[0], error: (err as Error).message });
    return fail(res, 502, 'unavailable', `${target.description} is not reachable: ${(err as Error).message}`);
  }
  // Prometheus answers JSON; nothing else is served in the console's origin.
  res.writeHead(answer.statusCode, { 'content-type': 'application/json' });
  try {
    await pipeline(answer.body, res);
  } catch {
    res.destroy();
  }
}
