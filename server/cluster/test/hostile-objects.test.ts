/**
 * Hostile objects against the whole embedded cluster (controllers running): device counts
 * (issue 16 item 8), malformed metadata and specs (item 9), and the log (item 12): every
 * expected error is one JSON line, and no line carries a stack (a stack means a bug).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import { jsonLine } from '../log.js';

let c: RunningCluster;
const lines: string[] = [];
beforeAll(async () => {
  c = await startCluster({ port: 0, seed: 'none', speed: 100, log: (m, f) => lines.push(jsonLine(m, f)) });
});
afterAll(async () => {
  await c.close();
});

const NS = '/namespaces/default';
const VMIS = `/apis/kubevirt.io/v1${NS}/virtualmachineinstances`;
const VMS = `/apis/kubevirt.io/v1${NS}/virtualmachines`;
const PVCS = `/api/v1${NS}/persistentvolumeclaims`;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(c.url + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, message: String(json.message ?? '') };
}

async function waitFor(cond: () => Promise<boolean>, tries = 200): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const domain = (disks: unknown[] = []) => ({ devices: { disks }, memory: { guest: '64Mi' } });
const vmi = (name: string, spec: unknown, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name, namespace: 'default', ...metadata },
  spec,
});
const pvc = (name: string, spec: unknown) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec,
});
const goodPvcSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

/** Lines that are not one JSON object, whose message spans lines, or that carry a stack (a bug). */
function logProblems(): string[] {
  return lines.filter((l) => {
    const j = JSON.parse(l) as { msg: string; stack?: string };
    return l.includes('\n') || j.msg.includes('\n') || j.stack !== undefined;
  });
}

describe('device counts (KubeVirt arrayLenMax)', () => {
  // KubeVirt's limit: arrayLenMax = 256 in pkg/virt-api/webhooks/validating-webhook/admitters/vmi-create-admitter.go
  // (ValidateVirtualMachineInstanceSpec refuses more disks, volumes, interfaces or networks before anything else).
  it('refuses 20,000 disks or volumes with KubeVirt message and keeps answering /healthz', async () => {
    const disks = Array.from({ length: 20_000 }, (_, i) => ({ name: `d${i}`, disk: { bus: 'virtio' } }));
    const pending = call('POST', VMIS, vmi('many-disks', { domain: domain(disks) }));
    const health = fetch(`${c.url}/healthz`).then((r) => r.status);
    const r = await pending;
    expect(r.status).toBe(422);
    expect(r.message).toContain('spec.domain.devices.disks list exceeds the 256 element limit in length');
    expect(await health).toBe(200);
    const volumes = Array.from({ length: 20_000 }, (_, i) => ({
      name: `v${i}`,
      containerDisk: { image: 'quay.io/containerdisks/cirros' },
    }));
    const vm = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'many-volumes' },
      spec: { runStrategy: 'Halted', template: { spec: { domain: domain(), volumes } } },
    };
    const v = await call('POST', VMS, vm);
    expect(v.status).toBe(422);
    // KubeVirt gives each volume without a disk a disk first, so the disks list is the one over the limit
    expect(v.message).toMatch(
      /spec\.template\.spec\.(domain\.devices\.disks|volumes) list exceeds the 256 element limit in length/,
    );
    const dup = Array.from({ length: 256 }, () => ({ name: 'same', disk: {} }));
    const d = await call('POST', VMIS, vmi('dup-disks', { domain: domain(dup) }));
    expect(d.status).toBe(422);
    // one cause per duplicate (KubeVirt's validateDisks), not one per pair of disks
    expect((d.json.details as { causes: unknown[] }).causes.length).toBeLessThan(1000);
  });

  it('accepts 256 disks', async () => {
    const disks = Array.from({ length: 256 }, (_, i) => ({ name: `d${i}`, disk: { bus: 'virtio' } }));
    const volumes = disks.map((d) => ({ name: d.name, containerDisk: { image: 'quay.io/containerdisks/cirros' } }));
    expect((await call('POST', VMIS, vmi('max-disks', { domain: domain(disks), volumes }))).status).toBe(201);
  });
});

describe('malformed metadata and specs', () => {
  it('stores "labels": null as no labels, and label-selected lists keep working', async () => {
    const r = await call(
      'POST',
      VMIS,
      vmi(
        'null-labels',
        { domain: domain() },
        { labels: null, annotations: null, finalizers: null, unknownField: { a: 1 } },
      ),
    );
    expect(r.status).toBe(201);
    expect(r.json.metadata).not.toHaveProperty('labels');
    expect(r.json.metadata).not.toHaveProperty('unknownField');
    const patched = await fetch(`${c.url}${VMIS}/max-disks`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: '[{"op":"add","path":"/metadata/labels","value":null}]',
    });
    expect(patched.status).toBe(200);
    for (const path of [
      `${VMIS}?labelSelector=app`,
      `${VMIS}?labelSelector=app%3Dx`,
      `/apis/kubevirt.io/v1/virtualmachineinstances?labelSelector=!app`,
    ]) {
      expect((await call('GET', path)).status).toBe(200);
    }
  });

  it('refuses metadata and specs of the wrong types as Kubernetes and KubeVirt do', async () => {
    const bad: [unknown, number][] = [
      [vmi('x1', { domain: domain() }, { labels: 'app' }), 400],
      [vmi('x2', { domain: domain() }, { labels: { app: 5 } }), 400],
      [vmi('x3', { domain: domain() }, { annotations: [] }), 400],
      [vmi('X_bad', { domain: domain() }), 422],
      [vmi('x4', { domain: domain(), tolerations: 5 }), 422],
      [vmi('x5', { domain: domain(), affinity: 'x' }), 422],
      [vmi('x6', { domain: domain(), accessCredentials: 5 }), 422],
    ];
    for (const [obj, code] of bad) expect((await call('POST', VMIS, obj)).status).toBe(code);
    for (const spec of [
      'x',
      { ports: 5 },
      { ports: [5] },
      { selector: 5 },
      { selector: { app: 5 } },
      { type: 'NodePort', ports: [{ port: 'x' }] },
    ]) {
      const r = await call('POST', `/api/v1${NS}/services`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'bad-svc' },
        spec,
      });
      expect({ spec, status: r.status }).toEqual({ spec, status: 400 });
    }
    for (const spec of [
      'x',
      5,
      { resources: 5 },
      { accessModes: 'RWO' },
      { accessModes: [5] },
      { storageClassName: 5 },
      { dataSource: 5 },
      { selector: 'x' },
    ]) {
      const r = await call('POST', PVCS, pvc('bad', spec));
      expect({ spec, status: r.status }).toEqual({ spec, status: 400 });
      expect(r.message).toMatch(
        /^PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal/,
      );
    }
  });

  it('keeps reconciling other objects when a stored object is malformed, and logs each failure as one JSON line', async () => {
    // what admission lets through today may not be what a store written by an older version holds
    const admit = c.store.admit;
    c.store.admit = undefined;
    try {
      c.store.create('persistentvolumeclaims', pvc('broken-claim', 'x') as never);
      c.store.create(
        'persistentvolumeclaims',
        pvc('broken-claim-2', { resources: 5, accessModes: 'x', storageClassName: 7 }) as never,
      );
      c.store.create(
        'virtualmachineinstances.kubevirt.io',
        vmi('broken-vmi', { domain: 5, volumes: 'x', networks: [5], tolerations: 'x' }) as never,
      );
      c.store.create('virtualmachineinstances.kubevirt.io', vmi('broken-vmi-2', 'x') as never);
      c.store.create('virtualmachines.kubevirt.io', {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'broken-vm', namespace: 'default' },
        spec: { runStrategy: 'Always', template: { spec: { domain: 5, volumes: [5] } } },
      } as never);
      const core = (kind: string, name: string, spec: unknown) => ({
        apiVersion: 'v1',
        kind,
        metadata: { name, namespace: 'default' },
        spec,
      });
      c.store.create('pods', core('Pod', 'broken-pod', { containers: 5, nodeName: 'no-such-node' }) as never);
      c.store.create('pods', core('Pod', 'broken-pod-2', 'x') as never);
    } finally {
      c.store.admit = admit;
    }
    expect((await call('POST', PVCS, pvc('good-claim', goodPvcSpec))).status).toBe(201);
    const bound = await waitFor(
      async () =>
        ((await call('GET', `${PVCS}/good-claim`)).json.status as { phase?: string } | undefined)?.phase === 'Bound',
    );
    expect(bound).toBe(true);
    expect((await call('POST', VMIS, vmi('good-vmi', { domain: domain() }))).status).toBe(201);
    const running = await waitFor(
      async () =>
        ((await call('GET', `${VMIS}/good-vmi`)).json.status as { phase?: string } | undefined)?.phase === 'Running',
    );
    expect(running).toBe(true);
    expect((await call('GET', `${PVCS}?labelSelector=app`)).status).toBe(200);
    expect(logProblems()).toEqual([]);
  });
});
