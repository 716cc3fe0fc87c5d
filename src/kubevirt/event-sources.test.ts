import { describe, expect, it } from 'vitest';
import { eventsOfKindSelector, mergeEventsNewestFirst, type CoreEvent } from './event-sources';

const ev = (uid: string, time: string): CoreEvent => ({
  metadata: { uid, name: uid },
  involvedObject: {},
  lastTimestamp: time,
});

describe('event sources', () => {
  it('merges lists newest first without duplicates', () => {
    const merged = mergeEventsNewestFirst([
      [ev('a', '2026-01-01T10:00:00Z'), ev('b', '2026-01-01T10:02:00Z')],
      undefined,
      [ev('b', '2026-01-01T10:02:00Z'), ev('c', '2026-01-01T10:01:00Z')],
    ]);
    expect(merged.map((e) => e.metadata?.uid)).toEqual(['b', 'c', 'a']);
  });

  it('selects events by kind, and name when given', () => {
    expect(eventsOfKindSelector('Pod')).toBe('involvedObject.kind=Pod');
    expect(eventsOfKindSelector('VirtualMachine', 'vm1')).toBe(
      'involvedObject.kind=VirtualMachine,involvedObject.name=vm1',
    );
  });
});
