import { describe, expect, it } from 'vitest';
import type { VolumeSnapshot } from '../k8s/types';
import {
  generateSnapshotName,
  onlineSnapshotMode,
  snapshotIndications,
  snapshotManifest,
  snapshotMessage,
  snapshotSizeBytes,
  snapshotState,
  snapshotsOfVm,
  snapshotVolumes,
  type VMSnapshot,
  type VMSnapshotContent,
} from './snapshot-rules';
import { makeVm, makeVmi } from './testing';

/** A VM with a DataVolume on a snapshot-capable class, a PVC on one that is not, and a container disk. */
function vmWithVolumes() {
  const vm = makeVm({ name: 'fedora', namespace: 'demo' });
  vm.spec = {
    ...vm.spec,
    template: {
      spec: {
        domain: { devices: {} },
        volumes: [
          { name: 'rootdisk', dataVolume: { name: 'fedora-root' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'fedora-data' } },
          { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
          { name: 'scratch', persistentVolumeClaim: { claimName: 'fedora-scratch' } },
        ],
      },
    },
  };
  // As KubeVirt's snapshot controller writes it (getVolumeSnapshotStatus); scratch not judged yet.
  vm.status = {
    ...vm.status,
    volumeSnapshotStatuses: [
      { name: 'rootdisk', enabled: true },
      {
        name: 'data',
        enabled: false,
        reason: 'No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [local] [data]',
      },
      { name: 'cloudinit', enabled: false, reason: 'Snapshot is not supported for this volumeSource type [cloudinit]' },
    ],
  };
  return vm;
}

/** A snapshot as KubeVirt's controller leaves it at each stage. */
function snapshot(status: VMSnapshot['status'], extra: Partial<VMSnapshot['metadata']> = {}): VMSnapshot {
  return {
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineSnapshot',
    metadata: { name: 'snap-1', namespace: 'demo', uid: 'u-1', creationTimestamp: '2026-12-03T10:00:00Z', ...extra },
    spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' } },
    status,
  };
}

describe('snapshotVolumes', () => {
  it("takes KubeVirt's verdict per volume, with its reason for those left out", () => {
    expect(snapshotVolumes(vmWithVolumes())).toEqual([
      { name: 'rootdisk', source: 'DataVolume fedora-root', included: true, reason: undefined },
      {
        name: 'data',
        source: 'PVC fedora-data',
        included: false,
        reason: 'No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [local] [data]',
      },
      {
        name: 'cloudinit',
        source: 'cloudInitNoCloud',
        included: false,
        reason: 'Snapshot is not supported for this volumeSource type [cloudinit]',
      },
      { name: 'scratch', source: 'PVC fedora-scratch', included: undefined },
    ]);
  });

  it('leaves out volumes that are not claims even before KubeVirt judged them', () => {
    const vm = vmWithVolumes();
    vm.status = {};
    expect(snapshotVolumes(vm).map((v) => [v.name, v.included])).toEqual([
      ['rootdisk', undefined],
      ['data', undefined],
      ['cloudinit', false],
      ['scratch', undefined],
    ]);
  });
});

describe('snapshot manifest and name', () => {
  it('names the VM as the source, in its namespace', () => {
    expect(snapshotManifest(vmWithVolumes(), 'snap-a')).toEqual({
      apiVersion: 'snapshot.kubevirt.io/v1beta1',
      kind: 'VirtualMachineSnapshot',
      metadata: { name: 'snap-a', namespace: 'demo' },
      spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' } },
    });
  });

  it('generates "<vm>-snapshot-<time>", cut to 63 characters', () => {
    const at = new Date('2026-12-03T15:04:05.123Z');
    expect(generateSnapshotName('fedora', at)).toBe('fedora-snapshot-20261203-150405');
    const long = generateSnapshotName('a'.repeat(80), at);
    expect(long).toHaveLength(63);
    expect(long.endsWith('a-snapshot-20261203-150405')).toBe(true);
  });
});

describe('online snapshots', () => {
  it('freezes with the guest agent, is crash-consistent without it or while paused', () => {
    expect(onlineSnapshotMode(undefined)).toBe('offline');
    const withAgent = makeVmi({ phase: 'Running' });
    withAgent.status = { ...withAgent.status, conditions: [{ type: 'AgentConnected', status: 'True' }] };
    expect(onlineSnapshotMode(withAgent)).toBe('guest-agent');
    expect(onlineSnapshotMode(makeVmi({ phase: 'Running' }))).toBe('no-guest-agent');
    expect(onlineSnapshotMode(makeVmi({ phase: 'Running', paused: true }))).toBe('paused');
    expect(onlineSnapshotMode(makeVmi({ phase: 'Running', deleting: true }))).toBe('offline');
  });
});

describe('snapshot state and message', () => {
  it('in progress: says what the Progressing condition says (KubeVirt puts it in reason)', () => {
    const s = snapshot({
      phase: 'InProgress',
      readyToUse: false,
      conditions: [
        { type: 'Progressing', status: 'False', reason: 'Source not locked source demo/fedora volume not bound' },
        { type: 'Ready', status: 'False', reason: 'Not ready' },
      ],
    });
    expect(snapshotState(s)).toBe('progressing');
    expect(snapshotMessage(s)).toBe('Source not locked source demo/fedora volume not bound');
  });

  it('ready once readyToUse, with its indications and their messages', () => {
    const s = snapshot({
      phase: 'Succeeded',
      readyToUse: true,
      creationTime: '2026-12-03T10:00:05Z',
      indications: ['Online', 'NoGuestAgent'],
      sourceIndications: [
        { indication: 'Online', message: 'Snapshot taken while the VM was running.' },
        { indication: 'NoGuestAgent', message: 'Guest agent was not available.' },
      ],
    });
    expect(snapshotState(s)).toBe('ready');
    expect(snapshotIndications(s)).toEqual([
      { indication: 'Online', message: 'Snapshot taken while the VM was running.' },
      { indication: 'NoGuestAgent', message: 'Guest agent was not available.' },
    ]);
    expect(snapshotIndications(snapshot({ indications: ['Online'] }))).toEqual([{ indication: 'Online' }]);
  });

  it('failed: the error of status.error first, else the Failure condition', () => {
    const failed = snapshot({
      phase: 'Failed',
      error: { message: 'VolumeSnapshot vmsnapshot-u-1-volume-rootdisk error: driver failed', time: 'x' },
      conditions: [{ type: 'Failure', status: 'True', reason: 'snapshot deadline exceeded' }],
    });
    expect(snapshotState(failed)).toBe('failed');
    expect(snapshotMessage(failed)).toBe('VolumeSnapshot vmsnapshot-u-1-volume-rootdisk error: driver failed');
    const deadline = snapshot({
      phase: 'Failed',
      conditions: [
        { type: 'Progressing', status: 'False', reason: 'Operation failed' },
        { type: 'Failure', status: 'True', reason: 'snapshot deadline exceeded' },
      ],
    });
    expect(snapshotMessage(deadline)).toBe('snapshot deadline exceeded');
  });

  it('being deleted wins over every phase', () => {
    expect(snapshotState(snapshot({ phase: 'Succeeded', readyToUse: true }, { deletionTimestamp: 'x' }))).toBe(
      'deleting',
    );
    expect(snapshotState(snapshot({ phase: 'Succeeded', readyToUse: false }))).toBe('not-ready');
  });
});

describe('snapshots of a VM and their size', () => {
  it('keeps the VM source with that name, newest first', () => {
    const a = snapshot({}, { name: 'a', creationTimestamp: '2026-12-03T09:00:00Z' });
    const b = snapshot({}, { name: 'b', creationTimestamp: '2026-12-03T11:00:00Z' });
    const other = { ...snapshot({}, { name: 'c' }), spec: { source: { kind: 'VirtualMachine', name: 'other' } } };
    expect(snapshotsOfVm([a, other, b], 'fedora').map((s) => s.metadata?.name)).toEqual(['b', 'a']);
  });

  it("sums the VolumeSnapshots' restoreSize its content lists; unknown when one is missing", () => {
    const s = snapshot({ virtualMachineSnapshotContentName: 'vmsnapshot-content-u-1' });
    const content: VMSnapshotContent = {
      metadata: { name: 'vmsnapshot-content-u-1', namespace: 'demo' },
      spec: {
        source: {},
        volumeBackups: [
          { volumeName: 'rootdisk', volumeSnapshotName: 'vs-root', persistentVolumeClaim: { spec: {} } },
          { volumeName: 'data', volumeSnapshotName: 'vs-data', persistentVolumeClaim: { spec: {} } },
        ],
      },
    };
    const vs = (name: string, restoreSize?: string): VolumeSnapshot => ({
      metadata: { name, namespace: 'demo' },
      status: { readyToUse: true, restoreSize },
    });
    expect(snapshotSizeBytes(s, [content], [vs('vs-root', '1Gi'), vs('vs-data', '512Mi')])).toBe(1.5 * 2 ** 30);
    expect(snapshotSizeBytes(s, [content], [vs('vs-root', '1Gi'), vs('vs-data')])).toBeUndefined();
    expect(snapshotSizeBytes(s, [content], undefined)).toBeUndefined();
    expect(snapshotSizeBytes(s, [], [])).toBeUndefined();
  });
});
