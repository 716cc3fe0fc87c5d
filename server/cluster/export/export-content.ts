/**
 * What KubeVirt's export server (pkg/storage/export/virt-exportserver/exportserver.go) sends for an
 * export's links: a volume's raw image (disk.img) and its gzip (disk.img.gz), an archive volume as
 * a directory listing (dir) or a gzipped tar (disk.tar.gz), and the manifests (all: the CA
 * ConfigMap, the VM and DataVolumes that import the disks back from this export; secret: the header
 * Secret CDI sends the token with), as a JSON List or, asked for application/yaml, YAML documents.
 * A volume's content is what the embedded cluster has written into it (an upload's disk.img in the
 * VolumeStore); an empty volume is a sparse raw image of the PVC's size: zeros, streamed.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { stringify } from 'yaml';
import type { KObject } from '../runtime/client.js';
import { tarStream } from './tar.js';

const CHUNK = Buffer.alloc(64 * 1024);

/** `size` zero bytes, produced as they are read (nothing held but one shared chunk). */
export function zeroStream(size: number): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, CHUNK.length);
      left -= n;
      this.push(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n));
    },
  });
}

export interface VolumeContent {
  /** The volume's written disk image, when it holds one. */
  file?: string;
  /** The PVC's size: the raw image's length when the volume holds nothing. */
  size: number;
}

export function rawLength(v: VolumeContent): number {
  return v.file ? statSync(v.file).size : v.size;
}

/** The raw image, or the bytes `start`..`end` (inclusive) of it. */
export function rawStream(v: VolumeContent, range?: { start: number; end: number }): Readable {
  if (v.file) return createReadStream(v.file, range);
  return zeroStream(range ? range.end - range.start + 1 : v.size);
}

/**
 * A single `Range: bytes=` of http.ServeContent: the bytes asked for, 'unsatisfiable' for a range
 * past the end, undefined to send everything (no Range, several ranges, or one that does not parse).
 */
export function byteRange(
  header: string | undefined,
  length: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, length - suffix), end: length - 1 };
  }
  const start = Number(m[1]);
  if (start >= length) return 'unsatisfiable';
  const end = m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1);
  return end < start ? undefined : { start, end };
}

export function gzipStream(v: VolumeContent): Readable {
  return rawStream(v).pipe(createGzip());
}

/** `tar Scv .` of the volume's mount point, gzipped: the directory and the disk image if it has one. */
export function tarGzStream(v: VolumeContent): Readable {
  const entries = [
    { name: './' },
    ...(v.file ? [{ name: './disk.img', file: { path: v.file, size: rawLength(v) } }] : []),
  ];
  return tarStream(entries).pipe(createGzip());
}

/** Go's http.FileServer listing of the volume's mount point. */
export function dirListing(v: VolumeContent): string {
  const files = v.file ? ['disk.img'] : [];
  return `<!doctype html>\n<meta name="viewport" content="width=device-width">\n<pre>\n${files
    .map((f) => `<a href="${f}">${f}</a>\n`)
    .join('')}</pre>\n`;
}

export interface ManifestVolume {
  name: string;
  size: string;
  /** The volume's disk.img.gz link (internal or external, as the manifests asked for). */
  gzUrl: string;
}

const headerSecretName = (exportName: string) => `header-secret-${exportName}`;

function httpSource(url: string, exportName: string, cert: string) {
  return { http: { url, certConfigMap: cert, secretExtraHeaders: [headerSecretName(exportName)] } };
}

/**
 * The manifests of a VM export: the CA ConfigMap, the VM (no status, no server-set metadata; its
 * DataVolume templates import from this export) and a DataVolume for each other exported volume.
 */
export function vmManifests(vm: KObject, exportName: string, cert: string, volumes: ManifestVolume[]): KObject[] {
  const cmName = `export-ca-cm-${exportName}`;
  const gz = new Map(volumes.map((v) => [v.name, v]));
  const spec = structuredClone((vm.spec ?? {}) as Record<string, unknown>);
  const templates = (spec.dataVolumeTemplates ?? []) as {
    metadata?: { name?: string };
    spec?: Record<string, unknown>;
  }[];
  const templated = new Set<string>();
  for (const t of templates) {
    const v = gz.get(t.metadata?.name ?? '');
    if (!v || !t.spec) continue;
    templated.add(v.name);
    delete t.spec.sourceRef;
    t.spec.source = httpSource(v.gzUrl, exportName, cmName);
  }
  const { labels, annotations } = vm.metadata;
  const cleanVm = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: vm.metadata.name, ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) },
    spec,
  };
  const dvs = volumes
    .filter((v) => !templated.has(v.name))
    .map((v) => ({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: v.name },
      spec: {
        source: httpSource(v.gzUrl, exportName, cmName),
        storage: { resources: { requests: { storage: v.size } } },
      },
    }));
  const ca = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: cmName }, data: { 'ca.crt': cert } };
  return [ca, cleanVm, ...dvs] as KObject[];
}

/** The Secret CDI's importer sends as an extra header: the export's token. */
export function secretManifest(exportName: string, token: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: headerSecretName(exportName) },
    stringData: { token: `x-kubevirt-export-token:${token}` },
  } as KObject;
}

/** resourceToBytesJson / resourceToBytesYaml. */
export function encodeManifests(items: KObject[], yaml: boolean): { body: string; contentType: string } {
  if (yaml) return { body: items.map((i) => `${stringify(i)}---\n`).join(''), contentType: 'application/yaml' };
  return {
    body: JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: {}, items }, null, 4),
    contentType: 'application/json',
  };
}
