import { k8sCreate, k8sPutSubresource } from '../../../../k8s/client';
import { nameOf, namespaceOf } from '../../../../k8s/meta';
import { DataVolumeModel, VirtualMachineModel } from '../../../../k8s/models';
import { addVolumeOptions, removeVolumeOptions, type HotplugBus } from '../../../../kubevirt/hotplug';
import { blankDataVolumeName, blankDataVolumeSpec, type NewDisk } from '../../../../kubevirt/vm-device-edits';
import type { VM } from '../../../../kubevirt/vm-selectors';

const sub = (vm: VM, verb: 'addvolume' | 'removevolume', body: unknown) =>
  k8sPutSubresource(VirtualMachineModel, nameOf(vm), verb, body, { namespace: namespaceOf(vm), kubevirt: true });

/**
 * Hot-plugs a disk into a running VM (virtualmachines/<name>/addvolume, which also adds it to the
 * VM's spec): a blank disk is a new DataVolume first, an existing claim is plugged as it is.
 */
export async function hotplugDisk(vm: VM, disk: NewDisk): Promise<void> {
  const bus = disk.bus === 'sata' ? 'scsi' : (disk.bus as HotplugBus);
  if (disk.source.type === 'blank') {
    const dvName = blankDataVolumeName(vm, disk.name);
    await k8sCreate(DataVolumeModel, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: dvName, namespace: namespaceOf(vm) },
      spec: blankDataVolumeSpec(disk.source.size, disk.source.storageClass),
    } as never);
    await sub(vm, 'addvolume', addVolumeOptions(disk.name, { type: 'dataVolume', name: dvName }, bus));
  } else {
    await sub(
      vm,
      'addvolume',
      addVolumeOptions(disk.name, { type: 'persistentVolumeClaim', name: disk.source.claimName }, bus),
    );
  }
}

/** Unplugs a hot-plugged disk from a running VM (removevolume; it leaves the VM's spec too). */
export const unplugDisk = (vm: VM, name: string): Promise<unknown> =>
  sub(vm, 'removevolume', removeVolumeOptions(name));
