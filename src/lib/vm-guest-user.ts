/** The user a VM's guest most likely has: cloud-init's `user:`, else the image's documented default. */
import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { defaultGuestUser } from './virtctl-commands';

interface DvSource {
  http?: { url?: string };
  registry?: { url?: string };
}

/** Image references and URLs a VM boots from (containerDisks, DataVolume template sources). */
export function bootHints(vm: V1VirtualMachine): string[] {
  const volumes = vm.spec?.template?.spec?.volumes ?? [];
  const images = volumes.flatMap((v) => (v.containerDisk?.image ? [v.containerDisk.image] : []));
  const sources = (vm.spec?.dataVolumeTemplates ?? []).flatMap((t) => {
    const src = t.spec?.source as DvSource | undefined;
    const ref = t.spec?.sourceRef?.name;
    return [src?.http?.url, src?.registry?.url, ref].filter((s): s is string => Boolean(s));
  });
  return [...images, ...sources];
}

/** `user: name` at the top level of the cloud-config. */
export function cloudInitUser(vm: V1VirtualMachine): string | undefined {
  for (const v of vm.spec?.template?.spec?.volumes ?? []) {
    const data = v.cloudInitNoCloud?.userData ?? v.cloudInitConfigDrive?.userData;
    const m = data ? /^user:\s*["']?([A-Za-z0-9._-]+)["']?\s*$/m.exec(data) : null;
    if (m) return m[1];
  }
  return undefined;
}

export function guestUserOf(vm: V1VirtualMachine): string | undefined {
  return cloudInitUser(vm) ?? defaultGuestUser(bootHints(vm));
}
