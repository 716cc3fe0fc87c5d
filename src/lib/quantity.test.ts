import { describe, expect, it } from 'vitest';
import { formatBytes, formatCores, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads CPU quantities as cores', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity(4)).toBe(4);
  });

  it('reads memory quantities as bytes, binary and decimal', () => {
    expect(parseQuantity('64Gi')).toBe(64 * 2 ** 30);
    expect(parseQuantity('150Mi')).toBe(150 * 2 ** 20);
    expect(parseQuantity('123M')).toBe(123e6);
    expect(parseQuantity('129e6')).toBe(129e6);
    expect(parseQuantity('103705676Ki')).toBe(103705676 * 1024);
  });

  it('refuses what is not a quantity', () => {
    expect(parseQuantity('')).toBeUndefined();
    expect(parseQuantity('1 Gi')).toBeUndefined();
    expect(parseQuantity('Gi')).toBeUndefined();
    expect(parseQuantity('12Qi')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('shows bytes in binary units', () => {
    expect(formatBytes(64 * 2 ** 30)).toBe('64 GiB');
    expect(formatBytes(1.5 * 2 ** 30)).toBe('1.5 GiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(0)).toBe('0 B');
  });

  it('shows cores as kubectl does', () => {
    expect(formatCores(0.25)).toBe('250m');
    expect(formatCores(2)).toBe('2');
    expect(formatCores(1.5)).toBe('1.5');
    expect(formatCores(0)).toBe('0');
  });
});
