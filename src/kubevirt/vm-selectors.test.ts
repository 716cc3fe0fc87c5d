import { describe, expect, it } from 'vitest';
import { indexByKey, labelPairs, objectKeyOf } from '../k8s/meta';
import {
  vmActiveConditions,
  vmCpu,
  vmDataVolumeTemplateNames,
  vmMemory,
  vmOs,
  vmPrintableStatus,
  vmStatusReason,
  type VM,
} from './vm-selectors';
import { vmRunStrategy } from './run-strategy';
import {
  vmiIPs,
  vmiIsFinal,
  vmiIsMigrating,
  vmiIsPaused,
  vmiMigratable,
  vmiNode,
  vmiOwnerVmName,
  vmiPhase,
  vmiPhaseTransitions,
  type VMI,
} from './vmi-selectors';
import { vmDisks, vmInterfaces } from './vm-devices';
import { makeVm, makeVmi } from './testing';

/** Partial objects for selectors that must cope with missing fields. */
const V = (o: object) => o as VM;
const I = (o: object) => o as VMI;

const fullVm: VM = {
  metadata: {
    name: 'web',
    namespace: 'demo',
    labels: { app: 'web', tier: 'front' },
    annotations: { 'vm.kubevirt.io/os': 'fedora' },
  },
  spec: {
    runStrategy: 'Always',
    dataVolumeTemplates: [{ metadata: { name: 'web-root' }, spec: { source: { http: { url: 'http://x/img' } } } }],
    template: {
      spec: {
        domain: {
          cpu: { cores: 2, sockets: 2, threads: 1 },
          memory: { guest: '4Gi' },
          devices: {
            disks: [
              { name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 },
              { name: 'iso', cdrom: { bus: 'sata' } },
              { name: 'cloudinit', disk: { bus: 'virtio' } },
            ],
            interfaces: [
              { name: 'default', masquerade: {}, ports: [{ name: 'http', port: 80 }] },
              { name: 'data', bridge: {}, macAddress: '02:00:00:00:00:02' },
            ],
          },
        },
        networks: [
          { name: 'default', pod: {} },
          { name: 'data', multus: { networkName: 'ns/vlan10' } },
        ],
        volumes: [
          { name: 'root', dataVolume: { name: 'web-root' } },
          { name: 'iso', persistentVolumeClaim: { claimName: 'fedora-iso' } },
          { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
          { name: 'sa', serviceAccount: { serviceAccountName: 'default' } },
        ],
      },
    },
  },
  status: {
    printableStatus: 'ErrorUnschedulable',
    conditions: [
      { type: 'Ready', status: 'False', reason: 'VMINotExists', message: 'VMI does not exist' },
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: '0/3 nodes are available: 3 Insufficient memory.',
      },
      { type: 'Paused', status: 'True', reason: 'PausedByUser' },
    ],
  },
};

describe('VM selectors', () => {
  it('reads the printableStatus and treats unknown or missing values as Unknown', () => {
    expect(vmPrintableStatus(makeVm({ status: 'Running' }))).toBe('Running');
    expect(vmPrintableStatus(V({ status: { printableStatus: 'SomethingNew' } }))).toBe('Unknown');
    expect(vmPrintableStatus(V({}))).toBe('Unknown');
    expect(vmPrintableStatus(undefined)).toBe('Unknown');
  });

  it('takes the run strategy from spec.runStrategy or the deprecated spec.running', () => {
    expect(vmRunStrategy(makeVm({ runStrategy: 'Manual' }))).toBe('Manual');
    expect(vmRunStrategy({ spec: { running: true, template: {} } })).toBe('Always');
    expect(vmRunStrategy({ spec: { running: false, template: {} } })).toBe('Halted');
    expect(vmRunStrategy({ spec: { template: {} } })).toBe('Halted');
  });

  it('explains an error state from the most telling condition, skipping VMINotExists', () => {
    expect(vmStatusReason(fullVm)).toBe('0/3 nodes are available: 3 Insufficient memory.');
    const failed = V({
      status: { conditions: [{ type: 'Failure', status: 'True', reason: 'FailedCreate', message: 'quota exceeded' }] },
    });
    expect(vmStatusReason(failed)).toBe('quota exceeded');
    expect(vmStatusReason(V({ status: { startFailure: { consecutiveFailCount: 3 } } }))).toBe(
      'Failed to start 3 times in a row',
    );
    expect(vmStatusReason(makeVm())).toBeUndefined();
  });

  it('lists the True conditions except Ready', () => {
    expect(vmActiveConditions(fullVm).map((c) => c.type)).toEqual(['Paused']);
  });

  it('computes the CPU topology with KubeVirt defaults, and none with an instance type', () => {
    expect(vmCpu(fullVm)).toEqual({ sockets: 2, cores: 2, threads: 1, vcpus: 4 });
    expect(vmCpu(makeVm())).toEqual({ sockets: 1, cores: 1, threads: 1, vcpus: 1 });
    expect(vmCpu({ spec: { instancetype: { name: 'u1.medium' }, template: {} } })).toBeUndefined();
  });

  it('reads memory from memory.guest, then resources.requests.memory', () => {
    expect(vmMemory(fullVm)).toBe('4Gi');
    expect(
      vmMemory({
        spec: { template: { spec: { domain: { devices: {}, resources: { requests: { memory: '1Gi' } } } } } },
      }),
    ).toBe('1Gi');
    expect(vmMemory(makeVm())).toBeUndefined();
  });

  it('prefers the guest agent OS, then the vm.kubevirt.io/os annotation, then the preference', () => {
    const vmi = I({ status: { guestOSInfo: { prettyName: 'Fedora Linux 41', name: 'Fedora' } } });
    expect(vmOs(fullVm, vmi)).toBe('Fedora Linux 41');
    // Without the guest agent: the OS id, as a display name (one form for all VMs).
    expect(vmOs(fullVm)).toBe('Fedora');
    expect(vmOs({ spec: { preference: { name: 'rhel.9' }, template: {} } })).toBe('Red Hat Enterprise Linux 9');
    expect(vmOs(makeVm())).toBeUndefined();
  });

  it('joins disks with volumes and DataVolume templates, then volumes without a disk', () => {
    const disks = vmDisks(fullVm);
    expect(disks.map((d) => [d.name, d.kind, d.bus, d.source.type, d.source.ref])).toEqual([
      ['root', 'disk', 'virtio', 'dataVolume', 'web-root'],
      ['iso', 'cdrom', 'sata', 'persistentVolumeClaim', 'fedora-iso'],
      ['cloudinit', 'disk', 'virtio', 'cloudInitNoCloud', undefined],
      ['sa', undefined, undefined, 'serviceAccount', 'default'],
    ]);
    expect(disks[0].bootOrder).toBe(1);
    expect(disks[0].dataVolumeTemplate?.metadata?.name).toBe('web-root');
    expect(disks[1].readonly).toBe(true);
    expect(vmDataVolumeTemplateNames(fullVm)).toEqual(['web-root']);
  });

  it('joins interfaces with networks and the VMI-reported addresses', () => {
    const vmi = I({
      status: {
        interfaces: [
          { name: 'default', ipAddress: '10.0.0.5', ipAddresses: ['10.0.0.5', 'fd00::5'], mac: '02:00:00:00:00:01' },
        ],
      },
    });
    const [pod, data] = vmInterfaces(fullVm, vmi);
    expect(pod).toMatchObject({
      name: 'default',
      binding: 'masquerade',
      network: 'Pod networking',
      networkType: 'pod',
      mac: '02:00:00:00:00:01',
      ips: ['10.0.0.5', 'fd00::5'],
    });
    expect(pod.ports).toEqual([{ name: 'http', port: 80, protocol: undefined }]);
    expect(data).toMatchObject({
      name: 'data',
      binding: 'bridge',
      network: 'ns/vlan10',
      networkType: 'multus',
      mac: '02:00:00:00:00:02',
      ips: [],
    });
  });

  it('turns labels into sorted key=value pairs and keys objects by namespace/name', () => {
    expect(labelPairs(fullVm)).toEqual(['app=web', 'tier=front']);
    expect(objectKeyOf(fullVm)).toBe('demo/web');
    const index = indexByKey([makeVmi({ name: 'a' }), makeVmi({ name: 'b', namespace: 'x' })]);
    expect([...index.keys()]).toEqual(['ns1/a', 'x/b']);
  });
});

describe('VMI selectors', () => {
  it('reads phase (empty is Pending), node, pause and final phases', () => {
    expect(vmiPhase(I({ status: {} }))).toBe('Pending');
    expect(vmiPhase(makeVmi({ phase: 'Scheduled' }))).toBe('Scheduled');
    expect(vmiNode(makeVmi({ node: 'node01' }))).toBe('node01');
    expect(vmiNode(makeVmi())).toBeUndefined();
    expect(vmiIsPaused(makeVmi({ paused: true }))).toBe(true);
    expect(vmiIsPaused(makeVmi())).toBe(false);
    expect(vmiIsFinal(makeVmi({ phase: 'Succeeded' }))).toBe(true);
    expect(vmiIsFinal(makeVmi({ phase: 'Running' }))).toBe(false);
  });

  it('lists every IP once, first interface first', () => {
    const vmi = I({
      status: {
        interfaces: [
          { ipAddress: '10.0.0.5', ipAddresses: ['10.0.0.5', 'fd00::5'] },
          { ipAddresses: ['192.168.1.2'] },
          {},
        ],
      },
    });
    expect(vmiIPs(vmi)).toEqual(['10.0.0.5', 'fd00::5', '192.168.1.2']);
    expect(vmiIPs(undefined)).toEqual([]);
  });

  it('reports live migratability with the reason from the condition', () => {
    expect(vmiMigratable(makeVmi({ migratable: true }))).toEqual({ migratable: true });
    expect(
      vmiMigratable(
        makeVmi({
          migratable: { reason: 'DisksNotLiveMigratable', message: 'cannot migrate VMI: PVC x is not shared' },
        }),
      ),
    ).toEqual({
      migratable: false,
      reason: 'cannot migrate VMI: PVC x is not shared',
    });
    expect(vmiMigratable(makeVmi()).migratable).toBe(false);
  });

  it('sees a migration under way until it completes or fails', () => {
    expect(vmiIsMigrating(makeVmi({ migrating: true }))).toBe(true);
    expect(vmiIsMigrating(I({ status: { migrationState: { startTimestamp: 'x', completed: true } } }))).toBe(false);
    expect(vmiIsMigrating(I({ status: { migrationState: { startTimestamp: 'x', failed: true } } }))).toBe(false);
    expect(vmiIsMigrating(makeVmi())).toBe(false);
  });

  it('sorts phase transitions oldest first and finds the owning VM', () => {
    const vmi = I({
      metadata: {
        ownerReferences: [
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'web', uid: 'u', controller: true },
        ],
      },
      status: {
        phaseTransitionTimestamps: [
          { phase: 'Running', phaseTransitionTimestamp: '2026-01-01T00:00:30Z' },
          { phase: 'Pending', phaseTransitionTimestamp: '2026-01-01T00:00:00Z' },
        ],
      },
    });
    expect(vmiPhaseTransitions(vmi).map((t) => t.phase)).toEqual(['Pending', 'Running']);
    expect(vmiOwnerVmName(vmi)).toBe('web');
    expect(vmiOwnerVmName(makeVmi())).toBeUndefined();
  });
});
