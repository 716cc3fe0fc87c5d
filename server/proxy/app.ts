import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import compression from 'compression';
import serveStatic from 'serve-static';
import type WebSocket from 'ws';
import { forwardedToken, type Upstream } from './upstream.js';
import { BODYLESS_METHODS, BodyBudget, PROXIED_METHODS, hasBody, proxyHttp } from './http-proxy.js';
import { proxyWebSocket, refuseUpgrade } from './ws-proxy.js';
import { csrfOk, ensureCsrfCookie } from './csrf.js';
import { sendStatus } from './status.js';
import { setApiSecurityHeaders, setSecurityHeaders } from './security-headers.js';
import { API_PREFIX, upstreamTarget } from './paths.js';
import { ambiguousTarget, hostAllowed, originAllowed } from './hosts.js';
import { bodyDeadline } from './request-deadline.js';
import { handleUpload, isUploadPath, type UploadProxyTarget } from './upload-route.js';
import type { Logger } from './log.js';
import { handlePrometheus, isPrometheusPath } from './prometheus-route.js';
import { NO_PROMETHEUS, type PrometheusTarget } from './prometheus-target.js';

export interface ConsoleServerOptions {
  upstream: Upstream;
  /** Folder with the built app (index.html and assets); absent in API-only (dev) mode. */
  staticDir?: string;
  log: Logger;
  /** Extra origins allowed to open websockets (the public URL's, the Vite dev server's). */
  allowedOrigins?: string[];
  /** Host names besides localhost and IP literals the console answers (`name`, `*.domain`, or `*`). */
  allowedHosts?: string[];
  /** X-Forwarded-Host and X-Forwarded-Proto come from a trusted proxy in front, not from the client. */
  trustForwardedHeaders?: boolean;
  /** Set the Secure attribute on cookies (behind TLS). */
  secureCookies?: boolean;
  /** Answers /readyz: true once the upstream is usable. */
  ready?: () => boolean;
  /** Largest API request body forwarded (default 4 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Request body bytes held at once over all requests (default 64 MiB); past it, 429. */
  maxBufferedBodyBytes?: number;
  /** Time a client has to send a whole request, headers and body (default 60 s, kube-apiserver's request timeout); then 408. */
  requestTimeoutMs?: number;
  /** Where a browser without a token is sent to log in (behind an OAuth proxy). */
  loginUrl?: string;
  /** CDI's upload proxy, for /api/cdi-upload (upload-route.ts); without it uploads answer 503. */
  uploadProxy?: UploadProxyTarget;
  /** Largest upload forwarded (default 64 GiB); larger ones get 413. */
  maxUploadBytes?: number;
  /** The Prometheus-compatible endpoint /api/prometheus queries (prometheus-route.ts); without it they answer 503. */
  prometheus?: PrometheusTarget;
}

export interface ConsoleServer {
  server: http.Server;
  /** Stops accepting, closes websockets with 1001 and waits (at most timeoutMs) for requests to end. */
  drain(timeoutMs: number): Promise<void>;
}

const DEFAULT_MAX_BODY = 4 * 1024 * 1024;
const DEFAULT_MAX_BUFFERED_BODIES = 64 * 1024 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_UPLOAD = 64 * 2 ** 30;
const NO_UPLOAD_PROXY: UploadProxyTarget = {
  unavailable: 'no CDI upload proxy is configured: start the console with --cdi-uploadproxy-url',
};

/** How long the console keeps an idle client connection open (as the embedded cluster does). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The console's HTTP server: static app, API proxy (HTTP and websocket), health endpoints. */
export function createConsoleServer(opts: ConsoleServerOptions): ConsoleServer {
  const { upstream, log } = opts;
  const bodyLimits = {
    maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY,
    budget: new BodyBudget(opts.maxBufferedBodyBytes ?? DEFAULT_MAX_BUFFERED_BODIES),
  };
  const hosts = {
    allowedHosts: opts.allowedHosts ?? [],
    trustForwardedHeaders: opts.trustForwardedHeaders ?? false,
    allowedOrigins: opts.allowedOrigins ?? [],
  };
  const requestTimeout = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const uploads = {
    target: opts.uploadProxy ?? NO_UPLOAD_PROXY,
    maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD,
    idleTimeoutMs: requestTimeout,
    log,
  };
  const prometheus = { target: opts.prometheus ?? { unavailable: NO_PROMETHEUS }, log, timeoutMs: requestTimeout };
  const indexFile = opts.staticDir ? path.join(opts.staticDir, 'index.html') : undefined;
  const indexHtml = indexFile && existsSync(indexFile) ? readFileSync(indexFile) : undefined;
  // serve-static answers stream errors (a file removed while the folder is rebuilt) with next(err)
  // instead of crashing the process.
  const assets =
    opts.staticDir && indexHtml
      ? serveStatic(opts.staticDir, {
          index: false,
          fallthrough: true,
          setHeaders: (res, filePath) => {
            if (filePath.includes(`${path.sep}assets${path.sep}`))
              res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          },
        })
      : undefined;
  // The app's files, gzip or brotli as the browser accepts (an OpenShift route does not compress):
  // the first page's JavaScript and styles are a few hundred KB instead of 1.5 MB. API answers
  // pass through as the cluster sends them (kube-apiserver compresses large ones itself).
  // (Typed for Express; it is plain Node middleware and needs only the request and response.)
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const sockets = new Set<WebSocket>();
  const watches = new Set<ServerResponse>();
  let draining = false;

  const serveIndex = (req: IncomingMessage, res: ServerResponse) => {
    if (!indexHtml) {
      sendStatus(res, 404, 'NotFound', 'the console app is not built: run `npm run build` (or use `npm run dev`)');
      return;
    }
    if (upstream.requiresUserToken && !forwardedToken(req.headers) && opts.loginUrl) {
      res.writeHead(302, { location: opts.loginUrl });
      res.end();
      return;
    }
    ensureCsrfCookie(req, res, opts.secureCookies ?? false);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-length': indexHtml.length,
    });
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse, url: string, requestId: string) => {
    setApiSecurityHeaders(res);
    const method = req.method ?? 'GET';
    if (!PROXIED_METHODS.has(method))
      return sendStatus(res, 405, 'MethodNotAllowed', `the proxy does not forward ${method} requests`);
    if (BODYLESS_METHODS.has(method) && hasBody(req)) {
      // Refused, and the connection closed: the body is never read nor forwarded.
      log.warn('request body refused', { requestId, method, path: url.split('?')[0] });
      res.setHeader('Connection', 'close');
      return sendStatus(res, 400, 'BadRequest', `a ${method} request may not carry a body`);
    }
    const target = upstreamTarget(url);
    if (!target.ok) return sendStatus(res, target.code, target.reason, target.message);
    if (!csrfOk(req)) {
      log.warn('csrf check failed', { requestId, method: req.method, path: url.split('?')[0] });
      return sendStatus(res, 403, 'Forbidden', 'CSRF token missing or invalid: reload the page');
    }
    const credentials = upstream.credentials(req.headers);
    if (!credentials) return sendStatus(res, 401, 'Unauthorized', 'Unauthorized: log in again');
    if (/[?&]watch=(1|true)/.test(url)) {
      watches.add(res);
      res.on('close', () => watches.delete(res));
    }
    proxyHttp(req, res, upstream, target.path, credentials, log, bodyLimits);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const started = performance.now();
    const url = req.url ?? '/';
    res.setHeader('X-Request-Id', requestId);
    setSecurityHeaders(res);
    res.on('close', () => {
      if (url.startsWith(API_PREFIX) || isPrometheusPath(url)) {
        log.info('request', {
          requestId,
          method: req.method,
          path: url.split('?')[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        });
      }
    });
    if (url === '/healthz' || url === '/livez') return void res.end('ok');
    if (url === '/readyz') {
      const ok = !draining && (opts.ready ? opts.ready() : true);
      res.statusCode = ok ? 200 : 503;
      return void res.end(ok ? 'ok' : 'not ready');
    }
    if (ambiguousTarget(req)) {
      res.setHeader('Connection', 'close');
      return sendStatus(res, 400, 'BadRequest', 'the request target must be a path, with one Host header');
    }
    if (!hostAllowed(req.headers, hosts)) {
      log.warn('host refused', {
        requestId,
        host: req.headers.host,
        forwardedHost: hosts.trustForwardedHeaders ? req.headers['x-forwarded-host'] : undefined,
      });
      res.setHeader('Connection', 'close');
      return sendStatus(
        res,
        403,
        'Forbidden',
        'this console is not served under that host name: see --allowed-hosts and --public-url',
      );
    }
    if (isUploadPath(url)) {
      setApiSecurityHeaders(res);
      const checks = {
        csrf: csrfOk(req),
        origin: originAllowed(req.headers, hosts),
        credentials: upstream.credentials(req.headers),
      };
      return handleUpload(req, res, checks, uploads, requestId);
    }
    bodyDeadline(req, res, requestTimeout);
    if (isPrometheusPath(url)) {
      setApiSecurityHeaders(res);
      const checks = { csrf: csrfOk(req), origin: originAllowed(req.headers, hosts) };
      return handlePrometheus(req, res, checks, prometheus, requestId);
    }
    if (url === API_PREFIX || url.startsWith(API_PREFIX + '/') || url.startsWith(API_PREFIX + '?')) {
      return handleApi(req, res, url, requestId);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendStatus(res, 405, 'MethodNotAllowed', 'method not allowed');
    compress(req, res, () => serveApp(req, res, url.split('?')[0]));
  };

  const serveApp = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    // The index page sets the CSRF cookie, so it never comes from the static file handler.
    if (assets && pathname !== '/' && pathname !== '/index.html') {
      return void assets(req, res, (err?: unknown) => {
        if (!err && pathname.startsWith('/assets/'))
          return sendStatus(res, 404, 'NotFound', `no such file ${pathname}`);
        if (!err) return serveIndex(req, res);
        log.warn('static file failed', { path: pathname, error: (err as Error).message });
        sendStatus(res, 500, 'InternalError', 'the file could not be read');
      });
    }
    serveIndex(req, res);
  };

  // A slow client (slowloris) holds a connection, and a body's bytes, only this long: headers by
  // Node's headersTimeout, bodies by bodyDeadline (Node's requestTimeout would also end a long
  // upload that is still sending; an upload has an idle timeout instead).
  const timeouts = {
    requestTimeout: 0,
    headersTimeout: Math.min(requestTimeout, 60_000),
    connectionsCheckingInterval: Math.min(requestTimeout / 4, 30_000),
  };
  const server = http.createServer(timeouts, (req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      log.error('request failed', { path: req.url?.split('?')[0], error: (err as Error).message });
      sendStatus(res, 500, 'InternalError', 'internal error in the console server');
    }
  });
  // Idle connections are kept 65 s, as the embedded cluster's port (and common load balancers) keep
  // them: longer than clients wait before reusing one (browsers, Node's agent, which ignores the
  // Keep-Alive hint). With Node's default 5 s a client could reuse a connection the console had
  // just closed and get "socket hang up". headersTimeout stays the slow-client limit: it runs while
  // a request's headers arrive, not while a kept-alive connection waits for the next request.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '/';
    if (draining) return refuseUpgrade(socket, 503, 'Service Unavailable');
    if (ambiguousTarget(req)) return refuseUpgrade(socket, 400, 'Bad Request');
    if (!hostAllowed(req.headers, hosts)) {
      log.warn('websocket host refused', { host: req.headers.host });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (req.method !== 'GET' || hasBody(req)) return refuseUpgrade(socket, 400, 'Bad Request');
    const target = upstreamTarget(url);
    if (!target.ok)
      return refuseUpgrade(
        socket,
        target.code,
        { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[target.code],
      );
    if (!originAllowed(req.headers, hosts)) {
      log.warn('websocket origin refused', { origin: req.headers.origin, path: url.split('?')[0] });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    const credentials = upstream.credentials(req.headers);
    if (!credentials) return refuseUpgrade(socket, 401, 'Unauthorized');
    try {
      proxyWebSocket(req, socket, head, upstream, target.path, credentials, log, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
      });
    } catch (err) {
      // Never reached by a known request: one bad handshake must not end the process.
      log.error('websocket proxy failed', { path: url.split('?')[0], error: (err as Error).message });
      refuseUpgrade(socket, 500, 'Internal Server Error');
    }
  });

  const drain = async (timeoutMs: number) => {
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const ws of sockets) ws.close(1001, 'the console server is shutting down');
    for (const res of watches) res.end();
    server.closeIdleConnections();
    const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([closed, timer]);
    server.closeAllConnections();
    for (const ws of sockets) ws.terminate();
  };
  return { server, drain };
}
