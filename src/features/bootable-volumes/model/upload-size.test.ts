import { describe, expect, it } from 'vitest';
import { defaultSizeGi, fits, GI } from './upload-size';

describe('defaultSizeGi', () => {
  it('is the virtual size plus 10%, rounded up to whole Gi', () => {
    expect(defaultSizeGi(10 * GI, 300 * 1024 ** 2)).toBe(11);
    expect(defaultSizeGi(2.5 * GI, GI)).toBe(3);
    expect(defaultSizeGi(64 * 1024 ** 2, 200_000)).toBe(1);
  });

  it('without a virtual size: the file with headroom, at least 10 Gi', () => {
    expect(defaultSizeGi(undefined, GI)).toBe(10);
    expect(defaultSizeGi(undefined, 20 * GI)).toBe(22);
  });
});

describe('fits', () => {
  it('compares Gi with the virtual size', () => {
    expect(fits(1, GI)).toBe(true);
    expect(fits(1, GI + 1)).toBe(false);
    expect(fits(1, undefined)).toBe(true);
  });
});
