/** The store's watch hub: ordered fan-out to watchers, a history window for resuming, bookmarks. */
import type { ChangeType } from './persistence.js';
import { getResource, apiVersionOf } from './resources.js';
import { matches, type Filter } from './selectors.js';
import { errors } from './status.js';
import type { KObject, WatchEvent } from './types.js';

export interface HistoryEvent {
  rv: number;
  res: string;
  type: ChangeType;
  /** The object after the change (for DELETED: the last state, with the deletion's resourceVersion). */
  obj: KObject;
  /** The object before the change, if any. */
  prev?: KObject;
  /** The serialized size of `obj` (set by the hub). */
  size?: number;
}

/**
 * What the history may hold by default, in serialized bytes of its objects. They cost about three
 * times that in memory: the objects, and the JSON bytes and watch lines cached with them (api/).
 */
export const HISTORY_BYTES = 8 * 1024 * 1024;

/** The serialized size of an object (UTF-16 code units of its JSON: close to its bytes, without a second pass). */
function sizeOf(obj: KObject): number {
  return JSON.stringify(obj).length;
}

export type WatchCallback = (event: WatchEvent) => void;

interface Watcher {
  res: string;
  filter: Filter;
  cb: WatchCallback;
  startRv: number;
  initial: WatchEvent[] | null;
  stopped: boolean;
  timer?: NodeJS.Timeout;
}

/** Converts a change into what a watcher with this filter sees (kube cacher semantics). */
export function eventFor(filter: Filter, ev: HistoryEvent): WatchEvent | null {
  const cur = ev.type !== 'DELETED' && matches(filter, ev.obj);
  const old = ev.type === 'DELETED' ? matches(filter, ev.obj) : ev.prev !== undefined && matches(filter, ev.prev);
  if (ev.type === 'DELETED') return old ? { type: 'DELETED', object: ev.obj } : null;
  if (cur && !old) return { type: 'ADDED', object: ev.obj };
  if (cur && old) return { type: 'MODIFIED', object: ev.obj };
  if (!cur && old && ev.prev)
    return {
      type: 'DELETED',
      object: { ...ev.prev, metadata: { ...ev.prev.metadata, resourceVersion: String(ev.rv) } },
    };
  return null;
}

/**
 * kube-apiserver's watch cache keeps a bounded window of recent changes per resource; here one
 * window for all resources, bounded both by count (`historySize`) and by the serialized size of the
 * objects it holds (`historyBytes`), so large objects (up to 1.5 MiB each) cannot pin gigabytes,
 * including of objects deleted long ago. A watch from before the window gets 410 Expired and
 * re-lists, as from kube-apiserver.
 */
export class WatchHub {
  private history: HistoryEvent[] = [];
  private historyBytes = 0;
  /** Watches from a resourceVersion below this are too old (410). */
  compactedRv = 0;
  /** Changes not yet delivered: pending[pendingHead..] (a queue without O(n) shifts). */
  private pending: HistoryEvent[] = [];
  private pendingHead = 0;
  private watchers = new Map<string, Set<Watcher>>();
  private withInitial = new Set<Watcher>();
  private scheduled = false;
  private flushing = false;

  constructor(
    private readonly historySize: number,
    private readonly currentRv: () => number,
    private readonly onError: (e: unknown) => void,
    private readonly maxHistoryBytes = HISTORY_BYTES,
  ) {}

  /** Seeds the history (after a restart) and the oldest resumable version. */
  seed(history: HistoryEvent[], compactedRv: number): void {
    this.history = history.slice(-this.historySize);
    this.historyBytes = 0;
    for (const h of this.history) this.historyBytes += h.size ??= sizeOf(h.obj);
    this.compactedRv = this.history.length ? Math.max(compactedRv, this.history[0].rv - 1) : compactedRv;
    this.trim();
    // history read back from the log has no `prev`: reconstruct it so selector transitions stay right
    const last = new Map<string, KObject>();
    for (const h of this.history) {
      const key = `${h.res}|${h.obj.metadata.namespace ?? ''}|${h.obj.metadata.name}`;
      if (!h.prev && h.type !== 'ADDED') h.prev = last.get(key);
      if (h.type === 'DELETED') last.delete(key);
      else last.set(key, h.obj);
    }
  }

  get historyTail(): HistoryEvent[] {
    return this.history;
  }

  publish(ev: HistoryEvent): void {
    ev.size ??= sizeOf(ev.obj);
    this.history.push(ev);
    this.historyBytes += ev.size;
    this.trim();
    this.pending.push(ev);
    this.schedule();
  }

  /** Drops the oldest changes beyond the count or byte budget (down to 80% of it, so trims are rare). */
  private trim(): void {
    if (this.history.length <= this.historySize * 1.25 && this.historyBytes <= this.maxHistoryBytes) return;
    let drop = Math.max(0, this.history.length - this.historySize);
    let bytes = this.historyBytes;
    for (let i = 0; i < drop; i++) bytes -= this.history[i].size ?? 0;
    while (drop < this.history.length - 1 && bytes > this.maxHistoryBytes * 0.8)
      bytes -= this.history[drop++].size ?? 0;
    if (drop === 0) return;
    this.compactedRv = this.history[drop - 1].rv;
    this.history.splice(0, drop);
    this.historyBytes = bytes;
  }

  /** Changes held for resuming watches, and their serialized size. */
  get historyStats(): { events: number; bytes: number } {
    return { events: this.history.length, bytes: this.historyBytes };
  }

  get idle(): boolean {
    return this.pendingHead >= this.pending.length;
  }

  private nextPending(): HistoryEvent | undefined {
    if (this.pendingHead >= this.pending.length) return undefined;
    const ev = this.pending[this.pendingHead++];
    if (this.pendingHead >= this.pending.length) {
      this.pending = [];
      this.pendingHead = 0;
    }
    return ev;
  }

  /**
   * Subscribes. `initialState` is called for a watch without resourceVersion (or "0"): the matching
   * objects become synthetic ADDED events. Throws 410 Expired when the version is too old.
   */
  subscribe(
    res: string,
    filter: Filter,
    resourceVersion: string | undefined,
    initialState: () => KObject[],
    cb: WatchCallback,
    opts: { bookmarkIntervalMs?: number; initialEventsEnd?: boolean } = {},
  ): Watcher {
    const now = this.currentRv();
    const w: Watcher = { res, filter, cb, startRv: now, initial: [], stopped: false };
    if (!resourceVersion || resourceVersion === '0') {
      for (const o of initialState()) w.initial!.push({ type: 'ADDED', object: o });
    } else {
      if (!/^\d+$/.test(resourceVersion)) throw errors.badRequest(`invalid resource version: ${resourceVersion}`);
      const from = Number(resourceVersion);
      if (from < this.compactedRv) throw errors.gone(`too old resource version: ${from} (${this.compactedRv})`);
      for (const ev of this.history) {
        if (ev.rv <= from || ev.rv > now || ev.res !== res) continue;
        const out = eventFor(filter, ev);
        if (out) w.initial!.push(out);
      }
    }
    if (opts.initialEventsEnd) {
      w.initial!.push(this.bookmark(res, now, { 'k8s.io/initial-events-end': 'true' }));
    }
    const set = this.watchers.get(res) ?? new Set<Watcher>();
    set.add(w);
    this.watchers.set(res, set);
    if (w.initial!.length) this.withInitial.add(w);
    else w.initial = null;
    if (opts.bookmarkIntervalMs) {
      w.timer = setInterval(() => {
        if (!w.stopped && this.idle && !w.initial) this.deliver(w, this.bookmark(res, this.currentRv()));
      }, opts.bookmarkIntervalMs);
      w.timer.unref();
    }
    this.schedule();
    return w;
  }

  unsubscribe(w: Watcher): void {
    w.stopped = true;
    if (w.timer) clearInterval(w.timer);
    this.watchers.get(w.res)?.delete(w);
    this.withInitial.delete(w);
  }

  /** Stops every watcher (on close). */
  stopAll(): void {
    for (const set of this.watchers.values()) for (const w of set) this.unsubscribe(w);
  }

  private bookmark(res: string, rv: number, annotations?: Record<string, string>): WatchEvent {
    const info = getResource(res);
    const metadata: KObject['metadata'] = { resourceVersion: String(rv) };
    if (annotations) metadata.annotations = annotations;
    return { type: 'BOOKMARK', object: { kind: info.kind, apiVersion: apiVersionOf(info), metadata } };
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  private deliver(w: Watcher, ev: WatchEvent): void {
    try {
      w.cb(ev);
    } catch (e) {
      this.onError(e);
    }
  }

  private drainInitial(): void {
    for (const w of this.withInitial) {
      this.withInitial.delete(w);
      const list = w.initial ?? [];
      w.initial = null;
      for (const ev of list) {
        if (w.stopped) break;
        this.deliver(w, ev);
      }
    }
  }

  private flush(): void {
    this.scheduled = false;
    this.flushing = true;
    try {
      this.drainInitial();
      while (!this.idle || this.withInitial.size) {
        this.drainInitial();
        const ev = this.nextPending();
        if (!ev) continue;
        const set = this.watchers.get(ev.res);
        if (set) {
          for (const w of set) {
            if (w.stopped || ev.rv <= w.startRv) continue;
            const out = eventFor(w.filter, ev);
            if (out) this.deliver(w, out);
          }
        }
        this.drainInitial();
      }
    } finally {
      this.flushing = false;
    }
  }
}
