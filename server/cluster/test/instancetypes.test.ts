/**
 * Instance types and preferences as KubeVirt applies them (issue 19 item 8), through kubectl.
 * Checked against KubeVirt:
 * - pkg/virt-operator/resource/generate/components/data/common-instancetypes/ (the bundles
 *   virt-operator deploys on every install: 65 cluster instance types, 54 cluster preferences),
 * - pkg/virt-api/webhooks/mutating-webhook/mutators/vm-mutator.go (setDefaultInstancetypeKind,
 *   setDefaultPreferenceKind),
 * - pkg/instancetype/revision/store.go and patch.go (ControllerRevisions named
 *   <vm>-<object>-<version>-<uid>-<generation>, owned by the VM, status.instancetypeRef /
 *   preferenceRef naming them),
 * - pkg/virt-controller/watch/vm/vm.go startVMI and pkg/instancetype/apply (default volume disks
 *   before preferences, so preferredDiskBus reaches them; the instance type's CPU as sockets
 *   under the default preferSockets topology, its memory as the guest's).
 */
import { until as waitUntil } from '../../../test/support/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'sizes';
const bin = findKubectl();
let cluster: JudgeCluster;
let k: KubectlEnv;

const ok = (args: string[], input?: string) => k.ok(args, { input });
const json = async <T>(args: string[]) => JSON.parse(await ok([...args, '-o', 'json'])) as T;

const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe);

interface Vm {
  metadata: { uid: string };
  spec: { instancetype: { name: string; kind: string }; preference?: { name: string; kind: string } };
  status?: {
    instancetypeRef?: { name: string; kind: string; controllerRevisionRef?: { name: string } };
    preferenceRef?: { name: string; kind: string; controllerRevisionRef?: { name: string } };
  };
}
interface Vmi {
  spec: {
    domain: {
      cpu?: Record<string, number>;
      memory?: { guest?: string };
      devices: { disks: { name: string; disk?: { bus?: string } }[]; interfaces: { model?: string }[] };
    };
  };
}

const vm = (name: string, instancetype: Record<string, string>, preference?: Record<string, string>) =>
  JSON.stringify({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name },
    spec: {
      runStrategy: 'Always',
      instancetype,
      ...(preference ? { preference } : {}),
      template: {
        spec: {
          domain: { devices: {} },
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:latest' } }],
        },
      },
    },
  });

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(bin, cluster.url, NS);
  await ok(['create', 'namespace', NS]);
});
afterAll(async () => {
  await cluster?.close();
});

describe('instance types and preferences', () => {
  it('deploys the common instance types and preferences', async () => {
    const types = (await ok(['get', 'virtualmachineclusterinstancetypes', '-o', 'name'])).trim().split('\n');
    const prefs = (await ok(['get', 'vmcps', '-o', 'name'])).trim().split('\n');
    expect(types).toHaveLength(65);
    expect(prefs).toHaveLength(54);
    expect(types).toContain('virtualmachineclusterinstancetype.instancetype.kubevirt.io/u1.medium');
    expect(prefs).toContain('virtualmachineclusterpreference.instancetype.kubevirt.io/fedora');
    expect(await ok(['get', 'vmcf', 'u1.large', '-o', 'jsonpath={.spec.cpu.guest} {.spec.memory.guest}'])).toBe(
      '2 8Gi',
    );
  });

  it('defaults the matchers kinds, stores ControllerRevisions and starts the VMI with both applied', async () => {
    await ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachinePreference',
        metadata: { name: 'sata-disks' },
        spec: { devices: { preferredDiskBus: 'sata', preferredInterfaceModel: 'e1000e' } },
      }),
    );
    await ok(
      ['apply', '-f', '-'],
      vm('sized', { name: 'u1.large' }, { name: 'sata-disks', kind: 'VirtualMachinePreference' }),
    );
    const stored = await json<Vm>(['get', 'vm', 'sized']);
    expect(stored.spec.instancetype).toEqual({ name: 'u1.large', kind: 'virtualmachineclusterinstancetype' });

    const withRefs = await until('the revision refs', async () => {
      const v = await json<Vm>(['get', 'vm', 'sized']);
      return v.status?.instancetypeRef?.controllerRevisionRef && v.status.preferenceRef?.controllerRevisionRef
        ? v
        : undefined;
    });
    const it = await json<{ metadata: { uid: string; generation: number } }>(['get', 'vmcf', 'u1.large']);
    const itRev = `sized-u1.large-v1beta1-${it.metadata.uid}-${it.metadata.generation}`;
    expect(withRefs.status!.instancetypeRef).toEqual({
      name: 'u1.large',
      kind: 'VirtualMachineClusterInstancetype',
      controllerRevisionRef: { name: itRev },
    });
    const rev = await json<{
      metadata: { labels: Record<string, string>; ownerReferences: { kind: string; name: string; uid: string }[] };
      data: {
        kind: string;
        spec: { cpu: { guest: number }; memory: { guest: string } };
        metadata: Record<string, unknown>;
      };
    }>(['get', 'controllerrevision', itRev]);
    expect(rev.metadata.ownerReferences[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'sized',
      uid: stored.metadata.uid,
    });
    expect(rev.metadata.labels).toMatchObject({
      'instancetype.kubevirt.io/object-kind': 'VirtualMachineClusterInstancetype',
      'instancetype.kubevirt.io/object-name': 'u1.large',
      'instancetype.kubevirt.io/object-version': 'v1beta1',
    });
    expect(rev.data.kind).toBe('VirtualMachineClusterInstancetype');
    expect(rev.data.spec.cpu.guest).toBe(2);
    expect(rev.data.metadata.labels).toBeUndefined();

    const vmi = await until('the VMI', async () => {
      const r = await k.run(['get', 'vmi', 'sized', '-o', 'json']);
      return r.code === 0 ? (JSON.parse(r.stdout) as Vmi) : undefined;
    });
    expect(vmi.spec.domain.cpu).toMatchObject({ sockets: 2, cores: 1, threads: 1 });
    expect(vmi.spec.domain.memory?.guest).toBe('8Gi');
    expect(vmi.spec.domain.devices.disks).toEqual([{ name: 'root', disk: { bus: 'sata' } }]);
    expect(vmi.spec.domain.devices.interfaces[0].model).toBe('e1000e');
  });

  it('keeps a running VM on its stored revision when the preference changes', async () => {
    await ok([
      'patch',
      'vmpref',
      'sata-disks',
      '--type=merge',
      '-p',
      '{"spec":{"devices":{"preferredDiskBus":"scsi"}}}',
    ]);
    await ok(['delete', 'vmi', 'sized', '--wait=true']);
    const vmi = await until('the new VMI', async () => {
      const r = await k.run(['get', 'vmi', 'sized', '-o', 'json']);
      return r.code === 0 ? (JSON.parse(r.stdout) as Vmi) : undefined;
    });
    expect(vmi.spec.domain.devices.disks[0].disk?.bus).toBe('sata');
  });
});
