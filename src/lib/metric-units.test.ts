import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './metric-units';

describe('metric values', () => {
  it('reads cores, bytes and bytes per second', () => {
    expect(formatMetricValue(0.25, 'cores')).toBe('250m cores');
    expect(formatMetricValue(1, 'cores')).toBe('1 core');
    expect(formatMetricValue(1.5, 'cores')).toBe('1.5 cores');
    expect(formatMetricValue(1610612736, 'bytes')).toBe('1.5 GiB');
    expect(formatMetricValue(2048, 'bytes-per-second')).toBe('2 KiB/s');
    expect(formatMetricValue(Infinity, 'bytes')).toBe('-');
  });
});
