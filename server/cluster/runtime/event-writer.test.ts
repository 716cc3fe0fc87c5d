/**
 * core/v1 Events as the components write them: repeats aggregate into one Event, and the
 * aggregation memory is bounded by its Events and a count (issue 16, item 11). Moved from
 * store/store.test.ts and store/memory.test.ts with the recorder.
 */
import { storeClient } from './store-client.js';
import { describe, expect, it } from 'vitest';
import { createStore, type KObject } from '../store/index.js';
import { EventWriter } from './event-writer.js';
import { haltedVm as vm } from '../../../test/support/store.js';

describe('event writer', () => {
  it('aggregates repeated events', () => {
    const s = createStore();
    const events = new EventWriter(storeClient(s));
    const o = s.create('virtualmachines.kubevirt.io', vm('a'));
    const e1 = events.record(o, 'Normal', 'SuccessfulCreate', 'made it', 'virtualmachine-controller');
    const e2 = events.record(o, 'Normal', 'SuccessfulCreate', 'made it', 'virtualmachine-controller');
    expect(e2.metadata.name).toBe(e1.metadata.name);
    expect(e2.count).toBe(2);
    expect(
      s.list('events', { fieldSelector: 'involvedObject.name=a,involvedObject.kind=VirtualMachine' }).items,
    ).toHaveLength(1);
  });
});

describe('event writer: bounded memory', () => {
  const about = (name: string, namespace: string): KObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, uid: `uid-${name}` },
  });

  it('forgets series whose events are gone, and remembers at most 4096', () => {
    const s = createStore();
    s.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } });
    const rec = new EventWriter(storeClient(s));
    for (let i = 0; i < 50; i++) rec.record(about(`o-${i}`, 'gone'), 'Normal', 'Created', `made ${i}`, 'test');
    expect(rec.seriesCount).toBe(50);
    for (const e of s.list('events', { namespace: 'gone' }).items) s.delete('events', 'gone', e.metadata.name!);
    rec.forgetGone();
    expect(rec.seriesCount).toBe(0);
    for (let i = 0; i < 5000; i++) rec.record(about(`o-${i}`, 'default'), 'Normal', 'Created', 'made', 'test');
    expect(rec.seriesCount).toBe(4096);
    // a repeat still aggregates into its event
    const again = rec.record(about('o-4999', 'default'), 'Normal', 'Created', 'made', 'test');
    expect(again.count).toBe(2);
    s.close();
  });
});
