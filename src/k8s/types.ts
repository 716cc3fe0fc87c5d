import type {
  IoK8sApimachineryPkgApisMetaV1ObjectMeta as ObjectMeta,
  IoK8sApimachineryPkgApisMetaV1Status as Status,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';

export type { ObjectMeta, Status };

/** List metadata as it is on the wire (the generated type renames `continue` to `_continue`). */
export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** What every Kubernetes object has. Concrete types come from @kubevirt-ui-ext/kubevirt-api. */
export interface K8sResource {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

export interface K8sList<T extends K8sResource = K8sResource> {
  apiVersion?: string;
  kind?: string;
  metadata?: ListMeta;
  items: T[];
}

/** One Kubernetes watch event as the API server streams it (one JSON text frame on a websocket). */
export type WatchEvent<T extends K8sResource = K8sResource> =
  { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: T } | { type: 'ERROR'; object: Status };

/** Selectors that narrow a list or a watch. */
export interface ListSelector {
  /** Omitted, or undefined: every namespace (for namespaced kinds). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * A CSI VolumeSnapshot (snapshot.storage.k8s.io/v1, kubernetes-csi/external-snapshotter): no type
 * package the console uses defines it, so the fields the console reads are written here.
 */
export interface VolumeSnapshot extends K8sResource {
  spec?: {
    source?: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: {
    boundVolumeSnapshotContentName?: string;
    creationTime?: string;
    readyToUse?: boolean;
    /** A quantity ("1Gi"): the smallest size a volume restored from it can have. */
    restoreSize?: string;
    error?: { message?: string; time?: string };
  };
}
