import http, { type IncomingMessage, type ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Upstream } from './upstream.js';
import { sendStatus } from './status.js';
import type { Logger } from './log.js';

/** Headers that describe one hop, or carry the browser's own credentials: never forwarded. */
const DROP_REQUEST = new Set([
  'connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'host', 'cookie', 'x-csrftoken', 'authorization', 'x-forwarded-access-token', 'origin', 'referer',
]);
const DROP_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'trailer', 'upgrade', 'set-cookie']);

export function forwardHeaders(incoming: IncomingMessage['headers'], extra: Record<string, string>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || DROP_REQUEST.has(name)) continue;
    out[name] = value;
  }
  return { ...out, ...extra };
}

/**
 * Streams one request to the upstream and the answer back, without buffering either way, so watch
 * streams reach the browser event by event.
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
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    sendStatus(res, 413, 'RequestEntityTooLarge', `the request body is larger than ${maxBodyBytes} bytes`);
    req.resume();
    return;
  }
  const target = new URL(path, upstream.url);
  const client = target.protocol === 'https:' ? https : http;
  const outgoing = client.request(
    target,
    {
      method: req.method,
      headers: forwardHeaders(req.headers, credentials),
      agent: target.protocol === 'https:' ? upstream.agent : undefined,
    },
    (answer) => {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !DROP_RESPONSE.has(name)) headers[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, headers);
      res.flushHeaders();
      answer.on('data', (chunk: Buffer) => {
        res.write(chunk);
      });
      answer.on('end', () => res.end());
      answer.on('error', () => res.destroy());
    },
  );
  let refused = false;
  let clientGone = false;
  outgoing.on('error', (err) => {
    // Ended here (a body too large, a client that left): not the upstream's failure.
    if (refused || clientGone) return;
    log.warn('upstream request failed', { method: req.method, path: target.pathname, error: err.message });
    sendStatus(res, 502, 'ServiceUnavailable', `the Kubernetes API server is not reachable: ${err.message}`);
  });
  // A client that goes away (a closed watch, a closed tab) ends the upstream request too.
  res.on('close', () => {
    if (res.writableFinished) return;
    clientGone = true;
    outgoing.destroy();
  });
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBodyBytes && !refused) {
      refused = true;
      req.unpipe(outgoing);
      outgoing.destroy();
      sendStatus(res, 413, 'RequestEntityTooLarge', `the request body is larger than ${maxBodyBytes} bytes`);
    }
  });
  req.pipe(outgoing);
}
