import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Agent, type Dispatcher } from 'undici';
import type { Upstream } from './upstream.js';
import { forwardHeaders, responseHeaders } from './headers.js';
import { sendStatus } from './status.js';
import type { Logger } from './log.js';

/** Methods the proxy forwards; the first three never carry a body. */
export const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const PROXIED_METHODS = new Set([...BODYLESS_METHODS, 'POST', 'PUT', 'PATCH', 'DELETE']);

/** True when the client framed a body (chunked, or a non-zero Content-Length). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * One connection pool per upstream (undici): it frames every request itself (Content-Length from
 * the buffered body; it refuses framing headers), parses answers strictly, and closes a
 * connection instead of reusing it after an error or an abort. No body timeout: watches stay
 * quiet for long.
 */
const pools = new WeakMap<Upstream, Agent>();
function poolFor(upstream: Upstream): Agent {
  let pool = pools.get(upstream);
  if (!pool) {
    pool = new Agent({ connect: upstream.tls ? { ...upstream.tls } : undefined, bodyTimeout: 0, pipelining: 1 });
    pools.set(upstream, pool);
  }
  return pool;
}

/**
 * The request bytes the proxy holds at once, over all requests: bodies are read whole before they
 * are forwarded, so without a bound many slow or unfinished uploads would hold up to their size
 * limit each, until the process runs out of memory. Past it, a request gets 429 (as
 * kube-apiserver's max-requests-inflight).
 */
export class BodyBudget {
  private used = 0;
  constructor(readonly max: number) {}
  take(bytes: number): boolean {
    if (this.used + bytes > this.max) return false;
    this.used += bytes;
    return true;
  }
  give(bytes: number): void {
    this.used -= bytes;
  }
}

export interface BodyLimits {
  /** Largest body of one request. */
  maxBodyBytes: number;
  /** Shared by every request of one console server. */
  budget: BodyBudget;
}

type BodyRead = { body: Buffer } | { refused: 'too-large' | 'busy' };

/** Reads the whole body, taking its bytes from the budget as they arrive; stops at the first limit. */
async function readBody(req: IncomingMessage, limits: BodyLimits, hold: { bytes: number }): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (hold.bytes + chunk.length > limits.maxBodyBytes) return { refused: 'too-large' };
    if (!limits.budget.take(chunk.length)) return { refused: 'busy' };
    hold.bytes += chunk.length;
    chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks) };
}

/** A 413, after which the connection closes: the rest of the body is never read. */
function tooLarge(res: ServerResponse, max: number): void {
  res.setHeader('Connection', 'close');
  sendStatus(res, 413, 'RequestEntityTooLarge', `the request body is larger than ${max} bytes`);
}

/** A 429 when the bodies of other requests fill the budget; the connection closes. */
function busy(res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  res.setHeader('Retry-After', '1');
  sendStatus(res, 429, 'TooManyRequests', 'too many request bodies are being received at once: try again');
}

/**
 * Forwards one API request. The body (methods that take one) is read whole, up to maxBodyBytes,
 * and sent with an explicit Content-Length, so nothing the client sends can change how the
 * upstream frames requests on a pooled connection. The answer streams back chunk by chunk, so
 * watches reach the browser event by event.
 */
export function proxyHttp(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Upstream,
  path: string,
  credentials: Record<string, string>,
  log: Logger,
  limits: BodyLimits,
): void {
  const method = req.method ?? 'GET';
  if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) return tooLarge(res, limits.maxBodyBytes);
  const abort = new AbortController();
  // A client that goes away (a closed watch, a closed tab) ends the upstream request, and undici
  // closes that connection rather than reuse it.
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  // The body's bytes go back to the budget once the upstream has it (or it was refused or abandoned).
  const hold = { bytes: 0 };
  const release = () => {
    limits.budget.give(hold.bytes);
    hold.bytes = 0;
  };
  void (async () => {
    let body: Buffer | null = null;
    try {
      if (!BODYLESS_METHODS.has(method)) {
        let read: BodyRead;
        try {
          read = await readBody(req, limits, hold);
        } catch {
          return; // the client left while sending, or sent too slowly (the server's request timeout)
        }
        if ('refused' in read) return read.refused === 'busy' ? busy(res) : tooLarge(res, limits.maxBodyBytes);
        body = read.body;
        // An empty DELETE goes without a body; POST, PUT and PATCH always say Content-Length.
        if (body.length === 0 && method === 'DELETE') body = null;
      }
      if (abort.signal.aborted) return;
      await forward(req, res, upstream, path, credentials, log, body, abort, release);
    } finally {
      release();
    }
  })();
}

/** Sends one request upstream and streams its answer back. */
async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Upstream,
  path: string,
  credentials: Record<string, string>,
  log: Logger,
  body: Buffer | null,
  abort: AbortController,
  sent: () => void,
): Promise<void> {
  const method = req.method ?? 'GET';
  let answer: Dispatcher.ResponseData;
  try {
    answer = await poolFor(upstream).request({
      origin: upstream.url.origin,
      path,
      method: method as Dispatcher.HttpMethod,
      headers: forwardHeaders(req.headers, credentials),
      body,
      signal: abort.signal,
    });
  } catch (err) {
    sent();
    if (abort.signal.aborted) return;
    log.warn('upstream request failed', { method, path: path.split('?')[0], error: (err as Error).message });
    return sendStatus(
      res,
      502,
      'ServiceUnavailable',
      `the Kubernetes API server is not reachable: ${(err as Error).message}`,
    );
  }
  sent();
  res.writeHead(answer.statusCode, responseHeaders(answer.headers));
  res.flushHeaders();
  try {
    await pipeline(answer.body, res);
  } catch (err) {
    // Not an upstream failure when the client left or the server ended the answer (a drain).
    if (!abort.signal.aborted && !res.writableEnded)
      log.warn('upstream answer failed', { method, path: path.split('?')[0], error: (err as Error).message });
    res.destroy();
  }
}
