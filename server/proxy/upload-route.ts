/**
 * The upload route: `POST /api/cdi-upload/v1beta1/upload[-async]` streams the request body to CDI's
 * upload proxy (`cdi-uploadproxy`), with the upload token the browser got from an
 * UploadTokenRequest (header `X-CDI-Upload-Token`) as CDI's `Authorization: Bearer`. The body is
 * never buffered: bytes flow as the upload proxy takes them (backpressure), a client that goes
 * away aborts the upstream request, and CDI's answer (status and text) comes back as it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, type Dispatcher } from 'undici';
import type { UpstreamTls } from './upstream.js';
import { sendStatus } from './status.js';
import type { Logger } from './log.js';

export const UPLOAD_PREFIX = '/api/cdi-upload';
export const UPLOAD_TOKEN_HEADER = 'x-cdi-upload-token';

/** Console paths and the upload proxy paths they go to (CDI's sync and async upload). */
const UPLOAD_PATHS = new Map([
  [`${UPLOAD_PREFIX}/v1beta1/upload`, '/v1beta1/upload'],
  [`${UPLOAD_PREFIX}/v1beta1/upload-async`, '/v1beta1/upload-async'],
]);

/** CDI's upload proxy takes only tokens of these characters (its authHeaderMatcher). */
const TOKEN_PATTERN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MAX_TOKEN_LENGTH = 16 * 1024;

/** Where CDI's upload proxy is, or why there is none. */
export type UploadProxyTarget = { url: URL; tls?: UpstreamTls; description: string } | { unavailable: string };

export interface UploadRouteOptions {
  target: UploadProxyTarget;
  /** Largest upload (bytes); a larger Content-Length gets 413 before any byte is read. */
  maxUploadBytes: number;
  /** An upload that sends no byte for this long is cut off (408). */
  idleTimeoutMs: number;
  log: Logger;
}

export function isUploadPath(url: string): boolean {
  return url === UPLOAD_PREFIX || url.startsWith(UPLOAD_PREFIX + '/') || url.startsWith(UPLOAD_PREFIX + '?');
}

/** Counts the bytes going through, refuses past the limit, and notes each chunk's arrival. */
class Meter extends Transform {
  bytes = 0;
  constructor(
    private readonly max: number,
    private readonly onChunk: () => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.onChunk();
    if (this.bytes > this.max) return done(new UploadTooLarge());
    done(null, chunk);
  }
}

class UploadTooLarge extends Error {}

const agents = new WeakMap<object, Agent>();
function agentFor(target: { tls?: UpstreamTls }): Agent {
  let agent = agents.get(target);
  if (!agent) {
    // No body or headers timeout: a sync upload answers once CDI has converted the image.
    agent = new Agent({
      connect: target.tls ? { ...target.tls } : undefined,
      bodyTimeout: 0,
      headersTimeout: 0,
      pipelining: 1,
    });
    agents.set(target, agent);
  }
  return agent;
}

/** The answer headers passed back: what the body is, nothing about connections. */
function answerHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['content-type', 'content-length']) {
    const v = headers[name];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

export interface UploadRequestChecks {
  /** The CSRF header matches the cookie. */
  csrf: boolean;
  /** Origin, when sent, is the console's own. */
  origin: boolean;
  /** The user's credentials for this console (null: not logged in). */
  credentials: Record<string, string> | null;
}

/** Serves one request under UPLOAD_PREFIX; the caller has checked the Host and the request target. */
export function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  checks: UploadRequestChecks,
  opts: UploadRouteOptions,
  requestId: string,
): void {
  const { log } = opts;
  const pathname = (req.url ?? '').split('?')[0];
  const upstreamPath = UPLOAD_PATHS.get(pathname);
  const refuse = (code: number, reason: string, message: string) => {
    // The body is never read: the connection closes after the answer.
    res.setHeader('Connection', 'close');
    sendStatus(res, code, reason, message);
  };
  if (!upstreamPath) return refuse(404, 'NotFound', `no upload route ${pathname}`);
  if (req.method !== 'POST') return refuse(405, 'MethodNotAllowed', 'uploads are POST requests');
  if (!checks.origin) {
    log.warn('upload origin refused', { requestId, origin: req.headers.origin });
    return refuse(403, 'Forbidden', 'uploads come only from the console itself');
  }
  if (!checks.csrf) {
    log.warn('csrf check failed', { requestId, method: req.method, path: pathname });
    return refuse(403, 'Forbidden', 'CSRF token missing or invalid: reload the page');
  }
  if (!checks.credentials) return refuse(401, 'Unauthorized', 'Unauthorized: log in again');
  const token = req.headers[UPLOAD_TOKEN_HEADER];
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_PATTERN.test(token))
    return refuse(400, 'BadRequest', `an upload needs the ${UPLOAD_TOKEN_HEADER} header with an upload token`);
  if ('unavailable' in opts.target) return refuse(503, 'ServiceUnavailable', opts.target.unavailable);
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined)
    return refuse(411, 'LengthRequired', 'an upload needs a body (Content-Length)');
  if (declared !== undefined && Number(declared) > opts.maxUploadBytes)
    return refuse(413, 'RequestEntityTooLarge', `the upload is larger than ${opts.maxUploadBytes} bytes`);
  void forwardUpload(req, res, opts.target, upstreamPath, token, opts, requestId);
}

async function forwardUpload(
  req: IncomingMessage,
  res: ServerResponse,
  target: { url: URL; tls?: UpstreamTls },
  upstreamPath: string,
  token: string,
  opts: UploadRouteOptions,
  requestId: string,
): Promise<void> {
  const { log } = opts;
  const started = performance.now();
  const abort = new AbortController();
  let idle: NodeJS.Timeout | undefined;
  let timedOut = false;
  const armIdle = () => {
    clearTimeout(idle);
    if (req.complete) return;
    idle = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, opts.idleTimeoutMs);
  };
  const meter = new Meter(opts.maxUploadBytes, armIdle);
  let clientGone = false;
  res.on('close', () => {
    clearTimeout(idle);
    if (res.writableFinished) return;
    clientGone = true;
    abort.abort();
  });
  armIdle();
  // The request body flows through the meter into the upstream request; an error on either side
  // (the client left, too large) ends both.
  const body = pipeline(req, meter).catch((err: unknown) => {
    if (!(err instanceof UploadTooLarge)) abort.abort();
    throw err;
  });
  body.catch(() => {});
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'content-type': contentType(req.headers['content-type']),
  };
  if (req.headers['content-length'] !== undefined) headers['content-length'] = req.headers['content-length'];
  const fields = () => ({
    requestId,
    path: upstreamPath,
    bytes: meter.bytes,
    ms: Math.round(performance.now() - started),
  });
  let answer: Dispatcher.ResponseData;
  try {
    answer = await agentFor(target).request({
      origin: target.url.origin,
      path: joinPath(target.url, upstreamPath),
      method: 'POST',
      headers,
      body: meter,
      signal: abort.signal,
    });
  } catch (err) {
    clearTimeout(idle);
    const tooLarge = await body.then(
      () => false,
      (e: unknown) => e instanceof UploadTooLarge,
    );
    if (tooLarge) {
      log.warn('upload refused: too large', fields());
      res.setHeader('Connection', 'close');
      return sendStatus(res, 413, 'RequestEntityTooLarge', `the upload is larger than ${opts.maxUploadBytes} bytes`);
    }
    if (timedOut) {
      log.warn('upload cut off: the client stopped sending', fields());
      res.setHeader('Connection', 'close');
      sendStatus(res, 408, 'Timeout', 'the upload stopped: no data was received for too long');
      return void res.once('finish', () => req.destroy());
    }
    if (clientGone) {
      log.info('upload aborted by the client', fields());
      return void res.destroy();
    }
    log.warn('upload proxy request failed', { ...fields(), error: (err as Error).message });
    return sendStatus(res, 502, 'ServiceUnavailable', `CDI's upload proxy is not reachable: ${(err as Error).message}`);
  }
  clearTimeout(idle);
  log.info('upload', { ...fields(), status: answer.statusCode });
  res.writeHead(answer.statusCode, answerHeaders(answer.headers));
  try {
    await pipeline(answer.body, res);
  } catch {
    res.destroy();
  }
}

/** The client's Content-Type when it is a plain media type; else application/octet-stream. */
function contentType(value: string | undefined): string {
  return value && /^[\w.+-]+\/[\w.+-]+(;[\w\s=."-]*)?$/.test(value) ? value : 'application/octet-stream';
}

/** The upload path under the upload proxy URL's own path (a URL may carry a prefix). */
function joinPath(base: URL, upstreamPath: string): string {
  return base.pathname.replace(/\/+$/, '') + upstreamPath;
}
