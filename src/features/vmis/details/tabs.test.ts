import { describe, expect, it } from 'vitest';
import { vmiDetailsPath, vmiTabFromPath } from './tabs';

describe('VMI details tabs in the URL', () => {
  it('reads the tab after the name; nothing is the overview, an unknown tab is null', () => {
    expect(vmiTabFromPath(undefined)).toBe('overview');
    expect(vmiTabFromPath('')).toBe('overview');
    expect(vmiTabFromPath('console')).toBe('console');
    expect(vmiTabFromPath('events/extra')).toBe('events');
    expect(vmiTabFromPath('disks')).toBeNull();
    expect(vmiDetailsPath('demo', 'vmi-ephemeral', 'yaml')).toBe(
      '/k8s/ns/demo/virtualmachineinstances/vmi-ephemeral/yaml',
    );
  });
});
