/**
 * The builders against the embedded cluster: every boot source, sizing and cloud-init variant is
 * accepted (dry run, then create) and the VM reaches Running, or Stopped when not started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusLike } from '../../../components/form/status-causes';
import { buildManifests } from './build-manifests';
import { initialForm, type CreateVmForm } from './form-state';
import { mapServerError } from './server-errors';

interface Cluster {
  url: string;
  close(): Promise<void>;
}

// Loaded by path so the app's type program does not take in the server's (Node) sources.
const CLUSTER_MODULE = new URL('../../../../server/cluster/index.ts', import.meta.url).href;
const NS = 'create-builders';
let cluster: Cluster;

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(cluster.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function waitFor(what: string, fn: () => Promise<string | undefined>, want: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = await fn();
    if (last === want) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what}: wanted ${want}, last ${last}`);
}

const vmStatus = (name: string) => async () =>
  (
    (await call('GET', `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/${name}`)).json.status as
      { printableStatus?: string } | undefined
  )?.printableStatus;

/** Dry run then create, as the console does; returns the created objects' paths. */
async function createFromForm(form: CreateVmForm): Promise<void> {
  for (const obj of buildManifests(form)) {
    const plural = obj.kind === 'VirtualMachine' ? 'virtualmachines' : 'virtualmachineinstances';
    const path = `/apis/kubevirt.io/v1/namespaces/${NS}/${plural}`;
    const dry = await call('POST', `${path}?dryRun=All`, obj);
    expect(dry.status, JSON.stringify(dry.json)).toBe(201);
    const created = await call('POST', path, obj);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
  }
}

const form = (name: string, over: Partial<CreateVmForm> = {}): CreateVmForm => ({
  ...initialForm(NS),
  name,
  cloudPassword: 'changeme',
  ...over,
});

beforeAll(async () => {
  const mod = (await import(/* @vite-ignore */ CLUSTER_MODULE)) as {
    startCluster(o: { port: number; seed: string; speed: number; log: (m: string) => void }): Promise<Cluster>;
  };
  cluster = await mod.startCluster({ port: 0, seed: 'none', speed: 200, log: () => {} });
  await call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  // A PVC to clone, filled by a blank DataVolume.
  await call('POST', `/apis/cdi.kubevirt.io/v1beta1/namespaces/${NS}/datavolumes`, {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: { name: 'golden' },
    spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '1Gi' } } } },
  });
  await call('POST', `/apis/instancetype.kubevirt.io/v1beta1/namespaces/${NS}/virtualmachineinstancetypes`, {
    apiVersion: 'instancetype.kubevirt.io/v1beta1',
    kind: 'VirtualMachineInstancetype',
    metadata: { name: 'small' },
    spec: { cpu: { guest: 1 }, memory: { guest: '256Mi' } },
  });
  await call('POST', '/apis/instancetype.kubevirt.io/v1beta1/virtualmachineclusterpreferences', {
    apiVersion: 'instancetype.kubevirt.io/v1beta1',
    kind: 'VirtualMachineClusterPreference',
    metadata: { name: 'fedora' },
    spec: { devices: { preferredDiskBus: 'virtio' } },
  });
}, 60_000);

afterAll(async () => {
  await cluster?.close();
});

describe('built manifests on the embedded cluster', () => {
  it.each<[string, Partial<CreateVmForm>]>([
    ['cd-user', {}],
    [
      'cd-custom',
      { cloudInit: 'custom', userData: '#cloud-config\nuser: dev\npassword: pw\nchpasswd: { expire: false }\n' },
    ],
    ['cd-none', { cloudInit: 'none', diskBus: 'sata', labels: 'app=web', description: 'a web server' }],
    ['url', { bootSource: 'url', diskSize: '1' }],
    ['registry', { bootSource: 'registry', diskSize: '1', storageClass: 'local' }],
    ['clone', { bootSource: 'pvc', pvcName: 'golden', diskSize: '' }],
    ['blank', { bootSource: 'blank', diskSize: '512', diskSizeUnit: 'Mi' }],
    // The cirros preference requires 256Mi, what the namespace's "small" gives.
    ['typed', { sizing: 'instancetype', instancetype: 'VirtualMachineInstancetype/small', preference: 'cirros' }],
    ['rerun', { runStrategy: 'RerunOnFailure' }],
  ])('%s reaches Running', async (name, over) => {
    await createFromForm(form(name, over));
    await waitFor(name, vmStatus(name), 'Running');
  });

  it('a VM not started is Stopped', async () => {
    await createFromForm(form('halted', { startAfterCreate: false }));
    await waitFor('halted', vmStatus('halted'), 'Stopped');
  });

  it('a Manual VM started after creation (the start call) is Running', async () => {
    const f = form('manual', { runStrategy: 'Manual' });
    await createFromForm(f);
    await waitFor('manual', vmStatus('manual'), 'Stopped');
    const start = await call(
      'PUT',
      `/apis/subresources.kubevirt.io/v1/namespaces/${NS}/virtualmachines/manual/start`,
      {},
    );
    expect(start.status).toBe(202);
    await waitFor('manual', vmStatus('manual'), 'Running');
  });

  it('a standalone VMI reaches the Running phase', async () => {
    await createFromForm(form('vmi', { kind: 'VirtualMachineInstance', cloudInit: 'none' }));
    await waitFor(
      'vmi',
      async () =>
        (
          (await call('GET', `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances/vmi`)).json.status as
            { phase?: string } | undefined
        )?.phase,
      'Running',
    );
  });

  it("the server's 422 causes land on the form fields they name", async () => {
    const f = form('too-much', {
      cloudInit: 'custom',
      userData: `#cloud-config\nwrite_files:\n  - content: ${'x'.repeat(3000)}\n    path: /tmp/x\n`,
    });
    const vm = buildManifests(f)[0];
    const res = await call('POST', `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines?dryRun=All`, vm);
    expect(res.status).toBe(422);
    const mapped = mapServerError(res.json as StatusLike, f);
    expect(Object.keys(mapped.fields)).toEqual(['userData']);
    expect(mapped.fields.userData).toMatch(/userdata exceeds 2048 byte limit/);

    // An instance type short of the preference's requirements: KubeVirt's message, on the size cards.
    const short = form('short', {
      sizing: 'instancetype',
      instancetype: 'VirtualMachineInstancetype/small',
      preference: 'fedora',
    });
    const res3 = await call(
      'POST',
      `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines?dryRun=All`,
      buildManifests(short)[0],
    );
    expect(res3.status).toBe(422);
    expect(mapServerError(res3.json as StatusLike, short).fields).toEqual({
      instancetype: 'insufficient Memory resources of 256Mi provided by instance type, preference requires 2Gi',
    });

    const badName = buildManifests(form('Bad_Name'))[0];
    const res2 = await call('POST', `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines?dryRun=All`, badName);
    expect(res2.status).toBe(422);
    expect(Object.keys(mapServerError(res2.json as StatusLike, form('Bad_Name')).fields)).toContain('name');
  });
});
