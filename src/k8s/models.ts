import type {
  IoK8sApiCoreV1Event,
  IoK8sApiCoreV1Namespace,
  IoK8sApiCoreV1Node,
  IoK8sApiCoreV1PersistentVolumeClaim,
  IoK8sApiCoreV1Pod,
  IoK8sApiCoreV1Secret,
  IoK8sApiCoreV1Service,
  IoK8sApiStorageV1StorageClass,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type {
  V1KubeVirt,
  V1VirtualMachine,
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceMigration,
  V1beta1VirtualMachineClusterInstancetype,
  V1beta1VirtualMachineClusterPreference,
  V1beta1VirtualMachineInstancetype,
  V1beta1VirtualMachinePreference,
  V1beta1VirtualMachineSnapshot,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type {
  V1beta1CDI,
  V1beta1DataImportCron,
  V1beta1DataSource,
  V1beta1DataVolume,
  V1beta1UploadTokenRequest,
} from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type { K8sResource } from './types';

/**
 * A resource kind the console talks to: its group/version/kind and REST names.
 * `T` is a phantom type so `useK8sList(VirtualMachineModel)` is typed as V1VirtualMachine[].
 */
export interface K8sModel<T extends K8sResource = K8sResource> {
  /** API group; '' for the core group (served under /api/v1). */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** REST resource name (lower-case plural), e.g. "virtualmachines". */
  readonly plural: string;
  readonly namespaced: boolean;
  /** Human-readable names for the UI. */
  readonly label: string;
  readonly labelPlural: string;
  /** Never set: carries the object type for inference only. */
  readonly __type?: T;
}

/** A model with its object type (the phantom `__type`). */
export const model = <T extends K8sResource>(m: Omit<K8sModel<T>, '__type'>): K8sModel<T> => m;

/** `apiVersion` as written in manifests: "v1" for core, else "group/version". */
export const apiVersionOf = (m: K8sModel): string => (m.group ? `${m.group}/${m.version}` : m.version);

/** "virtualmachines.kubevirt.io", "pods": how the API server names a resource in messages. */
export const qualifiedResource = (m: K8sModel): string => (m.group ? `${m.plural}.${m.group}` : m.plural);

/** The group where KubeVirt serves start/stop/restart/migrate/pause/unpause/vnc/console. */
export const KUBEVIRT_SUBRESOURCE_GROUP = 'subresources.kubevirt.io';

// KubeVirt
export const VirtualMachineModel = model<V1VirtualMachine>({
  group: 'kubevirt.io',
  version: 'v1',
  kind: 'VirtualMachine',
  plural: 'virtualmachines',
  namespaced: true,
  label: 'VirtualMachine',
  labelPlural: 'Virtual machines',
});
export const VirtualMachineInstanceModel = model<V1VirtualMachineInstance>({
  group: 'kubevirt.io',
  version: 'v1',
  kind: 'VirtualMachineInstance',
  plural: 'virtualmachineinstances',
  namespaced: true,
  label: 'VirtualMachineInstance',
  labelPlural: 'VirtualMachine instances',
});
export const VirtualMachineInstanceMigrationModel = model<V1VirtualMachineInstanceMigration>({
  group: 'kubevirt.io',
  version: 'v1',
  kind: 'VirtualMachineInstanceMigration',
  plural: 'virtualmachineinstancemigrations',
  namespaced: true,
  label: 'VirtualMachineInstanceMigration',
  labelPlural: 'VirtualMachineInstance migrations',
});
export const KubeVirtModel = model<V1KubeVirt>({
  group: 'kubevirt.io',
  version: 'v1',
  kind: 'KubeVirt',
  plural: 'kubevirts',
  namespaced: true,
  label: 'KubeVirt',
  labelPlural: 'KubeVirts',
});
export const VirtualMachineInstancetypeModel = model<V1beta1VirtualMachineInstancetype>({
  group: 'instancetype.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineInstancetype',
  plural: 'virtualmachineinstancetypes',
  namespaced: true,
  label: 'VirtualMachineInstancetype',
  labelPlural: 'Instance types',
});
export const VirtualMachineClusterInstancetypeModel = model<V1beta1VirtualMachineClusterInstancetype>({
  group: 'instancetype.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineClusterInstancetype',
  plural: 'virtualmachineclusterinstancetypes',
  namespaced: false,
  label: 'VirtualMachineClusterInstancetype',
  labelPlural: 'Cluster instance types',
});
export const VirtualMachinePreferenceModel = model<V1beta1VirtualMachinePreference>({
  group: 'instancetype.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachinePreference',
  plural: 'virtualmachinepreferences',
  namespaced: true,
  label: 'VirtualMachinePreference',
  labelPlural: 'Preferences',
});
export const VirtualMachineClusterPreferenceModel = model<V1beta1VirtualMachineClusterPreference>({
  group: 'instancetype.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineClusterPreference',
  plural: 'virtualmachineclusterpreferences',
  namespaced: false,
  label: 'VirtualMachineClusterPreference',
  labelPlural: 'Cluster preferences',
});
export const VirtualMachineSnapshotModel = model<V1beta1VirtualMachineSnapshot>({
  group: 'snapshot.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineSnapshot',
  plural: 'virtualmachinesnapshots',
  namespaced: true,
  label: 'VirtualMachineSnapshot',
  labelPlural: 'Snapshots',
});
// CDI
export const DataVolumeModel = model<V1beta1DataVolume>({
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'DataVolume',
  plural: 'datavolumes',
  namespaced: true,
  label: 'DataVolume',
  labelPlural: 'DataVolumes',
});
export const DataSourceModel = model<V1beta1DataSource>({
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'DataSource',
  plural: 'datasources',
  namespaced: true,
  label: 'DataSource',
  labelPlural: 'DataSources',
});
export const DataImportCronModel = model<V1beta1DataImportCron>({
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'DataImportCron',
  plural: 'dataimportcrons',
  namespaced: true,
  label: 'DataImportCron',
  labelPlural: 'DataImportCrons',
});
/** Asks CDI for a short-lived token that lets its upload proxy accept bytes for one PVC (create only). */
export const UploadTokenRequestModel = model<V1beta1UploadTokenRequest>({
  group: 'upload.cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'UploadTokenRequest',
  plural: 'uploadtokenrequests',
  namespaced: true,
  label: 'UploadTokenRequest',
  labelPlural: 'UploadTokenRequests',
});
/** CDI's operator CR (cluster-scoped; CDI itself runs in the `cdi` namespace). */
export const CDIModel = model<V1beta1CDI>({
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'CDI',
  plural: 'cdis',
  namespaced: false,
  label: 'CDI',
  labelPlural: 'CDIs',
});

// Core and other Kubernetes kinds
export const NamespaceModel = model<IoK8sApiCoreV1Namespace>({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  label: 'Namespace',
  labelPlural: 'Namespaces',
});
export const SecretModel = model<IoK8sApiCoreV1Secret>({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  label: 'Secret',
  labelPlural: 'Secrets',
});
export const PodModel = model<IoK8sApiCoreV1Pod>({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  label: 'Pod',
  labelPlural: 'Pods',
});
export const ServiceModel = model<IoK8sApiCoreV1Service>({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  label: 'Service',
  labelPlural: 'Services',
});
export const EventModel = model<IoK8sApiCoreV1Event>({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  label: 'Event',
  labelPlural: 'Events',
});
export const NodeModel = model<IoK8sApiCoreV1Node>({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  label: 'Node',
  labelPlural: 'Nodes',
});
export const PersistentVolumeClaimModel = model<IoK8sApiCoreV1PersistentVolumeClaim>({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  namespaced: true,
  label: 'PersistentVolumeClaim',
  labelPlural: 'PersistentVolumeClaims',
});
export const StorageClassModel = model<IoK8sApiStorageV1StorageClass>({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  namespaced: false,
  label: 'StorageClass',
  labelPlural: 'StorageClasses',
});
// No type package covers these two; they are used through their metadata only.
export const RouteModel = model<K8sResource & { spec?: { host?: string; to?: { kind?: string; name?: string } } }>({
  group: 'route.openshift.io',
  version: 'v1',
  kind: 'Route',
  plural: 'routes',
  namespaced: true,
  label: 'Route',
  labelPlural: 'Routes',
});
export const NetworkAttachmentDefinitionModel = model<K8sResource & { spec?: { config?: string } }>({
  group: 'k8s.cni.cncf.io',
  version: 'v1',
  kind: 'NetworkAttachmentDefinition',
  plural: 'network-attachment-definitions',
  namespaced: true,
  label: 'NetworkAttachmentDefinition',
  labelPlural: 'Network attachment definitions',
});
