/**
 * The objects a new bootable volume is: a DataVolume that fills a PVC (uploaded, from a URL, or
 * from a registry) and a DataSource pointing at that PVC, as the OpenShift VM console creates
 * them. A VM then clones it with `dataVolumeTemplates[].spec.sourceRef` (kind DataSource).
 */
import type {
  V1beta1DataSource,
  V1beta1DataVolume,
  V1beta1DataVolumeSource,
  V1beta1StorageSpec,
} from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { DEFAULT_PREFERENCE_LABEL } from '../../../kubevirt/boot-sources';

/** Binds the PVC now even on WaitForFirstConsumer storage: an upload or import has no consumer pod. */
export const BIND_IMMEDIATE_ANNOTATION = 'cdi.kubevirt.io/storage.bind.immediate.requested';

export type VolumeSourceKind = 'upload' | 'url' | 'registry';
export type AccessMode = '' | 'ReadWriteOnce' | 'ReadWriteMany' | 'ReadOnlyMany';
export const ACCESS_MODES: readonly AccessMode[] = ['', 'ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany'];

export interface VolumeSpec {
  name: string;
  namespace: string;
  source: VolumeSourceKind;
  /** http(s) URL (url) or image reference (registry; docker:// is added when missing). */
  location?: string;
  /** Whole Gi. */
  sizeGi: number;
  /** '' for the cluster's default class. */
  storageClass: string;
  /** '' to let CDI take it from the storage profile. */
  accessMode: AccessMode;
  /** A VirtualMachineClusterPreference name for the DataSource's default-preference label; '' for none. */
  preference: string;
}

const registryUrl = (image: string): string =>
  /^(docker|oci-archive):\/\//.test(image.trim()) ? image.trim() : `docker://${image.trim()}`;

function volumeSource(spec: VolumeSpec): V1beta1DataVolumeSource {
  if (spec.source === 'url') return { http: { url: (spec.location ?? '').trim() } };
  if (spec.source === 'registry') return { registry: { url: registryUrl(spec.location ?? '') } };
  return { upload: {} };
}

function storage(spec: VolumeSpec): V1beta1StorageSpec {
  const out: V1beta1StorageSpec = { resources: { requests: { storage: `${spec.sizeGi}Gi` } } };
  if (spec.storageClass) out.storageClassName = spec.storageClass;
  // The enum type of the API package; the values are the same strings.
  if (spec.accessMode) out.accessModes = [spec.accessMode] as V1beta1StorageSpec['accessModes'];
  return out;
}

export function buildDataVolume(spec: VolumeSpec): V1beta1DataVolume {
  return {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      annotations: { [BIND_IMMEDIATE_ANNOTATION]: 'true' },
    },
    spec: { source: volumeSource(spec), storage: storage(spec) },
  };
}

/** The DataSource naming the DataVolume's PVC (CDI names the PVC after the DataVolume). */
export function buildDataSource(spec: VolumeSpec): V1beta1DataSource {
  const ds: V1beta1DataSource = {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataSource',
    metadata: { name: spec.name, namespace: spec.namespace },
    spec: { source: { pvc: { name: spec.name, namespace: spec.namespace } } },
  };
  if (spec.preference) ds.metadata!.labels = { [DEFAULT_PREFERENCE_LABEL]: spec.preference };
  return ds;
}

/** A DNS-1123 name from a file name: "Fedora-Cloud 41.x86_64.qcow2" → "fedora-cloud-41-x86-64". */
export function nameFromFile(fileName: string): string {
  const base = fileName.replace(/(\.(qcow2|img|raw|iso|vmdk|vdi|vhdx?))?(\.(gz|xz))?$/i, '');
  return base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
