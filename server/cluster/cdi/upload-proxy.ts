/**
 * cdi-uploadproxy with the upload server behind it, on its own loopback port: `POST
 * /v1beta1/upload` (answers when the image is written and converted) and `/v1beta1/upload-async`
 * (answers once the bytes are in; the DataVolume finishes on its own). As CDI's proxy: no or a
 * malformed bearer → 400, a token that fails its signature or expiry → 401, a PVC that is missing,
 * not an upload target or done → 503 with CDI's message. As CDI's upload server: one upload at a
 * time per PVC; a failed one answers "Saving stream failed: ..." (400 when the image does not
 * fit, else 500) and leaves the PVC with the reason, ready for another try.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { quantityValue } from '../apimachinery/quantity.js';
import type { Store } from '../store/index.js';
import type { ClusterLog } from '../log.js';
import { validateUploadToken } from './upload-token.js';
import { NoCapacityError, processUpload, receive } from './upload-server.js';
import { ANN, markUploadFailed, markUploadSucceeded } from './upload-annotations.js';
import type { VolumeStore } from './volumes.js';

const PATHS = new Map([
  ['/v1beta1/upload', 'sync'],
  ['/v1beta1/upload-async', 'async'],
  ['/v1alpha1/upload', 'sync'],
  ['/v1alpha1/upload-async', 'async'],
] as const);
const AUTH = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i;

export interface UploadProxyOptions {
  /** The store whose key signs upload tokens (api/upload-token-request.ts). */
  store: Store;
  /** Writes as CDI. */
  client: ClusterClient;
  volumes: VolumeStore;
  host: string;
  log: ClusterLog;
  /** qemu-img's path, or null without it. */
  qemuImg: string | null;
  /** How long an upload waits for the upload pod to be ready (CDI: 10 s). */
  readyWaitMs?: number;
}

export interface UploadProxy {
  url: string;
  close(): Promise<void>;
}

type Pvc = NonNullable<ReturnType<ClusterClient['tryGet']>> & {
  spec?: { volumeName?: string };
  status?: { capacity?: { storage?: string } };
};

function text(res: ServerResponse, code: number, body = ''): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startUploadProxy(opts: UploadProxyOptions): Promise<UploadProxy> {
  const { client, volumes, log } = opts;
  const active = new Set<string>();

  /** CDI's uploadReady: the PVC must be an upload target whose upload pod is ready. */
  async function uploadReady(ns: string, name: string): Promise<Pvc | string> {
    const deadline = Date.now() + (opts.readyWaitMs ?? 10_000);
    for (;;) {
      const pvc = client.tryGet(ResourceKey.pvcs, ns, name) as Pvc | undefined;
      if (!pvc) return `rejecting Upload Request for PVC ${name} that doesn't exist`;
      const ann = pvc.metadata.annotations ?? {};
      if (!(ANN.uploadTarget in ann)) return `PVC ${name} is not an upload target`;
      if (ann[ANN.podPhase] === 'Succeeded')
        return `rejecting Upload Request for PVC ${name} that already finished uploading`;
      if (ann[ANN.podReady] === 'true' && pvc.spec?.volumeName) return pvc;
      if (Date.now() >= deadline) return 'timed out waiting for the condition';
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/healthz') return text(res, 200, 'OK');
    const mode = PATHS.get(pathname as never);
    if (!mode) return text(res, 404, '404 page not found\n');
    if (req.method !== 'POST') return text(res, 405);
    const auth = AUTH.exec(req.headers.authorization ?? '');
    if (!auth) return text(res, 400);
    const token = validateUploadToken(opts.store, auth[1]);
    if (!token) return text(res, 401);
    if (token.resource.resource !== 'persistentvolumeclaims' || !token.name || !token.namespace) return text(res, 400);
    const ready = await uploadReady(token.namespace, token.name);
    if (typeof ready === 'string') return text(res, 503, ready);
    const pvc = ready;
    const uid = pvc.metadata.uid ?? '';
    if (active.has(uid)) return text(res, 503, `an upload into PVC ${token.name} is already in progress`);
    active.add(uid);
    const volume = pvc.spec?.volumeName ?? '';
    const disk = volumes.diskPath(volume);
    if (!disk) {
      active.delete(uid);
      return text(res, 500, `Saving stream failed: volume ${volume} is not usable`);
    }
    const capacity = quantityValue(pvc.status?.capacity?.storage ?? '0');
    const received = path.join(path.dirname(disk), 'upload.tmp');
    const started = Date.now();
    const fail = (err: unknown) => {
      const message = `Saving stream failed: ${(err as Error).message}`;
      volumes.clear(volume);
      markUploadFailed(client, pvc, message);
      log('upload failed', { namespace: token.namespace, pvc: token.name, error: message });
      return message;
    };
    volumes.clear(volume);
    let bytes: number;
    try {
      bytes = await receive(req, received);
    } catch {
      active.delete(uid);
      fail(new Error('unexpected EOF: the upload ended before all of its bytes arrived'));
      return void res.destroy();
    }
    const work = processUpload(received, disk, capacity, { qemuImg: opts.qemuImg }).then(
      (info) => {
        volumes.setInfo(volume, info);
        markUploadSucceeded(client, pvc);
        log('upload done', {
          namespace: token.namespace,
          pvc: token.name,
          bytes,
          format: info.sourceFormat,
          ms: Date.now() - started,
        });
        return undefined;
      },
      (err: unknown) => ({ err, message: fail(err) }),
    );
    void work.finally(() => active.delete(uid));
    if (mode === 'async') return text(res, 200);
    const failed = await work;
    if (!failed) return text(res, 200);
    text(res, failed.err instanceof NoCapacityError ? 400 : 500, failed.message);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log('upload proxy request failed', { error: (err as Error).message });
      text(res, 500, 'internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
