import { describe, expect, it } from 'vitest';
import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { addDisk, addNic, editDisk, nicSpecOf, removeDisk, removeNic, setBootOrder } from './vm-device-edits';
import { addVolumeOptions, hotplugStatuses } from './hotplug';
import { cloudInitOf, setCloudInit } from './cloud-init';
import { addSshKey, removeSshKey, sshKeyProblem, sshKeysOf } from './access-credentials';
import { formatTolerations, parseTolerations } from './tolerations';
import { mergePatchOf } from './vm-edit';

const base = (): V1VirtualMachine => ({
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: {
    dataVolumeTemplates: [{ metadata: { name: 'vm1-root' }, spec: {} }],
    template: {
      spec: {
        domain: {
          devices: {
            disks: [
              { name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 },
              { name: 'cloudinitdisk', disk: {} },
            ],
            interfaces: [{ name: 'default', masquerade: {} }],
          },
        },
        networks: [{ name: 'default', pod: {} }],
        volumes: [
          { name: 'root', dataVolume: { name: 'vm1-root' } },
          { name: 'cloudinitdisk', cloudInitNoCloud: { userDataBase64: btoa('#cloud-config\n') } },
        ],
      },
    },
  },
});

const apply = (a: ReturnType<typeof addDisk>) => {
  const patch = mergePatchOf(a, undefined) as { spec?: { template?: { spec?: Record<string, unknown> } } };
  return patch;
};

describe('device edits', () => {
  it('adds a blank disk through a dataVolumeTemplate, and removes it with its template', () => {
    const vm = base();
    const a = addDisk(vm, { name: 'data', bus: 'virtio', source: { type: 'blank', size: '2Gi' } });
    const tpl = a.find((x) => x.path.join('.') === 'spec.dataVolumeTemplates')?.value as {
      metadata: { name: string };
    }[];
    expect(tpl.map((t) => t.metadata.name)).toEqual(['vm1-root', 'vm1-data']);
    expect(apply(a).spec?.template?.spec?.volumes).toContainEqual({
      name: 'data',
      dataVolume: { name: 'vm1-data' },
    });
    const r = removeDisk(vm, 'root');
    expect(r.map((x) => x.path.at(-1))).toEqual(['disks', 'volumes', 'dataVolumeTemplates']);
    expect(r[2].value).toEqual([]);
  });

  it('changes a bus and sets the boot order of disks and interfaces', () => {
    const vm = base();
    expect(editDisk(vm, 'root', { bus: 'sata' })[0].value).toContainEqual({
      name: 'root',
      disk: { bus: 'sata' },
      bootOrder: 1,
    });
    const [disks, nics] = setBootOrder(vm, { 'nic/default': 1, 'disk/root': 2 });
    expect(disks.value).toEqual([
      { name: 'root', disk: { bus: 'virtio' }, bootOrder: 2 },
      { name: 'cloudinitdisk', disk: {} },
    ]);
    expect(nics.value).toEqual([{ name: 'default', masquerade: {}, bootOrder: 1 }]);
  });

  it('adds, reads and removes NICs with their networks', () => {
    const vm = base();
    const a = addNic(vm, { name: 'nic-2', model: 'virtio', binding: 'bridge', network: 'br1' });
    expect(a[1].value).toContainEqual({ name: 'nic-2', multus: { networkName: 'br1' } });
    expect(nicSpecOf(vm, 'default')).toEqual({
      name: 'default',
      model: 'virtio',
      binding: 'masquerade',
      network: '',
      macAddress: undefined,
    });
    expect(removeNic(vm, 'default').map((x) => x.value)).toEqual([[], []]);
  });

  it('builds KubeVirt AddVolumeOptions and reads hot-plug phases', () => {
    expect(addVolumeOptions('data', { type: 'dataVolume', name: 'vm1-data' })).toEqual({
      name: 'data',
      disk: { name: 'data', disk: { bus: 'scsi' } },
      volumeSource: { dataVolume: { name: 'vm1-data', hotpluggable: true } },
    });
    const statuses = hotplugStatuses({
      spec: { domain: { devices: {} } },
      status: {
        volumeStatus: [
          { name: 'root', target: 'vda' },
          { name: 'data', phase: 'Ready', target: 'sda', hotplugVolume: { attachPodName: 'hp' } },
        ],
      },
    });
    expect([...statuses.keys()]).toEqual(['data']);
    expect(statuses.get('data')).toMatchObject({ phase: 'Ready', target: 'sda' });
  });

  it('reads and sets cloud-init data', () => {
    const vm = base();
    expect(cloudInitOf(vm)).toMatchObject({ volume: 'cloudinitdisk', userData: '#cloud-config\n', networkData: '' });
    const [volumes] = setCloudInit(vm, '#cloud-config\nhostname: x\n', '');
    expect(volumes.value).toContainEqual({
      name: 'cloudinitdisk',
      cloudInitNoCloud: { userData: '#cloud-config\nhostname: x\n' },
    });
  });

  it('adds and removes SSH keys from Secrets', () => {
    const vm = base();
    const [a] = addSshKey(vm, { secret: 'k', propagation: 'noCloud', users: [] });
    vm.spec!.template!.spec!.accessCredentials = a.value as never;
    expect(sshKeysOf(vm)).toEqual([{ secret: 'k', propagation: 'noCloud', users: [] }]);
    expect(removeSshKey(vm, 'k')[0].value).toBeNull();
    expect(sshKeyProblem('ssh-ed25519 AAAAC3Nza me@host')).toBeUndefined();
    expect(sshKeyProblem('hello')).toMatch(/Line 1/);
  });

  it('reads and writes tolerations as lines', () => {
    const { tolerations, problems } = parseTolerations('dedicated=gpu:NoSchedule\nspot\n:NoExecute\nx:Bad');
    expect(problems).toEqual(['line 4: the effect is one of NoSchedule, PreferNoSchedule, NoExecute']);
    expect(tolerations).toEqual([
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
      { key: 'spot', operator: 'Exists' },
      { operator: 'Exists', effect: 'NoExecute' },
    ]);
    expect(formatTolerations(tolerations)).toBe('dedicated=gpu:NoSchedule\nspot\n:NoExecute');
  });
});
