import { describe, expect, it } from 'vitest';
import { vmLauncherLabels } from '../../../kubevirt/launcher-pod';
import { exposedPorts, serviceSelectsVm, targetsByService } from './selector-match';
import { exampleVm, service, vmiOf } from './test-fixtures';
import type { VMI } from './types';

describe('serviceSelectsVm', () => {
  const vm = exampleVm();

  it('matches the virtctl label, the older vm.kubevirt.io/name and template labels', () => {
    expect(vmLauncherLabels(vm)).toMatchObject({ 'kubevirt.io/vm': 'vm-cirros', 'vmi.kubevirt.io/id': 'vm-cirros' });
    expect(serviceSelectsVm(service('a', { 'vmi.kubevirt.io/id': 'vm-cirros' }), vm)).toBe(true);
    expect(serviceSelectsVm(service('b', { 'vm.kubevirt.io/name': 'vm-cirros' }), vm)).toBe(true);
    expect(serviceSelectsVm(service('c', { 'kubevirt.io/vm': 'vm-cirros' }), vm)).toBe(true);
    expect(serviceSelectsVm(service('d', { 'vmi.kubevirt.io/id': 'other' }), vm)).toBe(false);
  });

  it('never matches across namespaces', () => {
    expect(serviceSelectsVm(service('a', { 'vmi.kubevirt.io/id': 'vm-cirros' }, undefined, 'other'), vm)).toBe(false);
  });

  it('matches labels only the running VMI has', () => {
    const svc = service('a', { 'kubevirt.io/nodeName': 'node02' });
    expect(serviceSelectsVm(svc, vm)).toBe(false);
    expect(serviceSelectsVm(svc, vm, vmiOf(vm))).toBe(true);
  });
});

describe('targetsByService', () => {
  it('lists the VMs and standalone VMIs each Service selects, a VM and its VMI once', () => {
    const vm = exampleVm();
    const lone: VMI = {
      metadata: { name: 'lone', namespace: 'ns1', labels: { app: 'web' } },
      spec: { domain: { devices: {} } },
    };
    const webVmi = vmiOf(vm, { app: 'web' });
    const services = [
      service('web', { app: 'web' }),
      service('ssh', { 'vmi.kubevirt.io/id': 'vm-cirros' }),
      service('none', { app: 'db' }),
      service('kubernetes', undefined),
    ];
    const map = targetsByService(services, [vm], [webVmi, lone]);
    expect(map.get('ns1/web')).toEqual([
      { kind: 'VirtualMachineInstance', name: 'lone', namespace: 'ns1' },
      { kind: 'VirtualMachine', name: 'vm-cirros', namespace: 'ns1' },
    ]);
    expect(map.get('ns1/ssh')).toEqual([{ kind: 'VirtualMachine', name: 'vm-cirros', namespace: 'ns1' }]);
    expect(map.get('ns1/none')).toEqual([]);
    expect(map.get('ns1/kubernetes')).toEqual([]);
  });
});

describe('exposedPorts', () => {
  it('lists target ports (the port when none is set) of Services selecting the VM', () => {
    const vm = exampleVm();
    const services = [
      service('ssh', { 'vm.kubevirt.io/name': 'vm-cirros' }, [{ port: 2222, targetPort: 22 }]),
      service('dns', { 'vmi.kubevirt.io/id': 'vm-cirros' }, [{ port: 53, protocol: 'UDP' }]),
      service('other', { 'vmi.kubevirt.io/id': 'x' }, [{ port: 80 }]),
    ];
    expect(exposedPorts(services, vm)).toEqual([
      { service: 'ssh', targetPort: 22, protocol: 'TCP' },
      { service: 'dns', targetPort: 53, protocol: 'UDP' },
    ]);
  });
});
