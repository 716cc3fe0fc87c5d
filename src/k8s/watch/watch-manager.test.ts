import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorFromResponse } from '../k8s-error';
import { VirtualMachineModel } from '../models';
import { k8sKeys } from '../query-keys';
import type { K8sResource } from '../types';
import type { ListData } from './reducer';
import type { SocketHandlers } from './socket';
import { WatchManager, type ListFn, type WatchObserver } from './watch-manager';

interface FakeSocket {
  url: string;
  h: SocketHandlers;
  closed: boolean;
  send: (event: unknown) => void;
}

const vm = (name: string, rv: string): K8sResource => ({ metadata: { name, namespace: 'ns1', resourceVersion: rv } });
const target = { model: VirtualMachineModel, selector: { namespace: 'ns1' } };
const key = k8sKeys.list(VirtualMachineModel, { namespace: 'ns1' });

function setup(lists: Array<ListData | Error>, customList?: ListFn, observe?: WatchObserver) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  const sockets: FakeSocket[] = [];
  const listCalls: number[] = [];
  const list = vi.fn(
    customList ??
      (async () => {
        listCalls.push(Date.now());
        const next = lists.length > 1 ? lists.shift() : lists[0];
        if (next instanceof Error) throw next;
        return structuredClone(next);
      }),
  ) as unknown as ListFn;
  const manager = new WatchManager({
    queryClient,
    list,
    origin: { protocol: 'https:', host: 'console.test' },
    maxBatchMs: 100,
    lingerMs: 1000,
    backoff: { baseMs: 500, random: () => 1 },
    observe,
    socketFactory: (url, h) => {
      const s: FakeSocket = { url, h, closed: false, send: (e) => h.onMessage(JSON.stringify(e)) };
      sockets.push(s);
      return { close: () => void (s.closed = true) };
    },
  });
  const data = () => queryClient.getQueryData<ListData>(key);
  const names = () => data()?.items.map((o) => o.metadata?.name);
  return { queryClient, manager, sockets, list, data, names };
}

// Lets promise callbacks (the list resolving, fetchQuery settling) run.
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('WatchManager', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lists, then watches from the list resourceVersion over wss', async () => {
    const t = setup([{ items: [vm('a', '3')], resourceVersion: '7' }]);
    t.manager.subscribe(target);
    await settle();
    expect(t.names()).toEqual(['a']);
    expect(t.sockets).toHaveLength(1);
    const url = new URL(t.sockets[0].url);
    expect(url.protocol).toBe('wss:');
    expect(url.host).toBe('console.test');
    expect(url.pathname).toBe('/api/kubernetes/apis/kubevirt.io/v1/namespaces/ns1/virtualmachines');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      watch: '1',
      resourceVersion: '7',
      allowWatchBookmarks: 'true',
    });
  });

  it('shares one watch per key and closes it after the last subscriber leaves', async () => {
    const t = setup([{ items: [], resourceVersion: '1' }]);
    const leave1 = t.manager.subscribe(target);
    const leave2 = t.manager.subscribe({
      model: VirtualMachineModel,
      selector: { namespace: 'ns1', labelSelector: '' },
    });
    await settle();
    expect(t.list).toHaveBeenCalledTimes(1);
    expect(t.sockets).toHaveLength(1);
    leave1();
    leave1();
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.sockets[0].closed).toBe(false);
    leave2();
    await vi.advanceTimersByTimeAsync(999);
    expect(t.sockets[0].closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.sockets[0].closed).toBe(true);
    expect(t.manager.size).toBe(0);
    expect(t.queryClient.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it('batches events into one cache update per window', async () => {
    const t = setup([{ items: [vm('a', '3')], resourceVersion: '7' }]);
    t.manager.subscribe(target);
    await settle();
    const updates = vi.fn();
    t.queryClient.getQueryCache().subscribe((e) => e.type === 'updated' && updates());
    const s = t.sockets[0];
    s.send({ type: 'ADDED', object: vm('b', '8') });
    s.send({ type: 'MODIFIED', object: vm('a', '9') });
    s.send({ type: 'DELETED', object: vm('b', '10') });
    expect(t.names()).toEqual(['a']);
    expect(t.data()?.resourceVersion).toBe('7');
    await vi.advanceTimersByTimeAsync(100);
    expect(updates).toHaveBeenCalledTimes(1);
    expect(t.data()).toEqual({ items: [vm('a', '9')], resourceVersion: '10' });
  });

  it('re-lists on ERROR 410 and watches again from the new resourceVersion', async () => {
    const t = setup([
      { items: [vm('a', '3')], resourceVersion: '7' },
      { items: [vm('a', '3'), vm('c', '40')], resourceVersion: '41' },
    ]);
    t.manager.subscribe(target);
    await settle();
    t.sockets[0].send({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' } });
    expect(t.sockets[0].closed).toBe(true);
    await settle();
    expect(t.list).toHaveBeenCalledTimes(2);
    expect(t.names()).toEqual(['a', 'c']);
    expect(t.sockets).toHaveLength(2);
    expect(new URL(t.sockets[1].url).searchParams.get('resourceVersion')).toBe('41');
  });

  it('re-lists with back-off after abnormal closes, and a healthy watch resets the back-off', async () => {
    const t = setup([{ items: [], resourceVersion: '1' }]);
    t.manager.subscribe(target);
    await settle();
    t.sockets[0].h.onClose(1006);
    await vi.advanceTimersByTimeAsync(499);
    expect(t.list).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.list).toHaveBeenCalledTimes(2);
    t.sockets[1].h.onClose(1006);
    await vi.advanceTimersByTimeAsync(999);
    expect(t.list).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.list).toHaveBeenCalledTimes(3);
    t.sockets[2].send({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '5' } } });
    t.sockets[2].h.onClose(1006);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.list).toHaveBeenCalledTimes(4);
  });

  it('applies events received before an abnormal close, then re-lists', async () => {
    const t = setup([
      { items: [], resourceVersion: '1' },
      { items: [vm('fresh', '9')], resourceVersion: '9' },
    ]);
    t.manager.subscribe(target);
    await settle();
    t.sockets[0].send({ type: 'ADDED', object: vm('x', '2') });
    t.sockets[0].h.onClose(1006);
    expect(t.names()).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.names()).toEqual(['fresh']);
  });

  it('re-watches without a list after a normal close of a healthy watch', async () => {
    const t = setup([{ items: [], resourceVersion: '1' }]);
    t.manager.subscribe(target);
    await settle();
    t.sockets[0].send({ type: 'BOOKMARK', object: { metadata: { resourceVersion: 'opaque-rv' } } });
    t.sockets[0].h.onClose(1000);
    expect(t.list).toHaveBeenCalledTimes(1);
    expect(t.sockets).toHaveLength(2);
    expect(new URL(t.sockets[1].url).searchParams.get('resourceVersion')).toBe('opaque-rv');
  });

  it('stops on a list error that retrying cannot fix, and leaves the error in the query', async () => {
    const t = setup([
      errorFromResponse(403, 'Forbidden', '{"kind":"Status","code":403,"reason":"Forbidden","message":"no"}'),
    ]);
    t.manager.subscribe(target);
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.list).toHaveBeenCalledTimes(1);
    expect(t.sockets).toHaveLength(0);
    expect(t.queryClient.getQueryState(key)?.error).toMatchObject({ reason: 'Forbidden' });
  });

  it('retries a list that failed with a server error', async () => {
    const t = setup([
      errorFromResponse(503, 'Service Unavailable', ''),
      { items: [vm('a', '1')], resourceVersion: '2' },
    ]);
    t.manager.subscribe(target);
    await settle();
    expect(t.sockets).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.names()).toEqual(['a']);
    expect(t.sockets).toHaveLength(1);
  });

  describe('a list that arrives page by page', () => {
    /** A list fn that reports `pages` one by one (each when `next()` is called), then resolves. */
    function pagedList(pages: K8sResource[][], resourceVersion: string) {
      let release: () => void = () => undefined;
      const next = () => release();
      const fn = (async (_target: unknown, _signal: AbortSignal | undefined, onPage?: (d: ListData) => void) => {
        const items: K8sResource[] = [];
        for (const [i, page] of pages.entries()) {
          items.push(...page);
          if (i === pages.length - 1) break;
          onPage?.({ items: [...items], resourceVersion });
          await new Promise<void>((r) => (release = r));
        }
        return { items, resourceVersion };
      }) as unknown as ListFn;
      return { fn, next };
    }

    it('shows the first pages as partial data, and watches only once the list is complete', async () => {
      const paged = pagedList([[vm('a', '1')], [vm('b', '2')], [vm('c', '3')]], '5');
      const t = setup([], paged.fn);
      t.manager.subscribe(target);
      await settle();
      expect(t.data()).toEqual({ items: [vm('a', '1')], resourceVersion: '5', partial: true });
      expect(t.sockets).toHaveLength(0);
      paged.next();
      await settle();
      expect(t.names()).toEqual(['a', 'b']);
      expect(t.data()?.partial).toBe(true);
      paged.next();
      await settle();
      expect(t.data()).toEqual({ items: [vm('a', '1'), vm('b', '2'), vm('c', '3')], resourceVersion: '5' });
      expect(t.data()?.partial).toBeUndefined();
      expect(t.sockets).toHaveLength(1);
      expect(new URL(t.sockets[0].url).searchParams.get('resourceVersion')).toBe('5');
    });

    it('keeps showing the complete list during a re-list instead of its first page', async () => {
      let calls = 0;
      let paged = pagedList([[vm('a', '1'), vm('b', '2')]], '5');
      const t = setup([], ((...args: Parameters<ListFn>) => {
        calls++;
        return paged.fn(...args);
      }) as ListFn);
      t.manager.subscribe(target);
      await settle();
      expect(t.names()).toEqual(['a', 'b']);
      paged = pagedList([[vm('a', '1')], [vm('b', '2'), vm('c', '9')]], '9');
      t.sockets[0].send({
        type: 'ERROR',
        object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' },
      });
      await settle();
      expect(calls).toBe(2);
      expect(t.names()).toEqual(['a', 'b']);
      expect(t.data()?.partial).toBeUndefined();
      paged.next();
      await settle();
      expect(t.names()).toEqual(['a', 'b', 'c']);
      expect(new URL(t.sockets[1].url).searchParams.get('resourceVersion')).toBe('9');
    });

    it('lists again after a list that failed half-way, never watching from its first pages', async () => {
      let calls = 0;
      const t = setup([], (async (_target: unknown, _signal: unknown, onPage?: (d: ListData) => void) => {
        calls++;
        if (calls === 1) {
          onPage?.({ items: [vm('a', '1')], resourceVersion: '5' });
          throw errorFromResponse(503, 'Service Unavailable', '');
        }
        return { items: [vm('a', '1'), vm('b', '2')], resourceVersion: '6' };
      }) as unknown as ListFn);
      t.manager.subscribe(target);
      await settle();
      expect(t.queryClient.getQueryState(key)?.status).toBe('error');
      expect(t.sockets).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(500);
      expect(calls).toBe(2);
      expect(t.data()).toEqual({ items: [vm('a', '1'), vm('b', '2')], resourceVersion: '6' });
      expect(t.sockets).toHaveLength(1);
    });
  });

  it('tells its observer of each listed item once and of each event as it arrives, before the batch is applied', async () => {
    const seen: string[] = [];
    const observe: WatchObserver = (model, type, objects) =>
      seen.push(
        `${model.kind} ${type} ${objects.map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`).join(',')}`,
      );
    let release: () => void = () => undefined;
    const paged = (async (_t: unknown, _s: unknown, onPage?: (d: ListData) => void) => {
      onPage?.({ items: [vm('a', '1')], resourceVersion: '5' });
      await new Promise<void>((r) => (release = r));
      return { items: [vm('a', '1'), vm('b', '2')], resourceVersion: '5' };
    }) as unknown as ListFn;
    const t = setup([], paged, observe);
    t.manager.subscribe(target);
    await settle();
    expect(seen).toEqual(['VirtualMachine LISTED a@1']);
    release();
    await settle();
    expect(seen).toEqual(['VirtualMachine LISTED a@1', 'VirtualMachine LISTED b@2']);
    const s = t.sockets[0];
    s.send({ type: 'MODIFIED', object: vm('a', '6') });
    s.send({ type: 'MODIFIED', object: vm('a', '7') });
    s.send({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '8' } } });
    s.send({ type: 'DELETED', object: vm('b', '9') });
    expect(seen.slice(2)).toEqual([
      'VirtualMachine MODIFIED a@6',
      'VirtualMachine MODIFIED a@7',
      'VirtualMachine DELETED b@9',
    ]);
    // The cache has not been told yet (one update per batch); the observer saw both states of a.
    expect(t.data()?.items.map((o) => o.metadata?.resourceVersion)).toEqual(['1', '2']);
  });

  it('ignores events from a socket it has replaced', async () => {
    const t = setup([{ items: [], resourceVersion: '1' }]);
    t.manager.subscribe(target);
    await settle();
    const old = t.sockets[0];
    old.send({ type: 'ERROR', object: { code: 410 } });
    await settle();
    old.send({ type: 'ADDED', object: vm('ghost', '3') });
    await vi.advanceTimersByTimeAsync(200);
    expect(t.names()).toEqual([]);
  });
});
