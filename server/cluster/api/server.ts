/** The HTTP server of the embedded cluster: non-resource paths, resource routing, websocket upgrades. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  allowAll,
  builtinGroup,
  errors,
  isStatusError,
  PageNotFoundError,
  type AuthHooks,
  type Store,
  type UserInfo,
  type V1Status,
} from '../store/index.js';
import { allowedHostSet, browserRefusal, targetRefusal } from './browser-guard.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.js';
import { negotiate } from './encode.js';
import { sendError, sendJson, sendJsonText, sendStatus } from './http-util.js';
import { openApiDoc, openApiIndex, openApiV2 } from './openapi.js';
import { parseRequestInfo, type ResourceRequest } from './request-info.js';
import { authorizeOrThrow, resolve, route } from './router.js';
import { ClusterApi } from './subresources.js';
import { eventEncoder, watchParams, watchWebSocket } from './watch-stream.js';
import { errorFields, type ClusterLog } from '../log.js';

export interface ApiServerOptions {
  store: Store;
  auth?: AuthHooks;
  log?: ClusterLog;
  /** Serve HTTPS with this certificate and key (PEM), as kube-apiserver's --tls-cert-file does. */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** The address the server listens on; a name here is served besides loopback names and addresses. */
  host?: string;
  /** More host names to serve (DNS rebinding protection: any other Host is refused). */
  allowedHosts?: string[];
}

export interface ApiServer {
  server: Server;
  api: ClusterApi;
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

function nonResource(req: IncomingMessage, res: ServerResponse, path: string, api: ClusterApi): boolean {
  const host = String(req.headers.host ?? '127.0.0.1');
  if (path === '/version' || path === '/version/') return (sendJson(res, 200, versionInfo()), true);
  if (path === '/api' || path === '/api/') return (sendJson(res, 200, apiVersions(host)), true);
  if (path === '/apis' || path === '/apis/') return (sendJson(res, 200, apiGroupList(api)), true);
  let m = path.match(/^\/api\/([^/]+)\/?$/);
  if (m) {
    const doc = apiResourceList(api, '', m[1]);
    if (!doc) throw errors.notFoundPath();
    return (sendJson(res, 200, doc), true);
  }
  m = path.match(/^\/apis\/([^/]+)\/?$/);
  if (m) {
    const doc = apiGroup(api, m[1]);
    if (!doc) throw builtinGroup(m[1]) ? errors.notFoundPath() : new PageNotFoundError();
    return (sendJson(res, 200, doc), true);
  }
  m = path.match(/^\/apis\/([^/]+)\/([^/]+)\/?$/);
  if (m) {
    const doc = apiResourceList(api, m[1], m[2]);
    if (!doc) throw builtinGroup(m[1]) ? errors.notFoundPath() : new PageNotFoundError();
    return (sendJson(res, 200, doc), true);
  }
  if (path === '/openapi/v3' || path === '/openapi/v3/') return (sendJson(res, 200, openApiIndex()), true);
  m = path.match(/^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))\/?$/);
  if (m) {
    const doc = m[1] ? openApiDoc('', m[1]) : openApiDoc(m[2], m[3]);
    if (!doc) throw errors.notFoundPath();
    return (sendJsonText(res, 200, doc), true);
  }
  if (path === '/') {
    return (
      sendJson(res, 200, {
        paths: ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/openapi/v3', '/readyz', '/version'],
      }),
      true
    );
  }
  return false;
}

export function createApiServer(opts: ApiServerOptions): ApiServer {
  const { store } = opts;
  const auth = opts.auth ?? allowAll;
  const log = opts.log ?? (() => {});
  const api = new ClusterApi();
  const allowedHosts = allowedHostSet(opts.host ?? '127.0.0.1', opts.allowedHosts);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    handleProtocols: (protocols) => {
      for (const p of ['plain.kubevirt.io', 'base64.binary.k8s.io']) if (protocols.has(p)) return p;
      return protocols.values().next().value ?? false;
    },
  });

  function authenticate(req: IncomingMessage): UserInfo {
    const r = auth.authenticate(req.headers);
    if ('status' in r) throw Object.assign(errors.badRequest(r.status.message ?? 'Unauthorized'), { status: r.status });
    return r.user;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (HEALTH.has(path) || HEALTH.has(path.replace(/\/.*$/, '')) || /^\/(healthz|livez|readyz)\//.test(path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('ok');
      return;
    }
    if (path === '/version' || path === '/version/') {
      sendJson(res, 200, versionInfo());
      return;
    }
    const user = authenticate(req);
    if (path === '/openapi/v2' || path === '/openapi/v2/') {
      // kubectl asks for protobuf and gets an empty document: it reads the v3 documents, and v2 only
      // when they fail it (kubectl apply of a custom resource asks v2 for its patch type and falls
      // back to a JSON merge patch, as it does with a real server; an unknown kind is "no matches for kind").
      if (String(req.headers.accept ?? '').includes('protobuf')) {
        res.writeHead(200, {
          'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
          'Content-Length': '0',
        });
        res.end();
      } else sendJsonText(res, 200, openApiV2());
      return;
    }
    if (nonResource(req, res, path, api)) return;
    const ri = parseRequestInfo(req.method ?? 'GET', path, url.searchParams);
    if (ri.type !== 'resource') throw errors.notFoundPath();
    if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method ?? '')) throw errors.methodNotAllowed();
    await route({ req, res, query: url.searchParams, ri, user, store, log }, auth, api);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const refused = targetRefusal(req) ?? browserRefusal(req.headers, allowedHosts);
    if (refused) {
      req.resume();
      sendStatus(res, refused);
      return;
    }
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, e, log);
      else if (!res.writableEnded) res.end();
    });
  };
  const server: Server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest)
    : createServer(onRequest);
  server.keepAliveTimeout = 65_000;

  function rejectUpgrade(socket: Duplex, status: V1Status): void {
    const body = JSON.stringify(status);
    const text =
      {
        400: 'Bad Request',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not Found',
        409: 'Conflict',
        410: 'Gone',
        500: 'Internal Server Error',
      }[status.code] ?? 'Error';
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 ${status.code} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
  }

  function accept(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<WebSocket> {
    return new Promise((resolveWs) => wss.handleUpgrade(req, socket, head, (ws) => resolveWs(ws)));
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const user = authenticate(req);
    const ri = parseRequestInfo('GET', url.pathname, url.searchParams);
    if (ri.type !== 'resource') throw errors.notFoundPath();
    const rr = ri as ResourceRequest;
    if (rr.subresource && rr.name) {
      const def = api.find(rr.group, rr.version, rr.resource, rr.subresource);
      if (def?.upgrade) {
        authorizeOrThrow(auth, { user }, { ...rr, verb: 'get' });
        let done = false;
        let wsOut: WebSocket | undefined;
        await def.upgrade({
          group: rr.group,
          version: rr.version,
          namespace: rr.namespace,
          name: rr.name,
          resource: rr.resource,
          subresource: rr.subresource,
          query: url.searchParams,
          headers: req.headers,
          user,
          store,
          req,
          socket,
          head,
          accept: () => {
            if (done) throw new Error('upgrade already answered');
            done = true;
            wss.handleUpgrade(req, socket, head, (ws) => {
              wsOut = ws;
            });
            if (!wsOut) throw new Error('websocket handshake failed');
            return wsOut;
          },
          reject: (st) => {
            if (done) return;
            done = true;
            rejectUpgrade(socket, st);
          },
        });
        return;
      }
      if (def) throw errors.badRequest('this subresource does not accept websocket upgrades');
      if (rr.group === 'subresources.kubevirt.io') {
        // kube-apiserver authorizes before it routes (the first segment is the subresource, as its
        // RequestInfo reads it): virtctl port-forward without rights gets 403 before anything else
        authorizeOrThrow(auth, { user }, { ...rr, subresource: rr.subresource.split('/')[0], verb: 'get' });
        if (rr.resource === 'virtualmachineinstances' && rr.subresource.startsWith('portforward/')) {
          const vmi = store.tryGet('virtualmachineinstances.kubevirt.io', rr.namespace, rr.name);
          if (!vmi) throw errors.notFound('kubevirt.io', 'virtualmachineinstances', rr.name);
          throw errors.badRequest('port forwarding to guests is not available in the embedded cluster');
        }
      }
    }
    if (rr.verb !== 'watch') throw errors.badRequest('websocket upgrades are only served for watch requests');
    const info = resolve(rr);
    authorizeOrThrow(auth, { user }, rr);
    const out = negotiate(req.headers.accept);
    const p = watchParams(url.searchParams, rr.namespace, rr.name);
    store.list(`${info.group ? `${info.plural}.${info.group}` : info.plural}`, {
      labelSelector: p.labelSelector,
      fieldSelector: p.fieldSelector,
      limit: 1,
    });
    const ws = await accept(req, socket, head);
    watchWebSocket(ws, store, info, p, eventEncoder(info, rr.version, out, url.searchParams));
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refused = targetRefusal(req) ?? browserRefusal(req.headers, allowedHosts);
    if (refused) return rejectUpgrade(socket, refused);
    upgrade(req, socket, head).catch((e: unknown) => {
      if (isStatusError(e)) rejectUpgrade(socket, e.status);
      else {
        log('upgrade failed', errorFields(e));
        rejectUpgrade(socket, errors.internal(String(e)).status);
      }
    });
  });
  server.on('clientError', (e: Error, socket: Duplex & { _httpMessage?: ServerResponse }) => {
    // a malformed request after a complete one (e.g. a body without framing): answer the first, then close
    const pending = socket._httpMessage;
    if (pending && !pending.writableFinished) {
      pending.on('finish', () => socket.end());
      pending.on('close', () => socket.destroy());
      return;
    }
    if (!socket.writable) return;
    const body = JSON.stringify(errors.badRequest(`malformed HTTP request: ${e.message}`).status);
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return { server, api };
}

export { sendStatus };
