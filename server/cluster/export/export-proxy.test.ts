/**
 * The links of VirtualMachineExports, served (issue 19 item 7), checked against KubeVirt's
 * virt-exportserver (pkg/storage/export/virt-exportserver/exportserver.go: tokenChecker, the raw,
 * gzip, archive and dir handlers, vmHandler and secretHandler) and virt-exportproxy (404 for an
 * unknown export, 503 before it is Ready).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Api, testCluster, waitFor } from '../../../test/support/cluster/lifecycle.js';
import type { RunningCluster } from '../index.js';

const NS = 'exports';
let cluster: RunningCluster;
let api: Api;
let token: string;

interface Links {
  volumes: { name: string; formats: { format: string; url: string }[] }[];
  manifests?: { type: string; url: string }[];
}
type ExportObj = { status?: { phase?: string; links?: { internal: Links; external?: Links } } };

const pvc = (name: string, storage: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, annotations },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
});
const vmExport = (name: string, kind: string, source: string) => ({
  apiVersion: 'export.kubevirt.io/v1',
  kind: 'VirtualMachineExport',
  metadata: { name },
  spec: { source: { apiGroup: kind === 'VirtualMachine' ? 'kubevirt.io' : '', kind, name: source } },
});

async function create(path: string, body: unknown): Promise<void> {
  const r = await api.req('POST', `${path}`, body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

async function ready(name: string): Promise<Links> {
  const exp = await waitFor(`export ${name} Ready`, async () => {
    const e = (await api.get(
      `/apis/export.kubevirt.io/v1/namespaces/${NS}/virtualmachineexports/${name}`,
    )) as ExportObj;
    return e.status?.phase === 'Ready' ? e : undefined;
  });
  const external = exp.status?.links?.external;
  if (!external) throw new Error('no external links');
  return external;
}

const url = (links: Links, format: string) => links.volumes[0].formats.find((f) => f.format === format)!.url;
const get = (u: string, headers: Record<string, string> = {}) =>
  fetch(u, { headers: { 'x-kubevirt-export-token': token, ...headers } });

let vmLinks: Links;
let archiveLinks: Links;

beforeAll(async () => {
  cluster = await testCluster(100);
  api = new Api(cluster.url);
  await api.createNamespace(NS);
  const core = `/api/v1/namespaces/${NS}`;
  await create(`${core}/persistentvolumeclaims`, pvc('disk-a', '1Mi'));
  await create(
    `${core}/persistentvolumeclaims`,
    pvc('files', '1Mi', { 'cdi.kubevirt.io/storage.contentType': 'archive' }),
  );
  await create(`${core}/persistentvolumeclaims`, pvc('huge', '64Gi'));
  await create(`/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm-a', labels: { app: 'a' } },
    spec: {
      runStrategy: 'Halted',
      template: {
        spec: {
          domain: { devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] }, memory: { guest: '128Mi' } },
          volumes: [{ name: 'root', persistentVolumeClaim: { claimName: 'disk-a' } }],
        },
      },
    },
  });
  const exports = `/apis/export.kubevirt.io/v1/namespaces/${NS}/virtualmachineexports`;
  await create(exports, vmExport('exp-vm', 'VirtualMachine', 'vm-a'));
  await create(exports, vmExport('exp-files', 'PersistentVolumeClaim', 'files'));
  await create(exports, vmExport('exp-huge', 'PersistentVolumeClaim', 'huge'));
  await create(exports, vmExport('exp-missing', 'PersistentVolumeClaim', 'nothing'));
  vmLinks = await ready('exp-vm');
  archiveLinks = await ready('exp-files');
  const secret = await api.get(`${core}/secrets/export-token-exp-vm`);
  token = Buffer.from((secret.data as { token: string }).token, 'base64').toString();
}, 60_000);
afterAll(async () => {
  await cluster?.close();
});

describe('the export server behind status.links.external', () => {
  it('points the external links at the export proxy, per volume and for the manifests', () => {
    const base = `${cluster.exportProxyUrl}/api/export.kubevirt.io/v1/namespaces/${NS}/virtualmachineexports/exp-vm`;
    expect(vmLinks.volumes).toEqual([
      {
        name: 'disk-a',
        formats: [
          { format: 'raw', url: `${base}/volumes/disk-a/disk.img` },
          { format: 'gzip', url: `${base}/volumes/disk-a/disk.img.gz` },
        ],
      },
    ]);
    expect(vmLinks.manifests).toEqual([
      { type: 'all', url: `${base}/external/manifests/all` },
      { type: 'auth-header-secret', url: `${base}/external/manifests/secret` },
    ]);
  });

  it('refuses a request without the token or with a wrong one (401), takes it as a header or a query parameter', async () => {
    const raw = url(vmLinks, 'raw');
    expect((await fetch(raw)).status).toBe(401);
    expect((await fetch(raw, { headers: { 'x-kubevirt-export-token': `${token}x` } })).status).toBe(401);
    expect((await fetch(`${raw}?x-kubevirt-export-token=wrong`)).status).toBe(401);
    const byQuery = await fetch(`${raw}?x-kubevirt-export-token=${encodeURIComponent(token)}`);
    expect(byQuery.status).toBe(200);
    await byQuery.arrayBuffer();
    // another export's token does not open this one
    const other = await api.get(`/api/v1/namespaces/${NS}/secrets/export-token-exp-files`);
    const otherToken = Buffer.from((other.data as { token: string }).token, 'base64').toString();
    expect((await fetch(raw, { headers: { 'x-kubevirt-export-token': otherToken } })).status).toBe(401);
  });

  it('streams an empty volume as a sparse raw image of its size, and disk.img.gz as its gzip', async () => {
    const res = await get(url(vmLinks, 'raw'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(2 ** 20));
    const raw = Buffer.from(await res.arrayBuffer());
    expect(raw.equals(Buffer.alloc(2 ** 20))).toBe(true);
    const gz = Buffer.from(await (await get(url(vmLinks, 'gzip'))).arrayBuffer());
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(gz).equals(raw)).toBe(true);
  });

  it('serves what the volume holds (an uploaded disk image) byte for byte', async () => {
    const claim = await api.get(`/api/v1/namespaces/${NS}/persistentvolumeclaims/disk-a`);
    const volume = (claim.spec as { volumeName: string }).volumeName;
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    writeFileSync(cluster.volumes.diskPath(volume)!, bytes);
    cluster.volumes.setInfo(volume, { format: 'raw', virtualSize: bytes.length, sourceFormat: 'raw' });
    const raw = Buffer.from(await (await get(url(vmLinks, 'raw'))).arrayBuffer());
    expect(raw.equals(bytes)).toBe(true);
    const gz = Buffer.from(await (await get(url(vmLinks, 'gzip'))).arrayBuffer());
    expect(gunzipSync(gz).equals(bytes)).toBe(true);
    // byte ranges, as http.ServeContent answers them
    const part = await get(url(vmLinks, 'raw'), { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/3000');
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const tail = await get(url(vmLinks, 'raw'), { range: 'bytes=-5' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(2995))).toBe(true);
    const past = await get(url(vmLinks, 'raw'), { range: 'bytes=3000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */3000');
    cluster.volumes.clear(volume);
  });

  it('streams a 64 GiB volume without holding it: its length up front, the first bytes at once', async () => {
    const links = await ready('exp-huge');
    const huge = await api.get(`/api/v1/namespaces/${NS}/secrets/export-token-exp-huge`);
    const hugeToken = Buffer.from((huge.data as { token: string }).token, 'base64').toString();
    const controller = new AbortController();
    const res = await fetch(url(links, 'raw'), {
      headers: { 'x-kubevirt-export-token': hugeToken },
      signal: controller.signal,
    });
    expect(res.headers.get('content-length')).toBe(String(64 * 2 ** 30));
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    controller.abort();
    await reader.cancel().catch(() => undefined);
  });

  it('answers the manifests: the CA ConfigMap, the VM and a DataVolume importing from the export; the header secret', async () => {
    const all = vmLinks.manifests!.find((m) => m.type === 'all')!.url;
    const yaml = await (await get(all, { accept: 'application/yaml' })).text();
    const docs = parseAllDocuments(yaml)
      .map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec?: Record<string, unknown> } | null)
      .filter((d) => d !== null);
    expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', 'VirtualMachine', 'DataVolume']);
    const [cm, vm, dv] = docs;
    expect(cm.metadata.name).toBe('export-ca-cm-exp-vm');
    expect(vm).toMatchObject({ apiVersion: 'kubevirt.io/v1', metadata: { name: 'vm-a', labels: { app: 'a' } } });
    expect(vm).not.toHaveProperty('status');
    expect(vm.metadata).not.toHaveProperty('uid');
    expect(dv).toMatchObject({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      metadata: { name: 'disk-a' },
      spec: {
        source: {
          http: {
            url: url(vmLinks, 'gzip'),
            certConfigMap: 'export-ca-cm-exp-vm',
            secretExtraHeaders: ['header-secret-exp-vm'],
          },
        },
        storage: { resources: { requests: { storage: String(2 ** 20) } } },
      },
    });
    // JSON by default: a List of the same
    const list = (await (await get(all)).json()) as { kind: string; items: { kind: string }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.kind)).toEqual(['ConfigMap', 'VirtualMachine', 'DataVolume']);
    const secretUrl = vmLinks.manifests!.find((m) => m.type === 'auth-header-secret')!.url;
    const secret = (await (await get(secretUrl)).json()) as {
      items: { metadata: { name: string }; stringData: { token: string } }[];
    };
    expect(secret.items[0].metadata.name).toBe('header-secret-exp-vm');
    expect(secret.items[0].stringData.token).toBe(`x-kubevirt-export-token:${token}`);
  });

  it('serves an archive volume as a gzipped tar and a directory listing', async () => {
    const files = await api.get(`/api/v1/namespaces/${NS}/secrets/export-token-exp-files`);
    const filesToken = Buffer.from((files.data as { token: string }).token, 'base64').toString();
    const headers = { 'x-kubevirt-export-token': filesToken };
    const tgz = Buffer.from(await (await fetch(url(archiveLinks, 'tar.gz'), { headers })).arrayBuffer());
    expect(execFileSync('tar', ['tzf', '-'], { input: tgz }).toString()).toBe('./\n');
    const dir = await fetch(url(archiveLinks, 'dir'), { headers });
    expect(dir.status).toBe(200);
    expect(await dir.text()).toContain('<pre>');
    // an archive volume has no disk.img link
    expect((await fetch(url(archiveLinks, 'dir').replace(/dir$/, 'disk.img'), { headers })).status).toBe(404);
  });

  it('answers 404 for an unknown export or path and 503 for an export that is not Ready, as virt-exportproxy', async () => {
    const base = `${cluster.exportProxyUrl}/api/export.kubevirt.io/v1/namespaces/${NS}/virtualmachineexports`;
    expect((await get(`${base}/nope/volumes/disk-a/disk.img`)).status).toBe(404);
    expect((await get(`${base}/exp-missing/volumes/nothing/disk.img`)).status).toBe(503);
    expect((await get(`${base}/exp-vm/volumes/other/disk.img`)).status).toBe(404);
    expect((await get(`${cluster.exportProxyUrl}/elsewhere`)).status).toBe(404);
  });
});
