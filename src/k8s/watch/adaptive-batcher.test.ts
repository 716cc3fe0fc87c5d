import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdaptiveBatcher } from './adaptive-batcher';

const FRAME = 16;

function setup(maxWindowMs = 250) {
  const flushes: number[] = [];
  const batcher = new AdaptiveBatcher(() => flushes.push(Date.now()), {
    maxWindowMs,
    now: () => Date.now(),
    nextFrame: (fn) => {
      const t = setTimeout(fn, FRAME);
      return () => clearTimeout(t);
    },
  });
  return { batcher, flushes };
}

/** Adds one event every `everyMs` for `forMs`. */
async function churn(batcher: AdaptiveBatcher, everyMs: number, forMs: number) {
  for (let t = 0; t < forMs; t += everyMs) {
    batcher.add();
    await vi.advanceTimersByTimeAsync(everyMs);
  }
}

describe('AdaptiveBatcher', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('applies a lone event at the next frame', async () => {
    const { batcher, flushes } = setup();
    const t0 = Date.now();
    batcher.add();
    batcher.add();
    await vi.advanceTimersByTimeAsync(FRAME - 1);
    expect(flushes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushes).toEqual([t0 + FRAME]);
  });

  it('keeps to the next frame while few events arrive', async () => {
    const { batcher, flushes } = setup();
    await churn(batcher, 100, 3000); // 10 events/s
    expect(flushes).toHaveLength(30);
    expect(batcher.windowMs()).toBe(0);
  });

  it('widens its windows under churn, up to the widest, and goes back to the next frame once it calms down', async () => {
    const { batcher, flushes } = setup(250);
    await churn(batcher, 2, 3000); // 500 events/s
    const gaps = flushes.slice(1).map((t, i) => t - flushes[i]);
    // The first batches close at the next frame; then the windows grow with the rate.
    expect(gaps[0]).toBeLessThanOrEqual(FRAME + 2);
    expect(Math.min(...gaps.slice(-5))).toBeGreaterThanOrEqual(80);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(250 + 2);
    // Far fewer updates than frames.
    expect(flushes.length).toBeLessThan(3000 / FRAME / 3);

    await churn(batcher, 1, 2000); // 1,000 events/s: wider still
    expect(batcher.windowMs()).toBeGreaterThan(150);
    expect(batcher.windowMs()).toBeLessThanOrEqual(250);

    await vi.advanceTimersByTimeAsync(5000);
    const before = flushes.length;
    batcher.add();
    await vi.advanceTimersByTimeAsync(FRAME);
    expect(flushes).toHaveLength(before + 1);
  });

  it('schedules nothing more once disposed', async () => {
    const { batcher, flushes } = setup();
    batcher.add();
    batcher.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(flushes).toEqual([]);
  });
});
