import { describe, expect, it } from 'vitest';
import { tabFromPath, vmDetailsPath } from './tabs';

describe('VM details tabs in the URL', () => {
  it('reads the tab, with the overview as default and null for unknown tabs', () => {
    expect(tabFromPath(undefined)).toBe('overview');
    expect(tabFromPath('')).toBe('overview');
    expect(tabFromPath('yaml')).toBe('yaml');
    expect(tabFromPath('configuration')).toBe('configuration');
    expect(tabFromPath('network-interfaces/')).toBe('network-interfaces');
    expect(tabFromPath('nope')).toBeNull();
  });

  it('builds the path of a tab', () => {
    expect(vmDetailsPath('demo', 'vm 1', 'disks')).toBe('/k8s/ns/demo/virtualmachines/vm%201/disks');
  });
});
