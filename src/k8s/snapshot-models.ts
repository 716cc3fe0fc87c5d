/**
 * The kinds of snapshots, restores and clones (KubeVirt's snapshot.kubevirt.io and clone.kubevirt.io,
 * CSI's snapshot.storage.k8s.io): apart from models.ts so the first page's code does not carry them.
 */
import type {
  V1beta1VirtualMachineClone,
  V1beta1VirtualMachineRestore,
  V1beta1VirtualMachineSnapshotContent,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { model } from './models';
import type { VolumeSnapshot } from './types';

export const VirtualMachineSnapshotContentModel = model<V1beta1VirtualMachineSnapshotContent>({
  group: 'snapshot.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineSnapshotContent',
  plural: 'virtualmachinesnapshotcontents',
  namespaced: true,
  label: 'VirtualMachineSnapshotContent',
  labelPlural: 'Snapshot contents',
});
export const VirtualMachineRestoreModel = model<V1beta1VirtualMachineRestore>({
  group: 'snapshot.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineRestore',
  plural: 'virtualmachinerestores',
  namespaced: true,
  label: 'VirtualMachineRestore',
  labelPlural: 'Restores',
});
export const VirtualMachineCloneModel = model<V1beta1VirtualMachineClone>({
  group: 'clone.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineClone',
  plural: 'virtualmachineclones',
  namespaced: true,
  label: 'VirtualMachineClone',
  labelPlural: 'Clones',
});

// CSI snapshots (external-snapshotter's CRDs)
export const VolumeSnapshotModel = model<VolumeSnapshot>({
  group: 'snapshot.storage.k8s.io',
  version: 'v1',
  kind: 'VolumeSnapshot',
  plural: 'volumesnapshots',
  namespaced: true,
  label: 'VolumeSnapshot',
  labelPlural: 'VolumeSnapshots',
});
