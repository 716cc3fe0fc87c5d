/**
 * Edits of a VM's disks, volumes, interfaces and networks as merge-patch assignments (see
 * vm-edit.ts). Lists replace as a whole in a merge patch, so each edit rebuilds its lists from
 * the VM it applies to. Pure.
 */
import type {
  V1Disk,
  V1Interface,
  V1Network,
  V1VirtualMachine,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { Assignment } from './vm-edit';

type VM = V1VirtualMachine;

export const DISKS_PATH = ['spec', 'template', 'spec', 'domain', 'devices', 'disks'] as const;
export const INTERFACES_PATH = ['spec', 'template', 'spec', 'domain', 'devices', 'interfaces'] as const;
export const VOLUMES_PATH = ['spec', 'template', 'spec', 'volumes'] as const;
export const NETWORKS_PATH = ['spec', 'template', 'spec', 'networks'] as const;
export const DV_TEMPLATES_PATH = ['spec', 'dataVolumeTemplates'] as const;

export const disksOf = (vm: VM): V1Disk[] => vm.spec?.template?.spec?.domain?.devices?.disks ?? [];
export const volumesOf = (vm: VM): V1Volume[] => vm.spec?.template?.spec?.volumes ?? [];
export const interfacesOf = (vm: VM): V1Interface[] => vm.spec?.template?.spec?.domain?.devices?.interfaces ?? [];
export const networksOf = (vm: VM): V1Network[] => vm.spec?.template?.spec?.networks ?? [];

export type DiskBus = 'virtio' | 'sata' | 'scsi';

export type NewDiskSource = { type: 'blank'; size: string; storageClass?: string } | { type: 'pvc'; claimName: string };

export interface NewDisk {
  name: string;
  bus: DiskBus;
  source: NewDiskSource;
}

/** The DataVolume a blank disk of the VM gets: "<vm>-<disk>". */
export const blankDataVolumeName = (vm: VM, disk: string): string => `${vm.metadata?.name ?? 'vm'}-${disk}`;

/** A blank DataVolume's spec (CDI's blank source with the storage API). */
export function blankDataVolumeSpec(size: string, storageClass?: string) {
  return {
    source: { blank: {} },
    storage: {
      resources: { requests: { storage: size } },
      ...(storageClass ? { storageClassName: storageClass } : {}),
    },
  };
}

/** Adds a disk to a stopped VM's template: a blank one through a new dataVolumeTemplate, or an existing claim. */
export function addDisk(vm: VM, disk: NewDisk): Assignment[] {
  const out: Assignment[] = [
    { path: DISKS_PATH, value: [...disksOf(vm), { name: disk.name, disk: { bus: disk.bus } }] },
  ];
  if (disk.source.type === 'blank') {
    const dvName = blankDataVolumeName(vm, disk.name);
    out.push({ path: VOLUMES_PATH, value: [...volumesOf(vm), { name: disk.name, dataVolume: { name: dvName } }] });
    out.push({
      path: DV_TEMPLATES_PATH,
      value: [
        ...(vm.spec?.dataVolumeTemplates ?? []),
        { metadata: { name: dvName }, spec: blankDataVolumeSpec(disk.source.size, disk.source.storageClass) },
      ],
    });
  } else {
    const volume = { name: disk.name, persistentVolumeClaim: { claimName: disk.source.claimName } };
    out.push({ path: VOLUMES_PATH, value: [...volumesOf(vm), volume] });
  }
  return out;
}

/** Removes a disk, its volume and the dataVolumeTemplate only that volume used (the DataVolume itself stays). */
export function removeDisk(vm: VM, name: string): Assignment[] {
  const volume = volumesOf(vm).find((v) => v.name === name);
  const out: Assignment[] = [
    { path: DISKS_PATH, value: disksOf(vm).filter((d) => d.name !== name) },
    { path: VOLUMES_PATH, value: volumesOf(vm).filter((v) => v.name !== name) },
  ];
  const dv = volume?.dataVolume?.name;
  const templates = vm.spec?.dataVolumeTemplates ?? [];
  if (dv && templates.some((t) => t.metadata?.name === dv)) {
    out.push({ path: DV_TEMPLATES_PATH, value: templates.filter((t) => t.metadata?.name !== dv) });
  }
  return out;
}

/** Changes a disk's bus (keeping its type: disk, cdrom or lun). */
export function editDisk(vm: VM, name: string, change: { bus: DiskBus }): Assignment[] {
  const disks = disksOf(vm).map((d) => {
    if (d.name !== name) return d;
    if (d.cdrom) return { ...d, cdrom: { ...d.cdrom, bus: change.bus } };
    if (d.lun) return { ...d, lun: { ...d.lun, bus: change.bus } };
    return { ...d, disk: { ...d.disk, bus: change.bus } };
  });
  return [{ path: DISKS_PATH, value: disks }];
}

/** Sets every disk's and interface's bootOrder (absent or undefined: none). */
export function setBootOrder(vm: VM, order: Record<string, number | undefined>): Assignment[] {
  const apply = <T extends { name: string; bootOrder?: number }>(items: T[], prefix: string): T[] =>
    items.map((item) => {
      const { bootOrder: _drop, ...rest } = item;
      const n = order[`${prefix}/${item.name}`];
      return (n === undefined ? rest : { ...rest, bootOrder: n }) as T;
    });
  return [
    { path: DISKS_PATH, value: apply(disksOf(vm), 'disk') },
    { path: INTERFACES_PATH, value: apply(interfacesOf(vm), 'nic') },
  ];
}

export type NicBinding = 'masquerade' | 'bridge';

export interface NicSpec {
  name: string;
  model: string;
  binding: NicBinding;
  /** '' is the pod network; otherwise a NetworkAttachmentDefinition ("name" or "ns/name"). */
  network: string;
  macAddress?: string;
}

const interfaceOf = (nic: NicSpec, old?: V1Interface): V1Interface => {
  const { masquerade: _m, bridge: _b, macAddress: _mac, ...rest } = old ?? ({ name: nic.name } as V1Interface);
  return {
    ...rest,
    name: nic.name,
    model: nic.model,
    [nic.binding]: {},
    ...(nic.macAddress ? { macAddress: nic.macAddress } : {}),
  } as V1Interface;
};

const networkOf = (nic: NicSpec): V1Network =>
  nic.network ? { name: nic.name, multus: { networkName: nic.network } } : { name: nic.name, pod: {} };

/** Adds an interface and its network. */
export function addNic(vm: VM, nic: NicSpec): Assignment[] {
  return [
    { path: INTERFACES_PATH, value: [...interfacesOf(vm), interfaceOf(nic)] },
    { path: NETWORKS_PATH, value: [...networksOf(vm), networkOf(nic)] },
  ];
}

/** Changes an interface (model, binding, MAC) and its network. */
export function editNic(vm: VM, nic: NicSpec): Assignment[] {
  return [
    { path: INTERFACES_PATH, value: interfacesOf(vm).map((i) => (i.name === nic.name ? interfaceOf(nic, i) : i)) },
    { path: NETWORKS_PATH, value: networksOf(vm).map((n) => (n.name === nic.name ? networkOf(nic) : n)) },
  ];
}

/** Removes an interface and its network. */
export function removeNic(vm: VM, name: string): Assignment[] {
  return [
    { path: INTERFACES_PATH, value: interfacesOf(vm).filter((i) => i.name !== name) },
    { path: NETWORKS_PATH, value: networksOf(vm).filter((n) => n.name !== name) },
  ];
}

/** The NIC form's values for an existing interface. */
export function nicSpecOf(vm: VM, name: string): NicSpec {
  const i = interfacesOf(vm).find((x) => x.name === name);
  const n = networksOf(vm).find((x) => x.name === name);
  return {
    name,
    model: i?.model ?? 'virtio',
    binding: i?.bridge ? 'bridge' : 'masquerade',
    network: n?.multus?.networkName ?? '',
    macAddress: i?.macAddress,
  };
}
