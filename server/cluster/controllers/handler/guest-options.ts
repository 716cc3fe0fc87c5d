/** What the guest behind a VMI looks like: OS (also from DataVolume sources), credentials, network. */
import { guessOsName, guestOptionsFromVmi } from '../../guest/vmi-guest-options.js';
import type { GuestOptions } from '../../guest/types.js';
import type { GuestFiles, VolumeData } from '../../guest/volume-data.js';
import { ResourceKey, type ClusterClient } from '../../runtime/client.js';
import { guestOsFor, type GuestOs } from '../../kubevirt/conventions.js';
import type { VMI } from '../../kubevirt/types.js';
import type { VolumeStore } from '../../cdi/volumes.js';
import { bootDiskOf } from '../../guest/qemu/boot-disk.js';
import { attachedTargets, guestDisks } from './guest-disks.js';

/**
 * The bootable image in the volume of the VMI's boot disk (lowest bootOrder, else the first
 * disk), when that disk is a PVC or DataVolume whose volume holds one.
 */
export function bootDiskFor(
  client: ClusterClient,
  vmi: VMI,
  volumes: VolumeStore | undefined,
): GuestOptions['bootDisk'] {
  if (!volumes) return undefined;
  const disks = [...(vmi.spec?.domain?.devices?.disks ?? [])];
  const order = (d: { bootOrder?: number }) => d.bootOrder ?? Number.MAX_SAFE_INTEGER;
  const first = disks.map((d, i) => ({ d, i })).sort((a, b) => order(a.d) - order(b.d) || a.i - b.i)[0]?.d;
  const volume = (vmi.spec?.volumes ?? []).find((v) => v.name === first?.name);
  const claim = volume?.persistentVolumeClaim?.claimName ?? volume?.dataVolume?.name;
  if (!claim) return undefined;
  const pv = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim)?.spec?.volumeName;
  const disk = pv ? volumes.disk(pv) : undefined;
  return disk ? bootDiskOf(disk.path, disk.format) : undefined;
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
): GuestOptions {
  const base = guestOptionsFromVmi(vmi, {
    ipAddress: net.ip,
    macAddress: net.mac,
    speed,
    emulation,
  });
  const disk = volumes ? bootDiskFiles(client, vmi, volumes) : undefined;
  const bootDisk = bootDiskFor(client, vmi, disks);
  return {
    ...base,
    osName: guestOsOf(client, vmi).os,
    disks: guestDisks(client, vmi, attachedTargets(vmi), disks),
    ...(disk ? { disk } : {}),
    ...(bootDisk ? { bootDisk } : {}),
  };
}
