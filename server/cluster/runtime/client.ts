/**
 * The client the in-process components (controllers, seed, subresources) use: the equivalent of
 * client-go. It is generic over the resource key, so reads come back typed
 * (`client.tryGet(ResourceKey.vms, ns, name)` is a VirtualMachine; `resource-types.ts` maps keys
 * to types; a key it does not know gives plain `KObject`s).
 *
 * `ResourceClient<'sync'>` is the embedded store's client (`storeClient`): every write goes
 * through the same admission, validation, resourceVersion and watch machinery as an HTTP request;
 * reads are synchronous and always current; watch events arrive asynchronously, in commit order.
 * `ResourceClient<'async'>` is the same verbs with promised answers, what a client of a remote
 * kube-apiserver over HTTP (list, watch, create, update, patch, delete) provides.
 */
import type { KObject, ObjectMeta, WatchEventType } from '../store/types.js';
import { ResourceKey, type ObjectOf } from './resource-types.js';

export type { KObject, ObjectMeta };
export { ResourceKey };
export type { ObjectOf };

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
  /** dryRun=All: admitted and validated, not stored. */
  dryRun?: boolean;
  /** The user admission sees (see identity.ts); the store's default is "system:admin". */
  user?: string;
}

export interface ListOpts {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** The patch formats of the API: JSON patch, merge patch, strategic merge patch (built-in kinds), server-side apply. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface PatchOpts extends WriteOpts {
  force?: boolean;
  subresource?: 'status';
}

export interface TypedWatchEvent<T> {
  type: WatchEventType;
  object: T;
}

/**
 * What a write takes: the resource's type, or a plain object (builders such as the launcher pod
 * and the VMI from a VM produce those; the API server validates every write either way).
 */
export type Writable<K extends string> = ObjectOf<K> | KObject;

/** An answer: at once in process, a promise over HTTP. */
export type Answer<Mode extends 'sync' | 'async', T> = Mode extends 'sync' ? T : Promise<T>;

/** The API's verbs on resources named by their key: "pods", "virtualmachines.kubevirt.io". */
export interface ResourceClient<Mode extends 'sync' | 'async'> {
  /** GET; undefined when NotFound. */
  tryGet<K extends string>(res: K, namespace: string | undefined, name: string): Answer<Mode, ObjectOf<K> | undefined>;
  list<K extends string>(res: K, opts?: ListOpts): Answer<Mode, { items: ObjectOf<K>[]; resourceVersion?: string }>;
  create<K extends string>(res: K, obj: Writable<K>, opts?: WriteOpts): Answer<Mode, ObjectOf<K>>;
  /** PUT on the main endpoint (optimistic concurrency on metadata.resourceVersion). */
  update<K extends string>(res: K, obj: Writable<K>, opts?: WriteOpts): Answer<Mode, ObjectOf<K>>;
  /** PUT on /status (for kinds without /status: the main endpoint). */
  updateStatus<K extends string>(res: K, obj: Writable<K>, opts?: WriteOpts): Answer<Mode, ObjectOf<K>>;
  patch<K extends string>(
    res: K,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts?: PatchOpts,
  ): Answer<Mode, ObjectOf<K>>;
  delete<K extends string>(
    res: K,
    namespace: string | undefined,
    name: string,
    opts?: DeleteOptions,
  ): Answer<Mode, { object: ObjectOf<K>; deleted: boolean }>;
  /** Watches from `resourceVersion` (or from now, with the current objects as ADDED); returns stop(). */
  watch<K extends string>(
    res: K,
    opts: { resourceVersion?: string; namespace?: string },
    cb: (ev: TypedWatchEvent<ObjectOf<K>>) => void,
  ): () => void;
}

/** The in-process client: the verbs, answered at once, and read-modify-write with conflict retries. */
export interface ClusterClient extends ResourceClient<'sync'> {
  /** get → clone → `fn(copy)` (false skips the write) → update, retried on 409 Conflict. */
  mutate<K extends string>(
    res: K,
    namespace: string | undefined,
    name: string,
    fn: (obj: ObjectOf<K>) => void | false,
    opts?: WriteOpts & { subresource?: 'status' },
  ): ObjectOf<K>;
  /**
   * pods/{name}/binding, what kube-scheduler writes: sets spec.nodeName of an unassigned pod (a pod
   * update may not). 409 when the pod is assigned already, is being deleted, or its uid is not `uid`.
   */
  bind(namespace: string | undefined, name: string, node: string, opts?: WriteOpts & { uid?: string }): void;
}

/** A client of a remote kube-apiserver (issue 20): the same verbs over HTTP. */
export type RemoteClusterClient = ResourceClient<'async'>;

/** Records core/v1 Events (the event recorder of each component). */
export type EventRecorder = (
  involved: InvolvedObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
  host?: string,
) => void;

/** What an Event names: any stored object. */
export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

/** Whether an API error (a StatusError in process, a Status over HTTP) has this HTTP code. */
function hasCode(err: unknown, code: number): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e: { code?: unknown; status?: unknown } = err;
  const status: { code?: unknown } | undefined =
    typeof e.status === 'object' && e.status !== null ? e.status : undefined;
  return e.code === code || status?.code === code;
}

export function isNotFound(err: unknown): boolean {
  return hasCode(err, 404);
}

export function isConflict(err: unknown): boolean {
  return hasCode(err, 409);
}
