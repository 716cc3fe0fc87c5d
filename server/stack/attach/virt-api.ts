/**
 * KubeVirt's virt-api for the real stack: the embedded cluster's subresources.kubevirt.io handlers
 * (server/cluster/subresources: start, stop, restart, migrate, pause, guestosinfo, vnc, console, ...)
 * served over HTTPS as an aggregated API server. kube-apiserver reaches it through the APIServices
 * `v1.subresources.kubevirt.io` and `v1alpha3.subresources.kubevirt.io`, as virt-operator registers
 * them, after it has authenticated and authorized the request (RBAC on e.g. `virtualmachines/start`).
 *
 * Loopback routing: the APIServices name the Service `kubevirt/virt-api`, here of type ExternalName
 * `localhost`. kube-apiserver's aggregator (without --enable-aggregator-routing) resolves a
 * Service by its cluster IP, or for ExternalName by that name, and dials it on the APIService's
 * port; an Endpoints address may not be loopback, so endpoint routing could not reach a process on
 * this machine. TLS is verified as for any aggregated API: the serving certificate is for
 * `virt-api.kubevirt.svc`, signed by the CA in the APIService's caBundle.
 *
 * Who asks: kube-apiserver's proxy client certificate (from the front-proxy CA, CN
 * front-proxy-client), with the user in X-Remote-User and X-Remote-Group, like any extension API
 * server's request-header authentication. Anything else gets 401.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { apiGroup, apiResourceList } from '../../cluster/api/discovery.js';
import { mediaType, parseBody, readBody, sendError, sendJson } from '../../cluster/api/http-util.js';
import { ClusterApi, type SubresourceContext } from '../../cluster/api/subresources.js';
import type { ClusterLog } from '../../cluster/log.js';
import { errors, isStatusError, type Store, type UserInfo, type V1Status } from '../../cluster/store/index.js';
import { registerKubevirtSubresources, type SubresourceRuntime } from '../../cluster/subresources/register.js';
import { FRONT_PROXY_CLIENT } from '../certs.js';

const GROUP = 'subresources.kubevirt.io';

export interface VirtApiTls {
  cert: string;
  key: string;
  /** The front-proxy CA: only kube-apiserver's proxy client certificate may call. */
  clientCa: string;
}

export interface VirtApi {
  port: number;
  close(): Promise<void>;
}

/**
 * The handlers act through the controllers' client (a real kube-apiserver's); the embedded store
 * does not exist here, and a handler reaching for it is a bug that fails loudly.
 */
const NO_STORE = new Proxy({} as Store, {
  get(_t, prop) {
    throw new Error(`virt-api on a real kube-apiserver has no embedded store (store.${String(prop)})`);
  },
});

interface Route {
  version: string;
  namespace?: string;
  resource: string;
  name: string;
  subresource: string;
}

/** /apis/subresources.kubevirt.io/{v}/namespaces/{ns}/{resource}/{name}/{sub...} or /apis/.../{v}/{root}. */
function parseRoute(pathname: string): Route | 'discovery' | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'apis' || parts[1] !== GROUP) return undefined;
  const [, , version, ...rest] = parts;
  if (!version || rest.length === 0) return 'discovery';
  if (rest.length === 1) return { version, resource: rest[0], name: '', subresource: '' };
  if (rest[0] !== 'namespaces' || rest.length < 5) return undefined;
  const [, namespace, resource, name, ...sub] = rest;
  return { version, namespace, resource, name, subresource: sub.join('/') };
}

function remoteUser(req: IncomingMessage): UserInfo | undefined {
  const sock = req.socket as TLSSocket;
  if (!sock.authorized || sock.getPeerCertificate().subject?.CN !== FRONT_PROXY_CLIENT) return undefined;
  const name = req.headers['x-remote-user'];
  if (typeof name !== 'string' || !name) return undefined;
  const g = req.headers['x-remote-group'];
  return { name, groups: (Array.isArray(g) ? g : g ? [g] : []).flatMap((x) => x.split(',')) };
}

function unauthorized(): V1Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Unauthorized',
    reason: 'Unauthorized',
    code: 401,
  };
}

export async function startVirtApi(rt: SubresourceRuntime, tls: VirtApiTls, log: ClusterLog): Promise<VirtApi> {
  const api = new ClusterApi();
  registerKubevirtSubresources(api, rt);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    handleProtocols: (protocols) => {
      for (const p of ['plain.kubevirt.io', 'base64.binary.k8s.io']) if (protocols.has(p)) return p;
      return protocols.values().next().value ?? false;
    },
  });

  const context = (req: IncomingMessage, route: Route, user: UserInfo, body: unknown, query: URLSearchParams) =>
    ({
      method: req.method ?? 'GET',
      group: GROUP,
      version: route.version,
      namespace: route.namespace,
      name: route.name,
      resource: route.resource,
      subresource: route.subresource,
      query,
      headers: req.headers,
      body,
      user,
      store: NO_STORE,
    }) satisfies SubresourceContext;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://virt-api');
    const user = remoteUser(req);
    if (!user) return sendJson(res, 401, unauthorized());
    if (url.pathname === '/apis')
      return sendJson(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [apiGroup(api, GROUP)] });
    const route = parseRoute(url.pathname);
    if (route === 'discovery') {
      const version = url.pathname.split('/').filter(Boolean)[2];
      const doc = version ? apiResourceList(api, GROUP, version) : apiGroup(api, GROUP);
      return doc ? sendJson(res, 200, doc) : sendError(res, errors.notFoundPath());
    }
    const def = route && api.find(GROUP, route.version, route.resource, route.subresource);
    if (!route || !def?.handle) throw errors.notFoundPath();
    if ((def.namespaced ?? true) && !route.namespace) throw errors.notFoundPath();
    const raw = req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
    const body = raw.toString('utf8').trim() ? parseBody(raw, mediaType(req.headers['content-type']), true) : undefined;
    const r = await def.handle(context(req, route, user, body, url.searchParams));
    const status = r?.status ?? 200;
    if (r?.body === undefined) {
      res.writeHead(status, r?.headers ?? {});
      res.end();
    } else if (Buffer.isBuffer(r.body) || typeof r.body === 'string') {
      res.writeHead(status, { 'Content-Type': r.contentType ?? 'application/octet-stream', ...r.headers });
      res.end(r.body);
    } else sendJson(res, status, r.body, r.headers);
  }

  function rejectUpgrade(socket: Duplex, status: V1Status): void {
    const body = JSON.stringify(status);
    if (socket.writable)
      socket.end(
        `HTTP/1.1 ${status.code} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    else socket.destroy();
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://virt-api');
    const user = remoteUser(req);
    if (!user) return rejectUpgrade(socket, unauthorized());
    const route = parseRoute(url.pathname);
    const def = route && route !== 'discovery' && api.find(GROUP, route.version, route.resource, route.subresource);
    if (!route || route === 'discovery' || !def || !def.upgrade)
      return rejectUpgrade(socket, errors.notFoundPath().status);
    let done = false;
    let ws: WebSocket | undefined;
    const { body: _body, method: _method, ...base } = context(req, route, user, undefined, url.searchParams);
    await def.upgrade({
      ...base,
      req,
      socket,
      head,
      accept: () => {
        if (done) throw new Error('upgrade already answered');
        done = true;
        wss.handleUpgrade(req, socket, head, (w) => {
          ws = w;
        });
        if (!ws) throw new Error('websocket handshake failed');
        return ws;
      },
      reject: (st) => {
        if (done) return;
        done = true;
        rejectUpgrade(socket, st);
      },
    });
  }

  const server: Server = createServer(
    { cert: tls.cert, key: tls.key, ca: tls.clientCa, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      handle(req, res).catch((e: unknown) => sendError(res, e, log));
    },
  );
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    upgrade(req, socket, head).catch((e: unknown) => {
      log('virt-api: websocket upgrade failed', { error: e instanceof Error ? e.message : String(e) });
      rejectUpgrade(
        socket,
        isStatusError(e) ? e.status : errors.internal(e instanceof Error ? e.message : String(e)).status,
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const c of wss.clients) c.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
