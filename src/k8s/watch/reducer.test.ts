import { describe, expect, it } from 'vitest';
import type { K8sResource, WatchEvent } from '../types';
import { applyWatchEvents, type ListData } from './reducer';

const obj = (name: string, rv: string, extra: Record<string, unknown> = {}, namespace = 'ns1'): K8sResource =>
  ({ metadata: { name, namespace, resourceVersion: rv }, ...extra }) as K8sResource;

const list = (...items: K8sResource[]): ListData => ({ items, resourceVersion: '10' });

describe('applyWatchEvents', () => {
  it('appends ADDED objects and takes the event resourceVersion', () => {
    const data = list(obj('a', '5'));
    const next = applyWatchEvents(data, [{ type: 'ADDED', object: obj('b', '11') }]);
    expect(next.items.map((o) => o.metadata?.name)).toEqual(['a', 'b']);
    expect(next.resourceVersion).toBe('11');
    expect(data.items).toHaveLength(1);
  });

  it('replaces MODIFIED objects in place and keeps the others identical', () => {
    const a = obj('a', '5');
    const b = obj('b', '6');
    const next = applyWatchEvents(list(a, b), [{ type: 'MODIFIED', object: obj('a', '12', { spec: { x: 1 } }) }]);
    expect(next.items[0]).toMatchObject({ spec: { x: 1 } });
    expect(next.items[1]).toBe(b);
    expect(next.resourceVersion).toBe('12');
  });

  it('treats an ADDED for a known object as a replacement (re-sent on a re-watch)', () => {
    const next = applyWatchEvents(list(obj('a', '5')), [{ type: 'ADDED', object: obj('a', '13', { v: 2 }) }]);
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({ v: 2 });
  });

  it('removes DELETED objects, and a MODIFIED for an unknown object inserts it', () => {
    const next = applyWatchEvents(list(obj('a', '5'), obj('b', '6')), [
      { type: 'DELETED', object: obj('a', '14') },
      { type: 'MODIFIED', object: obj('c', '15') },
    ]);
    expect(next.items.map((o) => o.metadata?.name)).toEqual(['b', 'c']);
    expect(next.resourceVersion).toBe('15');
  });

  it('ignores a DELETED for an unknown object', () => {
    const next = applyWatchEvents(list(obj('a', '5')), [{ type: 'DELETED', object: obj('zz', '16') }]);
    expect(next.items.map((o) => o.metadata?.name)).toEqual(['a']);
  });

  it('applies a batch in order: delete then re-create of the same name keeps the new one', () => {
    const next = applyWatchEvents(list(obj('a', '5'), obj('b', '6')), [
      { type: 'DELETED', object: obj('a', '20') },
      { type: 'ADDED', object: obj('a', '21', { uid: 'new' }) },
      { type: 'MODIFIED', object: obj('a', '22', { uid: 'newer' }) },
    ]);
    expect(next.items.map((o) => o.metadata?.name)).toEqual(['b', 'a']);
    expect(next.items[1]).toMatchObject({ uid: 'newer' });
    expect(next.resourceVersion).toBe('22');
  });

  it('keys objects by namespace and name', () => {
    const next = applyWatchEvents(list(obj('a', '5', {}, 'ns1')), [
      { type: 'ADDED', object: obj('a', '23', {}, 'ns2') },
    ]);
    expect(next.items).toHaveLength(2);
  });

  it('BOOKMARK only moves the resourceVersion; the items array stays the same', () => {
    const data = list(obj('a', '5'));
    const next = applyWatchEvents(data, [{ type: 'BOOKMARK', object: { metadata: { resourceVersion: '99' } } }]);
    expect(next.items).toBe(data.items);
    expect(next.resourceVersion).toBe('99');
  });

  it('returns the same object for a batch that changes nothing (ERROR events are skipped)', () => {
    const data = list(obj('a', '5'));
    const events: WatchEvent[] = [{ type: 'ERROR', object: { code: 410, reason: 'Expired' } }];
    expect(applyWatchEvents(data, events)).toBe(data);
    expect(applyWatchEvents(data, [])).toBe(data);
  });

  it('keeps finding objects across many batches, after removals too', () => {
    let data: ListData = list(obj('a', '1'), obj('b', '2'), obj('c', '3'));
    data = applyWatchEvents(data, [{ type: 'MODIFIED', object: obj('b', '4', { v: 1 }) }]);
    data = applyWatchEvents(data, [{ type: 'ADDED', object: obj('d', '5') }]);
    data = applyWatchEvents(data, [{ type: 'DELETED', object: obj('a', '6') }]);
    data = applyWatchEvents(data, [
      { type: 'MODIFIED', object: obj('d', '7', { v: 2 }) },
      { type: 'MODIFIED', object: obj('b', '8', { v: 3 }) },
    ]);
    expect(data.items.map((o) => [o.metadata?.name, o.metadata?.resourceVersion])).toEqual([
      ['b', '8'],
      ['c', '3'],
      ['d', '7'],
    ]);
  });

  it('stays pure when an older list is updated again (its index was handed on)', () => {
    const base = list(obj('a', '1'), obj('b', '2'));
    const first = applyWatchEvents(base, [{ type: 'ADDED', object: obj('c', '3') }]);
    const again = applyWatchEvents(base, [{ type: 'MODIFIED', object: obj('b', '4', { v: 1 }) }]);
    expect(again.items.map((o) => o.metadata?.name)).toEqual(['a', 'b']);
    expect(again.items[1]).toMatchObject({ v: 1 });
    const next = applyWatchEvents(first, [{ type: 'MODIFIED', object: obj('c', '5', { v: 2 }) }]);
    expect(next.items.map((o) => o.metadata?.name)).toEqual(['a', 'b', 'c']);
    expect(next.items[2]).toMatchObject({ v: 2 });
    expect(base.items).toHaveLength(2);
  });

  it('treats resourceVersions as opaque strings (no numeric ordering)', () => {
    const next = applyWatchEvents({ items: [], resourceVersion: 'zz-9' }, [
      { type: 'ADDED', object: obj('a', 'aa-1') },
    ]);
    expect(next.resourceVersion).toBe('aa-1');
  });
});
