import { describe, expect, it } from 'vitest';
import { makeVm, makeVmi } from '../../../kubevirt/testing';
import { DEFAULT_PARAMS } from './list-params';
import { RowStore } from './row-store';
import { pageOf, parseTextFilter, selectRows, type VmRow } from './vm-rows';

const vms = [
  makeVm({
    name: 'web-1',
    namespace: 'b',
    status: 'Running',
    labels: { app: 'web', tier: 'front' },
    created: '2026-01-03T00:00:00Z',
  }),
  makeVm({ name: 'db', namespace: 'a', status: 'Stopped', labels: { app: 'db' }, created: '2026-01-01T00:00:00Z' }),
  makeVm({ name: 'Web-2', namespace: 'a', status: 'Paused', labels: { app: 'web' }, created: '2026-01-02T00:00:00Z' }),
];
const withIp = (name: string, ns: string, ip: string, node: string) => {
  const vmi = makeVmi({ name, namespace: ns, node });
  vmi.status = { ...vmi.status, interfaces: [{ ipAddress: ip }] };
  return vmi;
};
const vmis = [withIp('web-1', 'b', '10.0.0.10', 'node02'), withIp('Web-2', 'a', '10.0.0.9', 'node01')];
const buildRows = (v: typeof vms, i: typeof vmis, store = new RowStore()) => store.update(v, i).rows;
const byKey = (rows: readonly VmRow[], key: string) => rows.find((r) => r.key === key);
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('VM rows', () => {
  it('joins each VM with its VMI by namespace and name', () => {
    const rows = buildRows(vms, vmis);
    expect(byKey(rows, 'b/web-1')).toMatchObject({ status: 'Running', node: 'node02', ips: ['10.0.0.10'] });
    expect(byKey(rows, 'a/db')).toMatchObject({ status: 'Stopped', node: '', ips: [], vmi: undefined });
  });

  it('keeps the row objects of unchanged VMs', () => {
    const store = new RowStore();
    const first = buildRows(vms, vmis, store);
    const changed = [makeVm({ name: 'web-1', namespace: 'b', status: 'Stopping' }), vms[1], vms[2]];
    const second = buildRows(changed, vmis, store);
    expect(byKey(second, 'a/db')).toBe(byKey(first, 'a/db'));
    expect(byKey(second, 'b/web-1')).not.toBe(byKey(first, 'b/web-1'));
    expect(byKey(second, 'b/web-1')?.status).toBe('Stopping');
  });

  it('filters by name words (case-insensitive), labels and statuses', () => {
    const rows = buildRows(vms, vmis);
    expect(names(selectRows(buildRows(vms, vmis), { ...DEFAULT_PARAMS, text: 'WEB' }))).toEqual(['web-1', 'Web-2']);
    expect(names(selectRows(rows, { ...DEFAULT_PARAMS, text: 'app=web tier=front' }))).toEqual(['web-1']);
    expect(names(selectRows(buildRows(vms, vmis), { ...DEFAULT_PARAMS, text: 'tier=' }))).toEqual(['web-1']);
    expect(names(selectRows(buildRows(vms, vmis), { ...DEFAULT_PARAMS, text: 'app=nope' }))).toEqual([]);
    expect(names(selectRows(buildRows(vms, vmis), { ...DEFAULT_PARAMS, statuses: ['Stopped', 'Paused'] }))).toEqual([
      'db',
      'Web-2',
    ]);
    expect(parseTextFilter('  a  k=v ')).toEqual({ words: ['a'], labels: [{ key: 'k', value: 'v' }] });
  });

  it('sorts by any column both ways, empty values last, ties by namespace and name', () => {
    const sorted = (sort: typeof DEFAULT_PARAMS.sort, direction: 'asc' | 'desc' = 'asc') =>
      names(selectRows(buildRows(vms, vmis), { ...DEFAULT_PARAMS, sort, direction }));
    expect(sorted('name')).toEqual(['db', 'web-1', 'Web-2']);
    expect(sorted('name', 'desc')).toEqual(['Web-2', 'web-1', 'db']);
    expect(sorted('created', 'desc')).toEqual(['web-1', 'Web-2', 'db']);
    expect(sorted('node')).toEqual(['Web-2', 'web-1', 'db']);
    expect(sorted('node', 'desc')).toEqual(['web-1', 'Web-2', 'db']);
    expect(sorted('ip')).toEqual(['Web-2', 'web-1', 'db']);
    expect(sorted('namespace')).toEqual(['db', 'Web-2', 'web-1']);
  });

  it('pages, clamping the page to the last one', () => {
    const list = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(list, 2, 20)).toEqual({ items: list.slice(20, 40), page: 2 });
    expect(pageOf(list, 9, 20)).toEqual({ items: list.slice(40), page: 3 });
    expect(pageOf([], 3, 20)).toEqual({ items: [], page: 1 });
  });
});
