import { describe, expect, it } from 'vitest';
import { K8sError } from '../../../k8s/k8s-error';
import { type K8sModel } from '../../../k8s/models';
import { type K8sResource } from '../../../k8s/types';
import { createInOrder, type CreateDeps } from './create-objects';
import { discoveryPath, resolveKind, type ApiResourceList } from './discovery';
import { parseManifests } from './parse-manifests';

const LISTS: Record<string, ApiResourceList> = {
  v1: {
    groupVersion: 'v1',
    resources: [
      { name: 'services', kind: 'Service', namespaced: true },
      { name: 'services/status', kind: 'Service', namespaced: true },
      { name: 'namespaces', kind: 'Namespace', namespaced: false },
    ],
  },
  'kubevirt.io/v1': {
    groupVersion: 'kubevirt.io/v1',
    resources: [
      { name: 'virtualmachines/status', kind: 'VirtualMachine', namespaced: true },
      { name: 'virtualmachines', kind: 'VirtualMachine', namespaced: true },
    ],
  },
};

const fetchList = async (gv: string): Promise<ApiResourceList> => {
  const list = LISTS[gv];
  if (!list)
    throw new K8sError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });
  return list;
};

describe('discovery', () => {
  it('builds discovery paths', () => {
    expect(discoveryPath('v1')).toBe('/api/v1');
    expect(discoveryPath('kubevirt.io/v1')).toBe('/apis/kubevirt.io/v1');
  });

  it('resolves a kind to its top-level resource, never a subresource', async () => {
    const vm = await resolveKind(fetchList, 'kubevirt.io/v1', 'VirtualMachine');
    expect(vm).toMatchObject({ group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true });
    const ns = await resolveKind(fetchList, 'v1', 'Namespace');
    expect(ns).toMatchObject({ group: '', version: 'v1', plural: 'namespaces', namespaced: false });
  });

  it('says "no matches" for unknown kinds and group versions', async () => {
    await expect(resolveKind(fetchList, 'v1', 'Widget')).rejects.toThrow(
      'no matches for kind "Widget" in version "v1"',
    );
    await expect(resolveKind(fetchList, 'example.com/v9', 'Widget')).rejects.toThrow(
      'no matches for kind "Widget" in version "example.com/v9"',
    );
  });
});

describe('parseManifests', () => {
  it('splits documents, skips empty ones and reports bad ones', () => {
    const docs = parseManifests(`---
apiVersion: v1
kind: Service
metadata: {name: s1}
---
# only a comment
---
just a string
---
apiVersion: v1
kind: Service
metadata: {}
`);
    expect(docs.map((d) => [d.position, d.object?.kind ?? d.error])).toEqual([
      [1, 'Service'],
      [2, 'not a Kubernetes object (expected a mapping with apiVersion, kind and metadata)'],
      [3, 'metadata.name (or metadata.generateName) is required'],
    ]);
  });

  it('reports YAML syntax errors and expands Lists', () => {
    expect(parseManifests('a: [1')[0].error).toBeDefined();
    const list = parseManifests(
      '{"kind":"List","apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}},{"apiVersion":"v1","kind":"Service","metadata":{"name":"b"}}]}',
    );
    expect(list.map((d) => d.object?.metadata?.name)).toEqual(['a', 'b']);
  });
});

describe('createInOrder', () => {
  const recorder = (fail: (o: K8sResource) => Error | undefined = () => undefined) => {
    const calls: Array<{ plural: string; obj: K8sResource; namespace?: string; dryRun?: boolean }> = [];
    const deps: CreateDeps = {
      resolve: (gv, kind) => resolveKind(fetchList, gv, kind),
      create: async (model: K8sModel, obj, o) => {
        calls.push({ plural: model.plural, obj, namespace: o.namespace, dryRun: o.dryRun });
        const err = fail(obj);
        if (err) throw err;
        return { ...obj, metadata: { ...obj.metadata, uid: 'u1' } };
      },
    };
    return { calls, deps };
  };
  const yaml = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1}
spec: {runStrategy: Halted}
---
apiVersion: v1
kind: Service
metadata: {name: svc1, namespace: other}
---
apiVersion: v1
kind: Namespace
metadata: {name: n1}
`;

  it('creates in order, filling the default namespace for namespaced kinds only', async () => {
    const { calls, deps } = recorder();
    const results = await createInOrder(parseManifests(yaml), deps, { defaultNamespace: 'ns1' });
    expect(results.map((r) => [r.label, r.status])).toEqual([
      ['VirtualMachine ns1/vm1', 'created'],
      ['Service other/svc1', 'created'],
      ['Namespace n1', 'created'],
    ]);
    expect(calls.map((c) => [c.plural, c.namespace, c.obj.metadata?.namespace])).toEqual([
      ['virtualmachines', 'ns1', 'ns1'],
      ['services', 'other', 'other'],
      ['namespaces', undefined, undefined],
    ]);
  });

  it('goes on after a failure, with the message, unless told to stop', async () => {
    const conflict = new K8sError({
      code: 409,
      reason: 'AlreadyExists',
      message: 'virtualmachines.kubevirt.io "vm1" already exists',
    });
    const fail = (o: K8sResource) => (o.kind === 'VirtualMachine' ? conflict : undefined);
    const a = recorder(fail);
    const all = await createInOrder(parseManifests(yaml), a.deps, { defaultNamespace: 'ns1' });
    expect(all.map((r) => [r.status, r.message])).toEqual([
      ['error', 'virtualmachines.kubevirt.io "vm1" already exists'],
      ['created', undefined],
      ['created', undefined],
    ]);
    const b = recorder(fail);
    const stopped = await createInOrder(parseManifests(yaml), b.deps, {
      defaultNamespace: 'ns1',
      stopOnError: true,
      dryRun: true,
    });
    expect(stopped.map((r) => r.status)).toEqual(['error', 'skipped', 'skipped']);
    expect(b.calls).toHaveLength(1);
    expect(b.calls[0].dryRun).toBe(true);
  });

  it('reports unknown kinds and unreadable documents without calling the server', async () => {
    const { calls, deps } = recorder();
    const results = await createInOrder(
      parseManifests('apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t}\n---\n[1]\n'),
      deps,
      { defaultNamespace: 'ns1' },
    );
    expect(results.map((r) => r.message)).toEqual([
      'no matches for kind "Thing" in version "x.io/v1"',
      'not a Kubernetes object (expected a mapping with apiVersion, kind and metadata)',
    ]);
    expect(calls).toHaveLength(0);
  });
});
