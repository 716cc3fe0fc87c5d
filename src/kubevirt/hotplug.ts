/**
 * Disk hot-plug: KubeVirt's AddVolumeOptions / RemoveVolumeOptions bodies for the VM's
 * addvolume and removevolume subresources, and the VMI's per-volume hot-plug status. Pure.
 */
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export type HotplugBus = 'scsi' | 'virtio';

export interface HotplugSource {
  type: 'dataVolume' | 'persistentVolumeClaim';
  name: string;
}

/** AddVolumeOptions: the volume's (and its disk's) name, the disk, and a hot-pluggable source. */
export function addVolumeOptions(name: string, source: HotplugSource, bus: HotplugBus = 'scsi') {
  const volumeSource =
    source.type === 'dataVolume'
      ? { dataVolume: { name: source.name, hotpluggable: true } }
      : { persistentVolumeClaim: { claimName: source.name, hotpluggable: true } };
  return { name, disk: { name, disk: { bus } }, volumeSource };
}

/** RemoveVolumeOptions. */
export const removeVolumeOptions = (name: string) => ({ name });

export interface HotplugStatus {
  /** Pending, Bound, AttachedToNode, MountedToPod, Ready, Detaching ... */
  phase: string;
  message?: string;
  /** The guest's device name, once attached (sda...). */
  target?: string;
}

/** The VMI's status of each hot-plugged volume (status.volumeStatus entries with hotplugVolume). */
export function hotplugStatuses(vmi: V1VirtualMachineInstance | undefined): Map<string, HotplugStatus> {
  const map = new Map<string, HotplugStatus>();
  for (const s of vmi?.status?.volumeStatus ?? []) {
    if (!s.hotplugVolume) continue;
    map.set(s.name, { phase: s.phase ?? 'Pending', message: s.message, target: s.target || undefined });
  }
  return map;
}

/** Whether the VM's volume is a hot-plugged one (its source says hotpluggable). */
export function isHotpluggable(volume: Record<string, unknown> | undefined): boolean {
  const dv = volume?.dataVolume as { hotpluggable?: boolean } | undefined;
  const pvc = volume?.persistentVolumeClaim as { hotpluggable?: boolean } | undefined;
  return Boolean(dv?.hotpluggable || pvc?.hotpluggable);
}
