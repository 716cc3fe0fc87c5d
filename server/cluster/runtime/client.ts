/**
 * The slice of the embedded API server's store that the controllers use: the in-process
 * equivalent of client-go. Every write goes through the same admission, validation,
 * resourceVersion and watch machinery as an HTTP request. Reads are synchronous and always
 * current; watch events arrive asynchronously, in commit order.
 */
import type { KObject, WatchEvent } from '../store/types.js';

export type { KObject, WatchEvent };

export interface DeleteOptions {
  /** The user admission sees (see identity.ts); the store's default is "system:admin". */
  user?: string;
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  fieldManager?: string;
}

export interface WriteOpts {
  fieldManager?: string;
  /** The user admission sees (see identity.ts); the store's default is "system:admin". */
  user?: string;
}

/** Resources are named by their store key: "pods", "virtualmachines.kubevirt.io". */
export interface ClusterClient {
  tryGet(res: string, namespace: string | undefined, name: string): KObject | undefined;
  list(res: string, opts?: { namespace?: string; labelSelector?: string }): { items: KObject[] };
  create(res: string, obj: KObject, opts?: WriteOpts): KObject;
  /** PUT on the main endpoint (optimistic concurrency on metadata.resourceVersion). */
  update(res: string, obj: KObject, opts?: WriteOpts): KObject;
  /** PUT on /status (for kinds without /status: the main endpoint). */
  updateStatus(res: string, obj: KObject, opts?: WriteOpts): KObject;
  /** Read-modify-write with conflict retries; `fn` returning false skips the write. */
  mutate(
    res: string,
    namespace: string | undefined,
    name: string,
    fn: (obj: KObject) => void | false,
    opts?: WriteOpts & { subresource?: 'status' },
  ): KObject;
  delete(
    res: string,
    namespace: string | undefined,
    name: string,
    opts?: DeleteOptions,
  ): { object: KObject; deleted: boolean };
  watch(res: string, opts: { resourceVersion?: string }, cb: (ev: WatchEvent) => void): () => void;
}

/** Records core/v1 Events (the event recorder of each component). */
export type EventRecorder = (
  involved: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
  host?: string,
) => void;

export const R = {
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
} as const;

export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

export function isNotFound(err: unknown): boolean {
  return (
    (err as { code?: number; status?: { code?: number } })?.code === 404 ||
    (err as { status?: { code?: number } })?.status?.code === 404
  );
}

export function isConflict(err: unknown): boolean {
  return (
    (err as { code?: number; status?: { code?: number } })?.code === 409 ||
    (err as { status?: { code?: number } })?.status?.code === 409
  );
}
