import { describe, expect, it } from 'vitest';
import { pendingChanges } from './pending-changes';
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

const vm = (spec: object) => ({ spec: { template: { spec } } }) as V1VirtualMachine;
const vmi = (spec: object) => ({ spec }) as V1VirtualMachineInstance;

describe('what differs between a VM and its running VMI', () => {
  it('ignores the defaults the VMI gained and reports changed values', () => {
    const running = vmi({
      domain: { cpu: { cores: 1, sockets: 1, model: 'host-model' }, firmware: { uuid: 'u1' }, devices: { disks: [] } },
      terminationGracePeriodSeconds: 30,
    });
    expect(pendingChanges(vm({ domain: { cpu: { cores: 1 }, devices: {} } }), running)).toEqual([]);
    expect(pendingChanges(vm({ domain: { cpu: { cores: 2 } } }), running)).toEqual([
      { field: 'domain.cpu.cores', vm: 2, vmi: 1 },
    ]);
  });

  it('compares named devices by name both ways', () => {
    const running = vmi({
      domain: {
        devices: {
          interfaces: [
            { name: 'default', masquerade: {}, macAddress: 'x' },
            { name: 'old', bridge: {} },
          ],
        },
      },
    });
    const wanted = vm({
      domain: {
        devices: {
          interfaces: [
            { name: 'new', bridge: {} },
            { name: 'default', masquerade: {} },
          ],
        },
      },
    });
    expect(pendingChanges(wanted, running)).toEqual([
      { field: 'domain.devices.interfaces[new]', vm: { name: 'new', bridge: {} }, vmi: undefined },
      { field: 'domain.devices.interfaces[old]', vm: undefined, vmi: { name: 'old', bridge: {} } },
    ]);
  });

  it('has nothing to say without a running VMI', () => {
    expect(pendingChanges(vm({ domain: { cpu: { cores: 2 } } }), undefined)).toEqual([]);
  });
});
