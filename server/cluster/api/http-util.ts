/** Request body reading and response writing with Kubernetes conventions. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzip } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { decodeProtobufObject } from './protobuf.js';
import { errors, isStatusError, PageNotFoundError, type V1Status } from '../store/index.js';
import { checkDepth, jsonTextDepth, MAX_DOCUMENT_DEPTH, tooDeep } from '../store/limits.js';
import { yamlDepthBound } from './yaml-depth.js';
import { errorFields, type ClusterLog } from '../log.js';

export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the whole body, refusing more than the limit with 413. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(errors.tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(errors.tooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(errors.badRequest(`error reading request body: ${e.message}`));
    });
  });
}

export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Parses a JSON or YAML body (YAML for application/yaml and apply patches). Nesting deeper than
 * MAX_DOCUMENT_DEPTH is refused with 400 by a scan of the text, before any parser runs.
 */
export function parseBody(buf: Buffer, contentType: string, allowYaml: boolean): unknown {
  if (contentType === 'application/vnd.kubernetes.protobuf') return decodeProtobufObject(buf);
  const text = buf.toString('utf8');
  if (!text.trim()) throw errors.badRequest('the request body is empty');
  const isYaml = allowYaml || contentType === 'application/yaml' || contentType === 'application/apply-patch+yaml';
  const looksJson = /^\s*[[{]/.test(text);
  if (looksJson && jsonTextDepth(text) > MAX_DOCUMENT_DEPTH) throw tooDeep(MAX_DOCUMENT_DEPTH);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (!isYaml) {
      throw errors.badRequest(`error decoding body: ${(e as Error).message}`);
    }
  }
  if (yamlDepthBound(text, MAX_DOCUMENT_DEPTH) > MAX_DOCUMENT_DEPTH) throw tooDeep(MAX_DOCUMENT_DEPTH);
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: false }) as unknown;
  } catch (e) {
    throw errors.badRequest(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  // aliases can nest what they name deeper than the text shows
  checkDepth(doc);
  return doc;
}

/**
 * kube-apiserver's response compression (APIResponseCompression): a response of at least 128 KiB
 * to a client that accepts gzip is sent gzipped at level 1 (a list of 10,000 VMs: 26 MB becomes
 * about 1 MB). Compressed off the event loop, in libuv's thread pool.
 */
const GZIP_THRESHOLD_BYTES = 128 * 1024;
const GZIP_LEVEL = 1;

/** Accept-Encoding names gzip with a weight above zero ("gzip", "gzip;q=0.5", not "gzip;q=0"). */
export function acceptsGzip(req: IncomingMessage | undefined): boolean {
  return String(req?.headers['accept-encoding'] ?? '')
    .split(',')
    .some((entry) => {
      const [name, ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return name === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
    });
}

export function sendJsonText(
  res: ServerResponse,
  code: number,
  text: string | Buffer,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const head = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...headers };
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
  if (size < GZIP_THRESHOLD_BYTES || !acceptsGzip(res.req)) {
    res.writeHead(code, head);
    res.end(text);
    return;
  }
  gzip(text, { level: GZIP_LEVEL }, (err, zipped) => {
    if (res.destroyed) return;
    if (err) {
      res.writeHead(code, head);
      res.end(text);
      return;
    }
    res.writeHead(code, {
      ...head,
      'Content-Encoding': 'gzip',
      Vary: 'Accept-Encoding',
      'Content-Length': String(zipped.length),
    });
    res.end(zipped);
  });
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  sendJsonText(res, code, JSON.stringify(body), headers);
}

export function sendStatus(res: ServerResponse, status: V1Status): void {
  sendJson(res, status.code, status);
}

/** Sends any thrown value as a Status (StatusError as is, anything else as 500). */
export function sendError(res: ServerResponse, e: unknown, log?: ClusterLog): void {
  if (e instanceof PageNotFoundError) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(`${e.text}\n`);
    return;
  }
  if (isStatusError(e)) {
    sendStatus(res, e.status);
    return;
  }
  log?.('internal error', errorFields(e));
  sendStatus(res, errors.internal(e instanceof Error ? e.message : String(e)).status);
}

/**
 * `Warning: 299 - "text"` header values, as kube-apiserver sends admission warnings. The text goes
 * out as UTF-8 bytes, as Go writes it (an unknown field may be named in any script); Node takes a
 * header value as latin1, one character per byte.
 */
export function warningHeaders(warnings: string[]): Record<string, string[]> {
  if (!warnings.length) return {};
  const utf8 = (v: string) => Buffer.from(v, 'utf8').toString('latin1');
  return { Warning: warnings.map((w) => utf8(`299 - ${JSON.stringify(w.replace(/[\r\n]+/g, ' '))}`)) };
}
