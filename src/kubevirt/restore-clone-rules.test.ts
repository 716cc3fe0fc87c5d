import { describe, expect, it } from 'vitest';
import {
  cloneManifest,
  cloneMessage,
  clonePhaseIndex,
  cloneState,
  cloneTargetName,
  generateRestoreName,
  parseFilters,
  relatedVm,
  restoreManifest,
  restoreMessage,
  restoresBySnapshot,
  restoreState,
  type CloneOptions,
  type VMClone,
  type VMRestore,
} from './restore-clone-rules';
import type { VMSnapshot } from './snapshot-rules';
import { makeVm } from './testing';

const snap: VMSnapshot = {
  apiVersion: 'snapshot.kubevirt.io/v1beta1',
  kind: 'VirtualMachineSnapshot',
  metadata: { name: 'fedora-snap', namespace: 'demo' },
  spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' } },
};

const restore = (status: VMRestore['status'], name = 'r1', snapshotName = 'fedora-snap'): VMRestore => ({
  apiVersion: 'snapshot.kubevirt.io/v1beta1',
  kind: 'VirtualMachineRestore',
  metadata: { name, namespace: 'demo' },
  spec: {
    target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' },
    virtualMachineSnapshotName: snapshotName,
  },
  status,
});

describe('restores', () => {
  it("targets the snapshot's own VM, or a new VM by name", () => {
    expect(restoreManifest(snap, 'fedora-snap-restore-abcde')).toEqual({
      apiVersion: 'snapshot.kubevirt.io/v1beta1',
      kind: 'VirtualMachineRestore',
      metadata: { name: 'fedora-snap-restore-abcde', namespace: 'demo' },
      spec: {
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' },
        virtualMachineSnapshotName: 'fedora-snap',
      },
    });
    expect(restoreManifest(snap, 'r', 'fedora-copy').spec.target.name).toBe('fedora-copy');
  });

  it('names a restore after its snapshot within 63 characters', () => {
    expect(generateRestoreName('fedora-snap', 'bcdfg')).toBe('fedora-snap-restore-bcdfg');
    expect(generateRestoreName('s'.repeat(70), 'bcdfg')).toHaveLength(63);
  });

  it('is complete with status.complete, failed with a True Failure condition, else in progress', () => {
    const waiting = restore({
      complete: false,
      conditions: [
        { type: 'Progressing', status: 'True', reason: 'Initializing VirtualMachineRestore' },
        { type: 'Ready', status: 'False', reason: 'Waiting for target to be ready' },
      ],
    });
    expect(restoreState(waiting)).toBe('progressing');
    expect(restoreMessage(waiting)).toBe('Waiting for target to be ready');
    const done = restore({
      complete: true,
      restoreTime: '2026-12-03T10:00:00Z',
      conditions: [{ type: 'Ready', status: 'True', reason: 'Operation complete' }],
    });
    expect(restoreState(done)).toBe('complete');
    const failed = restore({
      complete: false,
      conditions: [{ type: 'Failure', status: 'True', reason: 'restore deadline exceeded', message: 'deadline' }],
    });
    expect(restoreState(failed)).toBe('failed');
    expect(restoreMessage(failed)).toBe('deadline');
  });

  it('groups restores by the snapshot they restore', () => {
    const map = restoresBySnapshot([restore({}, 'a'), restore({}, 'b', 'other'), restore({}, 'c')]);
    expect(map.get('fedora-snap')?.map((r) => r.metadata?.name)).toEqual(['a', 'c']);
    expect(map.get('other')?.length).toBe(1);
  });
});

const options = (o: Partial<CloneOptions> = {}): CloneOptions => ({
  name: 'fedora-clone-xyz',
  targetName: 'fedora-2',
  labelFilters: [],
  annotationFilters: [],
  templateLabelFilters: [],
  templateAnnotationFilters: [],
  newMacAddresses: {},
  newSMBiosSerial: '',
  ...o,
});

describe('clones', () => {
  it("leaves KubeVirt's defaults alone: no filters, MACs or serial unless set", () => {
    const vm = makeVm({ name: 'fedora', namespace: 'demo' });
    expect(cloneManifest(vm, options())).toEqual({
      apiVersion: 'clone.kubevirt.io/v1beta1',
      kind: 'VirtualMachineClone',
      metadata: { name: 'fedora-clone-xyz', namespace: 'demo' },
      spec: {
        source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' },
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora-2' },
      },
    });
  });

  it('sends the filters, the MACs that were typed and the serial', () => {
    const spec = cloneManifest(
      makeVm({ name: 'fedora', namespace: 'demo' }),
      options({
        labelFilters: parseFilters('*\n!app.kubernetes.io/*, \n'),
        annotationFilters: ['owner'],
        templateLabelFilters: ['*'],
        newMacAddresses: { default: '02:00:00:00:00:01', second: '  ' },
        newSMBiosSerial: ' serial-1 ',
      }),
    ).spec;
    expect(spec.labelFilters).toEqual(['*', '!app.kubernetes.io/*']);
    expect(spec.annotationFilters).toEqual(['owner']);
    expect(spec.template).toEqual({ labelFilters: ['*'] });
    expect(spec.newMacAddresses).toEqual({ default: '02:00:00:00:00:01' });
    expect(spec.newSMBiosSerial).toBe('serial-1');
  });

  it('clones from a snapshot with the snapshot as source', () => {
    expect(cloneManifest(snap, options()).spec.source).toEqual({
      apiGroup: 'snapshot.kubevirt.io',
      kind: 'VirtualMachineSnapshot',
      name: 'fedora-snap',
    });
  });

  it('follows the phases to the new VM, and says why it failed', () => {
    const clone = (status: VMClone['status']): VMClone => ({
      metadata: { name: 'c', namespace: 'demo' },
      spec: { source: { kind: 'VirtualMachine', name: 'fedora' }, target: { kind: 'VirtualMachine', name: 'f2' } },
      status,
    });
    const pending = clone({});
    expect([cloneState(pending), clonePhaseIndex(pending), cloneTargetName(pending)]).toEqual([
      'progressing',
      -1,
      'f2',
    ]);
    const creating = clone({
      phase: 'CreatingTargetVM',
      conditions: [{ type: 'Progressing', status: 'True', reason: 'Still processing' }],
    });
    expect([cloneState(creating), clonePhaseIndex(creating), cloneMessage(creating)]).toEqual([
      'progressing',
      2,
      'Still processing',
    ]);
    expect(clonePhaseIndex(clone({ phase: 'RestoreInProgress' }))).toBe(1);
    const done = clone({ phase: 'Succeeded', targetName: 'f2' });
    expect([cloneState(done), clonePhaseIndex(done)]).toEqual(['succeeded', 3]);
    const failed = clone({
      phase: 'Failed',
      conditions: [
        { type: 'Progressing', status: 'False', reason: 'Failed' },
        { type: 'Ready', status: 'False', reason: 'target VM fedora already exists' },
      ],
    });
    expect([cloneState(failed), cloneMessage(failed)]).toEqual(['failed', 'target VM fedora already exists']);
  });
});

describe('relatedVm', () => {
  it("links a snapshot to its VM's Snapshots tab and a restore or clone to its target", () => {
    expect(relatedVm(snap)).toEqual({ name: 'fedora', tab: 'snapshots' });
    expect(relatedVm(restore({}))).toEqual({ name: 'fedora', tab: 'overview' });
    expect(
      relatedVm({
        kind: 'VirtualMachineClone',
        spec: { source: { kind: 'VirtualMachine', name: 'a' }, target: { name: 'b' } },
      }),
    ).toEqual({ name: 'b', tab: 'overview' });
    expect(relatedVm({ kind: 'VirtualMachineClone', spec: { source: { name: 'a' } } })).toBeUndefined();
    expect(relatedVm({ kind: 'Service' })).toBeUndefined();
  });
});
