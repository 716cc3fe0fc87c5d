/**
 * DELETE answers as kube-apiserver's registries do: a Success Status when the object is gone at
 * once, the object itself for kinds that return it (pods...) and while finalizers hold it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';

let cluster: RunningCluster;
beforeAll(async () => {
  cluster = await startCluster({ port: 0, seed: 'none', log: () => {} });
});
afterAll(async () => cluster?.close());

async function req(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ code: number; body: Record<string, unknown> }> {
  const r = await fetch(cluster.url + path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { code: r.status, body: (await r.json()) as Record<string, unknown> };
}

describe('DELETE response', () => {
  it('is a Success Status for a ConfigMap deleted at once (also with dryRun)', async () => {
    const created = await req('POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'gone' },
    });
    const uid = (created.body.metadata as { uid: string }).uid;
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'gone', kind: 'configmaps', uid },
    };
    expect(await req('DELETE', '/api/v1/namespaces/default/configmaps/gone?dryRun=All')).toEqual({
      code: 200,
      body: status,
    });
    expect(await req('DELETE', '/api/v1/namespaces/default/configmaps/gone')).toEqual({ code: 200, body: status });
  });

  it('names the group of a custom resource', async () => {
    await req('POST', '/apis/instancetype.kubevirt.io/v1beta1/virtualmachineclusterpreferences', {
      apiVersion: 'instancetype.kubevirt.io/v1beta1',
      kind: 'VirtualMachineClusterPreference',
      metadata: { name: 'p1' },
      spec: {},
    });
    const r = await req('DELETE', '/apis/instancetype.kubevirt.io/v1beta1/virtualmachineclusterpreferences/p1');
    expect(r.body.details).toMatchObject({
      name: 'p1',
      group: 'instancetype.kubevirt.io',
      kind: 'virtualmachineclusterpreferences',
    });
  });

  it('is the object while a finalizer holds it', async () => {
    await req('POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'held', finalizers: ['example.com/hold'] },
    });
    const r = await req('DELETE', '/api/v1/namespaces/default/configmaps/held');
    expect(r.body.kind).toBe('ConfigMap');
    expect((r.body.metadata as { deletionTimestamp?: string }).deletionTimestamp).toBeTruthy();
  });
});
