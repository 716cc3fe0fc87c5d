/**
 * The VMI's disks as the guest sees them: the domain's targets (virt-handler's volumeStatus
 * target: `vd<x>` for the disks the VMI started with, the next free `sd<x>` or `vd<x>` by bus for
 * a hot-plugged one, as libvirt names them) and each volume's size (a PVC's capacity, an
 * emptyDisk's, a container disk's image, the cloud-init ISO).
 */
import { ResourceKey, type ClusterClient } from '../../runtime/client.js';
import { quantityInteger } from '../../apimachinery/quantity.js';
import { isHotplugVolume } from '../../kubevirt/volume-requests.js';
import type { VMI } from '../../kubevirt/types.js';
import type { GuestDisk } from '../../guest/types.js';
import type { VolumeStore } from '../../cdi/volumes.js';

const GI = 1024 ** 3;
const CONTAINER_DISK_BYTES = 10 * GI;
const CLOUD_INIT_BYTES = 374 * 1024;

type Disk = NonNullable<NonNullable<NonNullable<VMI['spec']>['domain']['devices']>['disks']>[number];
type Volume = NonNullable<NonNullable<VMI['spec']>['volumes']>[number];

/** The target of each disk the VMI started with (domainStartedFields' `vd<index>`). */
export function startTarget(index: number): string {
  return `vd${String.fromCharCode(97 + index)}`;
}

/** libvirt's next free target for a hot-plugged disk on `bus`. */
export function nextTarget(bus: string | undefined, taken: Iterable<string>): string {
  const prefix = bus === 'virtio' ? 'vd' : 'sd';
  const used = new Set(taken);
  for (let i = 0; i < 26; i++) {
    const name = `${prefix}${String.fromCharCode(97 + i)}`;
    if (!used.has(name)) return name;
  }
  return `${prefix}aa`;
}

function volumeBytes(client: ClusterClient, vmi: VMI, v: Volume | undefined): number {
  if (!v) return 0;
  const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
  if (claim) {
    const pvc = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim);
    const size = pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage;
    return quantityInteger(size) ?? GI;
  }
  if (v.emptyDisk) return quantityInteger(v.emptyDisk.capacity) ?? GI;
  if (v.cloudInitNoCloud || v.cloudInitConfigDrive) return CLOUD_INIT_BYTES;
  return CONTAINER_DISK_BYTES;
}

function diskImage(client: ClusterClient, vmi: VMI, v: Volume | undefined, volumes: VolumeStore | undefined) {
  const claim = v?.persistentVolumeClaim?.claimName ?? v?.dataVolume?.name;
  if (!claim || !volumes) return {};
  const pvc = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim);
  const pv = pvc?.spec?.volumeName;
  // a real guest plugs the volume's image (created sparse, the PVC's size, when the volume has none)
  const disk = pv ? volumes.guestDisk(pv, volumeBytes(client, vmi, v)) : undefined;
  return disk ? { path: disk.path, format: disk.format } : {};
}

/**
 * The guest's block devices: the disks the VMI started with and the hot-plugged ones
 * virt-handler has attached (`attached`: volume name to target).
 */
export function guestDisks(
  client: ClusterClient,
  vmi: VMI,
  attached: ReadonlyMap<string, string>,
  volumes?: VolumeStore,
): GuestDisk[] {
  const disks: Disk[] = vmi.spec?.domain?.devices?.disks ?? [];
  const byName = new Map((vmi.spec?.volumes ?? []).map((v) => [v.name, v]));
  const boot = [...disks].sort((a, b) => (a.bootOrder ?? 1e9) - (b.bootOrder ?? 1e9))[0]?.name;
  const out: GuestDisk[] = [];
  disks.forEach((d, i) => {
    const volume = byName.get(d.name);
    const hot = isHotplugVolume(volume);
    const name = hot ? attached.get(d.name) : startTarget(i);
    if (!name) return;
    out.push({
      name,
      sizeBytes: volumeBytes(client, vmi, volume),
      ...(d.cdrom ? { type: 'rom' as const, readOnly: true } : {}),
      ...(d.serial ? { serial: d.serial } : {}),
      ...(d.name === boot && !hot ? { mountpoint: '/' } : {}),
      ...(hot ? { disk: d.name, bus: d.disk?.bus ?? 'scsi', ...diskImage(client, vmi, volume, volumes) } : {}),
    });
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The hot-plugged volumes virt-handler reports attached (volumeStatus Ready with a target). */
export function attachedTargets(vmi: VMI): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of vmi.status?.volumeStatus ?? []) {
    if (s.hotplugVolume && s.phase === 'Ready' && s.target) out.set(s.name, s.target);
  }
  return out;
}
