/**
 * The embedded cluster's Prometheus (what thanos-querier is to OpenShift): the query API over the
 * scraped samples, on its own loopback port. Callers authenticate as to the API server (a bearer
 * token); who may list VMIs cluster-wide sees every series, anyone else only the series of
 * namespaces where they may get VMIs (as prom-label-proxy enforces a namespace for tenants).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ANONYMOUS, type Auth } from '../auth/index.js';
import type { ClusterLog } from '../log.js';
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { handlePrometheusApi, sendError, type Visibility } from './prometheus-api.js';
import type { RingStore } from './ring-store.js';

export interface PrometheusServerOptions {
  store: RingStore;
  auth: Auth;
  client: ClusterClient;
  host: string;
  log: ClusterLog;
}

export interface PrometheusServer {
  url: string;
  close(): Promise<void>;
}

const VMIS = { verb: 'get', group: 'kubevirt.io', resource: 'virtualmachineinstances' };

export async function startPrometheusServer(opts: PrometheusServerOptions): Promise<PrometheusServer> {
  const visibility = (
    headers: import('node:http').IncomingHttpHeaders,
  ): Visibility | { code: number; message: string } => {
    const who = opts.auth.authenticate(headers);
    if ('status' in who || who.user.name === ANONYMOUS.name) return { code: 401, message: 'Unauthorized' };
    if (opts.auth.authorize(who.user, { ...VMIS, verb: 'list' }).allowed) return { all: true };
    const namespaces = new Set<string>();
    for (const ns of opts.client.list(ResourceKey.namespaces).items) {
      const name = ns.metadata.name ?? '';
      if (opts.auth.authorize(who.user, { ...VMIS, namespace: name }).allowed) namespaces.add(name);
    }
    return { all: false, namespaces };
  };
  const server = createServer((req, res) => {
    const who = visibility(req.headers);
    if ('code' in who) return sendError(res, who.code, 'unauthorized', who.message);
    handlePrometheusApi(req, res, opts.store, who).catch((err: unknown) => {
      opts.log('prometheus request failed', { path: req.url?.split('?')[0], error: (err as Error).message });
      sendError(res, 500, 'internal', 'internal error');
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
