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

/** Reads the whole body, or stops at `max` bytes and returns null. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A 413, after which the connection closes: the rest of the body is never read. */
function tooLarge(res: ServerResponse, max: number): void {
  res.setHeader('Connection', 'close');
  sendStatus(res, 413, 'RequestEntityTooLarge', `the request body is larger than ${max} bytes`);
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
  maxBodyBytes: number,
): void {
  const method = req.method ?? 'GET';
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge(res, maxBodyBytes);
  const abort = new AbortController();
  // A client that goes away (a closed watch, a closed tab) ends the upstream request, and undici
  // closes that connection rather than reuse it.
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  void (async () => {
    let body: Buffer | null = null;
    if (!BODYLESS_METHODS.has(method)) {
      try {
        body = await readBody(req, maxBodyBytes);
      } catch {
        return; // the client left while sending
      }
      if (body === null) return tooLarge(res, maxBodyBytes);
      // An empty DELETE goes without a body; POST, PUT and PATCH always say Content-Length.
      if (body.length === 0 && method === 'DELETE') body = null;
    }
    if (abort.signal.aborted) return;
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
      if (abort.signal.aborted) return;
      log.warn('upstream request failed', { method, path: path.split('?')[0], error: (err as Error).message });
      return sendStatus(res, 502, 'ServiceUnavailable', `the Kubernetes API server is not reachable: ${(err as Error).message}`);
    }
    res.writeHead(answer.statusCode, responseHeaders(answer.headers));
    res.flushHeaders();
    try {
      await pipeline(answer.body, res);
    } catch (err) {
      // Not an upstream failure when the client left or the server ended the answer (a drain).
      if (!abort.signal.aborted && !res.writableEnded) log.warn('upstream answer failed', { method, path: path.split('?')[0], error: (err as Error).message });
      res.destroy();
    }
  })();
}
