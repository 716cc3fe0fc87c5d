/** The KubeVirt calls behind each action, through the data layer's client. */
import { k8sCreate, k8sDelete, k8sGet, k8sPatch, k8sPutSubresource } from '../../../k8s/client';
import { isK8sError } from '../../../k8s/k8s-error';
import {
  DataVolumeModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  VirtualMachineSnapshotModel,
} from '../../../k8s/models';
import { nameOf, namespaceOf, uidOf } from '../../../k8s/meta';
import { generateSnapshotName, snapshotManifest, type VMSnapshot } from '../../../kubevirt/snapshot-rules';
import { vmDataVolumeTemplateNames, type VM } from '../../../kubevirt/vm-selectors';

export interface DeleteVmOptions {
  /** Delete the DataVolumes the VM owns (its dataVolumeTemplates); false keeps them by removing the owner. */
  deleteDataVolumes: boolean;
  /** Overrides the VM's grace period; undefined keeps the default. */
  gracePeriodSeconds?: number;
}

const ref = (vm: VM) => ({ name: nameOf(vm), options: { namespace: namespaceOf(vm), kubevirt: true } });

/** PUT subresources.kubevirt.io/v1/namespaces/<ns>/virtualmachines/<name>/<verb>. */
export function putVmSubresource(vm: VM, verb: 'start' | 'stop' | 'restart' | 'migrate'): Promise<unknown> {
  const { name, options } = ref(vm);
  return k8sPutSubresource(VirtualMachineModel, name, verb, {}, options);
}

/** PUT .../virtualmachineinstances/<name>/pause|unpause (the VMI has the VM's name). */
export function putVmiSubresource(vm: VM, verb: 'pause' | 'unpause'): Promise<unknown> {
  const { name, options } = ref(vm);
  return k8sPutSubresource(VirtualMachineInstanceModel, name, verb, {}, options);
}

/** Removes the VM from a DataVolume's owners so garbage collection keeps it. A missing DV is fine. */
async function orphanDataVolume(vm: VM, dvName: string): Promise<void> {
  const namespace = namespaceOf(vm);
  let dv;
  try {
    dv = await k8sGet(DataVolumeModel, dvName, { namespace });
  } catch (e) {
    if (isK8sError(e) && e.code === 404) return;
    throw e;
  }
  const owners = dv.metadata?.ownerReferences ?? [];
  const kept = owners.filter((o) => o.uid !== uidOf(vm));
  if (kept.length === owners.length) return;
  // The resourceVersion makes this a compare-and-swap: a concurrent change gives 409, not lost owners.
  await k8sPatch(
    DataVolumeModel,
    dvName,
    { metadata: { resourceVersion: dv.metadata?.resourceVersion, ownerReferences: kept } },
    { type: 'merge', namespace },
  );
}

/**
 * Deletes the VM. Its owned DataVolumes go with it through garbage collection (background
 * propagation) unless `deleteDataVolumes` is false, in which case they are orphaned first.
 */
export async function deleteVm(vm: VM, o: DeleteVmOptions): Promise<void> {
  if (!o.deleteDataVolumes) {
    for (const dv of vmDataVolumeTemplateNames(vm)) await orphanDataVolume(vm, dv);
  }
  await k8sDelete(VirtualMachineModel, nameOf(vm), {
    namespace: namespaceOf(vm),
    propagationPolicy: 'Background',
    gracePeriodSeconds: o.gracePeriodSeconds,
  });
}

/** Creates a VirtualMachineSnapshot of the VM (a generated name unless one is given). */
export function createVmSnapshot(vm: VM, name: string = generateSnapshotName(nameOf(vm))): Promise<VMSnapshot> {
  return k8sCreate(VirtualMachineSnapshotModel, snapshotManifest(vm, name), { namespace: namespaceOf(vm) });
}
