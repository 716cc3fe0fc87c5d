/**
 * virt-exportproxy with the export servers behind it, on its own loopback port: the external links
 * of VirtualMachineExports (`/api/export.kubevirt.io/v1/namespaces/{ns}/virtualmachineexports/{name}/...`)
 * answered as KubeVirt's proxy (404 for an export that does not exist, 503 until it is Ready) and its
 * export server (virt-exportserver/exportserver.go: the token from the `x-kubevirt-export-token`
 * query parameter or header, else 401; only the paths the export's links name; non-GET 400).
 * `virtctl vmexport download` reaches it through status.links.external.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { ResourceKey, type ClusterClient, type KObject } from '../runtime/client.js';
import { quantityValue } from '../apimachinery/quantity.js';
import type { VolumeStore } from '../cdi/volumes.js';
import type { ClusterLog } from '../log.js';
import { EXPORTS } from '../controllers/export/export-controller.js';
import {
  byteRange,
  dirListing,
  encodeManifests,
  gzipStream,
  rawLength,
  rawStream,
  secretManifest,
  tarGzStream,
  vmManifests,
  type VolumeContent,
} from './export-content.js';

export const EXPORT_PATH =
  /^\/api\/export\.kubevirt\.io\/(?:v1|v1beta1|v1alpha1)\/namespaces\/([^/]+)\/virtualmachineexports\/([^/]+)(\/.*)$/;
const AUTH = 'x-kubevirt-export-token';

export interface ExportProxyOptions {
  client: Pick<ClusterClient, 'tryGet'>;
  volumes?: VolumeStore;
  host: string;
  log: ClusterLog;
}

export interface ExportProxy {
  url: string;
  close(): Promise<void>;
}

interface Link {
  name: string;
  formats: { format: string; url: string }[];
}
interface ExportStatus {
  phase?: string;
  tokenSecretRef?: string;
  links?: Record<
    'internal' | 'external',
    { cert?: string; volumes?: Link[]; manifests?: { type: string; url: string }[] } | undefined
  >;
}

function text(res: ServerResponse, code: number, body = ''): void {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startExportProxy(opts: ExportProxyOptions): Promise<ExportProxy> {
  const { client } = opts;

  function token(ns: string, status: ExportStatus): string | undefined {
    const secret = client.tryGet(ResourceKey.secrets, ns, status.tokenSecretRef ?? '') as
      (KObject & { data?: Record<string, string> }) | undefined;
    const data = secret?.data?.token;
    return data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8');
  }

  function volumeContent(ns: string, name: string): VolumeContent | undefined {
    const pvc = client.tryGet(ResourceKey.pvcs, ns, name) as
      (KObject & { spec?: { volumeName?: string; resources?: { requests?: { storage?: string } } } }) | undefined;
    if (!pvc) return undefined;
    const status = pvc.status as { capacity?: { storage?: string } } | undefined;
    const size = quantityValue(status?.capacity?.storage ?? pvc.spec?.resources?.requests?.storage ?? '0');
    const disk = pvc.spec?.volumeName ? opts.volumes?.disk(pvc.spec.volumeName) : undefined;
    return { file: disk?.path, size };
  }

  function send(res: ServerResponse, stream: Readable, headers: Record<string, string | number>): void {
    res.writeHead(200, headers);
    pipeline(stream, res, () => undefined);
  }

  /** http.ServeContent of disk.img: HEAD, and one byte range (206, or 416 past the end). */
  function sendRaw(req: IncomingMessage, res: ServerResponse, content: VolumeContent): void {
    const length = rawLength(content);
    const range = byteRange(req.headers.range, length);
    const base = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...base, 'content-range': `bytes */${length}`, 'content-length': 0 });
      return void res.end();
    }
    const headers = range
      ? {
          ...base,
          'content-range': `bytes ${range.start}-${range.end}/${length}`,
          'content-length': range.end - range.start + 1,
        }
      : { ...base, 'content-length': length };
    const code = range ? 206 : 200;
    if (req.method === 'HEAD') return void res.writeHead(code, headers).end();
    res.writeHead(code, headers);
    pipeline(rawStream(content, range), res, () => undefined);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://export');
    if (url.pathname === '/healthz') return text(res, 200, 'OK');
    const m = EXPORT_PATH.exec(url.pathname);
    if (!m) return text(res, 404, '404 page not found\n');
    const [, ns, name, rest] = m.map(decodeURIComponent);
    const exp = client.tryGet(EXPORTS, ns, name);
    if (!exp) return text(res, 404, `VirtualMachineExport ${ns}/${name} not found`);
    const status = (exp.status ?? {}) as ExportStatus;
    if (status.phase !== 'Ready') return text(res, 503, `VirtualMachineExport ${ns}/${name} is not ready`);
    // the export server: the token first, then only the paths its links name
    const expected = token(ns, status);
    if (expected === undefined) return text(res, 500);
    const given = [url.searchParams.get(AUTH), req.headers[AUTH]].filter((t): t is string => typeof t === 'string');
    if (!given.some((t) => sameToken(t, expected))) return text(res, 401);
    const volume = /^\/volumes\/([^/]+)\/(disk\.img|disk\.img\.gz|disk\.tar\.gz|dir)(\/.*)?$/.exec(rest);
    const links = status.links?.internal;
    if (volume) {
      const [, vol, file, sub] = volume;
      const format = { 'disk.img': 'raw', 'disk.img.gz': 'gzip', 'disk.tar.gz': 'tar.gz', dir: 'dir' }[file];
      const linked = links?.volumes?.find((v) => v.name === vol)?.formats.some((f) => f.format === format);
      const content = linked ? volumeContent(ns, vol) : undefined;
      if (!content || (sub && file !== 'dir')) return text(res, 404, '404 page not found\n');
      if (req.method !== 'GET' && !(req.method === 'HEAD' && file === 'disk.img')) return text(res, 400);
      if (file === 'disk.img') return sendRaw(req, res, content);
      if (file === 'disk.img.gz') return send(res, gzipStream(content), { 'content-type': 'application/gzip' });
      if (file === 'disk.tar.gz') return send(res, tarGzStream(content), { 'content-type': 'application/gzip' });
      if (!sub || sub === '/') return text(res, 200, dirListing(content));
      if (sub === '/disk.img' && content.file)
        return send(res, rawStream(content), { 'content-length': rawLength(content) });
      return text(res, 404, '404 page not found\n');
    }
    const manifest = /^\/(internal|external)\/manifests\/(all|secret)$/.exec(rest);
    if (!manifest || !links?.manifests?.length) return text(res, 404, '404 page not found\n');
    if (req.method !== 'GET') return text(res, 400);
    const yaml = req.headers.accept === 'application/yaml';
    const which = status.links?.[manifest[1] as 'internal' | 'external'] ?? links;
    let items: KObject[];
    if (manifest[2] === 'secret') items = [secretManifest(name, expected)];
    else {
      const source = (exp.spec as { source?: { name?: string } } | undefined)?.source?.name ?? '';
      const vm = client.tryGet(ResourceKey.vms, ns, source);
      if (!vm) return text(res, 500);
      const volumes = (which.volumes ?? []).flatMap((v) => {
        const gz = v.formats.find((f) => f.format === 'gzip')?.url;
        const content = volumeContent(ns, v.name);
        return gz && content ? [{ name: v.name, size: String(content.size), gzUrl: gz }] : [];
      });
      items = vmManifests(vm, name, which.cert ?? '', volumes);
    }
    const out = encodeManifests(items, yaml);
    res.writeHead(200, { 'content-type': out.contentType, 'content-length': Buffer.byteLength(out.body) });
    res.end(out.body);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      opts.log('export proxy request failed', { error: (err as Error).message });
      if (!res.headersSent) text(res, 500);
      else res.destroy();
    }
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
