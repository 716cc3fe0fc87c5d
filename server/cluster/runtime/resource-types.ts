/**
 * The resources the in-process components read and write, by resource key (`plural.group`, or
 * `plural` for the core group), and the TypeScript type of each: the client is generic over the
 * key, so `client.tryGet(ResourceKey.vms, ns, name)` comes back as a VirtualMachine.
 * Types come from the KubeVirt API type package (`@kubevirt-ui-ext/kubevirt-api`), with the
 * store's metadata and the apiVersion/kind every stored object carries.
 */
import type {
  V1KubeVirt,
  V1VirtualMachine,
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceMigration,
  V1beta1VirtualMachineClusterInstancetype,
  V1beta1VirtualMachineClusterPreference,
  V1beta1VirtualMachineInstancetype,
  V1beta1VirtualMachinePreference,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { V1beta1CDI, V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type {
  IoK8sApiCoreV1ConfigMap,
  IoK8sApiCoreV1Endpoints,
  IoK8sApiCoreV1Event,
  IoK8sApiCoreV1Namespace,
  IoK8sApiCoreV1Node,
  IoK8sApiCoreV1PersistentVolume,
  IoK8sApiCoreV1PersistentVolumeClaim,
  IoK8sApiCoreV1Pod,
  IoK8sApiCoreV1Secret,
  IoK8sApiCoreV1Service,
  IoK8sApiCoreV1ServiceAccount,
  IoK8sApiDiscoveryV1EndpointSlice,
  IoK8sApiStorageV1StorageClass,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { KObject, ObjectMeta } from '../store/types.js';

/**
 * An object as the store holds it: the API type's fields, with apiVersion and kind always set and
 * the store's ObjectMeta (uid, resourceVersion, ownerReferences ... as the store writes them).
 */
export type Stored<T> = Omit<T, 'apiVersion' | 'kind' | 'metadata'> & {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
};

/** OpenShift's Route (route.openshift.io/v1): the fields the router reads and writes. */
export interface RouteFields {
  spec?: {
    host?: string;
    path?: string;
    to?: { kind?: string; name?: string; weight?: number };
    port?: { targetPort?: string | number };
    tls?: Record<string, unknown>;
    wildcardPolicy?: string;
  };
  status?: {
    ingress?: Array<{
      host?: string;
      routerName?: string;
      wildcardPolicy?: string;
      routerCanonicalHostname?: string;
      conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>;
    }>;
  };
}

/** Resource key -> the type of its objects. */
export interface ResourceTypes {
  namespaces: Stored<IoK8sApiCoreV1Namespace>;
  nodes: Stored<IoK8sApiCoreV1Node>;
  pods: Stored<IoK8sApiCoreV1Pod>;
  services: Stored<IoK8sApiCoreV1Service>;
  endpoints: Stored<IoK8sApiCoreV1Endpoints>;
  'endpointslices.discovery.k8s.io': Stored<IoK8sApiDiscoveryV1EndpointSlice>;
  persistentvolumeclaims: Stored<IoK8sApiCoreV1PersistentVolumeClaim>;
  persistentvolumes: Stored<IoK8sApiCoreV1PersistentVolume>;
  'storageclasses.storage.k8s.io': Stored<IoK8sApiStorageV1StorageClass>;
  serviceaccounts: Stored<IoK8sApiCoreV1ServiceAccount>;
  configmaps: Stored<IoK8sApiCoreV1ConfigMap>;
  secrets: Stored<IoK8sApiCoreV1Secret>;
  events: Stored<IoK8sApiCoreV1Event>;
  'virtualmachines.kubevirt.io': Stored<V1VirtualMachine>;
  'virtualmachineinstances.kubevirt.io': Stored<V1VirtualMachineInstance>;
  'virtualmachineinstancemigrations.kubevirt.io': Stored<V1VirtualMachineInstanceMigration>;
  'kubevirts.kubevirt.io': Stored<V1KubeVirt>;
  'datavolumes.cdi.kubevirt.io': Stored<V1beta1DataVolume>;
  'cdis.cdi.kubevirt.io': Stored<V1beta1CDI>;
  'virtualmachineinstancetypes.instancetype.kubevirt.io': Stored<V1beta1VirtualMachineInstancetype>;
  'virtualmachineclusterinstancetypes.instancetype.kubevirt.io': Stored<V1beta1VirtualMachineClusterInstancetype>;
  'virtualmachinepreferences.instancetype.kubevirt.io': Stored<V1beta1VirtualMachinePreference>;
  'virtualmachineclusterpreferences.instancetype.kubevirt.io': Stored<V1beta1VirtualMachineClusterPreference>;
  'routes.route.openshift.io': Stored<RouteFields>;
}

/** A resource the typed client knows. */
export type ResourceKey = keyof ResourceTypes;

/** The type of `K`'s objects (a key the map does not know: any stored object). */
export type ObjectOf<K extends string> = K extends ResourceKey ? ResourceTypes[K] : KObject;

/** Resource keys by a short name: `ResourceKey.vms` is `'virtualmachines.kubevirt.io'`. */
export const ResourceKey = {
  namespaces: 'namespaces',
  nodes: 'nodes',
  pods: 'pods',
  services: 'services',
  endpoints: 'endpoints',
  endpointSlices: 'endpointslices.discovery.k8s.io',
  pvcs: 'persistentvolumeclaims',
  pvs: 'persistentvolumes',
  storageClasses: 'storageclasses.storage.k8s.io',
  serviceAccounts: 'serviceaccounts',
  configMaps: 'configmaps',
  secrets: 'secrets',
  events: 'events',
  vms: 'virtualmachines.kubevirt.io',
  vmis: 'virtualmachineinstances.kubevirt.io',
  vmims: 'virtualmachineinstancemigrations.kubevirt.io',
  kubevirts: 'kubevirts.kubevirt.io',
  dataVolumes: 'datavolumes.cdi.kubevirt.io',
  cdis: 'cdis.cdi.kubevirt.io',
  instancetypes: 'virtualmachineinstancetypes.instancetype.kubevirt.io',
  clusterInstancetypes: 'virtualmachineclusterinstancetypes.instancetype.kubevirt.io',
  preferences: 'virtualmachinepreferences.instancetype.kubevirt.io',
  clusterPreferences: 'virtualmachineclusterpreferences.instancetype.kubevirt.io',
  routes: 'routes.route.openshift.io',
} as const satisfies Record<string, ResourceKey>;
