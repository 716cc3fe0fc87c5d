/** The garbage collector over a store (moved from store/store.test.ts with the collector). */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../store/index.js';
import { GarbageCollector } from './garbage-collector.js';
import { haltedVm as vm, tick } from '../../../../test/support/store.js';

describe('garbage collector', () => {
  it('garbage-collects dependents in the background and orphans on request', async () => {
    const s = createStore();
    new GarbageCollector(s, () => {}).start();
    const owner = s.create('virtualmachines.kubevirt.io', vm('a'));
    const ref = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      name: 'a',
      uid: owner.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    };
    s.create('datavolumes.cdi.kubevirt.io', {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'd', namespace: 'default', ownerReferences: [ref] },
      spec: {},
    });
    s.delete('virtualmachines.kubevirt.io', 'default', 'a');
    await tick();
    await tick();
    expect(s.tryGet('datavolumes.cdi.kubevirt.io', 'default', 'd')).toBeUndefined();

    const o2 = s.create('virtualmachines.kubevirt.io', vm('b'));
    s.create('datavolumes.cdi.kubevirt.io', {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'e', namespace: 'default', ownerReferences: [{ ...ref, name: 'b', uid: o2.metadata.uid! }] },
      spec: {},
    });
    s.delete('virtualmachines.kubevirt.io', 'default', 'b', { propagationPolicy: 'Orphan' });
    for (let i = 0; i < 4; i++) await tick();
    expect(s.tryGet('virtualmachines.kubevirt.io', 'default', 'b')).toBeUndefined();
    expect(s.get('datavolumes.cdi.kubevirt.io', 'default', 'e').metadata.ownerReferences).toBeUndefined();
  });

  it('foreground deletion waits for dependents', async () => {
    const s = createStore();
    new GarbageCollector(s, () => {}).start();
    const owner = s.create('virtualmachines.kubevirt.io', vm('a'));
    const ref = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      name: 'a',
      uid: owner.metadata.uid!,
      blockOwnerDeletion: true,
    };
    s.create('datavolumes.cdi.kubevirt.io', {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'd', namespace: 'default', ownerReferences: [ref], finalizers: ['hold'] },
      spec: {},
    });
    s.delete('virtualmachines.kubevirt.io', 'default', 'a', { propagationPolicy: 'Foreground' });
    for (let i = 0; i < 4; i++) await tick();
    expect(s.get('virtualmachines.kubevirt.io', 'default', 'a').metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(s.get('datavolumes.cdi.kubevirt.io', 'default', 'd').metadata.deletionTimestamp).toBeDefined();
    s.mutate('datavolumes.cdi.kubevirt.io', 'default', 'd', (o) => {
      o.metadata.finalizers = [];
    });
    for (let i = 0; i < 4; i++) await tick();
    expect(s.tryGet('virtualmachines.kubevirt.io', 'default', 'a')).toBeUndefined();
  });
});
