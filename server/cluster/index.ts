/**
 * The embedded cluster: a Kubernetes API server with KubeVirt/CDI resources on a loopback port.
 * See README.md for the store API and how other modules plug in.
 */
import type { AddressInfo } from 'node:net';
import { admit } from './admission/index.js';
import { withLookups } from './admission/snapshot-webhooks.js';
import type { Json } from './admission/schema.js';
import { createApiServer } from './api/server.js';
import type { ClusterApi } from './api/subresources.js';
import { createAuth } from './auth/index.js';
import { selectGuestBackend, type GuestsMode } from './guest/index.js';
import type { GuestBackend } from './guest/types.js';
import { startControllers, type ControllerRuntime } from './controllers/index.js';
import { seedCluster } from './seed/index.js';
import { registerKubevirtSubresources } from './subresources/register.js';
import { registerPodEviction } from './subresources/pod-eviction.js';
import { registerServiceAccountToken } from './subresources/sa-token.js';
import { registerPodLog } from './subresources/pod-log.js';
import { startExportProxy, type ExportProxy } from './export/export-proxy.js';
import { storeClient } from './runtime/store-client.js';
import { registerScaleSubresources } from './subresources/scale.js';
import { createStore, type KObject, type Store } from './store/index.js';
import { stdoutLog, type ClusterLog } from './log.js';
import { VolumeStore } from './cdi/volumes.js';
import { startUploadProxy, type UploadProxy } from './cdi/upload-proxy.js';
import { findOnPath } from './guest/qemu/guest-image.js';
import { IDENTITY, clientAs } from './runtime/identity.js';
import { RingStore } from './monitoring/ring-store.js';
import { MetricsCollector } from './monitoring/collector.js';
import { startPrometheusServer, type PrometheusServer } from './monitoring/prometheus-server.js';

export interface ClusterOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = a random free port. */
  port?: number;
  /** 'default' | 'none' | 'scale:N' (seed/index.ts); anything else fails the start. */
  seed?: string;
  /** Time multiplier for controllers (default 1). */
  speed?: number;
  /** Persist every write here (survives kill -9). */
  dataDir?: string;
  /** Users file (tokens, roles); without it every request is admin. */
  usersFile?: string;
  /** Alias of usersFile. */
  users?: string;
  /** Serve HTTPS with this PEM certificate and key instead of plain HTTP. */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** One call per log line; the default writes JSON lines to stdout. */
  log?: ClusterLog;
  /** What runs behind Running VMIs: simulated guests (default), real QEMU guests, auto (guest/select-backend.ts), or a backend. */
  guests?: GuestsMode | GuestBackend;
  /**
   * Host names (besides loopback names, IP addresses and `host`) that clients may reach the cluster by.
   * Any other Host header is refused (DNS rebinding); requests from web pages are refused always.
   */
  allowedHosts?: string[];
  /** Most QEMU guests at once (default from free memory); beyond it, simulated guests. */
  maxGuests?: number;
  /** qemu-img for uploaded images (default: the one on PATH); null does without it (header checks only). */
  qemuImg?: string | null;
  /** Real ms between metric scrapes (default: KubeVirt's 15 s divided by --speed, at least 1 s). */
  metricsIntervalMs?: number;
}

export interface RunningCluster {
  url: string;
  port: number;
  store: Store;
  api: ClusterApi;
  /** CDI's upload proxy (cdi-uploadproxy) of this cluster, on its own loopback port. */
  uploadProxyUrl: string;
  /** KubeVirt's virt-exportproxy of this cluster (VirtualMachineExports' external links), on its own loopback port. */
  exportProxyUrl: string;
  /** What volumes hold (uploaded disk images). */
  volumes: VolumeStore;
  /** The Prometheus-compatible query API (KubeVirt's VMI metrics), on its own loopback port. */
  prometheusUrl: string;
  /** Its samples and the scrapes that fill them. */
  metrics: { store: RingStore; collector: MetricsCollector };
  /** The running controllers (their context, virt-handler and the guests behind running VMIs). */
  controllers: ControllerRuntime;
  close(): Promise<void>;
}

interface Stoppable {
  stop(): void | Promise<void>;
}

export async function startCluster(opts: ClusterOptions = {}): Promise<RunningCluster> {
  const log = opts.log ?? stdoutLog;
  const store = createStore({ dataDir: opts.dataDir, log });
  // virt-api's snapshot, restore and clone webhooks read the cluster (the target VM, its VMI, the snapshot)
  store.admit = withLookups(admit, {
    get: (res, ns, name) => store.tryGet(res, ns, name) as Json | undefined,
    list: (res, ns) => store.list(res, { namespace: ns }).items as Json[],
  });
  const auth = createAuth({ usersFile: opts.usersFile ?? opts.users, store });
  log(auth.describe());
  const host = opts.host ?? '127.0.0.1';
  const { server, api } = createApiServer({ store, auth, log, tls: opts.tls, host, allowedHosts: opts.allowedHosts });

  // Modules are imported statically: a broken one fails type checking and the start, loudly.
  const stoppers: Stoppable[] = [auth];
  let controllers: ControllerRuntime;
  const volumes = new VolumeStore(opts.dataDir);
  stoppers.push({ stop: () => volumes.close() });
  // virt-exportproxy first: the export controller writes its URL into the exports' external links.
  let exportProxy: ExportProxy;
  try {
    exportProxy = await startExportProxy({ client: storeClient(store), volumes, host, log });
  } catch (e) {
    store.close();
    volumes.close();
    throw e;
  }
  stoppers.push({ stop: () => exportProxy.close() });
  try {
    seedCluster(store, opts.seed ?? 'none');
    const guests =
      typeof opts.guests === 'object'
        ? { backend: opts.guests, description: `guests: ${opts.guests.kind}` }
        : selectGuestBackend({
            mode: opts.guests ?? 'simulated',
            speed: opts.speed ?? 1,
            seed: opts.seed,
            maxGuests: opts.maxGuests,
            log,
          });
    if (opts.guests) log(guests.description);
    // The controllers run the guests; virt-api's subresources act through them.
    controllers = startControllers(store, {
      speed: opts.speed ?? 1,
      log,
      backend: guests.backend,
      disks: volumes,
      exportProxyUrl: exportProxy.url,
    });
    stoppers.push(controllers);
    registerPodEviction(api);
    registerServiceAccountToken(api);
    registerPodLog(api, controllers.ctx.containerLogs);
    registerScaleSubresources(api);
    registerKubevirtSubresources(api, controllers);
  } catch (e) {
    await exportProxy.close();
    store.close();
    volumes.close();
    throw e;
  }
  // cdi-uploadproxy (with the upload server behind it) on its own loopback port.
  let uploadProxy: UploadProxy;
  try {
    uploadProxy = await startUploadProxy({
      store,
      client: clientAs(controllers.ctx.client, IDENTITY.cdi),
      volumes,
      host,
      log,
      qemuImg: opts.qemuImg === undefined ? (findOnPath('qemu-img') ?? null) : opts.qemuImg,
    });
  } catch (e) {
    for (const s of stoppers.reverse()) await s.stop();
    store.close();
    throw e;
  }
  stoppers.push({ stop: () => uploadProxy.close() });

  // The embedded Prometheus: virt-handler's and virt-controller's metrics, scraped on KubeVirt's interval.
  const metricsStore = new RingStore();
  const collector = new MetricsCollector({
    store: metricsStore,
    ctx: controllers.ctx,
    migration: (uid) => controllers.migrations.progress(uid),
    intervalMs: opts.metricsIntervalMs ?? Math.max(1000, 15_000 / (opts.speed ?? 1)),
  });
  let prometheus: PrometheusServer;
  try {
    prometheus = await startPrometheusServer({ store: metricsStore, auth, client: storeClient(store), host, log });
  } catch (e) {
    for (const s of stoppers.reverse()) await s.stop();
    store.close();
    throw e;
  }
  collector.start();
  stoppers.push({ stop: () => prometheus.close() }, { stop: () => collector.stop() });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed = false;
  return {
    url,
    port,
    store,
    api,
    controllers,
    uploadProxyUrl: uploadProxy.url,
    exportProxyUrl: exportProxy.url,
    volumes,
    prometheusUrl: prometheus.url,
    metrics: { store: metricsStore, collector },
    async close() {
      if (closed) return;
      closed = true;
      for (const s of stoppers.reverse()) await s.stop();
      store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type { Store, KObject, ClusterApi };
