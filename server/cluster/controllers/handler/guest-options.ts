/** What the guest behind a VMI looks like: OS (also from DataVolume sources), credentials, network. */
import { guessOsName, guestOptionsFromVmi } from '../../guest/vmi-guest-options.js';
import type { GuestOptions } from '../../guest/types.js';
import { ResourceKey, type ClusterClient } from '../../runtime/client.js';
import { guestOsFor, type GuestOs } from '../../kubevirt/conventions.js';
import type { VMI } from '../../kubevirt/types.js';

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

export function guestOptions(
  client: ClusterClient,
  vmi: VMI,
  net: { ip?: string; mac?: string },
  speed: number,
  emulation: boolean,
): GuestOptions {
  const base = guestOptionsFromVmi(vmi, {
    ipAddress: net.ip,
    macAddress: net.mac,
    speed,
    emulation,
  });
  return { ...base, osName: guestOsOf(client, vmi).os };
}
