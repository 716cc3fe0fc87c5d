/**
 * Typed creates without apiVersion/kind, as the official examples of @kubernetes/client-node
 * (`createNamespace({ body: { metadata: { name } } })`) send them. kube-apiserver decodes a built-in
 * kind with the endpoint's group, version and kind as defaults (gvkWithDefaults in
 * k8s.io/apimachinery/pkg/runtime/serializer/json/json.go) and only then compares the group
 * version (k8s.io/apiserver/pkg/endpoints/handlers/create.go: "the API version in the data (%s)
 * does not match the expected API version (%v)"). A custom resource is decoded as unstructured,
 * which needs a kind ("Object 'Kind' is missing in ...") and gets no default apiVersion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

let cluster: JudgeCluster;
let core: CoreV1Api;

beforeAll(async () => {
  cluster = await startJudgeCluster();
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'embedded', server: cluster.url, skipTLSVerify: true }],
    users: [{ name: 'judge' }],
    contexts: [{ name: 'embedded', cluster: 'embedded', user: 'judge' }],
    currentContext: 'embedded',
  });
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  await cluster?.close();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${cluster.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { message?: string; kind?: string; apiVersion?: string } };
};

describe('typed creates without apiVersion and kind', () => {
  it('client-node creates a namespace and a configmap from metadata alone', async () => {
    const ns = await core.createNamespace({ body: { metadata: { name: 'typed-nokind' } } });
    expect(ns.metadata?.name).toBe('typed-nokind');
    expect(ns.status?.phase).toBe('Active');
    const cm = await core.createNamespacedConfigMap({
      namespace: 'typed-nokind',
      body: { metadata: { name: 'cm' }, data: { a: 'b' } },
    });
    expect(cm.data).toEqual({ a: 'b' });
    const read = await post('/api/v1/namespaces/typed-nokind/configmaps', { metadata: { name: 'cm2' } });
    expect(read.status).toBe(201);
    expect(read.body.kind).toBe('ConfigMap');
    expect(read.body.apiVersion).toBe('v1');
  });

  it('an apiVersion of another group is still refused', async () => {
    const r = await post('/api/v1/namespaces', { apiVersion: 'apps/v1', metadata: { name: 'wrong-group' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');
  });

  it('a wrong kind for a built-in type fails conversion', async () => {
    const r = await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'wrong-kind' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('Pod in version "v1" cannot be handled as a Namespace');
  });

  it('a custom resource still needs its kind, and gets no default apiVersion', async () => {
    const path = '/apis/kubevirt.io/v1/namespaces/typed-nokind/virtualmachines';
    const noKind = await post(path, { apiVersion: 'kubevirt.io/v1', metadata: { name: 'vm' }, spec: {} });
    expect(noKind.status).toBe(400);
    expect(noKind.body.message).toMatch(/^Object 'Kind' is missing in '/);
    const noVersion = await post(path, { kind: 'VirtualMachine', metadata: { name: 'vm' }, spec: {} });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.message).toBe(
      'the API version in the data () does not match the expected API version (kubevirt.io/v1)',
    );
  });
});

describe('a wrong kind for a custom resource', () => {
  it('is invalid (422), named by the kind in the data', async () => {
    // k8s.io/apiextensions-apiserver/test/integration/validation_test.go ("bad kind")
    const r = await post('/apis/kubevirt.io/v1/namespaces/typed-nokind/virtualmachines', {
      apiVersion: 'kubevirt.io/v1',
      kind: 'SomethingElse',
      metadata: { name: 'vm' },
      spec: {},
    });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe(
      'SomethingElse.kubevirt.io "vm" is invalid: kind: Invalid value: "SomethingElse": must be VirtualMachine',
    );
  });
});
