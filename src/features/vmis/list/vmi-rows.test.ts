import { describe, expect, it } from 'vitest';
import { makeVmi } from '../../../kubevirt/testing';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { defaultListView, parseListView, writeListView } from '../../../lib/list-params';
import { makeVmiRow, selectVmiRows, VMI_LIST_VIEW } from './vmi-rows';

const withMeta = (vmi: VMI, o: { labels?: Record<string, string>; ip?: string; created?: string }): VMI => ({
  ...vmi,
  metadata: { ...vmi.metadata, labels: o.labels, creationTimestamp: o.created },
  status: { ...vmi.status, interfaces: o.ip ? [{ ipAddress: o.ip }] : [] },
});

const rows = [
  makeVmiRow(
    withMeta(makeVmi({ name: 'web-1', phase: 'Running', node: 'node02', owner: 'web-1' }), {
      labels: { app: 'web' },
      ip: '10.0.0.10',
      created: '2026-01-03T00:00:00Z',
    }),
  ),
  makeVmiRow(
    withMeta(makeVmi({ name: 'db', phase: 'Pending' }), { labels: { app: 'db' }, created: '2026-01-01T00:00:00Z' }),
  ),
  makeVmiRow(
    withMeta(makeVmi({ name: 'web-2', phase: 'Failed', node: 'node01', namespace: 'other' }), {
      labels: { app: 'web' },
      ip: '10.0.0.9',
      created: '2026-01-02T00:00:00Z',
    }),
  ),
];
const names = (view: Partial<Parameters<typeof selectVmiRows>[1]>) =>
  selectVmiRows(rows, { ...defaultListView(VMI_LIST_VIEW), ...view }).map((r) => r.name);

describe('VMI list rows', () => {
  it('filters by name words, labels and phases', () => {
    expect(names({ text: 'WEB' })).toEqual(['web-1', 'web-2']);
    expect(names({ text: 'app=web 2' })).toEqual(['web-2']);
    expect(names({ text: 'app=' })).toEqual(['db', 'web-1', 'web-2']);
    expect(names({ statuses: ['Pending', 'Failed'] })).toEqual(['db', 'web-2']);
    expect(names({ text: 'web', statuses: ['Pending'] })).toEqual([]);
  });

  it('sorts by each column, empty values last, ties by namespace and name', () => {
    expect(names({})).toEqual(['db', 'web-1', 'web-2']);
    expect(names({ sort: 'phase' })).toEqual(['db', 'web-1', 'web-2']);
    expect(names({ sort: 'phase', direction: 'desc' })).toEqual(['web-2', 'web-1', 'db']);
    expect(names({ sort: 'node' })).toEqual(['web-2', 'web-1', 'db']);
    expect(names({ sort: 'ip' })).toEqual(['web-2', 'web-1', 'db']);
    expect(names({ sort: 'owner' })).toEqual(['web-1', 'db', 'web-2']);
    expect(names({ sort: 'created', direction: 'desc' })).toEqual(['web-1', 'web-2', 'db']);
    expect(names({ sort: 'namespace', direction: 'desc' })).toEqual(['web-2', 'db', 'web-1']);
  });

  it('keeps its view in the URL: phases and its own columns, nothing else', () => {
    const view = parseListView(
      VMI_LIST_VIEW,
      new URLSearchParams('status=Running,Paused,Failed&sort=owner&dir=desc&q=web'),
    );
    expect(view).toMatchObject({ statuses: ['Running', 'Failed'], sort: 'owner', direction: 'desc', text: 'web' });
    expect(parseListView(VMI_LIST_VIEW, new URLSearchParams('sort=status')).sort).toBe('name');
    expect(writeListView(VMI_LIST_VIEW, view).toString()).toBe('q=web&status=Running%2CFailed&sort=owner&dir=desc');
  });
});
