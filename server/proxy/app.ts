import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sirv from 'sirv';
import type { Upstream } from './upstream.js';
import { proxyHttp } from './http-proxy.js';
import { proxyWebSocket, originAllowed, refuseUpgrade } from './ws-proxy.js';
import { csrfOk, ensureCsrfCookie } from './csrf.js';
import { sendStatus } from './status.js';
import { setSecurityHeaders } from './security-headers.js';
import { API_PREFIX, upstreamPath } from './paths.js';
import type { Logger } from './log.js';

export interface ConsoleServerOptions {
  upstream: Upstream;
  /** Folder with the built app (index.html and assets); absent in API-only (dev) mode. */
  staticDir?: string;
  log: Logger;
  /** Extra origins allowed to open websockets (the Vite dev server's). */
  allowedOrigins?: string[];
  /** Set the Secure attribute on cookies (behind TLS). */
  secureCookies?: boolean;
  /** Answers /readyz: true once the upstream is usable. */
  ready?: () => boolean;
}

/** The console's HTTP server: static app, API proxy (HTTP and websocket), health endpoints. */
export function createConsoleServer(opts: ConsoleServerOptions): http.Server {
  const { upstream, log } = opts;
  const indexFile = opts.staticDir ? path.join(opts.staticDir, 'index.html') : undefined;
  const indexHtml = indexFile && existsSync(indexFile) ? readFileSync(indexFile) : undefined;
  const assets = opts.staticDir && indexHtml
    ? sirv(opts.staticDir, { etag: true, gzip: false, brotli: false, single: false, dev: false,
        setHeaders: (res, pathname) => {
          if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } })
    : undefined;

  const serveIndex = (req: IncomingMessage, res: ServerResponse) => {
    if (!indexHtml) {
      sendStatus(res, 404, 'NotFound', 'the console app is not built: run `npm run build` (or use `npm run dev`)');
      return;
    }
    ensureCsrfCookie(req, res, opts.secureCookies ?? false);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': indexHtml.length });
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    setSecurityHeaders(res);
    const url = req.url ?? '/';
    if (url === '/healthz' || url === '/livez') return void res.end('ok');
    if (url === '/readyz') {
      const ok = opts.ready ? opts.ready() : true;
      res.statusCode = ok ? 200 : 503;
      return void res.end(ok ? 'ok' : 'not ready');
    }
    if (url === API_PREFIX || url.startsWith(API_PREFIX + '/') || url.startsWith(API_PREFIX + '?')) {
      const target = upstreamPath(url);
      if (!target) return sendStatus(res, 404, 'NotFound', `the proxy does not forward ${url.split('?')[0]}`);
      if (!csrfOk(req)) {
        log.warn('csrf check failed', { requestId, method: req.method, path: url.split('?')[0] });
        return sendStatus(res, 403, 'Forbidden', 'CSRF token missing or invalid: reload the page');
      }
      const credentials = upstream.credentials(req.headers);
      if (!credentials) return sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return proxyHttp(req, res, upstream, target, credentials, log);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405, 'MethodNotAllowed', 'method not allowed');
    if (assets) {
      assets(req, res, () => serveIndex(req, res));
      return;
    }
    serveIndex(req, res);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      log.error('request failed', { path: req.url?.split('?')[0], error: (err as Error).message });
      sendStatus(res, 500, 'InternalError', 'internal error in the console server');
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '/';
    const target = upstreamPath(url);
    if (!target) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req, opts.allowedOrigins ?? [])) {
      log.warn('websocket origin refused', { origin: req.headers.origin, path: url.split('?')[0] });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    const credentials = upstream.credentials(req.headers);
    if (!credentials) return refuseUpgrade(socket, 401, 'Unauthorized');
    proxyWebSocket(req, socket, head, upstream, target, credentials, log);
  });
  return server;
}
