/** The namespace controller over a store (moved from store/store.test.ts with the controller). */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../store/index.js';
import { GarbageCollector } from '../gc/garbage-collector.js';
import { NamespaceController } from './namespace-controller.js';
import { haltedVm as vm, statusOf, tick } from '../../../../test/support/store.js';

describe('namespace controller', () => {
  it('deleting a namespace empties it, refuses new content, then removes it', async () => {
    const s = createStore();
    new NamespaceController(s, () => {}).start();
    new GarbageCollector(s, () => {}).start();
    s.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    s.create('virtualmachines.kubevirt.io', { ...vm('a'), metadata: { name: 'a', namespace: 'demo' } });
    const r = s.delete('namespaces', undefined, 'demo');
    expect(r.object.status).toMatchObject({ phase: 'Terminating' });
    expect(
      statusOf(() =>
        s.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'demo' } }),
      ).code,
    ).toBe(403);
    for (let i = 0; i < 6; i++) await tick();
    expect(s.tryGet('virtualmachines.kubevirt.io', 'demo', 'a')).toBeUndefined();
    expect(s.tryGet('namespaces', undefined, 'demo')).toBeUndefined();
  });
});
