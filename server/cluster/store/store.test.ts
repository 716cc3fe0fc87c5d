import { describe, expect, it } from 'vitest';
import { createStore, type WatchEvent } from './index.js';
import { haltedVm as vm, statusOf, tick } from '../../../test/support/store.js';

describe('store', () => {
  it('creates with server-set fields, drops status for /status kinds and rejects duplicates', () => {
    const s = createStore();
    const o = s.create('virtualmachines.kubevirt.io', vm('a', { status: { ready: true } }));
    expect(o.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(o.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(o.metadata.generation).toBe(1);
    expect(o.status).toBeUndefined();
    expect(Object.isFrozen(o.metadata)).toBe(true);
    const st = statusOf(() => s.create('virtualmachines.kubevirt.io', vm('a')));
    expect(st).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'virtualmachines.kubevirt.io "a" already exists',
    });
  });

  it('generates names from generateName with the kube alphabet', () => {
    const s = createStore();
    const o = s.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { generateName: 'cm-', namespace: 'default' },
    });
    expect(o.metadata.name).toMatch(/^cm-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses create in a missing namespace and invalid names', () => {
    const s = createStore();
    expect(
      statusOf(() =>
        s.create('virtualmachines.kubevirt.io', { ...vm('a'), metadata: { name: 'a', namespace: 'nope' } }),
      ),
    ).toMatchObject({
      code: 404,
      message: 'namespaces "nope" not found',
    });
    const st = statusOf(() => s.create('virtualmachines.kubevirt.io', vm('Bad_Name')));
    expect(st.code).toBe(422);
    expect(st.message).toContain(
      'VirtualMachine.kubevirt.io "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain',
    );
  });

  it('resourceVersions strictly increase; stale updates conflict; CRD updates need a resourceVersion', () => {
    const s = createStore();
    const a = s.create('virtualmachines.kubevirt.io', vm('a'));
    const b = s.create('virtualmachines.kubevirt.io', vm('b'));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    const upd = structuredClone(a);
    (upd.spec as Record<string, unknown>).runStrategy = 'Always';
    const a2 = s.update('virtualmachines.kubevirt.io', upd);
    expect(a2.metadata.generation).toBe(2);
    expect(statusOf(() => s.update('virtualmachines.kubevirt.io', upd))).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on virtualmachines.kubevirt.io "a": the object has been modified; please apply your changes to the latest version and try again',
    });
    const noRv = structuredClone(a2);
    delete noRv.metadata.resourceVersion;
    expect(statusOf(() => s.update('virtualmachines.kubevirt.io', noRv))).toMatchObject({
      code: 422,
      reason: 'Invalid',
    });
  });

  it('keeps status on main-endpoint updates and takes only status on /status', () => {
    const s = createStore();
    const a = s.create('virtualmachines.kubevirt.io', vm('a'));
    const withStatus = s.updateStatus('virtualmachines.kubevirt.io', {
      ...structuredClone(a),
      spec: { changed: true },
      status: { printableStatus: 'Stopped' },
    });
    expect(withStatus.status).toEqual({ printableStatus: 'Stopped' });
    expect(withStatus.spec).toEqual(a.spec);
    expect(withStatus.metadata.generation).toBe(1);
    const main = s.update('virtualmachines.kubevirt.io', {
      ...structuredClone(withStatus),
      status: { printableStatus: 'Hacked' },
    });
    expect(main.status).toEqual({ printableStatus: 'Stopped' });
  });

  it('bumps a VMI generation on any change, including status', () => {
    const s = createStore();
    const vmi = s.create('virtualmachineinstances.kubevirt.io', {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: { name: 'i', namespace: 'default' },
      spec: {},
      status: { phase: 'Pending' },
    });
    expect(vmi.status).toEqual({ phase: 'Pending' });
    const next = s.mutate('virtualmachineinstances.kubevirt.io', 'default', 'i', (o) => {
      o.status = { phase: 'Running' };
    });
    expect(next.metadata.generation).toBe(2);
  });

  it('patches with merge, json and strategic patches; refuses strategic for CRDs with 415', () => {
    const s = createStore();
    s.create('virtualmachines.kubevirt.io', vm('a'));
    const m = s.patch('virtualmachines.kubevirt.io', 'default', 'a', 'merge', { metadata: { labels: { x: 'y' } } });
    expect(m.metadata.labels).toEqual({ app: 'a', x: 'y' });
    const j = s.patch('virtualmachines.kubevirt.io', 'default', 'a', 'json', [
      { op: 'replace', path: '/spec/runStrategy', value: 'Always' },
    ]);
    expect((j.spec as Record<string, unknown>).runStrategy).toBe('Always');
    expect(statusOf(() => s.patch('virtualmachines.kubevirt.io', 'default', 'a', 'strategic', {})).code).toBe(415);
    expect(
      statusOf(() =>
        s.patch('virtualmachines.kubevirt.io', 'default', 'a', 'json', [
          { op: 'replace', path: '/spec/nope', value: 1 },
        ]),
      ).code,
    ).toBe(422);
    s.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
      },
    });
    const p = s.patch('pods', 'default', 'p', 'strategic', { spec: { containers: [{ name: 'b', image: 'z' }] } });
    expect((p.spec as { containers: unknown[] }).containers).toEqual([
      { name: 'a', image: 'x' },
      { name: 'b', image: 'z' },
    ]);
  });

  it('server-side apply tracks managers and reports conflicts unless forced', () => {
    const s = createStore();
    const applied = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
    const c = s.patch('configmaps', 'default', 'c', 'apply', applied, { fieldManager: 'one' });
    expect(c.metadata.managedFields?.[0]).toMatchObject({
      manager: 'one',
      operation: 'Apply',
      fieldsV1: { 'f:data': { 'f:a': {} } },
    });
    const st = statusOf(() =>
      s.patch('configmaps', 'default', 'c', 'apply', { ...applied, data: { a: '2' } }, { fieldManager: 'two' }),
    );
    expect(st).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "one": .data.a',
    });
    const forced = s.patch(
      'configmaps',
      'default',
      'c',
      'apply',
      { ...applied, data: { a: '2' } },
      { fieldManager: 'two', force: true },
    );
    expect(forced.data).toEqual({ a: '2' });
    const dropped = s.patch(
      'configmaps',
      'default',
      'c',
      'apply',
      { ...applied, data: { b: '3' } },
      { fieldManager: 'two' },
    );
    expect(dropped.data).toEqual({ b: '3' });
  });

  it('lists in pages with opaque continue tokens and selectors', () => {
    const s = createStore();
    for (let i = 0; i < 7; i++) s.create('virtualmachines.kubevirt.io', vm(`vm-${i}`));
    const p1 = s.list('virtualmachines.kubevirt.io', { limit: 3 });
    expect(p1.items.map((o) => o.metadata.name)).toEqual(['vm-0', 'vm-1', 'vm-2']);
    expect(p1.remainingItemCount).toBe(4);
    const p2 = s.list('virtualmachines.kubevirt.io', { limit: 3, continue: p1.continue });
    expect(p2.items.map((o) => o.metadata.name)).toEqual(['vm-3', 'vm-4', 'vm-5']);
    const p3 = s.list('virtualmachines.kubevirt.io', { limit: 3, continue: p2.continue });
    expect(p3.items.map((o) => o.metadata.name)).toEqual(['vm-6']);
    expect(p3.continue).toBeUndefined();
    expect(s.list('virtualmachines.kubevirt.io', { labelSelector: 'app in (vm-1,vm-3)' }).items).toHaveLength(2);
    expect(s.list('virtualmachines.kubevirt.io', { labelSelector: 'app!=vm-1,app' }).items).toHaveLength(6);
    expect(s.list('virtualmachines.kubevirt.io', { labelSelector: '!app' }).items).toHaveLength(0);
    expect(s.list('virtualmachines.kubevirt.io', { fieldSelector: 'metadata.name=vm-2' }).items).toHaveLength(1);
    expect(statusOf(() => s.list('virtualmachines.kubevirt.io', { fieldSelector: 'spec.running=true' }))).toMatchObject(
      { code: 400, message: 'field label not supported: spec.running' },
    );
  });

  it('watches from now, from a resourceVersion, and says 410 when too old', async () => {
    const s = createStore({ historySize: 4 });
    const a = s.create('virtualmachines.kubevirt.io', vm('a'));
    const seen: WatchEvent[] = [];
    const stop = s.watch('virtualmachines.kubevirt.io', { labelSelector: 'app=a' }, (e) => seen.push(e));
    s.patch('virtualmachines.kubevirt.io', 'default', 'a', 'merge', { metadata: { labels: { app: 'other' } } });
    s.create('virtualmachines.kubevirt.io', vm('b'));
    await tick();
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
    stop();
    const resumed: WatchEvent[] = [];
    s.watch('virtualmachines.kubevirt.io', { resourceVersion: a.metadata.resourceVersion }, (e) => resumed.push(e));
    await tick();
    expect(resumed.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['MODIFIED a', 'ADDED b']);
    for (let i = 0; i < 10; i++)
      s.create('configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `c${i}`, namespace: 'default' },
      });
    expect(
      statusOf(() => s.watch('virtualmachines.kubevirt.io', { resourceVersion: a.metadata.resourceVersion }, () => {})),
    ).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('holds objects with finalizers and deletes when the last goes', async () => {
    const s = createStore();
    s.create(
      'virtualmachines.kubevirt.io',
      vm('a', { metadata: { name: 'a', namespace: 'default', finalizers: ['x/y'] } }),
    );
    const seen: string[] = [];
    s.watch('virtualmachines.kubevirt.io', { resourceVersion: s.resourceVersion }, (e) => seen.push(e.type));
    const r = s.delete('virtualmachines.kubevirt.io', 'default', 'a');
    expect(r.deleted).toBe(false);
    expect(r.object.metadata.deletionTimestamp).toBeDefined();
    s.mutate('virtualmachines.kubevirt.io', 'default', 'a', (o) => {
      o.metadata.finalizers = [];
    });
    expect(s.tryGet('virtualmachines.kubevirt.io', 'default', 'a')).toBeUndefined();
    await tick();
    expect(seen).toEqual(['MODIFIED', 'DELETED']);
  });
});
