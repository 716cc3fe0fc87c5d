/** The CSI snapshot kinds' resource keys and how a storage class finds its VolumeSnapshotClass. */
import type { KObject } from '../../runtime/client.js';

export const VOLUME_SNAPSHOTS = 'volumesnapshots.snapshot.storage.k8s.io';
export const VOLUME_SNAPSHOT_CONTENTS = 'volumesnapshotcontents.snapshot.storage.k8s.io';
export const VOLUME_SNAPSHOT_CLASSES = 'volumesnapshotclasses.snapshot.storage.k8s.io';
export const SNAPSHOT_API_GROUP = 'snapshot.storage.k8s.io';
const DEFAULT_CLASS = 'snapshot.storage.kubernetes.io/is-default-class';

export interface SnapshotClassAnswer {
  /** The VolumeSnapshotClass's name, or '' when no class serves the storage class's provisioner. */
  name: string;
  error?: string;
}

/**
 * The VolumeSnapshotClass of a storage class, as KubeVirt's getVolumeSnapshotClassName
 * (pkg/storage/snapshot/snapshot.go): the classes whose driver is the storage class's
 * provisioner; one is the answer, several need one annotated as the default.
 */
export function snapshotClassFor(classes: KObject[], storageClass: KObject | undefined): SnapshotClassAnswer {
  if (!storageClass) return { name: '' };
  const provisioner = (storageClass as { provisioner?: unknown }).provisioner;
  const matches = classes.filter((c) => (c as { driver?: unknown }).driver === provisioner);
  if (matches.length === 0) return { name: '' };
  if (matches.length === 1) return { name: matches[0].metadata.name ?? '' };
  const byDefault = matches.find((c) => Object.hasOwn(c.metadata.annotations ?? {}, DEFAULT_CLASS));
  if (byDefault) return { name: byDefault.metadata.name ?? '' };
  return {
    name: '',
    error: `${matches.length} matching VolumeSnapshotClasses for ${storageClass.metadata.name ?? ''}`,
  };
}

/** The default VolumeSnapshotClass of a CSI driver (external-snapshotter's SetDefaultSnapshotClass). */
export function defaultClassOfDriver(classes: KObject[], driver: string): KObject | undefined {
  const ofDriver = classes.filter((c) => (c as { driver?: unknown }).driver === driver);
  const defaults = ofDriver.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true');
  return defaults.length === 1 ? defaults[0] : undefined;
}
