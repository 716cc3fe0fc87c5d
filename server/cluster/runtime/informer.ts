/**
 * A shared informer: a local cache of one resource kept current by a watch, with secondary
 * indexes and change handlers. Controllers read from informers and write through the client.
 */
import { type ClusterClient, type ObjectMeta, type ObjectOf, keyOf } from './client.js';
import { errorFields, type ClusterLog } from '../log.js';

/** Index values of an object. */
export type IndexFn<T = { metadata: ObjectMeta }> = (obj: T) => string[];

export interface InformerHandlers<T = { metadata: ObjectMeta }> {
  onChange(obj: T, old: T | undefined): void;
  onDelete?(obj: T): void;
}

/** The informer of resource `K` (a resource key); its objects are `ObjectOf<K>`. */
export class Informer<K extends string = string> {
  private readonly items = new Map<string, ObjectOf<K>>();
  private readonly indexes = new Map<string, { fn: IndexFn<ObjectOf<K>>; map: Map<string, Set<string>> }>();
  private readonly handlers: InformerHandlers<ObjectOf<K>>[] = [];
  private stopWatch?: () => void;

  constructor(
    private readonly client: ClusterClient,
    readonly resource: K,
    /** Reports an index function or handler that threw; the others still run. */
    private readonly log: ClusterLog = () => {},
  ) {}

  /** Runs `fn` for one object; a throw is logged as one line and does not stop the caller's loop. */
  private guard<R>(what: string, obj: ObjectOf<K>, fn: () => R, fallback: R): R {
    try {
      return fn();
    } catch (err) {
      this.log(`informer ${this.resource}: ${what} failed for ${keyOf(obj)}`, errorFields(err));
      return fallback;
    }
  }

  private indexValues(fn: IndexFn<ObjectOf<K>>, obj: ObjectOf<K>): string[] {
    return this.guard('index', obj, () => fn(obj).map(String), []);
  }

  addIndex(name: string, fn: IndexFn<ObjectOf<K>>): this {
    const map = new Map<string, Set<string>>();
    for (const [key, obj] of this.items) for (const v of this.indexValues(fn, obj)) addTo(map, v, key);
    this.indexes.set(name, { fn, map });
    return this;
  }

  on(handlers: InformerHandlers<ObjectOf<K>>): this {
    this.handlers.push(handlers);
    for (const obj of this.items.values())
      this.guard('handler', obj, () => handlers.onChange(obj, undefined), undefined);
    return this;
  }

  start(): void {
    if (this.stopWatch) return;
    this.stopWatch = this.client.watch(this.resource, {}, (ev) => {
      const obj: ObjectOf<K> = ev.object;
      if (ev.type === 'ADDED' || ev.type === 'MODIFIED') this.put(obj);
      else if (ev.type === 'DELETED') this.remove(obj);
    });
  }

  stop(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  get(namespace: string | undefined, name: string): ObjectOf<K> | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }

  getByKey(key: string): ObjectOf<K> | undefined {
    return this.items.get(key);
  }

  list(namespace?: string): ObjectOf<K>[] {
    const all = [...this.items.values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  byIndex(index: string, value: string): ObjectOf<K>[] {
    const keys = this.indexes.get(index)?.map.get(value);
    if (!keys) return [];
    return [...keys].flatMap((k) => {
      const o = this.items.get(k);
      return o ? [o] : [];
    });
  }

  get size(): number {
    return this.items.size;
  }

  private put(obj: ObjectOf<K>): void {
    const key = keyOf(obj);
    const old = this.items.get(key);
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion && old.metadata.uid === obj.metadata.uid)
      return;
    if (old) this.unindex(key, old);
    this.items.set(key, obj);
    for (const { fn, map } of this.indexes.values()) for (const v of this.indexValues(fn, obj)) addTo(map, v, key);
    for (const h of this.handlers) this.guard('handler', obj, () => h.onChange(obj, old), undefined);
  }

  private remove(obj: ObjectOf<K>): void {
    const key = keyOf(obj);
    const old = this.items.get(key);
    if (!old) return;
    this.unindex(key, old);
    this.items.delete(key);
    for (const h of this.handlers)
      this.guard('handler', obj, () => (h.onDelete ?? ((o: ObjectOf<K>) => h.onChange(o, o)))(obj), undefined);
  }

  private unindex(key: string, obj: ObjectOf<K>): void {
    for (const { fn, map } of this.indexes.values()) {
      for (const v of this.indexValues(fn, obj)) {
        const set = map.get(v);
        set?.delete(key);
        if (set && set.size === 0) map.delete(v);
      }
    }
  }
}

function addTo(map: Map<string, Set<string>>, v: string, key: string): void {
  let set = map.get(v);
  if (!set) map.set(v, (set = new Set()));
  set.add(key);
}

/** Index by controller owner uid. */
export const byOwnerUid: IndexFn = (obj) => (obj.metadata.ownerReferences ?? []).map((o) => o.uid);
/** Index by namespace. */
export const byNamespace: IndexFn = (obj) => [obj.metadata.namespace ?? ''];
