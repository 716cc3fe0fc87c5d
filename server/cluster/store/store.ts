/**
 * The embedded cluster's store: Kubernetes semantics over plain JSON objects, in memory, with an
 * optional write-ahead log. The HTTP API layer and the in-process controllers both go through it.
 * Every object it returns is deep-frozen: `structuredClone` it before editing.
 *
 * It is made of named parts:
 * - storage (storage.ts): the versioned tables, indexes, write-ahead log and lists;
 * - the watch cache (watch.ts): the change history and the fan-out to watchers;
 * - the write verbs (verbs.ts), built on the storage and on admission: the admission hook set by
 *   the cluster (write-admission.ts), then the Service registry's allocations (service-registry.ts).
 */
import type { AdmitFn } from './hooks.js';
import type {
  DeleteOptions,
  DeleteResult,
  ListOptions,
  ListResult,
  StoreOptions,
  UpdateOptions,
  WatchOptions,
  WriteOptions,
} from './options.js';
import type { PatchType } from './patch/patch.js';
import { findByKind, getResource, resourceKey } from './resources.js';
import { compileFilter } from './selectors.js';
import { ServiceRegistry } from './service-registry.js';
import { ObjectStorage, type Commit } from './storage.js';
import type { KObject } from './types.js';
import { WriteVerbs, type PatchOptions } from './verbs.js';
import { WatchHub, type WatchCallback } from './watch.js';
import { admitWrite, type WriteAdmission } from './write-admission.js';
import { errorFields } from '../log.js';

const DEFAULT_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class Store {
  /** Admission hook (create/update/delete): the chain in admission/index.ts, set by startCluster. */
  admit?: AdmitFn;
  /** Cluster IPs and node ports of Services, allocated on the write (service-registry.ts). */
  readonly services = new ServiceRegistry();
  private readonly hub: WatchHub;
  private readonly storage: ObjectStorage;
  private readonly verbs: WriteVerbs;
  /** Admission, then what the Service registry does on a write (after admission, as in kube-apiserver). */
  private readonly admission: WriteAdmission = (info, operation, obj, old, opts) => {
    const admitted = admitWrite(this.admit, info, operation, obj, old, opts);
    if (info.group !== '' || info.plural !== 'services' || opts.subresource || !admitted || operation === 'DELETE')
      return admitted;
    return this.services.prepare(operation, admitted, old);
  };

  constructor(opts: StoreOptions = {}) {
    const log = opts.log ?? (() => {});
    this.hub = new WatchHub(
      opts.historySize ?? 20000,
      () => this.storage.currentRv,
      (e) => log('watch callback failed', errorFields(e)),
      opts.historyBytes,
    );
    this.storage = new ObjectStorage(this.hub, log, opts.dataDir);
    this.verbs = new WriteVerbs(this.storage, this.admission);
    for (const svc of this.storage.objects('services')) this.services.track(undefined, svc);
    this.storage.onCommit((c) => {
      if (c.res === 'services')
        this.services.track(
          c.prev ?? (c.type === 'DELETED' ? c.obj : undefined),
          c.type === 'DELETED' ? undefined : c.obj,
        );
    });
    for (const name of DEFAULT_NAMESPACES) {
      if (!this.tryGet('namespaces', undefined, name))
        this.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  }

  /** How many changes the watch history holds for resuming, and their serialized size. */
  get watchHistory(): { events: number; bytes: number } {
    return this.hub.historyStats;
  }

  /** The latest resourceVersion of the whole store (opaque to clients). */
  get resourceVersion(): string {
    return String(this.storage.currentRv);
  }

  /** Get or undefined. The object is frozen. */
  tryGet(res: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.storage.tryGet(res, namespace, name);
  }

  /** Get or throw 404 NotFound. The object is frozen. */
  get(res: string, namespace: string | undefined, name: string): KObject {
    return this.storage.get(res, namespace, name);
  }

  /** Finds an object by uid (any resource). */
  getByUid(uid: string): { res: string; obj: KObject } | undefined {
    return this.storage.getByUid(uid);
  }

  /** Objects whose ownerReferences name `ownerUid`. */
  dependentsOf(ownerUid: string): { res: string; obj: KObject }[] {
    return this.storage.dependentsOf(ownerUid);
  }

  /** Lists objects in key order; `limit` and `continue` page through them. */
  list(res: string, opts: ListOptions = {}): ListResult {
    return this.storage.list(res, opts);
  }

  /** Watches a resource; returns an unsubscribe function. Throws 410 Expired when the version is too old. */
  watch(res: string, opts: WatchOptions, cb: WatchCallback): () => void {
    const filter = compileFilter(getResource(res), opts);
    const w = this.hub.subscribe(res, filter, opts.resourceVersion, () => this.list(res, opts).items, cb, opts);
    return () => this.hub.unsubscribe(w);
  }

  /**
   * Calls `fn` synchronously after every committed change, in commit order (the in-process
   * garbage collector and namespace controller use it); returns the unsubscribe function.
   */
  onCommit(fn: (c: Commit) => void): () => void {
    return this.storage.onCommit(fn);
  }

  /** Resolves an ownerReference-style (apiVersion, kind) to the store's resource key. */
  resourceFor(apiVersion: string, kind: string): string | undefined {
    const info = findByKind(apiVersion, kind);
    return info && !info.virtual ? resourceKey(info) : undefined;
  }

  /** Creates an object (generateName, uid, timestamps, namespace checks, admission). */
  create(res: string, input: KObject, opts: WriteOptions & { namespace?: string } = {}): KObject {
    return this.verbs.create(res, input, opts);
  }

  /** Replaces an object (PUT). A resourceVersion in `input` must match (409 Conflict otherwise). */
  update(res: string, input: KObject, opts: UpdateOptions = {}): KObject {
    return this.verbs.update(res, input, opts);
  }

  /** Replaces only the status (the /status subresource, or the main endpoint for kinds without one). */
  updateStatus(res: string, input: KObject, opts: WriteOptions = {}): KObject {
    return this.verbs.updateStatus(res, input, opts);
  }

  /** Patches an object (json, merge, strategic merge, or server-side apply, which creates it when absent). */
  patch(
    res: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts: PatchOptions = {},
  ): KObject {
    return this.verbs.patch(res, namespace, name, type, body, opts);
  }

  /** Read, edit a mutable copy with `fn`, write back, retrying on conflicts (see verbs.ts). */
  mutate(
    res: string,
    namespace: string | undefined,
    name: string,
    fn: (obj: KObject) => void | false,
    opts: UpdateOptions = {},
  ): KObject {
    return this.verbs.mutate(res, namespace, name, fn, opts);
  }

  /** Deletes an object, honouring preconditions, finalizers and the propagation policy. */
  delete(res: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): DeleteResult {
    return this.verbs.delete(res, namespace, name, opts);
  }

  /** Deletes every object matching the list options; returns what was deleted or marked. */
  deleteCollection(res: string, list: ListOptions, opts: DeleteOptions = {}): KObject[] {
    return this.verbs.deleteCollection(res, list, opts);
  }

  /** The namespace controller's last step: drop the `kubernetes` finalizer and remove the namespace. */
  finalizeNamespace(name: string): void {
    this.verbs.finalizeNamespace(name);
  }

  close(): void {
    this.hub.stopAll();
    this.storage.close();
  }
}
