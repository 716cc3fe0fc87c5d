import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualMachineModel } from '../models';
import { k8sKeys } from '../query-keys';
import type { K8sResource, WatchEvent } from '../types';
import { applyWatchEvents, type ListData } from './reducer';
import type { SocketHandlers } from './socket';
import { WatchManager, type ListFn } from './watch-manager';

const vm = (name: string, rv: number, phase = ''): K8sResource =>
  ({ metadata: { name, namespace: 'ns1', resourceVersion: String(rv) }, status: { phase } }) as K8sResource;
const target = { model: VirtualMachineModel, selector: { namespace: 'ns1' } };
const key = k8sKeys.list(VirtualMachineModel, { namespace: 'ns1' });
const initial: ListData = { items: [vm('a', 1), vm('b', 2)], resourceVersion: '2' };

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  let handlers: SocketHandlers | undefined;
  const manager = new WatchManager({
    queryClient,
    list: (async () => structuredClone(initial)) as unknown as ListFn,
    origin: { protocol: 'https:', host: 'console.test' },
    maxBatchMs: 250,
    socketFactory: (_url, h) => {
      handlers = h;
      return { close: () => undefined };
    },
  });
  const updates: ListData[] = [];
  queryClient.getQueryCache().subscribe((e) => {
    if (e.type === 'updated' && e.action.type === 'success') updates.push(e.query.state.data as ListData);
  });
  const send = (event: WatchEvent) => handlers?.onMessage(JSON.stringify(event));
  return { manager, queryClient, updates, send, data: () => queryClient.getQueryData<ListData>(key) };
}

describe('watch batching', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('applies an event that arrives at idle at the next frame', async () => {
    const t = setup();
    t.manager.subscribe(target);
    await vi.advanceTimersByTimeAsync(0);
    t.send({ type: 'MODIFIED', object: vm('a', 3, 'Starting') });
    await vi.advanceTimersByTimeAsync(15);
    expect(t.data()?.resourceVersion).toBe('2');
    await vi.advanceTimersByTimeAsync(1);
    expect(t.data()?.items[0]).toEqual(vm('a', 3, 'Starting'));
  });

  it('loses and reorders nothing under churn: every update is the events so far, in order', async () => {
    const t = setup();
    t.manager.subscribe(target);
    await vi.advanceTimersByTimeAsync(0);
    t.updates.length = 0;
    const events: WatchEvent[] = [];
    let rv = 2;
    // 4 seconds at about 500 events/s: changes, new VMs and deletions.
    for (let ms = 0; ms < 4000; ms += 2) {
      const n = rv % 7;
      const name = `vm-${n}`;
      const type = rv % 11 === 0 ? 'DELETED' : rv % 3 === 0 ? 'ADDED' : 'MODIFIED';
      const event = { type, object: vm(name, ++rv, `phase-${rv % 5}`) } as WatchEvent;
      events.push(event);
      t.send(event);
      await vi.advanceTimersByTimeAsync(2);
    }
    await vi.advanceTimersByTimeAsync(1000);
    // Fewer updates than frames, each one a prefix of the events applied in order.
    expect(t.updates.length).toBeLessThan(4000 / 16 / 2);
    let applied = 0;
    let expected = initial;
    for (const update of t.updates) {
      const upTo = events.findIndex((e) => e.object.metadata?.resourceVersion === update.resourceVersion) + 1;
      expect(upTo).toBeGreaterThan(applied);
      expected = applyWatchEvents(expected, events.slice(applied, upTo));
      applied = upTo;
      expect(update.items).toEqual(expected.items);
    }
    expect(applied).toBe(events.length);
    expect(t.data()).toEqual(applyWatchEvents(initial, events));
  });
});
