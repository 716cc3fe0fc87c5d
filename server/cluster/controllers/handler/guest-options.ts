/** What the guest behind a VMI looks like: OS (also from DataVolume sources), credentials, network. */
import { guessOsName, guestOptionsFromVmi } from '../../guest/vmi-guest-options.js';
import type { DataDisk, GuestOptions } from '../../guest/types.js';
import { quantityValue } from '../../apimachinery/quantity.js';
import type { GuestFiles, VolumeData } from '../../guest/volume-data.js';
import { ResourceKey, type ClusterClient } from '../../runtime/client.js';
import { guestOsFor, type GuestOs } from '../../kubevirt/conventions.js';
import type { VMI } from '../../kubevirt/types.js';
import type { VolumeStore } from '../../cdi/volumes.js';
import { bootDiskOf } from '../../guest/qemu/boot-disk.js';
import { attachedTargets, guestDisks } from './guest-disks.js';
import { cloudInitKeys } from './access-credentials.js';
import { isHotplugVolume } from '../../kubevirt/volume-requests.js';
import { osProfile } from '../../guest/os-profiles.js';

/** The VMI's boot disk: the lowest bootOrder, else the first disk. */
function bootDiskName(vmi: VMI): string | undefined {
  const disks = [...(vmi.spec?.domain?.devices?.disks ?? [])];
  const order = (d: { bootOrder?: number }) => d.bootOrder ?? Number.MAX_SAFE_INTEGER;
  return disks.map((d, i) => ({ d, i })).sort((a, b) => order(a.d) - order(b.d) || a.i - b.i)[0]?.d.name;
}

/** The bound PVC behind a VMI disk's volume (a PVC or a DataVolume), when there is one. */
function boundClaim(client: ClusterClient, vmi: VMI, diskName: string | undefined) {
  const volume = (vmi.spec?.volumes ?? []).find((v) => v.name === diskName);
  const claim = volume?.persistentVolumeClaim?.claimName ?? volume?.dataVolume?.name;
  if (!claim) return undefined;
  const pvc = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim);
  const pv = pvc?.spec?.volumeName;
  if (!pv) return undefined;
  const capacity = (pvc.status as { capacity?: { storage?: string } } | undefined)?.capacity?.storage;
  return { pv, bytes: capacity ? quantityValue(capacity) : 0 };
}

/**
 * The bootable image in the volume of the VMI's boot disk, when that disk is a PVC or DataVolume
 * whose volume holds one.
 */
export function bootDiskFor(
  client: ClusterClient,
  vmi: VMI,
  volumes: VolumeStore | undefined,
): GuestOptions['bootDisk'] {
  if (!volumes) return undefined;
  const bound = boundClaim(client, vmi, bootDiskName(vmi));
  const disk = bound ? volumes.disk(bound.pv) : undefined;
  return disk ? bootDiskOf(disk.path, disk.format) : undefined;
}

/**
 * A real guest's PVC and DataVolume disks other than the one its firmware boots, in the VMI's
 * order, each its volume's disk image (a blank one of the PVC's size when the volume has none).
 */
export function dataDisksFor(client: ClusterClient, vmi: VMI, volumes: VolumeStore, booted: boolean): DataDisk[] {
  const boot = booted ? bootDiskName(vmi) : undefined;
  const out: DataDisk[] = [];
  for (const d of vmi.spec?.domain?.devices?.disks ?? []) {
    // hot-plugged volumes come later, through QMP (virt-handler's hot-plug)
    if (d.name === boot || isHotplugVolume((vmi.spec?.volumes ?? []).find((v) => v.name === d.name))) continue;
    const bound = boundClaim(client, vmi, d.name);
    const image = bound ? volumes.guestDisk(bound.pv, bound.bytes) : undefined;
    if (image) out.push({ name: d.name, path: image.path, format: image.format });
  }
  return out;
}

/** Boot-source hints for the OS guess: the guest layer's guess, then DataVolume source URLs. */
export function osHints(client: ClusterClient, vmi: VMI): string[] {
  const guessed = guessOsName(vmi);
  if (guessed) return [guessed];
  const hints: string[] = [];
  for (const v of vmi.spec?.volumes ?? []) {
    if (v.containerDisk?.image) hints.push(v.containerDisk.image);
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    if (!claim) continue;
    const dv = client.tryGet(ResourceKey.dataVolumes, vmi.metadata.namespace, claim);
    const src = (dv?.spec as { source?: { http?: { url?: string }; registry?: { url?: string } } } | undefined)?.source;
    if (src?.http?.url) hints.push(src.http.url);
    if (src?.registry?.url) hints.push(src.registry.url);
  }
  return hints;
}

export function guestOsOf(client: ClusterClient, vmi: VMI): GuestOs {
  return guestOsFor(osHints(client, vmi));
}

/**
 * The files of the disk the guest boots from when it is a PVC or DataVolume (the disk with the
 * lowest bootOrder, else the first one): the bound PVC's volume in `volumes`.
 */
export function bootDiskFiles(client: ClusterClient, vmi: VMI, volumes: VolumeData): GuestFiles | undefined {
  const disks = vmi.spec?.domain?.devices?.disks ?? [];
  const ordered = disks
    .filter((d) => d.bootOrder !== undefined)
    .sort((a, b) => (a.bootOrder ?? 0) - (b.bootOrder ?? 0));
  const boot = ordered[0] ?? disks[0];
  const volume = (vmi.spec?.volumes ?? []).find((v) => v.name === boot?.name);
  const claim = volume?.persistentVolumeClaim?.claimName ?? volume?.dataVolume?.name;
  if (!claim) return undefined;
  const handle = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim)?.spec?.volumeName;
  return handle ? volumes.files(handle) : undefined;
}

export function guestOptions(
  client: ClusterClient,
  vmi: VMI,
  net: { ip?: string; mac?: string },
  speed: number,
  emulation: boolean,
  volumes?: VolumeData,
  disks?: VolumeStore,
  /** A real guest (QEMU): it gets the disk images of its PVC and DataVolume disks. */
  realDisks = false,
): GuestOptions {
  const base = guestOptionsFromVmi(vmi, {
    ipAddress: net.ip,
    macAddress: net.mac,
    speed,
    emulation,
  });
  const disk = volumes ? bootDiskFiles(client, vmi, volumes) : undefined;
  const bootDisk = bootDiskFor(client, vmi, disks);
  const dataDisks = realDisks && disks ? dataDisksFor(client, vmi, disks, Boolean(bootDisk)) : [];
  const osName = guestOsOf(client, vmi).os;
  const keys = cloudInitKeys(client, vmi, base.user ?? osProfile(osName).defaultUser);
  return {
    ...base,
    osName,
    ...(Object.keys(keys).length ? { authorizedKeys: keys } : {}),
    disks: guestDisks(client, vmi, attachedTargets(vmi), disks),
    ...(disk ? { disk } : {}),
    ...(bootDisk ? { bootDisk } : {}),
    ...(dataDisks.length ? { dataDisks } : {}),
  };
}
