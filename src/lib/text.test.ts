import { describe, expect, it } from 'vitest';
import { lowerFirstWord } from './text';

describe('lowerFirstWord', () => {
  it('lowers a capitalised ordinary first word', () => {
    expect(lowerFirstWord('Serial console command')).toBe('serial console command');
    expect(lowerFirstWord('Expose command')).toBe('expose command');
  });

  it('keeps acronyms and words with inner capitals', () => {
    expect(lowerFirstWord('VNC command')).toBe('VNC command');
    expect(lowerFirstWord('SSH command')).toBe('SSH command');
    expect(lowerFirstWord('KubeVirt version')).toBe('KubeVirt version');
    expect(lowerFirstWord('A')).toBe('a');
  });

  it('leaves lowercase and empty labels alone', () => {
    expect(lowerFirstWord('virtctl install commands')).toBe('virtctl install commands');
    expect(lowerFirstWord('')).toBe('');
  });
});
