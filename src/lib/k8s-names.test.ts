import { describe, expect, it } from 'vitest';
import { randomNameSuffix, validateDnsLabel, validateDnsSubdomain } from './k8s-names';

describe('object names', () => {
  it('checks DNS-1123 labels and subdomains as the API server does', () => {
    expect(validateDnsLabel('fedora-2')).toBeUndefined();
    expect(validateDnsLabel('')).toBe('Name is required');
    expect(validateDnsLabel('Fedora')).toMatch(/lower case alphanumeric/);
    expect(validateDnsLabel('a.b')).toMatch(/lower case alphanumeric/);
    expect(validateDnsLabel('a'.repeat(64))).toBe('Name must be no more than 63 characters');
    expect(validateDnsSubdomain('snap.v1-a')).toBeUndefined();
    expect(validateDnsSubdomain('-snap')).toMatch(/start and end/);
    expect(validateDnsSubdomain('a'.repeat(254))).toBe('Name must be no more than 253 characters');
  });

  it("draws five characters of generateName's alphabet", () => {
    expect(randomNameSuffix(() => 0)).toBe('bbbbb');
    expect(randomNameSuffix(() => 0.999)).toBe('99999');
    expect(randomNameSuffix()).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
