/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON answers of the API under test */
// Boot sources as an install ships them (DataImportCrons, their DataVolumes and DataSources), and
// DataVolumes cloned from a DataSource (sourceRef), carrying an uploaded image's content along.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';

let cluster: RunningCluster;
beforeAll(async () => {
  cluster = await startCluster({ seed: 'none', speed: 50, log: () => {} });
});
afterAll(() => cluster.close());

async function api(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(cluster.url + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function waitFor<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let last = await get();
  for (let i = 0; i < 400 && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = await get();
  }
  if (!ok(last)) throw new Error(`${what}: still ${JSON.stringify(last)}`);
  return last;
}

const CDI = '/apis/cdi.kubevirt.io/v1beta1/namespaces';
const ready = (o: any) => o?.status?.conditions?.find((c: any) => c.type === 'Ready')?.status === 'True';

describe('boot sources', () => {
  it('exist on a fresh start: DataImportCrons import into DataVolumes, DataSources become Ready', async () => {
    const crons = (await api('GET', `${CDI}/kubevirt-os-images/dataimportcrons`)).json.items;
    expect(crons.map((c: any) => [c.metadata.name, c.spec.managedDataSource]).sort()).toEqual([
      ['centos-stream10-image-cron', 'centos-stream10'],
      ['centos-stream9-image-cron', 'centos-stream9'],
      ['fedora-image-cron', 'fedora'],
    ]);
    const fedora = await waitFor(
      'fedora DataSource ready',
      async () => (await api('GET', `${CDI}/kubevirt-os-images/datasources/fedora`)).json,
      ready,
    );
    expect(fedora.metadata.labels).toMatchObject({
      'instancetype.kubevirt.io/default-instancetype': 'u1.medium',
      'instancetype.kubevirt.io/default-preference': 'fedora',
      'cdi.kubevirt.io/dataImportCron': 'fedora-image-cron',
    });
    const pvc = fedora.spec.source.pvc;
    expect(pvc.namespace).toBe('kubevirt-os-images');
    expect(pvc.name).toMatch(/^fedora-[0-9a-f]{12}$/);
    const dv = (await api('GET', `${CDI}/kubevirt-os-images/datavolumes/${pvc.name}`)).json;
    expect(dv.status.phase).toBe('Succeeded');
    expect(dv.spec.source.registry.url).toMatch(/^docker:\/\/quay\.io\/containerdisks\/fedora@sha256:[0-9a-f]{64}$/);
    const cron = await waitFor(
      'cron up to date',
      async () => (await api('GET', `${CDI}/kubevirt-os-images/dataimportcrons/fedora-image-cron`)).json,
      (c) => c.status?.conditions?.some((x: any) => x.type === 'UpToDate' && x.status === 'True'),
    );
    expect(cron.status.lastImportedPVC).toEqual({ name: pvc.name, namespace: 'kubevirt-os-images' });
  });

  it('clones a DataSource into a DataVolume (sourceRef), and waits while the DataSource is missing', async () => {
    const create = (name: string, ref: string) =>
      api('POST', `${CDI}/default/datavolumes`, {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: { name },
        spec: {
          sourceRef: { kind: 'DataSource', namespace: 'kubevirt-os-images', name: ref },
          storage: { resources: { requests: { storage: '5Gi' } } },
        },
      });
    expect((await create('from-fedora', 'fedora')).status).toBe(201);
    expect((await create('from-nothing', 'nothing')).status).toBe(201);
    await waitFor(
      'clone done',
      async () => (await api('GET', `${CDI}/default/datavolumes/from-fedora`)).json,
      (d) => d.status?.phase === 'Succeeded',
    );
    const waiting = (await api('GET', `${CDI}/default/datavolumes/from-nothing`)).json;
    expect(waiting.status.phase).toBe('Pending');
    expect(waiting.status.conditions.find((c: any) => c.type === 'Ready').reason).toBe('CloneWithoutSource');
  });

  it("carries an uploaded image's content into a clone", async () => {
    await api('POST', `${CDI}/default/datavolumes`, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'golden' },
      spec: { source: { upload: {} }, storage: { resources: { requests: { storage: '16Mi' } } } },
    });
    await waitFor(
      'upload ready',
      async () => (await api('GET', `${CDI}/default/datavolumes/golden`)).json,
      (d) => d.status?.phase === 'UploadReady',
    );
    const token = (
      await api('POST', '/apis/upload.cdi.kubevirt.io/v1beta1/namespaces/default/uploadtokenrequests', {
        kind: 'UploadTokenRequest',
        spec: { pvcName: 'golden' },
      })
    ).json.status.token;
    const image = Buffer.alloc(4 * 2 ** 20);
    image.write('golden-image');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL('/v1beta1/upload', cluster.uploadProxyUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(image.length) },
      });
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.end(image);
    });
    expect(status).toBe(200);
    await api('POST', `${CDI}/default/datasources`, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataSource',
      metadata: { name: 'golden' },
      spec: { source: { pvc: { name: 'golden', namespace: 'default' } } },
    });
    await waitFor('golden ready', async () => (await api('GET', `${CDI}/default/datasources/golden`)).json, ready);
    await api('POST', `${CDI}/default/datavolumes`, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'golden-copy' },
      spec: {
        sourceRef: { kind: 'DataSource', name: 'golden' },
        storage: { resources: { requests: { storage: '16Mi' } } },
      },
    });
    await waitFor(
      'copy done',
      async () => (await api('GET', `${CDI}/default/datavolumes/golden-copy`)).json,
      (d) => d.status?.phase === 'Succeeded',
    );
    const volume = (await api('GET', '/api/v1/namespaces/default/persistentvolumeclaims/golden-copy')).json.spec
      .volumeName;
    const disk = readFileSync(path.join(cluster.volumes.root, volume, 'disk.img'));
    expect(disk.subarray(0, 12).toString()).toBe('golden-image');
  });

  it('lets every user read and clone the boot sources, and editors upload and clone (RBAC as CDI and SSP ship it)', async () => {
    const binding = (
      await api(
        'GET',
        '/apis/rbac.authorization.k8s.io/v1/namespaces/kubevirt-os-images/rolebindings/os-images.kubevirt.io:view',
      )
    ).json;
    expect(binding.subjects).toEqual([expect.objectContaining({ kind: 'Group', name: 'system:authenticated' })]);
    const role = (
      await api(
        'GET',
        '/apis/rbac.authorization.k8s.io/v1/namespaces/kubevirt-os-images/roles/os-images.kubevirt.io:view',
      )
    ).json;
    expect(role.rules).toContainEqual(
      expect.objectContaining({ apiGroups: ['cdi.kubevirt.io'], resources: ['datavolumes/source'], verbs: ['create'] }),
    );
    for (const name of ['edit', 'admin']) {
      const rules = (await api('GET', `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`)).json.rules;
      expect(rules).toContainEqual(
        expect.objectContaining({ apiGroups: ['upload.cdi.kubevirt.io'], resources: ['uploadtokenrequests'] }),
      );
      expect(rules).toContainEqual(
        expect.objectContaining({ apiGroups: ['cdi.kubevirt.io'], resources: ['datavolumes/source'] }),
      );
    }
  });

  it("gives a clone without a size its source's size", async () => {
    await api('POST', `${CDI}/default/datavolumes`, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'sized-by-source' },
      spec: { sourceRef: { kind: 'DataSource', namespace: 'kubevirt-os-images', name: 'centos-stream9' }, storage: {} },
    });
    const pvc = await waitFor(
      'clone PVC',
      async () => (await api('GET', '/api/v1/namespaces/default/persistentvolumeclaims/sized-by-source')).json,
      (p) => !!p?.spec,
    );
    expect(pvc.spec.resources.requests.storage).toBe('10Gi');
  });
});
