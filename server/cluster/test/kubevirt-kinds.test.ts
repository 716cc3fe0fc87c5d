/**
 * Every kind KubeVirt and CDI serve (their published OpenAPI documents, server/cluster/openapi-data)
 * is discoverable, stored and validated, and the ones with behaviour behave as KubeVirt's controllers
 * do, checked through kubectl and @kubernetes/client-node:
 * - VirtualMachineInstanceReplicaSet: pkg/virt-controller/watch/replicaset/replicaset.go, its CRD
 *   (printer columns, /scale) in pkg/virt-operator/resource/generate/components/crds.go;
 * - VirtualMachinePool: pkg/virt-controller/watch/pool/pool.go;
 * - MigrationPolicy: pkg/util/migrations/policy.go (MatchPolicy), applied in the migration state;
 * - VirtualMachineSnapshot of a VM without snapshottable volumes: pkg/storage/snapshot/snapshot.go
 *   (createContent leaves them out; updateSnapshotStatus: Succeeded, ready, snapshotVolumes.excludedVolumes);
 * - VirtualMachineExport: pkg/storage/export/export/export.go (token secret, service, links).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';
import { servedKinds } from '../openapi-data/catalog.js';

const NS = 'kinds';
let cluster: JudgeCluster;
let k: KubectlEnv;
let co: CustomObjectsApi;

const ok = async (args: string[], input?: string) => {
  const r = await k.run(args, { input, timeoutMs: 120_000 });
  expect(r.code, `kubectl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};
const wait = (what: string, cond: string) => ok(['wait', what, `--for=${cond}`, '--timeout=90s']);

const vmiTemplate = (labels: string) => `
    metadata:
      labels: {${labels}}
    spec:
      domain:
        devices:
          disks:
          - name: containerdisk
            disk: {bus: virtio}
        resources:
          requests: {memory: 64M}
      volumes:
      - name: containerdisk
        containerDisk: {image: quay.io/kubevirt/cirros-container-disk-demo}`;

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(findKubectl(), cluster.url, NS);
  await ok(['create', 'namespace', NS]);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'e', server: cluster.url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'e', cluster: 'e', user: 'u', namespace: NS }],
    currentContext: 'e',
  });
  co = kc.makeApiClient(CustomObjectsApi);
});

afterAll(async () => {
  await cluster?.close();
});

describe('discovery', () => {
  it('kubectl api-resources lists every kind of the KubeVirt and CDI OpenAPI documents', async () => {
    const out = await ok(['api-resources', '--no-headers']);
    const rows = out.split('\n').map((l) => l.trim().split(/\s+/));
    for (const s of servedKinds()) {
      const row = rows.find((r) => r.at(-1) === s.kind && r.at(-3) === `${s.group}/${s.version}`);
      expect(row, `${s.kind} in ${s.group}/${s.version}`).toBeDefined();
    }
  });
});

describe('VirtualMachineInstanceReplicaSet', () => {
  const rs = (replicas: number, typo = '') => `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstanceReplicaSet
metadata:
  name: cirros-rs
spec:
  replicas: ${replicas}${typo}
  selector:
    matchLabels: {app: cirros-rs}
  template:${vmiTemplate('app: cirros-rs')}
`;

  it('is validated with its schema', async () => {
    const r = await k.run(['apply', '-f', '-'], { input: rs(2, '\n  replica: 2') });
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.replica"');
  });

  it('creates VMIs up to spec.replicas and reports them; kubectl scale goes through /scale', async () => {
    await ok(['apply', '-f', '-'], rs(2));
    await wait('vmirs/cirros-rs', 'jsonpath={.status.replicas}=2');
    const vmis = JSON.parse(await ok(['get', 'vmi', '-l', 'app=cirros-rs', '-o', 'json'])) as {
      items: { metadata: { name: string; ownerReferences: { kind: string; controller: boolean }[] } }[];
    };
    expect(vmis.items).toHaveLength(2);
    for (const v of vmis.items) {
      expect(v.metadata.name).toMatch(/^cirros-rs[a-z0-9]{5}$/);
      expect(v.metadata.ownerReferences[0]).toMatchObject({
        kind: 'VirtualMachineInstanceReplicaSet',
        controller: true,
      });
    }
    expect(await ok(['scale', 'vmirs', 'cirros-rs', '--replicas=3'])).toContain('scaled');
    await wait('vmirs/cirros-rs', 'jsonpath={.status.replicas}=3');
    const scale = (await co.getNamespacedCustomObjectScale({
      group: 'kubevirt.io',
      version: 'v1',
      namespace: NS,
      plural: 'virtualmachineinstancereplicasets',
      name: 'cirros-rs',
    })) as { kind: string; spec: { replicas: number }; status: { replicas: number; selector: string } };
    expect(scale).toMatchObject({
      kind: 'Scale',
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app=cirros-rs' },
    });
    await ok(['scale', 'vmirs', 'cirros-rs', '--replicas=1']);
    await wait('vmirs/cirros-rs', 'jsonpath={.status.replicas}=1');
    const table = await ok(['get', 'vmirs', 'cirros-rs']);
    expect(table.split('\n')[0].split(/\s+/)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
  });
});

describe('VirtualMachinePool', () => {
  const pool = (replicas: number) => `apiVersion: pool.kubevirt.io/v1beta1
kind: VirtualMachinePool
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {pool: web}
  virtualMachineTemplate:
    metadata:
      labels: {pool: web}
    spec:
      runStrategy: Halted
      template:${vmiTemplate('pool: web').replace(/\n/g, '\n    ')}
`;

  it('creates VMs <pool>-<index> and deletes the highest index when scaled down', async () => {
    await ok(['apply', '-f', '-'], pool(2));
    await wait('vmpool/web', 'jsonpath={.status.replicas}=2');
    expect((await ok(['get', 'vm', '-l', 'pool=web', '-o', 'name'])).trim().split('\n').sort()).toEqual([
      'virtualmachine.kubevirt.io/web-0',
      'virtualmachine.kubevirt.io/web-1',
    ]);
    await ok(['scale', 'vmpool', 'web', '--replicas=1']);
    await wait('vmpool/web', 'jsonpath={.status.replicas}=1');
    await wait('vm/web-1', 'delete');
    expect((await ok(['get', 'vm', '-l', 'pool=web', '-o', 'name'])).trim()).toBe('virtualmachine.kubevirt.io/web-0');
  });
});

describe('VirtualMachineSnapshot of a VM with only a container disk', () => {
  it('succeeds with no volume in it (the container disk is excluded)', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: snapped
spec:
  runStrategy: Halted
  template:${vmiTemplate('app: snapped').replace(/\n/g, '\n  ')}
---
apiVersion: snapshot.kubevirt.io/v1beta1
kind: VirtualMachineSnapshot
metadata:
  name: snap-1
spec:
  source: {apiGroup: kubevirt.io, kind: VirtualMachine, name: snapped}
`,
    );
    await wait('vmsnapshot/snap-1', 'condition=Ready');
    const snap = JSON.parse(await ok(['get', 'vmsnapshot', 'snap-1', '-o', 'json'])) as {
      status: {
        phase: string;
        readyToUse: boolean;
        sourceUID: string;
        indications?: string[];
        snapshotVolumes: unknown;
        conditions: { type: string; status: string; reason: string }[];
      };
    };
    expect(snap.status).toMatchObject({ phase: 'Succeeded', readyToUse: true });
    expect(snap.status.snapshotVolumes).toEqual({ excludedVolumes: ['containerdisk'] });
    expect(snap.status.indications).toBeUndefined();
    expect(snap.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True', reason: 'Ready' }),
    );
    expect(snap.status.sourceUID).toBe((await ok(['get', 'vm', 'snapped', '-o', 'jsonpath={.metadata.uid}'])).trim());
  });
});

describe('VirtualMachineExport', () => {
  it('of a PVC: a token secret, the service and the links, Ready', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: disk-a
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: export.kubevirt.io/v1
kind: VirtualMachineExport
metadata:
  name: exp-a
spec:
  source: {apiGroup: "", kind: PersistentVolumeClaim, name: disk-a}
`,
    );
    await wait('vmexport/exp-a', 'jsonpath={.status.phase}=Ready');
    const exp = JSON.parse(await ok(['get', 'vmexport', 'exp-a', '-o', 'json'])) as {
      status: {
        tokenSecretRef: string;
        serviceName: string;
        links: { internal: { volumes: { name: string; formats: { url: string }[] }[] } };
      };
    };
    expect(exp.status.tokenSecretRef).toBe('export-token-exp-a');
    expect(exp.status.serviceName).toBe('virt-export-exp-a');
    expect(exp.status.links.internal.volumes[0].name).toBe('disk-a');
    expect(exp.status.links.internal.volumes[0].formats[0].url).toBe(
      `https://virt-export-exp-a.${NS}.svc/volumes/disk-a/disk.img`,
    );
    const token = (await ok(['get', 'secret', 'export-token-exp-a', '-o', 'jsonpath={.data.token}'])).trim();
    expect(Buffer.from(token, 'base64').toString().length).toBeGreaterThan(16);
    await ok(['get', 'service', 'virt-export-exp-a']);
  });
});

describe('MigrationPolicy', () => {
  it('is applied to a migration of a VMI it selects', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata:
  name: fast-lane
spec:
  allowAutoConverge: true
  bandwidthPerMigration: 1Gi
  selectors:
    virtualMachineInstanceSelector: {workload: fast}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: mover
  labels: {workload: fast}
spec:
  domain:
    devices:
      disks:
      - name: containerdisk
        disk: {bus: virtio}
      interfaces:
      - name: default
        masquerade: {}
    resources:
      requests: {memory: 64M}
  networks:
  - name: default
    pod: {}
  volumes:
  - name: containerdisk
    containerDisk: {image: quay.io/kubevirt/cirros-container-disk-demo}
`,
    );
    await wait('vmi/mover', 'jsonpath={.status.phase}=Running');
    await ok(
      ['create', '-f', '-'],
      `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstanceMigration
metadata:
  name: move-it
spec:
  vmiName: mover
`,
    );
    await wait('vmim/move-it', 'jsonpath={.status.phase}=Succeeded');
    const state = JSON.parse(await ok(['get', 'vmi', 'mover', '-o', 'jsonpath={.status.migrationState}'])) as {
      migrationPolicyName: string;
      migrationConfiguration: {
        allowAutoConverge: boolean;
        bandwidthPerMigration: string;
        completionTimeoutPerGiB: number;
      };
    };
    expect(state.migrationPolicyName).toBe('fast-lane');
    expect(state.migrationConfiguration).toMatchObject({
      allowAutoConverge: true,
      bandwidthPerMigration: '1Gi',
      completionTimeoutPerGiB: 150,
    });
  }, 240_000);
});
