/**
 * The built-in groups a cluster user touches (issue 19 item 4), through kubectl: discovery of
 * rbac.authorization.k8s.io, authentication.k8s.io, events.k8s.io, policy, coordination.k8s.io and
 * apiregistration.k8s.io; the APIServices a real install lists (kube-aggregator's Local ones,
 * KubeVirt's pkg/virt-operator/resource/generate/components/apiservices.go for
 * v1.subresources.kubevirt.io); Leases and events.k8s.io Events stored and printed with
 * kube-apiserver's columns (pkg/printers/internalversion/printers.go).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'groups';
const bin = findKubectl();
let cluster: JudgeCluster;
let k: KubectlEnv;

const ok = (args: string[], input?: string) => k.ok(args, { input });

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(bin, cluster.url, NS);
  await ok(['create', 'namespace', NS]);
});
afterAll(async () => {
  await cluster?.close();
});

describe('built-in groups', () => {
  it('are discoverable with their names, short names and scopes', async () => {
    const out = await ok(['api-resources', '--no-headers']);
    const row = (name: string) =>
      out
        .split('\n')
        .find((l) => l.split(/\s+/)[0] === name)
        ?.split(/\s+/);
    expect(row('poddisruptionbudgets')).toEqual([
      'poddisruptionbudgets',
      'pdb',
      'policy/v1',
      'true',
      'PodDisruptionBudget',
    ]);
    expect(row('leases')).toEqual(['leases', 'coordination.k8s.io/v1', 'true', 'Lease']);
    expect(row('apiservices')).toEqual(['apiservices', 'apiregistration.k8s.io/v1', 'false', 'APIService']);
    expect(row('selfsubjectreviews')).toEqual([
      'selfsubjectreviews',
      'authentication.k8s.io/v1',
      'false',
      'SelfSubjectReview',
    ]);
    expect(row('clusterrolebindings')).toEqual([
      'clusterrolebindings',
      'rbac.authorization.k8s.io/v1',
      'false',
      'ClusterRoleBinding',
    ]);
    expect(out).toMatch(/^events\s+ev\s+events\.k8s\.io\/v1\s+true\s+Event$/m);
  });

  it('lists the APIServices of a KubeVirt install', async () => {
    const out = await ok(['get', 'apiservices', '--no-headers']);
    expect(out).toMatch(/^v1\.subresources\.kubevirt\.io\s+kubevirt\/virt-api\s+True\s+/m);
    expect(out).toMatch(/^v1alpha3\.subresources\.kubevirt\.io\s+kubevirt\/virt-api\s+True\s+/m);
    expect(out).toMatch(/^v1\.kubevirt\.io\s+Local\s+True\s+/m);
    expect(out).toMatch(/^v1\.\s+Local\s+True\s+/m);
  });

  it('stores Leases and events.k8s.io Events', async () => {
    await ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'leader' },
        spec: { holderIdentity: 'me', leaseDurationSeconds: 15 },
      }),
    );
    expect(await ok(['get', 'lease', 'leader', '--no-headers'])).toMatch(/^leader\s+me\s+/);
    await ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'e1' },
        eventTime: '2026-01-01T00:00:00.000000Z',
        reportingController: 'example.com/ctl',
        reportingInstance: 'ctl-1',
        action: 'Test',
        reason: 'Tested',
        type: 'Normal',
        note: 'hello',
        regarding: { kind: 'Namespace', name: NS },
      }),
    );
    expect(await ok(['get', 'events.v1.events.k8s.io', 'e1', '-o', 'jsonpath={.note}'])).toBe('hello');
  });
});
