import { describe, expect, it } from 'vitest';
import {
  isLauncherPod,
  isLauncherPodOf,
  launcherPodSelector,
  vmLauncherLabels,
  vmiLauncherLabels,
} from './launcher-pod';
import { makeVm, makeVmi } from './testing';

describe('launcher pods', () => {
  it("recognises only this VM's launcher pods", () => {
    expect(isLauncherPodOf('virt-launcher-vm1-x4bz9', 'vm1')).toBe(true);
    expect(isLauncherPodOf('virt-launcher-vm1-other-x4bz9', 'vm1')).toBe(false);
    expect(isLauncherPodOf('virt-launcher-vm1-other-x4bz9', 'vm1-other')).toBe(true);
    expect(isLauncherPodOf('virt-launcher-vm10-x4bz9', 'vm1')).toBe(false);
    expect(isLauncherPodOf(undefined, 'vm1')).toBe(false);
  });

  it("tells launcher pods by their kubevirt.io label, and selects a VM's by its name", () => {
    expect(isLauncherPod({ metadata: { labels: { 'kubevirt.io': 'virt-launcher' } } })).toBe(true);
    expect(isLauncherPod({ metadata: { labels: { 'kubevirt.io': 'virt-handler' } } })).toBe(false);
    expect(isLauncherPod({ metadata: {} })).toBe(false);
    expect(launcherPodSelector('web')).toBe('kubevirt.io=virt-launcher,vm.kubevirt.io/name=web');
  });

  it("gives a VM's pod its template labels and a VMI's pod its own, plus KubeVirt's", () => {
    const vm = makeVm({ name: 'web' });
    vm.spec = { ...vm.spec, template: { metadata: { labels: { app: 'shop', 'kubevirt.io': 'x' } } } };
    expect(vmLauncherLabels(vm)).toEqual({
      app: 'shop',
      'kubevirt.io': 'virt-launcher',
      'vm.kubevirt.io/name': 'web',
      'vmi.kubevirt.io/id': 'web',
    });
    const vmi = makeVmi({ name: 'lone' });
    vmi.metadata = { ...vmi.metadata, labels: { tier: 'db' } };
    expect(vmiLauncherLabels(vmi)).toEqual({
      tier: 'db',
      'kubevirt.io': 'virt-launcher',
      'vm.kubevirt.io/name': 'lone',
      'vmi.kubevirt.io/id': 'lone',
    });
  });
});
