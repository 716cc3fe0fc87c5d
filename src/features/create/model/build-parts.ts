/**
 * The pieces of a VM / VMI spec built from the form: disks, volumes, networks, cloud-init and the
 * root DataVolume. Pure functions; the field names follow KubeVirt's API (kubevirt.io/api, as the KubeVirt API reference documents them).
 */
import type {
  V1DataVolumeTemplateSpec,
  V1Disk,
  V1DomainSpec,
  V1Interface,
  V1Network,
  V1VirtualMachineInstanceSpec,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type {
  V1beta1DataVolumeSource,
  V1beta1StorageSpec,
} from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { stringify } from 'yaml';
import { CLONE_SOURCES, rootDataVolumeName, usesDataVolume, type CreateVmForm } from './form-state';

export const ROOT_DISK = 'rootdisk';
export const CLOUD_INIT_DISK = 'cloudinitdisk';
export const POD_NETWORK = 'default';

/** "2" + "Gi" → "2Gi". */
export const quantity = (value: string, unit: string): string => `${value.trim()}${unit}`;

/** Adds `docker://` to a registry image reference, as CDI's registry source wants. */
export const registryUrl = (image: string): string =>
  /^(docker|oci-archive):\/\//.test(image.trim()) ? image.trim() : `docker://${image.trim()}`;

const sshKeyLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The cloud-init user data: a #cloud-config with the user, password and SSH keys, the custom text
 * as typed, or undefined when cloud-init is off (or the "user" mode has nothing to say).
 */
export function cloudInitUserData(form: CreateVmForm): string | undefined {
  if (form.cloudInit === 'none') return undefined;
  if (form.cloudInit === 'custom') return form.userData.trim() ? form.userData : undefined;
  const config: Record<string, unknown> = {};
  if (form.cloudUser.trim()) config.user = form.cloudUser.trim();
  if (form.cloudPassword) {
    config.password = form.cloudPassword;
    config.chpasswd = { expire: false };
  }
  const keys = sshKeyLines(form.sshKeys);
  if (keys.length) config.ssh_authorized_keys = keys;
  if (!Object.keys(config).length) return undefined;
  return `#cloud-config\n${stringify(config)}`;
}

function rootVolume(form: CreateVmForm): V1Volume {
  if (usesDataVolume(form)) return { name: ROOT_DISK, dataVolume: { name: rootDataVolumeName(form.name) } };
  return { name: ROOT_DISK, containerDisk: { image: form.containerImage.trim() } };
}

export function volumes(form: CreateVmForm): V1Volume[] {
  const out = [rootVolume(form)];
  const userData = cloudInitUserData(form);
  if (userData !== undefined) out.push({ name: CLOUD_INIT_DISK, cloudInitNoCloud: { userData } });
  return out;
}

/** The disks; without `withBus` their bus is left to the preference's preferredDiskBus. */
export function disks(form: CreateVmForm, withBus = true): V1Disk[] {
  const out: V1Disk[] = [{ name: ROOT_DISK, disk: withBus ? { bus: form.diskBus } : {}, bootOrder: 1 }];
  if (cloudInitUserData(form) !== undefined)
    out.push({ name: CLOUD_INIT_DISK, disk: withBus ? { bus: 'virtio' } : {} });
  return out;
}

/** The pod network with masquerade, plus a NetworkAttachmentDefinition on a bridge when chosen. */
export function networking(form: CreateVmForm): { interfaces: V1Interface[]; networks: V1Network[] } {
  const interfaces: V1Interface[] = [{ name: POD_NETWORK, masquerade: {} }];
  const networks: V1Network[] = [{ name: POD_NETWORK, pod: {} }];
  const nad = form.secondaryNetwork.trim();
  if (nad) {
    interfaces.push({ name: nad, bridge: {} });
    networks.push({ name: nad, multus: { networkName: nad } });
  }
  return { interfaces, networks };
}

/**
 * The domain: devices always; CPU, memory and disk buses unless an instance type and its
 * preference provide them (the VM then holds the matchers only, not expanded values).
 */
export function domain(form: CreateVmForm, withSizing: boolean): V1DomainSpec {
  const { interfaces } = networking(form);
  const out: V1DomainSpec = { devices: { disks: disks(form, withSizing), interfaces } };
  if (withSizing) {
    out.cpu = { cores: Number(form.cores), sockets: 1, threads: 1 };
    out.memory = { guest: quantity(form.memory, form.memoryUnit) };
  }
  return out;
}

export function vmiSpec(form: CreateVmForm, withSizing: boolean): V1VirtualMachineInstanceSpec {
  return {
    domain: domain(form, withSizing),
    networks: networking(form).networks,
    volumes: volumes(form),
  };
}

export function dataVolumeSource(form: CreateVmForm): V1beta1DataVolumeSource {
  switch (form.bootSource) {
    case 'url':
      return { http: { url: form.url.trim() } };
    case 'registry':
      return { registry: { url: registryUrl(form.registryImage) } };
    case 'pvc':
      return { pvc: { namespace: form.namespace, name: form.pvcName.trim() } };
    default:
      return { blank: {} };
  }
}

/** The storage request: size (optional for a clone, which then takes the source's) and class. */
export function storage(form: CreateVmForm): V1beta1StorageSpec {
  const out: V1beta1StorageSpec = {};
  const cloneWithoutSize = CLONE_SOURCES.includes(form.bootSource) && !form.diskSize.trim();
  if (!cloneWithoutSize) out.resources = { requests: { storage: quantity(form.diskSize, form.diskSizeUnit) } };
  if (form.storageClass) out.storageClassName = form.storageClass;
  return out;
}

/** "<namespace>/<name>" → the DataSource reference of a dataVolumeTemplate (CDI's sourceRef). */
export function dataSourceRef(value: string): { kind: 'DataSource'; namespace: string; name: string } {
  const slash = value.indexOf('/');
  return { kind: 'DataSource', namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}

/**
 * The root disk's DataVolume, as a VM's dataVolumeTemplates entry: a DataSource is cloned through
 * `sourceRef` (CDI resolves it to its PVC or snapshot), the rest through `source`.
 */
export function rootDataVolumeTemplate(form: CreateVmForm): V1DataVolumeTemplateSpec {
  if (form.bootSource === 'dataSource') {
    return {
      metadata: { name: rootDataVolumeName(form.name) },
      spec: { sourceRef: dataSourceRef(form.dataSource), storage: storage(form) },
    };
  }
  return {
    metadata: { name: rootDataVolumeName(form.name) },
    spec: { source: dataVolumeSource(form), storage: storage(form) },
  };
}
