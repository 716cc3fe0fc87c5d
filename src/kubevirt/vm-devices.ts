/**
 * Disks and network interfaces of a VM, joined with their volumes, networks and (when running)
 * the VMI's reported interfaces.
 */
import type {
  V1DataVolumeTemplateSpec,
  V1Disk,
  V1Interface,
  V1VirtualMachine,
  V1VirtualMachineInstance,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { nameOf } from '../k8s/meta';

export type DiskKind = 'disk' | 'cdrom' | 'lun';

export type VolumeSourceType =
  | 'containerDisk'
  | 'dataVolume'
  | 'persistentVolumeClaim'
  | 'cloudInitNoCloud'
  | 'cloudInitConfigDrive'
  | 'emptyDisk'
  | 'ephemeral'
  | 'hostDisk'
  | 'configMap'
  | 'secret'
  | 'serviceAccount'
  | 'sysprep'
  | 'downwardMetrics'
  | 'downwardAPI'
  | 'memoryDump'
  | 'containerPath'
  | 'unknown';

export interface VolumeSource {
  type: VolumeSourceType;
  /** The image, DataVolume, claim, ConfigMap or Secret name; undefined for inline sources. */
  ref?: string;
  /** emptyDisk capacity. */
  capacity?: string;
}

export interface VmDisk {
  /** The disk's (and its volume's) name. */
  name: string;
  /** How the guest sees it; undefined for a volume with no disk entry. */
  kind?: DiskKind;
  bus?: string;
  bootOrder?: number;
  readonly?: boolean;
  source: VolumeSource;
  /** The DataVolume template when the volume is one of the VM's dataVolumeTemplates. */
  dataVolumeTemplate?: V1DataVolumeTemplateSpec;
}

/** What a volume points at. */
export function volumeSource(volume: V1Volume | undefined): VolumeSource {
  if (!volume) return { type: 'unknown' };
  if (volume.containerDisk) return { type: 'containerDisk', ref: volume.containerDisk.image };
  if (volume.dataVolume) return { type: 'dataVolume', ref: volume.dataVolume.name };
  if (volume.persistentVolumeClaim)
    return { type: 'persistentVolumeClaim', ref: volume.persistentVolumeClaim.claimName };
  if (volume.cloudInitNoCloud) return { type: 'cloudInitNoCloud' };
  if (volume.cloudInitConfigDrive) return { type: 'cloudInitConfigDrive' };
  if (volume.emptyDisk) return { type: 'emptyDisk', capacity: String(volume.emptyDisk.capacity ?? '') || undefined };
  if (volume.ephemeral) return { type: 'ephemeral', ref: volume.ephemeral.persistentVolumeClaim?.claimName };
  if (volume.hostDisk) return { type: 'hostDisk', ref: volume.hostDisk.path };
  if (volume.configMap) return { type: 'configMap', ref: volume.configMap.name };
  if (volume.secret) return { type: 'secret', ref: volume.secret.secretName };
  if (volume.serviceAccount) return { type: 'serviceAccount', ref: volume.serviceAccount.serviceAccountName };
  if (volume.sysprep) return { type: 'sysprep' };
  if (volume.downwardMetrics) return { type: 'downwardMetrics' };
  if (volume.downwardAPI) return { type: 'downwardAPI' };
  if (volume.memoryDump) return { type: 'memoryDump', ref: volume.memoryDump.claimName };
  if (volume.containerPath) return { type: 'containerPath', ref: volume.containerPath.path };
  return { type: 'unknown' };
}

function diskKind(disk: V1Disk): { kind: DiskKind; bus?: string; readonly?: boolean } {
  if (disk.cdrom) return { kind: 'cdrom', bus: disk.cdrom.bus, readonly: disk.cdrom.readonly ?? true };
  if (disk.lun) return { kind: 'lun', bus: disk.lun.bus, readonly: disk.lun.readonly };
  return { kind: 'disk', bus: disk.disk?.bus, readonly: disk.disk?.readonly };
}

/**
 * The VM template's disks in device order, each with its volume; then volumes that have no disk
 * entry (KubeVirt accepts some, like serviceAccount or downwardMetrics).
 */
export function vmDisks(vm: V1VirtualMachine | undefined): VmDisk[] {
  const spec = vm?.spec?.template?.spec;
  const volumes = new Map((spec?.volumes ?? []).map((v) => [v.name, v]));
  const templates = new Map((vm?.spec?.dataVolumeTemplates ?? []).map((t) => [nameOf(t), t]));
  const disks: V1Disk[] = spec?.domain?.devices?.disks ?? [];
  const out: VmDisk[] = disks.map((disk) => {
    const source = volumeSource(volumes.get(disk.name));
    return {
      name: disk.name,
      ...diskKind(disk),
      bootOrder: disk.bootOrder,
      source,
      dataVolumeTemplate: source.type === 'dataVolume' && source.ref ? templates.get(source.ref) : undefined,
    };
  });
  const withDisk = new Set(disks.map((d) => d.name));
  for (const [name, volume] of volumes) {
    if (!withDisk.has(name)) out.push({ name, source: volumeSource(volume) });
  }
  return out;
}

export type InterfaceBinding = 'masquerade' | 'bridge' | 'sriov' | 'slirp' | 'macvtap' | 'passt' | 'plugin' | 'unknown';

export interface VmInterface {
  name: string;
  binding: InterfaceBinding;
  /** The binding plugin's name when binding is 'plugin'. */
  bindingPlugin?: string;
  model?: string;
  /** "Pod networking" or the Multus NetworkAttachmentDefinition ("ns/name" or "name"). */
  network: string;
  networkType: 'pod' | 'multus' | 'unknown';
  /** From the spec, else what the VMI reports. */
  mac?: string;
  /** IPs the running VMI reports on this interface. */
  ips: string[];
  ports: Array<{ name?: string; port: number; protocol?: string }>;
}

function binding(i: V1Interface): { binding: InterfaceBinding; bindingPlugin?: string } {
  if (i.masquerade) return { binding: 'masquerade' };
  if (i.bridge) return { binding: 'bridge' };
  if (i.sriov) return { binding: 'sriov' };
  if (i.slirp) return { binding: 'slirp' };
  if (i.macvtap) return { binding: 'macvtap' };
  if (i.passt) return { binding: 'passt' };
  if (i.binding?.name) return { binding: 'plugin', bindingPlugin: i.binding.name };
  return { binding: 'unknown' };
}

/** The template's interfaces joined with their networks and the VMI's status.interfaces by name. */
export function vmInterfaces(vm: V1VirtualMachine | undefined, vmi?: V1VirtualMachineInstance): VmInterface[] {
  const spec = vm?.spec?.template?.spec;
  const networks = new Map((spec?.networks ?? []).map((n) => [n.name, n]));
  const reported = new Map((vmi?.status?.interfaces ?? []).map((s) => [s.name ?? '', s]));
  return (spec?.domain?.devices?.interfaces ?? []).map((i) => {
    const net = networks.get(i.name);
    const status = reported.get(i.name);
    const ips: string[] = [];
    for (const ip of [status?.ipAddress, ...(status?.ipAddresses ?? [])]) if (ip && !ips.includes(ip)) ips.push(ip);
    return {
      name: i.name,
      ...binding(i),
      model: i.model,
      network: net?.pod ? 'Pod networking' : (net?.multus?.networkName ?? ''),
      networkType: net?.pod ? 'pod' : net?.multus ? 'multus' : 'unknown',
      mac: i.macAddress || status?.mac,
      ips,
      ports: (i.ports ?? []).map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
    };
  });
}
