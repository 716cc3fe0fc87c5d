import type { BootSourceType, CloudInitMode, CreateVmForm, DiskBus, OsId, SizeUnit } from './form-state';

/** What an operating system choice fills in. */
export interface OsPreset {
  id: OsId;
  label: string;
  /** Container disk image (also the registry import image). */
  image: string;
  /** A cloud image to import over HTTP. */
  url: string;
  memory: string;
  memoryUnit: SizeUnit;
  cores: string;
  diskBus: DiskBus;
  diskSize: string;
  /** A VirtualMachineClusterPreference name (common-instancetypes naming). */
  preference: string;
  cloudInit: CloudInitMode;
  cloudUser: string;
  /** The boot source to switch to when the image cannot be a container disk. */
  bootSource?: BootSourceType;
  note?: string;
}

export const OS_PRESETS: readonly OsPreset[] = [
  {
    id: 'fedora',
    label: 'Fedora',
    image: 'quay.io/containerdisks/fedora:41',
    url: 'https://download.fedoraproject.org/pub/fedora/linux/releases/41/Cloud/x86_64/images/Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2',
    memory: '2',
    memoryUnit: 'Gi',
    cores: '1',
    diskBus: 'virtio',
    diskSize: '30',
    preference: 'fedora',
    cloudInit: 'user',
    cloudUser: 'fedora',
  },
  {
    id: 'centos-stream',
    label: 'CentOS Stream',
    image: 'quay.io/containerdisks/centos-stream:9',
    url: 'https://cloud.centos.org/centos/9-stream/x86_64/images/CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2',
    memory: '2',
    memoryUnit: 'Gi',
    cores: '1',
    diskBus: 'virtio',
    diskSize: '30',
    preference: 'centos.stream9',
    cloudInit: 'user',
    cloudUser: 'cloud-user',
  },
  {
    id: 'ubuntu',
    label: 'Ubuntu',
    image: 'quay.io/containerdisks/ubuntu:24.04',
    url: 'https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img',
    memory: '2',
    memoryUnit: 'Gi',
    cores: '1',
    diskBus: 'virtio',
    diskSize: '30',
    preference: 'ubuntu',
    cloudInit: 'user',
    cloudUser: 'ubuntu',
  },
  {
    id: 'cirros',
    label: 'CirrOS',
    image: 'quay.io/kubevirt/cirros-container-disk-demo:v1.6.2',
    url: 'https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img',
    memory: '128',
    memoryUnit: 'Mi',
    cores: '1',
    diskBus: 'virtio',
    diskSize: '1',
    preference: 'cirros',
    cloudInit: 'none',
    cloudUser: 'cirros',
  },
  {
    id: 'windows',
    label: 'Windows',
    image: '',
    url: '',
    memory: '4',
    memoryUnit: 'Gi',
    cores: '2',
    diskBus: 'sata',
    diskSize: '60',
    preference: 'windows.11',
    cloudInit: 'none',
    cloudUser: '',
    bootSource: 'url',
    note: 'Windows images are not redistributable: enter the URL of your own image.',
  },
  {
    id: 'other',
    label: 'Other',
    image: '',
    url: '',
    memory: '2',
    memoryUnit: 'Gi',
    cores: '1',
    diskBus: 'virtio',
    diskSize: '30',
    preference: '',
    cloudInit: 'none',
    cloudUser: '',
  },
];

export const presetFor = (id: OsId): OsPreset => OS_PRESETS.find((p) => p.id === id) ?? OS_PRESETS[0];

/** One setting a preset changed, shown to the user ("Memory: 2 GiB"). */
export interface AppliedSetting {
  label: string;
  value: string;
}

/**
 * Applies an OS preset: image, URL, memory, CPU, disk bus, disk size, cloud-init user and a
 * preference (only one the cluster has: `availablePreferences`). Returns the new form and what
 * was set.
 */
export function applyPreset(
  form: CreateVmForm,
  id: OsId,
  availablePreferences: readonly string[],
): { form: CreateVmForm; applied: AppliedSetting[] } {
  const p = presetFor(id);
  const preference = availablePreferences.includes(p.preference) ? p.preference : '';
  const bootSource = p.bootSource && form.kind === 'VirtualMachine' ? p.bootSource : form.bootSource;
  const next: CreateVmForm = {
    ...form,
    os: id,
    containerImage: p.image,
    registryImage: p.image,
    url: p.url,
    memory: p.memory,
    memoryUnit: p.memoryUnit,
    cores: p.cores,
    diskBus: p.diskBus,
    diskSize: p.diskSize,
    preference,
    cloudInit: p.cloudInit,
    cloudUser: p.cloudUser,
    bootSource,
  };
  return { form: next, applied: describePreset(p, preference) };
}

export function describePreset(p: OsPreset, preference: string): AppliedSetting[] {
  const out: AppliedSetting[] = [];
  if (p.image) out.push({ label: 'Image', value: p.image });
  if (p.url) out.push({ label: 'Image URL', value: p.url });
  out.push({ label: 'Memory', value: `${p.memory} ${p.memoryUnit}B` });
  out.push({ label: 'CPU cores', value: p.cores });
  out.push({ label: 'Disk bus', value: p.diskBus });
  out.push({
    label: 'Preference',
    value: preference || (p.preference ? `none (${p.preference} is not in this cluster)` : 'none'),
  });
  if (p.cloudInit === 'user') out.push({ label: 'Cloud-init user', value: p.cloudUser });
  if (p.bootSource)
    out.push({ label: 'Boot source', value: p.bootSource === 'url' ? 'Import from URL' : p.bootSource });
  return out;
}
