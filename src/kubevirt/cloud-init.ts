/** A VM's cloud-init volume (NoCloud or ConfigDrive): its data, and the edit that sets it. Pure. */
import type { V1VirtualMachine, V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { DISKS_PATH, VOLUMES_PATH, disksOf, volumesOf } from './vm-device-edits';
import type { Assignment } from './vm-edit';

export interface CloudInitData {
  /** The volume's name; undefined when the VM has none. */
  volume?: string;
  kind: 'cloudInitNoCloud' | 'cloudInitConfigDrive';
  userData: string;
  networkData: string;
  /** Set when the data is in a Secret (secretRef / networkDataSecretRef) and not editable here. */
  secret?: string;
}

const b64 = (s: string | undefined): string => {
  if (!s) return '';
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
};

export function cloudInitOf(vm: V1VirtualMachine): CloudInitData {
  const v = volumesOf(vm).find((x) => x.cloudInitNoCloud || x.cloudInitConfigDrive);
  const kind = v?.cloudInitConfigDrive ? 'cloudInitConfigDrive' : 'cloudInitNoCloud';
  const src = v?.cloudInitNoCloud ?? v?.cloudInitConfigDrive;
  const secret = src?.secretRef?.name ?? src?.networkDataSecretRef?.name;
  return {
    volume: v?.name,
    kind,
    userData: src?.userData ?? b64(src?.userDataBase64),
    networkData: src?.networkData ?? b64(src?.networkDataBase64),
    secret,
  };
}

/** Sets the user and network data (plain text), adding a NoCloud volume and its disk when the VM has none. */
export function setCloudInit(vm: V1VirtualMachine, userData: string, networkData: string): Assignment[] {
  const current = cloudInitOf(vm);
  const data = { ...(userData ? { userData } : {}), ...(networkData ? { networkData } : {}) };
  if (!current.volume) {
    const name = 'cloudinitdisk';
    return [
      { path: DISKS_PATH, value: [...disksOf(vm), { name, disk: { bus: 'virtio' } }] },
      { path: VOLUMES_PATH, value: [...volumesOf(vm), { name, cloudInitNoCloud: data }] },
    ];
  }
  const volumes = volumesOf(vm).map((v): V1Volume => {
    if (v.name !== current.volume) return v;
    const old = v[current.kind] ?? {};
    const { userData: _u, userDataBase64: _ub, networkData: _n, networkDataBase64: _nb, ...rest } = old;
    return { ...v, [current.kind]: { ...rest, ...data } };
  });
  return [{ path: VOLUMES_PATH, value: volumes }];
}
