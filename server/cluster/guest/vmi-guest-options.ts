/**
 * Reads what the guest needs from a VMI: hostname, OS (from the image or the template's
 * labels), cloud-init user/password/hostname, CPUs, memory, graphics device.
 */
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { parse } from 'yaml';
import type { GuestOptions } from './types.js';

export interface GuestRuntimeFacts {
  /** The VMI's IP (status.interfaces[0].ipAddress), shown by `ip a`. */
  ipAddress?: string;
  macAddress?: string;
  speed?: number;
  emulation?: boolean;
}

interface CloudConfig {
  user?: string | { name?: string };
  password?: string;
  hostname?: string;
  users?: ({ name?: string; plain_text_passwd?: string } | string)[];
  chpasswd?: { list?: string | string[]; users?: { name?: string; password?: string }[] };
}

function decodeUserData(vmi: V1VirtualMachineInstance): string | undefined {
  for (const volume of vmi.spec?.volumes ?? []) {
    const source = volume.cloudInitNoCloud ?? volume.cloudInitConfigDrive;
    if (!source) continue;
    if (source.userData) return source.userData;
    if (source.userDataBase64) return Buffer.from(source.userDataBase64, 'base64').toString('utf8');
  }
  return undefined;
}

/** user/password/hostname from a `#cloud-config` document (other user data is ignored). */
export function cloudInitCredentials(userData: string | undefined): {
  user?: string;
  password?: string;
  hostname?: string;
} {
  if (!userData || !userData.trimStart().startsWith('#cloud-config')) return {};
  let config: CloudConfig;
  try {
    config = (parse(userData) ?? {}) as CloudConfig;
  } catch {
    return {};
  }
  let user = typeof config.user === 'string' ? config.user : config.user?.name;
  let password = config.password;
  const firstUser = config.users?.find((u) => typeof u === 'object' && u.name);
  if (!user && typeof firstUser === 'object') user = firstUser.name;
  if (!password && typeof firstUser === 'object') password = firstUser.plain_text_passwd;
  const list = config.chpasswd?.list;
  const pairs = (Array.isArray(list) ? list : (list ?? '').split('\n')).map((l) => l.trim().split(':'));
  const pair = pairs.find(([name, pass]) => name && pass && (!user || name === user));
  if (!password && pair) {
    user ??= pair[0];
    password = pair[1];
  }
  const chUser = config.chpasswd?.users?.find((u) => u.password && (!user || u.name === user));
  if (!password && chUser) {
    user ??= chUser.name;
    password = chUser.password;
  }
  return { user, password, hostname: config.hostname };
}

/** Best guess of the OS: template labels/annotations, then disk image or volume names. */
export function guessOsName(vmi: V1VirtualMachineInstance): string | undefined {
  const meta = vmi.metadata ?? {};
  const annotations = meta.annotations ?? {};
  const labels = meta.labels ?? {};
  const fromLabels =
    annotations['vm.kubevirt.io/os'] ??
    labels['vm.kubevirt.io/os'] ??
    labels['kubevirt.io/os'] ??
    Object.keys(labels)
      .find((k) => k.startsWith('os.template.kubevirt.io/'))
      ?.split('/')[1];
  if (fromLabels) return fromLabels;
  if (vmi.spec?.domain?.features?.hyperv) return 'windows';
  const names = (vmi.spec?.volumes ?? []).flatMap((v) => [
    v.containerDisk?.image,
    v.dataVolume?.name,
    v.persistentVolumeClaim?.claimName,
    v.name,
  ]);
  return names.find((n) => n && /fedora|cirros|ubuntu|centos|rhel|debian|alpine|windows|win1|win2k/i.test(n));
}

/** Guest options for a VMI that is starting. */
export function guestOptionsFromVmi(vmi: V1VirtualMachineInstance, facts: GuestRuntimeFacts = {}): GuestOptions {
  const name = vmi.metadata?.name ?? 'vmi';
  const cloudInit = cloudInitCredentials(decodeUserData(vmi));
  const domain = vmi.spec?.domain;
  const cpu = domain?.cpu;
  const cpus = (cpu?.cores ?? 1) * (cpu?.sockets ?? 1) * (cpu?.threads ?? 1);
  const requests = domain?.resources?.requests as Record<string, string | undefined> | undefined;
  return {
    name,
    hostname: vmi.spec?.hostname ?? cloudInit.hostname ?? name,
    osName: guessOsName(vmi),
    user: cloudInit.user,
    password: cloudInit.password,
    ipAddress: facts.ipAddress,
    macAddress: facts.macAddress ?? domain?.devices?.interfaces?.[0]?.macAddress,
    cpus,
    memory: domain?.memory?.guest ?? requests?.memory,
    hasGraphics: domain?.devices?.autoattachGraphicsDevice !== false,
    emulation: facts.emulation,
    speed: facts.speed,
  };
}
