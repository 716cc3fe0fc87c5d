/**
 * policy/v1 and `kubectl drain` as on KubeVirt (issue 19 item 4). Checked against:
 * - KubeVirt pkg/virt-controller/watch/drain/disruptionbudget/disruptionbudget.go (a PDB
 *   `kubevirt-disruption-budget-*` owned by a VMI with evictionStrategy LiveMigrate, minAvailable 1
 *   over `kubevirt.io/created-by`, 2 while migrating),
 * - KubeVirt pkg/virt-api/webhooks/validating-webhook/admitters/pod-eviction-admitter.go (evicting
 *   the launcher marks status.evacuationNodeName; a LiveMigrate VMI that cannot migrate: 429),
 * - KubeVirt pkg/virt-controller/watch/drain/evacuation/evacuation.go (migration
 *   `kubevirt-evacuation-*` with the kubevirt.io/evacuationMigration annotation),
 * - Kubernetes pkg/registry/core/pod/storage/eviction.go (429 "Cannot evict pod as it would violate
 *   the pod's disruption budget." with a DisruptionBudget cause; no budget: the pod is deleted) and
 *   pkg/controller/disruption/disruption.go (the budget's status),
 * - kubectl's staging/src/k8s.io/kubectl/pkg/drain (cordon, evict, retry after 5 s).
 */
import { until as waitUntil } from '../../../test/support/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'drain';
const bin = findKubectl();
let cluster: JudgeCluster;
let k: KubectlEnv;

const ok = (args: string[], input?: string) => k.ok(args, { input, timeoutMs: 120_000 });
const json = async <T>(args: string[]) => JSON.parse(await ok([...args, '-o', 'json'])) as T;

const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe, 60_000);

const vmi = (name: string, evictionStrategy?: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name, namespace: NS },
    spec: {
      ...(evictionStrategy ? { evictionStrategy } : {}),
      domain: {
        devices: {
          disks: [{ name: 'root', disk: { bus: 'virtio' } }],
          interfaces: [{ name: 'default', masquerade: {} }],
        },
        memory: { guest: '128Mi' },
      },
      networks: [{ name: 'default', pod: {} }],
      volumes: [{ name: 'root', containerDisk: { image: 'quay.io/kubevirt/cirros-container-disk-demo' } }],
      ...extra,
    },
  });

interface Vmi {
  metadata: { uid: string };
  status?: { phase?: string; nodeName?: string; conditions?: { type: string; status: string }[] };
}
interface Pdb {
  metadata: { name: string; ownerReferences: { kind: string; name: string; controller: boolean }[] };
  spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number };
}

const running = (name: string) =>
  until(`${name} running`, async () => {
    const v = await json<Vmi>(['get', 'vmi', name]);
    return v.status?.phase === 'Running' && v.status.nodeName ? v : undefined;
  });

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(bin, cluster.url, NS);
  await ok(['create', 'namespace', NS]);
});
afterAll(async () => {
  await cluster?.close();
});

describe('PodDisruptionBudgets and drain with evictionStrategy LiveMigrate', () => {
  it('keeps a budget for a migratable VMI and refuses its eviction until it has migrated away', async () => {
    await ok(['apply', '-f', '-'], vmi('mover', 'LiveMigrate'));
    const v = await running('mover');
    const node = v.status!.nodeName!;
    const pdb = await until('the budget', async () => {
      const list = await json<{ items: Pdb[] }>(['get', 'pdb']);
      const p = list.items.find((x) => x.metadata.ownerReferences?.[0]?.name === 'mover');
      return p?.status?.expectedPods === 1 ? p : undefined;
    });
    expect(pdb.metadata.name).toMatch(/^kubevirt-disruption-budget-[a-z0-9]{5}$/);
    expect(pdb.metadata.ownerReferences[0]).toMatchObject({ kind: 'VirtualMachineInstance', controller: true });
    expect(pdb.spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { 'kubevirt.io/created-by': v.metadata.uid } },
    });
    expect(pdb.status).toMatchObject({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1 });
    // kubectl prints the budget with its columns
    expect(await ok(['get', 'pdb', pdb.metadata.name, '--no-headers'])).toMatch(
      new RegExp(`^${pdb.metadata.name}\\s+1\\s+N/A\\s+0\\s+`),
    );

    const drained = await k.run(
      [
        'drain',
        node,
        '--ignore-daemonsets',
        '--delete-emptydir-data',
        '--pod-selector=kubevirt.io=virt-launcher',
        '--timeout=100s',
      ],
      { timeoutMs: 120_000 },
    );
    expect(drained.code, drained.stderr).toBe(0);
    expect(drained.stdout).toContain(`node/${node} cordoned`);
    expect(drained.stderr).toMatch(
      /error when evicting pods\/"virt-launcher-mover-[a-z0-9]+" -n "drain" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./,
    );
    expect(drained.stdout).toContain(`node/${node} drained`);

    const after = await running('mover');
    expect(after.status!.nodeName).not.toBe(node);
    const migrations = await json<{
      items: { metadata: { name: string; annotations: Record<string, string> }; status: { phase: string } }[];
    }>(['get', 'vmim']);
    expect(migrations.items).toHaveLength(1);
    expect(migrations.items[0].metadata.name).toMatch(/^kubevirt-evacuation-/);
    expect(migrations.items[0].metadata.annotations['kubevirt.io/evacuationMigration']).toBe(node);
    expect(migrations.items[0].status.phase).toBe('Succeeded');
    expect(await ok(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('true');
    await ok(['uncordon', node]);
  }, 150_000);

  it('evicts a VMI pod without an eviction strategy at once, and refuses a LiveMigrate VMI that cannot migrate (client-node)', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: cluster.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u', namespace: NS }],
      currentContext: 'c',
    });
    const core = kc.makeApiClient(CoreV1Api);
    const launcher = async (name: string) => {
      const pods = await core.listNamespacedPod({ namespace: NS, labelSelector: `vm.kubevirt.io/name=${name}` });
      return pods.items.find((p) => p.status?.phase === 'Running')!.metadata!.name!;
    };
    // a bridge on the pod network cannot live-migrate (LiveMigratable False)
    await ok(
      ['apply', '-f', '-'],
      vmi('stuck', 'LiveMigrate', {
        networks: [{ name: 'default', pod: {} }],
        domain: {
          devices: {
            disks: [{ name: 'root', disk: { bus: 'virtio' } }],
            interfaces: [{ name: 'default', bridge: {} }],
          },
          memory: { guest: '128Mi' },
        },
      }),
    );
    await ok(['apply', '-f', '-'], vmi('plain'));
    await running('stuck');
    await running('plain');
    const stuckPod = await launcher('stuck');
    const refused = await core
      .createNamespacedPodEviction({ namespace: NS, name: stuckPod, body: { metadata: { name: stuckPod } } })
      .then(
        () => undefined,
        (e: { code?: number; body?: string }) => e,
      );
    expect(refused?.code).toBe(429);
    expect(JSON.parse(refused?.body ?? '{}')).toMatchObject({
      message:
        'admission webhook "virt-launcher-eviction-interceptor.kubevirt.io" denied the request: VMI stuck is configured with an eviction strategy but is not live-migratable',
      code: 429,
    });
    const plainPod = await launcher('plain');
    await core.createNamespacedPodEviction({ namespace: NS, name: plainPod, body: { metadata: { name: plainPod } } });
    const gone = await core.readNamespacedPod({ namespace: NS, name: plainPod }).then(
      () => false,
      () => true,
    );
    expect(gone).toBe(true);
  });
});
