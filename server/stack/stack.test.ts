/**
 * The real stack (issue 20): kube-apiserver, etcd and kube-controller-manager built by
 * `npm run stack:build`, with KubeVirt's and CDI's CRDs, used by @kubernetes/client-node and
 * kubectl. Skipped, with the reason, when Go or the build is not there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Stack } from './index.js';
import { projectRoot, skipReason, startTestStack } from './test-stack.js';

if (skipReason) console.log(skipReason);

const users = [
  {
    name: 'alice',
    token: 'alice-token-0123456789',
    groups: [],
    roles: [{ role: 'edit' as const, namespaces: ['team-a'] }],
  },
  {
    name: 'bob',
    token: 'bob-token-0123456789',
    groups: ['viewers'],
    roles: [{ role: 'view' as const, namespaces: ['team-a'] }],
  },
];

function clientFor(stack: Stack, token?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(stack.kubeconfig);
  if (token) {
    kc.loadFromOptions({
      clusters: kc.clusters,
      users: [{ name: 'u', token }],
      contexts: [{ name: 'u', cluster: kc.clusters[0].name, user: 'u' }],
      currentContext: 'u',
    });
  }
  return kc;
}

const fixture = (file: string) =>
  parse(readFileSync(path.join(projectRoot, 'test/fixtures/kubevirt-examples', file), 'utf8')) as {
    metadata: { name: string };
  };

describe.skipIf(Boolean(skipReason))('real kube-apiserver stack', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack(users);
  }, 240_000);
  afterAll(async () => stack?.close(), 60_000);

  it('serves KubeVirt and CDI through discovery, with the real version', async () => {
    const kc = clientFor(stack);
    const version = await fetchJson(stack, '/version');
    expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    const vms = await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      plural: 'virtualmachines',
    });
    expect(vms.items).toEqual([]);
    const ns = await kc.makeApiClient(CoreV1Api).listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['default', 'kube-system', 'team-a']));
  });

  it('accepts KubeVirt example manifests and rejects what the CRD schema forbids', async () => {
    const api = clientFor(stack).makeApiClient(CustomObjectsApi);
    const body = fixture('vm-cirros.yaml');
    const created = (await api.createNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      namespace: 'team-a',
      plural: 'virtualmachines',
      body,
    })) as { metadata: { name: string; uid: string } };
    expect(created.metadata.name).toBe(body.metadata.name);
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);

    const bad = structuredClone(body) as {
      metadata: { name: string };
      spec: { template: { spec: { domain: Record<string, unknown> } } };
    };
    bad.metadata.name = 'bad-cores';
    bad.spec.template.spec.domain.cpu = { cores: 'two' };
    const err = await api
      .createNamespacedCustomObject({
        group: 'kubevirt.io',
        version: 'v1',
        namespace: 'team-a',
        plural: 'virtualmachines',
        body: bad,
      })
      .then(
        () => undefined,
        (e: { code?: number; body?: string }) => e,
      );
    expect(err?.code).toBe(422);
    expect(JSON.parse(err?.body ?? '{}').message).toContain('spec.template.spec.domain.cpu.cores');
  });

  it('enforces RBAC for the users file users (static tokens)', async () => {
    const vm = { ...fixture('vm-cirros.yaml'), metadata: { name: 'by-alice' } };
    const target = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', body: vm };
    const alice = clientFor(stack, users[0].token).makeApiClient(CustomObjectsApi);
    await alice.createNamespacedCustomObject({ ...target, namespace: 'team-a' });
    const denied = await alice.createNamespacedCustomObject({ ...target, namespace: 'default' }).then(
      () => undefined,
      (e: { code?: number; body?: string }) => e,
    );
    expect(denied?.code).toBe(403);
    expect(JSON.parse(denied?.body ?? '{}').message).toBe(
      'virtualmachines.kubevirt.io is forbidden: User "alice" cannot create resource "virtualmachines" in API group "kubevirt.io" in the namespace "default"',
    );
    const bob = clientFor(stack, users[1].token).makeApiClient(CustomObjectsApi);
    const list = (await bob.listNamespacedCustomObject({ ...target, namespace: 'team-a' })) as { items: unknown[] };
    expect(list.items.length).toBe(2);
  });
});

async function fetchJson(stack: Stack, p: string): Promise<Record<string, unknown>> {
  const { apiRequest } = await import('./client.js');
  const r = await apiRequest(stack, 'GET', p);
  return r.json();
}
