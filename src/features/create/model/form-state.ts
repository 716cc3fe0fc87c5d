/**
 * The create form's state: plain strings exactly as the user typed them (so nothing is lost on a
 * failed create or a trip away from the page), turned into manifests by the builders.
 */

export type WorkloadKind = 'VirtualMachine' | 'VirtualMachineInstance';
export type OsId = 'fedora' | 'centos-stream' | 'ubuntu' | 'cirros' | 'windows' | 'other';
export type BootSourceType = 'dataSource' | 'containerDisk' | 'url' | 'registry' | 'pvc' | 'blank';
export type DiskBus = 'virtio' | 'sata' | 'scsi';
export type SizeUnit = 'Mi' | 'Gi';
export type SizingMode = 'custom' | 'instancetype';
export type CloudInitMode = 'none' | 'user' | 'custom';
/** Halted is not offered: "Start this VM after creation" unchecked gives it. */
export type RunStrategy = 'Always' | 'RerunOnFailure' | 'Manual' | 'Once';

export const RUN_STRATEGIES: readonly RunStrategy[] = ['Always', 'RerunOnFailure', 'Manual', 'Once'];
/** Bootable volumes (DataSources) first, as the OpenShift VM console offers them. */
export const BOOT_SOURCES: readonly BootSourceType[] = [
  'dataSource',
  'containerDisk',
  'url',
  'registry',
  'pvc',
  'blank',
];
export const DISK_BUSES: readonly DiskBus[] = ['virtio', 'sata', 'scsi'];

/** The boot sources that create a DataVolume (and so take a size and a storage class). */
export const DATA_VOLUME_SOURCES: readonly BootSourceType[] = ['dataSource', 'url', 'registry', 'pvc', 'blank'];

/** The sources that clone an existing volume: their size may be left empty (the source's size). */
export const CLONE_SOURCES: readonly BootSourceType[] = ['dataSource', 'pvc'];

export interface CreateVmForm {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  os: OsId;
  /** A VirtualMachineClusterPreference name; '' for none. */
  preference: string;
  bootSource: BootSourceType;
  containerImage: string;
  url: string;
  /** An image reference; `docker://` is added when missing. */
  registryImage: string;
  /** The PVC to clone, in the VM's namespace. */
  pvcName: string;
  /** The bootable volume to clone: "<namespace>/<name>" of a DataSource. */
  dataSource: string;
  diskSize: string;
  diskSizeUnit: SizeUnit;
  /** '' means the cluster's default storage class. */
  storageClass: string;
  diskBus: DiskBus;
  sizing: SizingMode;
  cores: string;
  memory: string;
  memoryUnit: SizeUnit;
  /** "<kind>/<name>", e.g. "VirtualMachineClusterInstancetype/u1.medium". */
  instancetype: string;
  cloudInit: CloudInitMode;
  cloudUser: string;
  cloudPassword: string;
  /** One public key per line. */
  sshKeys: string;
  /** Custom user data (cloud-config or a script). */
  userData: string;
  /** A NetworkAttachmentDefinition name attached as a second interface; '' for the pod network only. */
  secondaryNetwork: string;
  runStrategy: RunStrategy;
  startAfterCreate: boolean;
  /** "key=value" pairs separated by commas or new lines. */
  labels: string;
  description: string;
}

/** Every form field an error can point at. */
export type FieldId = keyof CreateVmForm;

export type FieldErrors = Partial<Record<FieldId, string>>;

/** A Fedora VM from a container disk, started after creation (the same values as the Fedora preset). */
export function initialForm(namespace: string): CreateVmForm {
  return {
    kind: 'VirtualMachine',
    namespace,
    name: '',
    os: 'fedora',
    preference: '',
    bootSource: 'containerDisk',
    containerImage: 'quay.io/containerdisks/fedora:41',
    url: 'https://download.fedoraproject.org/pub/fedora/linux/releases/41/Cloud/x86_64/images/Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2',
    registryImage: 'quay.io/containerdisks/fedora:41',
    pvcName: '',
    dataSource: '',
    diskSize: '30',
    diskSizeUnit: 'Gi',
    storageClass: '',
    diskBus: 'virtio',
    sizing: 'custom',
    cores: '1',
    memory: '2',
    memoryUnit: 'Gi',
    instancetype: '',
    cloudInit: 'user',
    cloudUser: 'fedora',
    cloudPassword: '',
    sshKeys: '',
    userData: '',
    secondaryNetwork: '',
    runStrategy: 'Always',
    startAfterCreate: true,
    labels: '',
    description: '',
  };
}

/** The run strategy sent: the chosen one when the VM starts, Halted (or Manual) when it does not. */
export function effectiveRunStrategy(form: Pick<CreateVmForm, 'runStrategy' | 'startAfterCreate'>): string {
  if (form.startAfterCreate) return form.runStrategy;
  return form.runStrategy === 'Manual' ? 'Manual' : 'Halted';
}

/** Whether the console must call the start subresource after creating (Manual never starts by itself). */
export const needsStartCall = (form: CreateVmForm): boolean =>
  form.kind === 'VirtualMachine' && form.startAfterCreate && form.runStrategy === 'Manual';

export const usesDataVolume = (form: CreateVmForm): boolean =>
  form.kind === 'VirtualMachine' && DATA_VOLUME_SOURCES.includes(form.bootSource);

/** The DataVolume a VM's dataVolumeTemplates create for its root disk. */
export const rootDataVolumeName = (vmName: string): string => `${vmName}-rootdisk`;

/** "VirtualMachineClusterInstancetype/u1.medium" → {kind, name}; undefined when empty or malformed. */
export function parseInstancetypeRef(ref: string): { kind: string; name: string } | undefined {
  const slash = ref.indexOf('/');
  if (slash <= 0 || slash === ref.length - 1) return undefined;
  return { kind: ref.slice(0, slash), name: ref.slice(slash + 1) };
}
