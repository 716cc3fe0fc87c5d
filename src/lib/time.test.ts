import { describe, expect, it } from 'vitest';
import { relativeTime } from './time';

const now = Date.parse('2026-01-10T12:00:00Z');

describe('relativeTime', () => {
  it('picks the largest whole unit', () => {
    expect(relativeTime('2026-01-10T11:59:30Z', now)).toBe('30 seconds ago');
    expect(relativeTime('2026-01-10T11:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2026-01-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-01-09T11:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2025-12-01T12:00:00Z', now)).toBe('last month');
  });

  it('says just now for the last few seconds, and handles bad input', () => {
    expect(relativeTime('2026-01-10T11:59:58Z', now)).toBe('just now');
    expect(relativeTime(undefined, now)).toBe('');
    expect(relativeTime('not a date', now)).toBe('');
  });
});
