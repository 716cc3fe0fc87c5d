import { describe, expect, it } from 'vitest';
import { addSample, formatDuration, rateOf, secondsLeft, type Sample } from './transfer-rate';

describe('transfer rate', () => {
  it('measures bytes per second over the window and drops older samples', () => {
    let s: Sample[] = [];
    for (let t = 0; t <= 10_000; t += 1000)
      s = addSample(s, { at: t, bytes: t < 6000 ? t * 100 : 600_000 + (t - 6000) * 10 });
    // Only the last 5 s count: 6 s..10 s moved 10 bytes/ms.
    expect(s[0].at).toBe(5000);
    expect(rateOf(s)).toBeCloseTo(((640_000 - 500_000) * 1000) / 5000);
  });

  it('has no rate from one sample or samples too close together', () => {
    expect(rateOf([{ at: 0, bytes: 0 }])).toBeUndefined();
    expect(
      rateOf([
        { at: 0, bytes: 0 },
        { at: 50, bytes: 1000 },
      ]),
    ).toBeUndefined();
  });

  it('computes time left, none without a rate', () => {
    expect(secondsLeft(100, 1100, 50)).toBe(20);
    expect(secondsLeft(100, 1100, 0)).toBeUndefined();
    expect(secondsLeft(100, 1100, undefined)).toBeUndefined();
  });

  it('formats durations', () => {
    expect(formatDuration(0.2)).toBe('less than a second');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });
});
