import { storeClient } from '../../runtime/store-client.js';
import { describe, expect, it } from 'vitest';
import { createStore, type KObject } from '../../store/index.js';
import { EventExpiry } from './event-expiry.js';

const event = (name: string, lastTimestamp: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'ConfigMap', name: 'c', namespace: 'default' },
  reason: 'Created',
  message: 'made',
  lastTimestamp,
});

describe('event expiry', () => {
  it('deletes Events last seen before the TTL and keeps newer ones', () => {
    const s = createStore();
    const now = Date.now();
    s.create('events', event('old', new Date(now - 2 * 3600_000).toISOString()));
    s.create('events', event('new', new Date(now - 60_000).toISOString()));
    let swept = 0;
    new EventExpiry(storeClient(s), 3600_000, () => swept++).sweep();
    expect(s.list('events').items.map((e) => e.metadata.name)).toEqual(['new']);
    expect(swept).toBe(1);
    s.close();
  });
});
