/**
 * The embedded cluster's storage: Kubernetes semantics over plain JSON objects, in memory, with an
 * optional write-ahead log. The HTTP API layer and the in-process controllers both write through it.
 * Every object it returns is deep-frozen: `structuredClone` it before editing.
 */
import type { AdmitFn, AdmissionRequest } from './hooks.js';
import { WriteAheadLog, type ChangeType } from './persistence.js';
import { findByKind, getResource, apiVersionOf, RESOURCES, resourceKey, type ResourceInfo } from './resources.js';
import { parseFieldSelector, parseLabelSelector, matches, type Filter } from './selectors.js';
import { errors, StatusError } from './status.js';
import type { KObject, WatchEvent } from './types.js';
import { WatchHub, type WatchCallback } from './watch.js';
import { clone, deepFreeze, objectKey } from './util.js';
import { decodeContinue, encodeContinue, lowerBound } from './continue.js';
import type { ListOptions, ListResult, StoreOptions, WatchOptions, WriteOptions } from './options.js';
import { errorFields, type ClusterLog } from '../log.js';

export type {
  DeleteOptions,
  DeleteResult,
  ListOptions,
  ListResult,
  StoreOptions,
  UpdateOptions,
  WatchOptions,
  WriteOptions,
} from './options.js';

const COMPACTION_INTERVAL_MS = 5 * 60_000;

interface Table {
  objects: Map<string, KObject>;
  sorted: string[] | null;
}

export interface Commit {
  res: string;
  type: ChangeType;
  obj: KObject;
  prev?: KObject;
}

/** Internal state and the commit path; the public verbs live in Store (store-verbs). */
export class StoreCore {
  protected tables = new Map<string, Table>();
  protected uidIndex = new Map<string, { res: string; key: string }>();
  /** owner uid -> uids of objects whose ownerReferences name it */
  protected ownerIndex = new Map<string, Set<string>>();
  protected rv = 0;
  /**
   * Continue tokens from before this resourceVersion are expired (410), as after the etcd
   * compaction kube-apiserver runs every 5 minutes: lists are served from the current state, so
   * this does not follow the watch history's window.
   */
  private listCompactedRv = 0;
  private readonly compactor: NodeJS.Timeout;
  protected readonly hub: WatchHub;
  protected readonly wal?: WriteAheadLog;
  protected readonly log: ClusterLog;
  /** Admission hook (create/update/delete): the chain in admission/index.ts, set by startCluster. */
  admit?: AdmitFn;
  /** Called synchronously after every committed change (the Service registry; see onCommit). */
  protected listeners: ((c: Commit) => void)[] = [];

  constructor(opts: StoreOptions = {}) {
    this.log = opts.log ?? (() => {});
    this.hub = new WatchHub(
      opts.historySize ?? 20000,
      () => this.rv,
      (e) => this.log('watch callback failed', errorFields(e)),
      opts.historyBytes,
    );
    let lastTick = 0;
    this.compactor = setInterval(() => {
      this.listCompactedRv = lastTick;
      lastTick = this.rv;
    }, COMPACTION_INTERVAL_MS);
    this.compactor.unref();
    for (const r of RESOURCES) if (!r.virtual) this.tables.set(resourceKey(r), { objects: new Map(), sorted: null });
    if (opts.dataDir) {
      this.wal = new WriteAheadLog(opts.dataDir);
      const loaded = this.wal.load();
      for (const { res, obj } of loaded.objects) {
        const t = this.tables.get(res);
        if (!t) continue;
        const key = objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
        t.objects.set(key, deepFreeze(obj));
        this.uidIndex.set(obj.metadata.uid ?? '', { res, key });
        this.indexOwners(undefined, obj);
      }
      this.rv = loaded.rv;
      this.hub.seed(
        loaded.history.map((h) => ({ ...h, obj: deepFreeze(h.obj) })),
        loaded.history.length ? loaded.history[0].rv - 1 : this.rv,
      );
      this.wal.compact(this.rv, this.allObjects(), this.hub.historyTail);
    }
  }

  /** How many changes the watch history holds for resuming, and their serialized size. */
  get watchHistory(): { events: number; bytes: number } {
    return this.hub.historyStats;
  }

  /** The latest resourceVersion of the whole store (opaque to clients). */
  get resourceVersion(): string {
    return String(this.rv);
  }

  protected table(res: string): Table {
    const t = this.tables.get(res);
    if (!t) {
      const info = getResource(res);
      if (info.virtual) throw errors.methodNotAllowed();
    }
    return t!;
  }

  protected *allObjects(): Iterable<{ res: string; obj: KObject }> {
    for (const [res, t] of this.tables) for (const obj of t.objects.values()) yield { res, obj };
  }

  /** Writes a change: assigns the resourceVersion, makes it durable, applies it, notifies watchers. */
  protected commit(res: string, type: ChangeType, next: KObject, prev?: KObject): KObject {
    const t = this.table(res);
    this.rv++;
    next.metadata.resourceVersion = String(this.rv);
    const obj = deepFreeze(next);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
    try {
      this.wal?.append({ rv: this.rv, res, type, obj });
    } catch (e) {
      this.rv--;
      throw errors.internal(`failed to persist: ${String(e)}`);
    }
    this.indexOwners(prev, type === 'DELETED' ? undefined : obj);
    if (type === 'DELETED') {
      t.objects.delete(key);
      this.uidIndex.delete(obj.metadata.uid ?? '');
      t.sorted = null;
    } else {
      if (!t.objects.has(key)) t.sorted = null;
      t.objects.set(key, obj);
      this.uidIndex.set(obj.metadata.uid ?? '', { res, key });
    }
    this.hub.publish({ rv: this.rv, res, type, obj, prev });
    for (const l of this.listeners) {
      try {
        l({ res, type, obj, prev });
      } catch (e) {
        this.log('store listener failed', errorFields(e));
      }
    }
    if (this.wal && this.wal.appendedSinceCompaction > 100000)
      this.wal.compact(this.rv, this.allObjects(), this.hub.historyTail);
    return obj;
  }

  private indexOwners(prev: KObject | undefined, next: KObject | undefined): void {
    const uid = (next ?? prev)?.metadata.uid ?? '';
    for (const r of prev?.metadata.ownerReferences ?? []) this.ownerIndex.get(r.uid)?.delete(uid);
    for (const r of next?.metadata.ownerReferences ?? []) {
      const set = this.ownerIndex.get(r.uid) ?? new Set<string>();
      set.add(uid);
      this.ownerIndex.set(r.uid, set);
    }
    for (const r of prev?.metadata.ownerReferences ?? [])
      if (this.ownerIndex.get(r.uid)?.size === 0) this.ownerIndex.delete(r.uid);
  }

  /**
   * Calls `fn` synchronously after every committed change, in commit order (the in-process
   * garbage collector and namespace controller use it); returns the unsubscribe function.
   */
  onCommit(fn: (c: Commit) => void): () => void {
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Objects whose ownerReferences name `ownerUid`. */
  dependentsOf(ownerUid: string): { res: string; obj: KObject }[] {
    const out: { res: string; obj: KObject }[] = [];
    for (const uid of this.ownerIndex.get(ownerUid) ?? []) {
      const d = this.getByUid(uid);
      if (d) out.push(d);
    }
    return out;
  }

  /** Runs the admission hook; returns the (possibly mutated) object or throws its Status. */
  protected runAdmission(
    info: ResourceInfo,
    operation: AdmissionRequest['operation'],
    obj: KObject | undefined,
    old: KObject | undefined,
    opts: WriteOptions & { subresource?: string },
  ): KObject | undefined {
    if (!this.admit) return obj;
    const meta = (obj ?? old)!.metadata;
    const version = opts.version ?? info.versions[0];
    const storageApiVersion = apiVersionOf(info);
    const requestApiVersion = apiVersionOf(info, version);
    const asRequested = (o: KObject | undefined) =>
      o && requestApiVersion !== storageApiVersion ? { ...o, apiVersion: requestApiVersion } : o;
    const res = this.admit({
      operation,
      group: info.group,
      version,
      resource: info.plural,
      subresource: opts.subresource,
      kind: info.kind,
      namespace: meta.namespace,
      name: meta.name,
      object: asRequested(obj) as Record<string, unknown> | undefined,
      oldObject: asRequested(old) as Record<string, unknown> | undefined,
      dryRun: opts.dryRun ?? false,
      userName: opts.user ?? 'system:admin',
    });
    if (!res.allowed) throw new StatusError(res.status);
    if (res.warnings?.length && opts.warnings) opts.warnings.push(...res.warnings);
    const mutated = res.object as KObject | undefined;
    return mutated ? { ...mutated, apiVersion: storageApiVersion } : obj;
  }

  protected keyOf(info: ResourceInfo, namespace: string | undefined, name: string): string {
    return objectKey(info.namespaced ? namespace : undefined, name);
  }

  /** Get or undefined. The object is frozen. */
  tryGet(res: string, namespace: string | undefined, name: string): KObject | undefined {
    const info = getResource(res);
    return this.table(res).objects.get(this.keyOf(info, namespace, name));
  }

  /** Get or throw 404 NotFound. The object is frozen. */
  get(res: string, namespace: string | undefined, name: string): KObject {
    const o = this.tryGet(res, namespace, name);
    if (!o) {
      const info = getResource(res);
      throw errors.notFound(info.group, info.plural, name);
    }
    return o;
  }

  /** Finds an object by uid (any resource). */
  getByUid(uid: string): { res: string; obj: KObject } | undefined {
    const at = this.uidIndex.get(uid);
    if (!at) return undefined;
    const obj = this.tables.get(at.res)?.objects.get(at.key);
    return obj ? { res: at.res, obj } : undefined;
  }

  protected compileFilter(
    info: ResourceInfo,
    o: { namespace?: string; labelSelector?: string; fieldSelector?: string },
  ): Filter {
    return {
      namespace: info.namespaced && o.namespace ? o.namespace : undefined,
      labels: parseLabelSelector(o.labelSelector),
      fields: parseFieldSelector(o.fieldSelector, info.fieldSelectors),
    };
  }

  /** Sorted keys (namespace/name order, as etcd lists). */
  protected sortedKeys(res: string): string[] {
    const t = this.table(res);
    if (!t.sorted) t.sorted = [...t.objects.keys()].sort();
    return t.sorted;
  }

  /** Lists objects in key order; `limit` and `continue` page through them. */
  list(res: string, opts: ListOptions = {}): ListResult {
    const info = getResource(res);
    const filter = this.compileFilter(info, opts);
    const t = this.table(res);
    let start = 0;
    let listRv = this.rv;
    const keys = this.sortedKeys(res);
    if (opts.continue) {
      const c = decodeContinue(opts.continue);
      if (c.rv < this.listCompactedRv) {
        throw errors.gone(
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
        );
      }
      listRv = c.rv;
      start = lowerBound(keys, c.start);
    } else if (filter.namespace) {
      start = lowerBound(keys, `${filter.namespace}/`);
    }
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    const items: KObject[] = [];
    let i = start;
    for (; i < keys.length; i++) {
      const obj = t.objects.get(keys[i])!;
      if (filter.namespace && obj.metadata.namespace !== filter.namespace) {
        if (keys[i] > `${filter.namespace}/\uffff`) {
          i = keys.length;
          break;
        }
        continue;
      }
      if (!matches(filter, obj)) continue;
      if (items.length >= limit) break;
      items.push(obj);
    }
    const out: ListResult = { items, resourceVersion: String(listRv) };
    if (i < keys.length && items.length >= limit) {
      const last = items[items.length - 1];
      out.continue = encodeContinue(listRv, objectKey(last.metadata.namespace, last.metadata.name ?? '') + '\u0000');
      if (!filter.labels.length && !filter.fields.length) {
        let remaining = 0;
        for (let j = i; j < keys.length; j++) {
          if (!filter.namespace || keys[j].startsWith(`${filter.namespace}/`)) remaining++;
        }
        out.remainingItemCount = remaining;
      }
    }
    return out;
  }

  /** Watches a resource; returns an unsubscribe function. Throws 410 Expired when the version is too old. */
  watch(res: string, opts: WatchOptions, cb: WatchCallback): () => void {
    const info = getResource(res);
    const filter = this.compileFilter(info, opts);
    const w = this.hub.subscribe(res, filter, opts.resourceVersion, () => this.list(res, opts).items, cb, opts);
    return () => this.hub.unsubscribe(w);
  }

  /** Resolves an ownerReference-style (apiVersion, kind) to the store's resource key. */
  resourceFor(apiVersion: string, kind: string): string | undefined {
    const info = findByKind(apiVersion, kind);
    return info && !info.virtual ? resourceKey(info) : undefined;
  }

  /** Fills apiVersion/kind for in-process writers and checks them against the resource. */
  protected normalize(info: ResourceInfo, input: KObject, owned = false): KObject {
    const obj = owned ? input : clone(input);
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw errors.badRequest('the object is not a JSON object');
    if (!obj.metadata || typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) obj.metadata = {};
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    return obj;
  }

  close(): void {
    clearInterval(this.compactor);
    this.hub.stopAll();
    this.wal?.close();
  }
}

export type { WatchEvent };
