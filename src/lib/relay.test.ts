import { describe, expect, it } from 'vitest';
import { createRelay } from './relay';

describe('createRelay', () => {
  it('keeps what is sent before the listener attaches and hands it over in order', () => {
    const relay = createRelay<string>();
    relay.send('g v');
    relay.send('palette');
    const got: string[] = [];
    relay.attach((x) => got.push(x));
    expect(got).toEqual(['g v', 'palette']);
    relay.send('help');
    expect(got).toEqual(['g v', 'palette', 'help']);
  });

  it('hands each item over once, and queues again once detached', () => {
    const relay = createRelay<number>();
    relay.send(1);
    const first: number[] = [];
    const detach = relay.attach((x) => first.push(x));
    detach();
    relay.send(2);
    expect(first).toEqual([1]);
    const second: number[] = [];
    relay.attach((x) => second.push(x));
    expect(second).toEqual([2]);
  });

  it('a stale detach leaves the newer listener attached', () => {
    const relay = createRelay<number>();
    const old: number[] = [];
    const detachOld = relay.attach((x) => old.push(x));
    const now: number[] = [];
    relay.attach((x) => now.push(x));
    detachOld();
    relay.send(3);
    expect(old).toEqual([]);
    expect(now).toEqual([3]);
  });
});
