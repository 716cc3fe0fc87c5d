import type { IoK8sApiCoreV1Pod, IoK8sApiCoreV1Service } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { servicesSelectingVm } from './service-match';

const vm: V1VirtualMachine = {
  metadata: { name: 'web', namespace: 'ns' },
  spec: { template: { metadata: { labels: { app: 'shop', tier: 'front' } }, spec: { domain: { devices: {} } } } },
};

const svc = (name: string, selector?: Record<string, string>, namespace = 'ns'): IoK8sApiCoreV1Service => ({
  metadata: { name, namespace },
  spec: { selector },
});

const names = (l: IoK8sApiCoreV1Service[]) => l.map((s) => s.metadata?.name);

describe('servicesSelectingVm', () => {
  const services = [
    svc('by-template', { app: 'shop' }),
    svc('by-vm-name', { 'vm.kubevirt.io/name': 'web' }),
    svc('by-vmi-id', { 'vmi.kubevirt.io/id': 'web' }),
    svc('other-vm', { 'vm.kubevirt.io/name': 'db' }),
    svc('too-narrow', { app: 'shop', tier: 'back' }),
    svc('no-selector'),
    svc('other-namespace', { app: 'shop' }, 'elsewhere'),
    svc('by-pod-only', { 'pod-label': 'x' }),
  ];

  it('matches template labels and the launcher pod labels KubeVirt adds, even when the VM is stopped', () => {
    expect(names(servicesSelectingVm(services, vm))).toEqual(['by-template', 'by-vm-name', 'by-vmi-id']);
  });

  it('also matches labels found only on the running VMI or launcher pod', () => {
    const vmi: V1VirtualMachineInstance = {
      metadata: { name: 'web', labels: { extra: 'y' } },
      spec: { domain: { devices: {} } },
    };
    const pod: IoK8sApiCoreV1Pod = { metadata: { name: 'virt-launcher-web-abcde', labels: { 'pod-label': 'x' } } };
    const found = names(servicesSelectingVm([...services, svc('by-vmi-label', { extra: 'y' })], vm, vmi, [pod]));
    expect(found).toEqual(['by-template', 'by-vm-name', 'by-vmi-id', 'by-pod-only', 'by-vmi-label']);
  });
});
