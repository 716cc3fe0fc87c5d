import { hashKey, notifyManager, type QueryClient } from '@tanstack/react-query';
import { k8sListAll } from '../client';
import type { K8sModel } from '../models';
import { k8sKeys, normalizeSelector, type K8sListKey } from '../query-keys';
import type { K8sResource, ListSelector, WatchEvent } from '../types';
import { watchUrl } from '../urls';
import { applyWatchEvents, type ListData } from './reducer';
import { AdaptiveBatcher, defaultNextFrame } from './adaptive-batcher';
import { nextStep, type BackoffOptions, type WatchEnd } from './reconnect';
import { browserSocketFactory, type SocketFactory, type WatchSocket } from './socket';

export interface WatchTarget<T extends K8sResource = K8sResource> {
  model: K8sModel<T>;
  selector: ListSelector;
}

/**
 * Lists a target. A long list may report its first pages through `onPage` (the items so far, a
 * prefix of one consistent snapshot) before it resolves with the complete list.
 */
export type ListFn = <T extends K8sResource>(
  target: WatchTarget<T>,
  signal?: AbortSignal,
  onPage?: (partial: ListData<T>) => void,
) => Promise<ListData<T>>;

/** How an observer came to see an object: a watch event, or an item of a list (a page of one). */
export type ObservedType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'LISTED';

/**
 * Told of the objects the manager receives as they arrive, before batching folds them: each watch
 * event's object, and the items of each list page (each item once per list).
 */
export type WatchObserver = (model: K8sModel, type: ObservedType, objects: readonly K8sResource[]) => void;

export interface WatchManagerOptions {
  queryClient: QueryClient;
  /** Defaults to the browser's WebSocket. */
  socketFactory?: SocketFactory;
  /** Page origin for ws:// URLs; defaults to window.location. */
  origin?: { protocol: string; host: string };
  /** Defaults to every page of the list through the proxy (a small first page, then larger ones). */
  list?: ListFn;
  /**
   * Events are applied at the next frame while few arrive, in windows up to this long under churn
   * (adaptive-batcher.ts): one cache update, and one re-render, per window.
   */
  maxBatchMs?: number;
  /** Defaults to the browser's next animation frame. */
  nextFrame?: (fn: () => void) => () => void;
  /** A watch with no subscribers stays open this long, so a quick remount reuses it. */
  lingerMs?: number;
  backoff?: BackoffOptions;
  /** Sees every listed object and every watch event (e.g. a history of the states objects passed through). */
  observe?: WatchObserver;
}

/** The first page is small so that a long list shows its first rows soon; the rest comes in larger pages. */
const FIRST_PAGE_LIMIT = 100;
const PAGE_LIMIT = 1000;

export const defaultList: ListFn = async (target, signal, onPage) => {
  const list = await k8sListAll(target.model, {
    ...target.selector,
    limit: FIRST_PAGE_LIMIT,
    nextLimit: PAGE_LIMIT,
    signal,
    onPage: onPage && ((l) => onPage({ items: l.items, resourceVersion: l.metadata?.resourceVersion ?? '' })),
  });
  return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
};

interface Entry {
  target: WatchTarget;
  key: K8sListKey;
  refs: number;
  /** Bumped whenever the entry's loop restarts or stops; stale callbacks compare and bail out. */
  generation: number;
  socket?: WatchSocket;
  timer?: ReturnType<typeof setTimeout>;
  lingerTimer?: ReturnType<typeof setTimeout>;
  failures: number;
  sawEvents: boolean;
  /** The loop gave up (a list error that retrying cannot fix); the next subscriber restarts it. */
  stopped: boolean;
  pending: WatchEvent[];
}

/**
 * List-then-watch, one reference-counted watch per query key. The list is the query's own fetch
 * (so react-query dedupes it with useQuery's); the watch starts from the list's resourceVersion and
 * its events are batched into the cache with setQueryData. See reconnect.ts for the recovery rules.
 */
export class WatchManager {
  private readonly entries = new Map<string, Entry>();
  private readonly o: Required<Omit<WatchManagerOptions, 'origin' | 'backoff' | 'observe'>> &
    Pick<WatchManagerOptions, 'origin' | 'backoff' | 'observe'>;
  private readonly batcher: AdaptiveBatcher;

  constructor(options: WatchManagerOptions) {
    this.o = {
      socketFactory: browserSocketFactory,
      list: defaultList,
      maxBatchMs: 250,
      nextFrame: defaultNextFrame,
      lingerMs: 2_000,
      ...options,
    };
    this.batcher = new AdaptiveBatcher(
      () =>
        notifyManager.batch(() => {
          for (const entry of this.entries.values()) this.flushEntry(entry);
        }),
      { nextFrame: this.o.nextFrame, maxWindowMs: this.o.maxBatchMs, now: () => Date.now() },
    );
  }

  /** The react-query options of a watched list; useQuery and the manager must use the same. */
  listQuery<T extends K8sResource>(target: WatchTarget<T>) {
    const normalized = { model: target.model, selector: normalizeSelector(target.model, target.selector) };
    const queryKey = k8sKeys.list(target.model, target.selector);
    const observe = this.o.observe;
    return {
      queryKey,
      queryFn: async ({ signal }: { signal?: AbortSignal }) => {
        // Pages are prefixes of one list: each item is told to the observer once.
        let told = 0;
        const tell = (items: readonly K8sResource[]) => {
          if (observe && items.length > told) observe(target.model, 'LISTED', items.slice(told));
          told = Math.max(told, items.length);
        };
        const list = await this.o.list(normalized, signal, (partial) => {
          if (signal?.aborted) return;
          tell(partial.items);
          this.showPartial(queryKey, partial);
        });
        if (!signal?.aborted) tell(list.items);
        return list;
      },
      staleTime: Infinity,
      structuralSharing: false,
      retry: false,
    } as const;
  }

  /** Starts (or joins) the watch for a target; call the returned function to leave it. */
  subscribe(target: WatchTarget): () => void {
    const key = k8sKeys.list(target.model, target.selector);
    const hash = hashKey(key);
    let entry = this.entries.get(hash);
    if (!entry) {
      entry = { target, key, refs: 0, generation: 0, failures: 0, sawEvents: false, stopped: false, pending: [] };
      this.entries.set(hash, entry);
      this.relist(entry, false);
    } else if (entry.stopped) {
      entry.failures = 0;
      this.relist(entry, true);
    }
    clearTimeout(entry.lingerTimer);
    entry.lingerTimer = undefined;
    entry.refs++;
    const e = entry;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      e.refs--;
      if (e.refs === 0) e.lingerTimer = setTimeout(() => this.stop(hash, e), this.o.lingerMs);
    };
  }

  /** Number of live watches (tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  /** Closes every watch. The manager can be used again afterwards. */
  dispose(): void {
    for (const [hash, entry] of [...this.entries]) this.stop(hash, entry);
    this.batcher.dispose();
  }

  private stop(hash: string, entry: Entry): void {
    if (this.entries.get(hash) !== entry) return;
    this.entries.delete(hash);
    this.halt(entry);
    clearTimeout(entry.lingerTimer);
    entry.pending = [];
    // Nothing keeps this data fresh any more: the next subscriber lists again.
    void this.o.queryClient.invalidateQueries({ queryKey: entry.key, exact: true, refetchType: 'none' });
  }

  /** Cancels the entry's socket and timer and invalidates its pending callbacks. */
  private halt(entry: Entry): number {
    entry.generation++;
    entry.socket?.close();
    entry.socket = undefined;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    return entry.generation;
  }

  /**
   * Shows the first pages of a list that is still arriving, unless the cache holds a complete list
   * (a re-list keeps showing it until the new list is complete rather than shrink to one page).
   */
  private showPartial(key: K8sListKey, partial: ListData): void {
    const current = this.o.queryClient.getQueryData<ListData>(key);
    if (current && !current.partial) return;
    this.o.queryClient.setQueryData<ListData>(key, { ...partial, partial: true });
  }

  private relist(entry: Entry, force: boolean): void {
    const gen = this.halt(entry);
    entry.stopped = false;
    const query = this.listQuery(entry.target);
    // Partial data is no list to watch from: join the list in flight (or list again after a failure).
    const partial = this.o.queryClient.getQueryData<ListData>(entry.key)?.partial;
    this.o.queryClient
      .fetchQuery({ ...query, staleTime: force || partial ? 0 : Infinity })
      .then((data) => {
        if (gen === entry.generation) this.watch(entry, data.resourceVersion);
      })
      .catch((error: unknown) => {
        if (gen === entry.generation) this.ended(entry, { kind: 'list-failed', error });
      });
  }

  private watch(entry: Entry, resourceVersion: string): void {
    const gen = this.halt(entry);
    entry.sawEvents = false;
    const origin = this.o.origin ?? window.location;
    const url = watchUrl(entry.target.model, entry.target.selector, resourceVersion, origin);
    entry.socket = this.o.socketFactory(url, {
      onOpen: () => undefined,
      onMessage: (text) => {
        if (gen !== entry.generation) return;
        let event: WatchEvent;
        try {
          event = JSON.parse(text) as WatchEvent;
        } catch {
          return;
        }
        if (event.type === 'ERROR') {
          this.ended(entry, { kind: 'error-event', status: event.object });
          return;
        }
        entry.sawEvents = true;
        if (this.o.observe && event.type !== 'BOOKMARK') this.o.observe(entry.target.model, event.type, [event.object]);
        entry.pending.push(event);
        this.batcher.add();
      },
      onClose: (code) => {
        if (gen === entry.generation) this.ended(entry, { kind: 'close', code });
      },
    });
  }

  private ended(entry: Entry, end: WatchEnd): void {
    this.flushEntry(entry);
    const step = nextStep(end, entry.failures, entry.sawEvents, this.o.backoff);
    entry.failures = step.failures;
    const gen = this.halt(entry);
    if (step.action === 'stop') {
      entry.stopped = true;
      return;
    }
    const run = () => {
      if (gen !== entry.generation) return;
      if (step.action === 'relist') {
        this.relist(entry, true);
        return;
      }
      const data = this.o.queryClient.getQueryData<ListData>(entry.key);
      if (data && !data.partial) this.watch(entry, data.resourceVersion);
      else this.relist(entry, true);
    };
    if (step.delayMs === 0) run();
    else entry.timer = setTimeout(run, step.delayMs);
  }

  private flushEntry(entry: Entry): void {
    if (!entry.pending.length) return;
    const events = entry.pending;
    entry.pending = [];
    this.o.queryClient.setQueryData<ListData>(entry.key, (old) => (old ? applyWatchEvents(old, events) : old));
  }
}
