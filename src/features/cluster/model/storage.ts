/** Which StorageClass is the cluster's default, and which one KubeVirt/CDI prefer for VM disks. */
import type { IoK8sApiStorageV1StorageClass } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { nameOf } from '../../../k8s/meta';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
/** CDI's choice for virtualization disks, ahead of the cluster default. */
export const DEFAULT_VIRT_CLASS_ANNOTATION = 'storageclass.kubevirt.io/is-default-virt-class';

const isTrue = (v: string | undefined) => v === 'true';

export function isDefaultStorageClass(sc: IoK8sApiStorageV1StorageClass): boolean {
  const a = sc.metadata?.annotations ?? {};
  return isTrue(a[DEFAULT_CLASS_ANNOTATION]) || isTrue(a[BETA_DEFAULT_CLASS_ANNOTATION]);
}

export function isDefaultVirtStorageClass(sc: IoK8sApiStorageV1StorageClass): boolean {
  return isTrue(sc.metadata?.annotations?.[DEFAULT_VIRT_CLASS_ANNOTATION]);
}

/** Defaults first, then by name. */
export function sortStorageClasses(list: IoK8sApiStorageV1StorageClass[]): IoK8sApiStorageV1StorageClass[] {
  const rank = (sc: IoK8sApiStorageV1StorageClass) =>
    isDefaultVirtStorageClass(sc) ? 0 : isDefaultStorageClass(sc) ? 1 : 2;
  return [...list].sort((a, b) => rank(a) - rank(b) || nameOf(a).localeCompare(nameOf(b)));
}
