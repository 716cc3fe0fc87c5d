import { describe, expect, it } from 'vitest';
import { CidrAllocator, macFromSeed, routeHost } from './ipam.js';
import { importFailure, isUnpullableImage, guestOsFor } from './conventions.js';

describe('allocators', () => {
  it('hands out distinct pod IPs from a /24 and reuses released ones', () => {
    const a = new CidrAllocator('10.244.1.0/24');
    const ips = Array.from({ length: 253 }, () => a.allocate());
    expect(new Set(ips).size).toBe(253);
    expect(ips[0]).toBe('10.244.1.2');
    expect(() => a.allocate()).toThrow(/full/);
    a.release('10.244.1.77');
    expect(a.allocate()).toBe('10.244.1.77');
  });
  it('makes stable MACs and route hosts', () => {
    expect(macFromSeed('abc')).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(macFromSeed('abc')).toBe(macFromSeed('abc'));
    expect(routeHost('web', 'demo', 'kubevirt.local')).toBe('web-demo.apps.kubevirt.local');
  });
});

describe('conventions', () => {
  it('recognises unreachable images and URLs', () => {
    expect(isUnpullableImage('unreachable.invalid/os/fedora:41')).toBe(true);
    expect(isUnpullableImage('quay.io/containerdisks/fedora:nonexistent')).toBe(true);
    expect(isUnpullableImage('registry:5000/kubevirt/cirros-container-disk-demo:devel')).toBe(false);
    expect(importFailure({ http: { url: 'https://download.cirros-cloud.net/0.4.0/cirros.img' } })).toBeUndefined();
    expect(importFailure({ http: { url: 'https://example.com/nonexistent.img' } })).toMatch(/404/);
    expect(importFailure({ http: { url: 'http://images.invalid/a.img' } })).toMatch(/no such host/);
  });
  it('guesses the guest OS', () => {
    expect(guestOsFor(['quay.io/containerdisks/fedora:41']).agent).toBe(true);
    expect(guestOsFor(['registry:5000/kubevirt/cirros-container-disk-demo:devel'])).toMatchObject({
      os: 'cirros',
      agent: false,
    });
    expect(
      guestOsFor(['registry:5000/kubevirt/fedora-with-test-tooling-container-disk:devel']).info.prettyName,
    ).toMatch(/Fedora/);
  });
});
