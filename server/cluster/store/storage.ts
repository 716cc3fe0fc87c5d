/**
 * The store's storage (what etcd is to kube-apiserver): one table of frozen objects per resource,
 * the uid and owner indexes, the resourceVersion counter and the optional write-ahead log. Every
 * change goes through {@link ObjectStorage.commit}, which versions it, makes it durable, applies it,
 * hands it to the watch cache and then to the commit listeners, in that order.
 */
import type { ClusterLog } from '../log.js';
import { errorFields } from '../log.js';
import { decodeContinue, encodeContinue, lowerBound } from './continue.js';
import type { ListOptions, ListResult } from './options.js';
import { WriteAheadLog, type ChangeType } from './persistence.js';
import { getResource, RESOURCES, resourceKey, type ResourceInfo } from './resources.js';
import { compileFilter, matches } from './selectors.js';
import { errors } from './status.js';
import type { KObject } from './types.js';
import { deepFreeze, objectKey } from './util.js';
import type { WatchHub } from './watch.js';

const COMPACTION_INTERVAL_MS = 5 * 60_000;
/** The write-ahead log is rewritten from the current state after this many appends. */
const WAL_COMPACTION_APPENDS = 100000;

/** A committed change, as commit listeners see it. */
export interface Commit {
  res: string;
  type: ChangeType;
  obj: KObject;
  prev?: KObject;
}

interface Table {
  objects: Map<string, KObject>;
  sorted: string[] | null;
}

export class ObjectStorage {
  private readonly tables = new Map<string, Table>();
  private readonly uidIndex = new Map<string, { res: string; key: string }>();
  /** owner uid -> uids of objects whose ownerReferences name it */
  private readonly ownerIndex = new Map<string, Set<string>>();
  private rv = 0;
  /**
   * Continue tokens from before this resourceVersion are expired (410), as after the etcd
   * compaction kube-apiserver runs every 5 minutes: lists are served from the current state, so
   * this does not follow the watch history's window.
   */
  private listCompactedRv = 0;
  private readonly compactor: NodeJS.Timeout;
  private readonly wal?: WriteAheadLog;
  private readonly listeners: ((c: Commit) => void)[] = [];

  /** Loads the write-ahead log of `dataDir`, if any, and seeds the watch cache with its history. */
  constructor(
    private readonly hub: WatchHub,
    private readonly log: ClusterLog,
    dataDir?: string,
  ) {
    let lastTick = 0;
    this.compactor = setInterval(() => {
      this.listCompactedRv = lastTick;
      lastTick = this.rv;
    }, COMPACTION_INTERVAL_MS);
    this.compactor.unref();
    for (const r of RESOURCES) if (!r.virtual) this.tables.set(resourceKey(r), { objects: new Map(), sorted: null });
    if (!dataDir) return;
    this.wal = new WriteAheadLog(dataDir);
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
    hub.seed(
      loaded.history.map((h) => ({ ...h, obj: deepFreeze(h.obj) })),
      loaded.history.length ? loaded.history[0].rv - 1 : this.rv,
    );
    this.wal.compact(this.rv, this.allObjects(), hub.historyTail);
  }

  /** The latest resourceVersion. */
  get currentRv(): number {
    return this.rv;
  }

  /** The objects of a resource, in no order. Throws 405 for virtual resources (reviews). */
  objects(res: string): Iterable<KObject> {
    return this.table(res).objects.values();
  }

  private table(res: string): Table {
    const t = this.tables.get(res);
    if (!t) {
      const info = getResource(res);
      if (info.virtual) throw errors.methodNotAllowed();
    }
    return t!;
  }

  private *allObjects(): Iterable<{ res: string; obj: KObject }> {
    for (const [res, t] of this.tables) for (const obj of t.objects.values()) yield { res, obj };
  }

  /** Calls `fn` synchronously after every committed change, in commit order; returns the unsubscribe function. */
  onCommit(fn: (c: Commit) => void): () => void {
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Writes a change: assigns the resourceVersion, makes it durable, applies it, notifies watchers. */
  commit(res: string, type: ChangeType, next: KObject, prev?: KObject): KObject {
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
    if (this.wal && this.wal.appendedSinceCompaction > WAL_COMPACTION_APPENDS)
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

  /** Objects whose ownerReferences name `ownerUid`. */
  dependentsOf(ownerUid: string): { res: string; obj: KObject }[] {
    const out: { res: string; obj: KObject }[] = [];
    for (const uid of this.ownerIndex.get(ownerUid) ?? []) {
      const d = this.getByUid(uid);
      if (d) out.push(d);
    }
    return out;
  }

  /** Get or undefined. The object is frozen. */
  tryGet(res: string, namespace: string | undefined, name: string): KObject | undefined {
    const info = getResource(res);
    return this.table(res).objects.get(keyOf(info, namespace, name));
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

  /** Sorted keys (namespace/name order, as etcd lists). */
  private sortedKeys(res: string): string[] {
    const t = this.table(res);
    if (!t.sorted) t.sorted = [...t.objects.keys()].sort();
    return t.sorted;
  }

  /** Lists objects in key order; `limit` and `continue` page through them. */
  list(res: string, opts: ListOptions = {}): ListResult {
    const info = getResource(res);
    const filter = compileFilter(info, opts);
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

  close(): void {
    clearInterval(this.compactor);
    this.wal?.close();
  }
}

/** The table key of an object: "namespace/name", or the name of cluster-scoped ones. */
export function keyOf(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return objectKey(info.namespaced ? namespace : undefined, name);
}
