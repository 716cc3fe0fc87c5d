import type { IoK8sApiCoreV1PersistentVolumeClaim } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type { V1Disk, V1VirtualMachine, V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export type DiskSourceKind =
  | 'containerDisk'
  | 'dataVolume'
  | 'persistentVolumeClaim'
  | 'cloudInitNoCloud'
  | 'cloudInitConfigDrive'
  | 'emptyDisk'
  | 'other'
  | 'none';

export interface DataVolumeProgress {
  phase?: string;
  /** 0–100, or undefined when CDI reports "N/A" or nothing. */
  percent?: number;
  /** As CDI writes it: "45.67%", "N/A". */
  text?: string;
}

export interface DiskRow {
  name: string;
  /** disk, cdrom, lun; '-' for a volume no disk uses. */
  type: string;
  bus: string;
  sourceKind: DiskSourceKind;
  /** The image, claim or DataVolume name, or a description. */
  source: string;
  size?: string;
  dataVolume?: DataVolumeProgress;
  bootOrder?: number;
}

/** "45.67%" → 45.67; "N/A", "" or garbage → undefined. */
export function parseProgress(progress: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(progress ?? '');
  if (!m) return undefined;
  return Math.min(100, Number(m[1]));
}

function diskType(disk: V1Disk | undefined): { type: string; bus: string } {
  if (!disk) return { type: '-', bus: '-' };
  if (disk.cdrom) return { type: 'cdrom', bus: disk.cdrom.bus ?? 'sata' };
  if (disk.lun) return { type: 'lun', bus: disk.lun.bus ?? 'virtio' };
  return { type: 'disk', bus: disk.disk?.bus ?? 'virtio' };
}

interface Lookups {
  dataVolumes: Map<string, V1beta1DataVolume>;
  templates: Map<string, NonNullable<NonNullable<V1VirtualMachine['spec']>['dataVolumeTemplates']>[number]>;
  pvcs: Map<string, IoK8sApiCoreV1PersistentVolumeClaim>;
}

function storageRequest(spec: { pvc?: { resources?: { requests?: Record<string, string> } }; storage?: { resources?: { requests?: Record<string, string> } } } | undefined): string | undefined {
  return spec?.storage?.resources?.requests?.storage ?? spec?.pvc?.resources?.requests?.storage;
}

function volumeSource(volume: V1Volume | undefined, l: Lookups): Pick<DiskRow, 'sourceKind' | 'source' | 'size' | 'dataVolume'> {
  if (!volume) return { sourceKind: 'none', source: 'No volume' };
  if (volume.containerDisk) return { sourceKind: 'containerDisk', source: volume.containerDisk.image };
  if (volume.dataVolume) {
    const name = volume.dataVolume.name;
    const dv = l.dataVolumes.get(name);
    const template = l.templates.get(name);
    const progressText = dv?.status?.progress;
    return {
      sourceKind: 'dataVolume',
      source: name,
      size: storageRequest(dv?.spec) ?? storageRequest(template?.spec),
      dataVolume: dv ? { phase: dv.status?.phase, percent: parseProgress(progressText), text: progressText } : undefined,
    };
  }
  if (volume.persistentVolumeClaim) {
    const pvc = l.pvcs.get(volume.persistentVolumeClaim.claimName);
    return {
      sourceKind: 'persistentVolumeClaim',
      source: volume.persistentVolumeClaim.claimName,
      size: pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage,
    };
  }
  if (volume.cloudInitNoCloud) return { sourceKind: 'cloudInitNoCloud', source: 'cloud-init (NoCloud)' };
  if (volume.cloudInitConfigDrive) return { sourceKind: 'cloudInitConfigDrive', source: 'cloud-init (ConfigDrive)' };
  if (volume.emptyDisk) return { sourceKind: 'emptyDisk', source: 'Empty disk', size: volume.emptyDisk.capacity };
  const kind = Object.keys(volume).find((k) => k !== 'name') ?? 'unknown';
  return { sourceKind: 'other', source: kind };
}

/**
 * The Disks tab's rows: every disk of the VM's template with its volume, then volumes no disk
 * uses. DataVolumes and claims are looked up by name for their size and import progress.
 */
export function diskRows(
  vm: V1VirtualMachine,
  dataVolumes: V1beta1DataVolume[] = [],
  pvcs: IoK8sApiCoreV1PersistentVolumeClaim[] = [],
): DiskRow[] {
  const spec = vm.spec?.template?.spec;
  const disks = spec?.domain?.devices?.disks ?? [];
  const volumes = spec?.volumes ?? [];
  const lookups: Lookups = {
    dataVolumes: new Map(dataVolumes.map((d) => [d.metadata?.name ?? '', d])),
    templates: new Map((vm.spec?.dataVolumeTemplates ?? []).map((t) => [t.metadata?.name ?? '', t])),
    pvcs: new Map(pvcs.map((p) => [p.metadata?.name ?? '', p])),
  };
  const volumeByName = new Map(volumes.map((v) => [v.name, v]));
  const rows: DiskRow[] = disks.map((disk) => ({
    name: disk.name,
    ...diskType(disk),
    ...volumeSource(volumeByName.get(disk.name), lookups),
    bootOrder: disk.bootOrder,
  }));
  const used = new Set(disks.map((d) => d.name));
  for (const v of volumes) {
    if (!used.has(v.name)) rows.push({ name: v.name, ...diskType(undefined), ...volumeSource(v, lookups) });
  }
  return rows;
}

/** The names of the DataVolumes a VM uses (volumes and dataVolumeTemplates). */
export function dataVolumeNames(vm: V1VirtualMachine | undefined): string[] {
  const names = new Set<string>();
  for (const t of vm?.spec?.dataVolumeTemplates ?? []) if (t.metadata?.name) names.add(t.metadata.name);
  for (const v of vm?.spec?.template?.spec?.volumes ?? []) if (v.dataVolume?.name) names.add(v.dataVolume.name);
  return [...names];
}
