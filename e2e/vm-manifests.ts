import { fixture } from '../test/support/fixtures.js';
import { expect, type KubeApi } from './fixtures/index.js';

/**
 * Manifests the specs create through the API, built from KubeVirt's own examples
 * (copied into test/fixtures/kubevirt-examples/).
 *
 * E2E_VM_IMAGE replaces the examples' container disk (registry:5000/...:devel, KubeVirt's CI
 * registry) in every VM the suite starts, for clusters that cannot pull it, e.g.
 * E2E_VM_IMAGE=quay.io/kubevirt/cirros-container-disk-demo:v1.6.2.
 */
export const vmImageOverride = process.env.E2E_VM_IMAGE || undefined;

/** A KubeVirt example manifest, parsed. */
export function example<T = Record<string, unknown>>(file: string): T {
  return fixture<T>(`kubevirt-examples/${file}`)[0];
}

type Volume = Record<string, unknown> & { containerDisk?: { image: string } };

interface VmManifest {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: {
    runStrategy: string;
    template: {
      metadata?: { labels?: Record<string, string> };
      spec: { domain: { devices: Record<string, unknown> }; networks?: unknown[]; volumes: Volume[] };
    };
  };
}

/** Replaces container disk images (a VM's template volumes or a VMI's volumes) with `image`. */
export function withContainerDiskImage<T>(manifest: T, image: string | undefined = vmImageOverride): T {
  if (!image) return manifest;
  const m = structuredClone(manifest) as {
    spec?: { volumes?: Volume[]; template?: { spec?: { volumes?: Volume[] } } };
  };
  const swap = (vs?: Volume[]) =>
    vs?.map((v) => (v.containerDisk ? { ...v, containerDisk: { ...v.containerDisk, image } } : v));
  if (m.spec?.volumes) m.spec.volumes = swap(m.spec.volumes);
  if (m.spec?.template?.spec?.volumes) m.spec.template.spec.volumes = swap(m.spec.template.spec.volumes);
  return m as T;
}

export interface CirrosOptions {
  runStrategy?: 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure';
  labels?: Record<string, string>;
  /** Labels of the VMI (the template's), e.g. for a Service selector. */
  templateLabels?: Record<string, string>;
  /** A masquerade interface on the pod network, so the VMI is live-migratable. */
  migratable?: boolean;
  /** Another container disk image (e.g. one that cannot be pulled). */
  image?: string;
  /** Extra domain devices, e.g. { autoattachGraphicsDevice: false }. */
  devices?: Record<string, unknown>;
  /** Replaces the cloud-init user data. */
  userData?: string;
}

/** The cirros example renamed into a namespace, Halted unless said otherwise. */
export function cirrosVm(namespace: string, name: string, o: CirrosOptions = {}): VmManifest {
  const vm = withContainerDiskImage(example<VmManifest>('vm-cirros.yaml'), o.image ?? vmImageOverride);
  vm.metadata = {
    ...vm.metadata,
    name,
    namespace,
    labels: { ...vm.metadata.labels, 'kubevirt.io/vm': name, ...o.labels },
  };
  vm.spec.runStrategy = o.runStrategy ?? 'Halted';
  const template = vm.spec.template;
  if (o.templateLabels)
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...o.templateLabels } };
  if (o.devices) Object.assign(template.spec.domain.devices, o.devices);
  if (o.userData !== undefined) {
    template.spec.volumes = template.spec.volumes.map((v) =>
      v.cloudInitNoCloud ? { ...v, cloudInitNoCloud: { userData: o.userData } } : v,
    );
  }
  if (o.migratable) {
    template.spec.domain.devices.interfaces = [{ name: 'default', masquerade: {} }];
    template.spec.networks = [{ name: 'default', pod: {} }];
  }
  return vm;
}

export const vmsPath = (namespace: string) => `/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines`;
export const vmisPath = (namespace: string) => `/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances`;

/** Creates a cirros VM through the API. */
export async function createCirros(
  api: KubeApi,
  namespace: string,
  name: string,
  o: CirrosOptions = {},
): Promise<void> {
  await api.create(vmsPath(namespace), cirrosVm(namespace, name, o));
}

/** Waits until the VM's printableStatus is `status` (through the API). */
export async function waitForVmStatus(
  api: KubeApi,
  namespace: string,
  name: string,
  status: string,
  timeout = 45_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const vm = await api.get(`${vmsPath(namespace)}/${name}`).catch(() => undefined);
        return (vm?.status as { printableStatus?: string } | undefined)?.printableStatus;
      },
      { timeout, message: `VM ${name} reaches ${status}` },
    )
    .toBe(status);
}

interface DataVolumeVm {
  metadata: { name: string; namespace?: string };
  spec: {
    runStrategy: string;
    dataVolumeTemplates: Array<{ metadata: { name: string }; spec: Record<string, unknown> & { pvc: object } }>;
    template: {
      spec: {
        domain: { devices: { disks: Array<Record<string, unknown>> } };
        volumes: Array<{ name: string; dataVolume?: { name: string } }>;
      };
    };
  };
}

/**
 * KubeVirt's Alpine DataVolume example with its disk on `csi-hostpath`, a storage class with a
 * VolumeSnapshotClass of its driver (as csi-driver-host-path deploys it, and the embedded cluster
 * too); `localDisk` adds a blank disk on `local`, which has none (KubeVirt leaves it out).
 */
export function snapshottableVm(
  namespace: string,
  name: string,
  o: { runStrategy?: string; localDisk?: boolean } = {},
): DataVolumeVm {
  const vm = example<DataVolumeVm>('vm-alpine-datavolume.yaml');
  vm.metadata = { ...vm.metadata, name, namespace };
  vm.spec.runStrategy = o.runStrategy ?? 'Always';
  const root = vm.spec.dataVolumeTemplates[0];
  root.metadata.name = `${name}-dv`;
  root.spec.pvc = { ...root.spec.pvc, storageClassName: 'csi-hostpath' };
  vm.spec.template.spec.volumes[0].dataVolume = { name: `${name}-dv` };
  if (o.localDisk) {
    vm.spec.dataVolumeTemplates.push({
      metadata: { name: `${name}-scratch` },
      spec: {
        source: { blank: {} },
        pvc: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'local' },
      },
    });
    vm.spec.template.spec.domain.devices.disks.push({ name: 'scratch', disk: { bus: 'virtio' } });
    vm.spec.template.spec.volumes.push({ name: 'scratch', dataVolume: { name: `${name}-scratch` } });
  }
  return vm;
}
