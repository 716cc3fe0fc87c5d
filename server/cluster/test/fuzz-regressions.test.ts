/**
 * Requests the fuzz (fuzz.test.ts, bench/fuzz) found answered with a 5xx, kept as single cases:
 * each must get the 4xx kube-apiserver gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';

let c: RunningCluster;
beforeAll(async () => {
  c = await startCluster({ port: 0, seed: 'none', guests: 'simulated', log: () => {} });
});
afterAll(async () => {
  await c.close();
});

async function call(method: string, path: string, body: unknown, contentType = 'application/json') {
  const res = await fetch(`${c.url}${path}`, {
    method,
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { kind?: string; reason?: string; message?: string } };
}

describe('fuzz findings', () => {
  it('an update of an object being deleted whose finalizers are not a list is refused (4xx), not a TypeError', async () => {
    const cms = '/api/v1/namespaces/default/configmaps';
    expect(
      (
        await call('POST', cms, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'held', finalizers: ['example.com/x'] },
        })
      ).status,
    ).toBe(201);
    expect((await call('DELETE', `${cms}/held`, {})).status).toBe(200);
    for (const finalizers of ['example.com/x', { a: 1 }, 7]) {
      const r = await call('PUT', `${cms}/held`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'held', finalizers },
      });
      expect([400, 422], r.json.message).toContain(r.status);
      expect(r.json.message).toContain('metadata.finalizers');
    }
    const apply = await call(
      'PATCH',
      `${cms}/held?fieldManager=fuzz&force=true`,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: x\n',
      'application/apply-patch+yaml',
    );
    expect([400, 422], apply.json.message).toContain(apply.status);
  });

  it('a null item in a KubeVirt list (disks, volumes, interfaces, networks) is a 422 type error, not a controller TypeError', async () => {
    const vmis = '/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances';
    const domain = (devices: Record<string, unknown>) => ({ devices, resources: { requests: { memory: '64Mi' } } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ domain: domain({ disks: [null] }) }, 'spec.domain.devices.disks[0]'],
      [{ domain: domain({}), volumes: [{ name: 'v', containerDisk: { image: 'x' } }, null] }, 'spec.volumes[1]'],
      [
        { domain: domain({ interfaces: [null] }), networks: [{ name: 'default', pod: {} }] },
        'spec.domain.devices.interfaces[0]',
      ],
      [{ domain: domain({}), networks: [null] }, 'spec.networks[0]'],
    ];
    for (const [i, [spec, field]] of cases.entries()) {
      const r = await call('POST', vmis, {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachineInstance',
        metadata: { name: `nulls-${i}` },
        spec,
      });
      expect(r.status, r.json.message).toBe(422);
      expect(r.json.message).toContain(`${field} in body must be of type object: "null"`);
    }
    const vm = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'nulls' },
      spec: { runStrategy: 'Always', template: { spec: { domain: domain({ disks: [null] }) } } },
    };
    const r = await call('POST', '/apis/kubevirt.io/v1/namespaces/default/virtualmachines', vm);
    expect(r.status, r.json.message).toBe(422);
  });
});
