import { describe, expect, it } from 'vitest';
import { parseGracePeriod } from './grace-period';

describe('grace period field', () => {
  it('is empty for the default, a whole number of seconds otherwise', () => {
    expect(parseGracePeriod('')).toEqual({ ok: true });
    expect(parseGracePeriod('  ')).toEqual({ ok: true });
    expect(parseGracePeriod('0')).toEqual({ ok: true, value: 0 });
    expect(parseGracePeriod(' 30 ')).toEqual({ ok: true, value: 30 });
    for (const bad of ['-1', '1.5', 'ten', '1e3']) expect(parseGracePeriod(bad), bad).toEqual({ ok: false });
  });
});
