import { describe, expect, it } from 'vitest';
import { applyWatchEvents, type ListData } from '../../../k8s/watch/reducer';
import type { WatchEvent } from '../../../k8s/types';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import type { PrintableStatus } from '../../../kubevirt/printable-status';
import { makeVm, makeVmi } from '../../../kubevirt/testing';
import { DEFAULT_PARAMS, SORT_COLUMNS } from './list-params';
import { RowSelector } from './row-selector';
import { RowStore, listChanges } from './row-store';
import { makeRow, selectRows } from './vm-rows';

const key = (s: string) => s.toLowerCase();

describe('listChanges', () => {
  it('reports replaced and appended positions, and removed keys', () => {
    const a = 'a',
      b = 'b',
      c = 'c';
    expect(listChanges([a, b], [a, b], key)).toEqual({ changed: [], removed: [] });
    expect(listChanges([a, b], [a, 'B', c], key)).toEqual({ changed: [1, 2], removed: [] });
    expect(listChanges([a, b, c], [a, c], key)).toEqual({ changed: [], removed: ['b'] });
    // A reorder comes out as removals plus changes, enough to bring an index up to date.
    expect(listChanges([a, b, c], [c, a, b], key)).toEqual({ changed: [1, 2], removed: ['a', 'b'] });
  });
});

// A deterministic pseudo-random sequence, so a failure can be replayed.
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const STATUSES: PrintableStatus[] = ['Running', 'Stopped', 'Starting', 'Paused', 'ErrorUnschedulable'];

/**
 * Lists that change as the watch reducer changes them (and, now and then, in a way it never
 * does): the store and the selector must always agree with rows built and sorted from scratch.
 */
describe('RowStore and RowSelector under a stream of watch batches', () => {
  for (const seed of [1, 2, 3]) {
    it(`match a from-scratch rebuild (seed ${seed})`, () => {
      const random = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
      const names = Array.from({ length: 40 }, (_, i) => `vm-${String(i).padStart(2, '0')}`);
      const vm = (name: string, rv: number): VM => {
        const v = makeVm({
          name,
          namespace: pick(['a', 'b']),
          status: pick(STATUSES),
          created: `2026-01-${10 + (rv % 9)}T00:00:00Z`,
          labels: { rv: String(rv) },
        });
        return {
          ...v,
          metadata: { ...v.metadata, namespace: name < 'vm-20' ? 'a' : 'b', resourceVersion: String(rv) },
        };
      };
      const vmi = (name: string, rv: number): VMI => {
        const v = makeVmi({ name, namespace: name < 'vm-20' ? 'a' : 'b', node: pick(['n1', 'n2', undefined]) });
        return {
          ...v,
          metadata: { ...v.metadata, resourceVersion: String(rv) },
          status: { ...v.status, interfaces: [{ ipAddress: `10.0.0.${rv % 250}` }] },
        };
      };
      let vms: ListData<VM> = { items: names.slice(0, 25).map((n) => vm(n, 1)), resourceVersion: '1' };
      let vmis: ListData<VMI> = { items: names.slice(0, 10).map((n) => vmi(n, 1)), resourceVersion: '1' };
      const store = new RowStore();
      const selectors = SORT_COLUMNS.map(() => new RowSelector());
      const filtered = new RowSelector();
      let rv = 2;
      for (let step = 0; step < 150; step++) {
        const events = <T>(make: (n: string, rv: number) => T): WatchEvent<T & { metadata?: object }>[] =>
          Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
            const type = pick(['ADDED', 'MODIFIED', 'MODIFIED', 'MODIFIED', 'DELETED'] as const);
            return { type, object: make(pick(names), rv++) } as WatchEvent<T & { metadata?: object }>;
          });
        if (random() < 0.6) vms = applyWatchEvents(vms, events(vm));
        if (random() < 0.6) vmis = applyWatchEvents(vmis, events(vmi));
        // Now and then a list the reducer never makes: a re-list in another order.
        if (random() < 0.05) vms = { ...vms, items: [...vms.items].reverse() };

        const snapshot = store.update(vms.items, vmis.items);
        const vmiByKey = new Map(vmis.items.map((i) => [`${i.metadata?.namespace}/${i.metadata?.name}`, i]));
        const expected = vms.items.map((v) => makeRow(v, vmiByKey.get(`${v.metadata?.namespace}/${v.metadata?.name}`)));
        expect(snapshot.rows).toEqual(expected);

        SORT_COLUMNS.forEach((sort, i) => {
          const direction = step % 2 ? 'asc' : 'desc';
          const query = { ...DEFAULT_PARAMS, sort, direction } as const;
          expect(selectors[i].select(snapshot, query).map((r) => r.key)).toEqual(
            selectRows(expected, query).map((r) => r.key),
          );
        });
        const query = { ...DEFAULT_PARAMS, text: 'vm-1', statuses: ['Running', 'Paused'] as PrintableStatus[] };
        expect(filtered.select(snapshot, query).map((r) => r.key)).toEqual(
          selectRows(expected, query).map((r) => r.key),
        );
      }
    });
  }

  it('keeps the rows of unchanged VMs and returns the same snapshot for the same input', () => {
    const store = new RowStore();
    const vms = [makeVm({ name: 'a' }), makeVm({ name: 'b' })];
    const first = store.update(vms, []);
    expect(store.update(vms, [])).toBe(first);
    const vmis = [makeVmi({ name: 'b', node: 'n1' })];
    const second = store.update(vms, vmis);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).toMatchObject({ node: 'n1' });
    const third = store.update(vms, []);
    expect(third.rows[1]).toMatchObject({ node: '', vmi: undefined });
  });
});

describe('RowSelector after a discarded render', () => {
  // React may render the newer list (a deferred watch batch), throw that render away for a
  // keystroke, and render the committed, older snapshot again: the selector then sees a snapshot
  // of the same layout with fewer rows than its last one.
  it('selects an older, shorter snapshot of the same layout from scratch', () => {
    const store = new RowStore();
    const firstPage = [makeVm({ name: 'b' }), makeVm({ name: 'a' })];
    const older = store.update(firstPage, []);
    const newer = store.update([...firstPage, makeVm({ name: 'c' }), makeVm({ name: 'd' })], []);
    expect(newer.layout).toBe(older.layout);
    const selector = new RowSelector();
    const query = { ...DEFAULT_PARAMS, text: '', statuses: [] as PrintableStatus[] };
    expect(selector.select(newer, query).map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(selector.select(older, { ...query, text: 'a' }).map((r) => r.name)).toEqual(['a']);
    expect(selector.select(older, query).map((r) => r.name)).toEqual(['a', 'b']);
  });
});
