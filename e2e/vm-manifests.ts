import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { KubeApi } from './fixtures/index.js';

/** KubeVirt's own example VM (../shared/fixtures/kubevirt-examples/vm-cirros.yaml). */
const cirros = parse(readFileSync(new URL('../../shared/fixtures/kubevirt-examples/vm-cirros.yaml', import.meta.url), 'utf8')) as {
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    runStrategy: string;
    template: { spec: { domain: { devices: Record<string, unknown> }; networks?: unknown[]; volumes: Array<Record<string, unknown>> } };
  };
};

export interface CirrosOptions {
  runStrategy?: 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure';
  labels?: Record<string, string>;
  /** A masquerade interface on the pod network, so the VMI is live-migratable. */
  migratable?: boolean;
  /** Another container disk image (e.g. one that cannot be pulled). */
  image?: string;
}

/** The cirros example renamed into a namespace, Halted unless said otherwise. */
export function cirrosVm(namespace: string, name: string, o: CirrosOptions = {}) {
  const vm = structuredClone(cirros);
  vm.metadata = { ...vm.metadata, name, labels: { ...vm.metadata.labels, 'kubevirt.io/vm': name, ...o.labels } };
  (vm.metadata as Record<string, unknown>).namespace = namespace;
  vm.spec.runStrategy = o.runStrategy ?? 'Halted';
  if (o.image) vm.spec.template.spec.volumes = vm.spec.template.spec.volumes.map((v) => (v.containerDisk ? { ...v, containerDisk: { image: o.image as string } } : v));
  if (o.migratable) {
    vm.spec.template.spec.domain.devices.interfaces = [{ name: 'default', masquerade: {} }];
    vm.spec.template.spec.networks = [{ name: 'default', pod: {} }];
  }
  return vm;
}

export const vmsPath = (namespace: string) => `/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines`;

/** Creates cirros VMs through the API. */
export async function createCirros(api: KubeApi, namespace: string, name: string, o: CirrosOptions = {}): Promise<void> {
  await api.create(vmsPath(namespace), cirrosVm(namespace, name, o));
}
