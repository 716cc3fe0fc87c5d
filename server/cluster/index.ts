/**
 * The embedded cluster: a Kubernetes API server with KubeVirt/CDI resources on a loopback port.
 * See README.md for the store API and how other modules plug in.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { admit } from './admission/index.js';
import { createApiServer } from './api/server.js';
import type { ClusterApi } from './api/subresources.js';
import { createAuth } from './auth/index.js';
import { createStore, type AdmitFn, type KObject, type Store } from './store/index.js';

export interface ClusterOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = a random free port. */
  port?: number;
  /** 'default' | 'none' | 'scale:N' (handled by seed/index.ts when present). */
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
  log?: (msg: string) => void;
}

export interface RunningCluster {
  url: string;
  port: number;
  store: Store;
  api: ClusterApi;
  close(): Promise<void>;
}

interface Stoppable { stop?(): void | Promise<void> }
export interface PluginOptions { speed: number; api: ClusterApi; log: (msg: string) => void }
type PluginStart = (store: Store, opts: PluginOptions) => Stoppable | void | Promise<Stoppable | void>;

/** Imports a sibling module if it exists (as .js when built, .ts under vitest); a broken one is logged and skipped. */
async function optionalModule(rel: string, log: (m: string) => void): Promise<Record<string, unknown> | undefined> {
  for (const ext of ['.js', '.ts']) {
    const url = new URL(`${rel}${ext}`, import.meta.url);
    if (!existsSync(fileURLToPath(url))) continue;
    try {
      return (await import(url.href)) as Record<string, unknown>;
    } catch (e) {
      log(`cluster: could not load ${rel}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
  return undefined;
}

/**
 * Plug-in points, all optional. Each module may export the named function; it is called with the
 * store and { speed, api, log } and may return { stop() }.
 */
const PLUGINS: [string, string][] = [
  ['./subresources/index', 'registerSubresources'],
  ['./guest/index', 'startGuests'],
  ['./controllers/index', 'startControllers'],
];

export async function startCluster(opts: ClusterOptions = {}): Promise<RunningCluster> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const store = createStore({ dataDir: opts.dataDir, log });
  store.admit = admit as unknown as AdmitFn;
  const auth = createAuth({ usersFile: opts.usersFile ?? opts.users });
  log(auth.describe());
  const { server, api } = createApiServer({ store, auth, log, tls: opts.tls });

  const seed = opts.seed ?? 'none';
  if (seed !== 'none') {
    const mod = await optionalModule('./seed/index', log);
    const fn = mod?.seedCluster as ((s: Store, seed: string) => void | Promise<void>) | undefined;
    if (fn) await fn(store, seed);
    else log(`seed "${seed}" requested but server/cluster/seed is not available: starting empty`);
  }

  const stoppers: Stoppable[] = [];
  for (const [rel, name] of PLUGINS) {
    const mod = await optionalModule(rel, log);
    const fn = mod?.[name] as PluginStart | undefined;
    if (typeof fn === 'function') {
      const handle = await fn(store, { speed: opts.speed ?? 1, api, log });
      if (handle) stoppers.push(handle);
    }
  }

  const host = opts.host ?? '127.0.0.1';
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
    async close() {
      if (closed) return;
      closed = true;
      for (const s of stoppers.reverse()) await s.stop?.();
      store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type { Store, KObject, ClusterApi };
