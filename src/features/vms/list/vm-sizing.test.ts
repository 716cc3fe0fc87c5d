import { describe, expect, it } from 'vitest';
import { makeVm, makeVmi } from '../../../kubevirt/testing';
import type { VM } from '../../../kubevirt/vm-selectors';
import { parseColumns, writeColumns } from './columns';
import { instancetypeIndex, vmSizing } from './vm-sizing';

const it1 = (name: string, cpu: number, memory: string, namespace?: string) => ({
  metadata: { name, namespace },
  spec: { cpu: { guest: cpu }, memory: { guest: memory } },
});
const index = instancetypeIndex(
  [it1('u1.medium', 1, '4Gi'), it1('cx1.large', 2, '4Gi')],
  [it1('mine', 3, '3Gi', 'ns1')],
);

const withType = (kind: string | undefined, name: string): VM => {
  const vm = makeVm({ name: 'a', namespace: 'ns1' });
  vm.spec.instancetype = { kind, name } as { kind: string; name: string };
  return vm;
};

describe('VM sizing for the list', () => {
  it('takes a custom VM’s CPU topology and memory from its template', () => {
    const vm = makeVm();
    vm.spec.template!.spec!.domain = { devices: {}, cpu: { sockets: 2, cores: 2 }, memory: { guest: '2Gi' } };
    expect(vmSizing(vm, undefined, index)).toEqual({ cpu: 4, memory: '2Gi' });
  });

  it('takes a stopped instance-type VM’s size from the cluster instance type (kind defaults to it)', () => {
    expect(vmSizing(withType(undefined, 'cx1.large'), undefined, index)).toEqual({
      cpu: 2,
      memory: '4Gi',
      instancetype: 'cx1.large',
      instancetypeKind: 'VirtualMachineClusterInstancetype',
    });
  });

  it('looks a namespaced instance type up in the VM’s own namespace', () => {
    expect(vmSizing(withType('VirtualMachineInstancetype', 'mine'), undefined, index)).toMatchObject({
      cpu: 3,
      memory: '3Gi',
    });
    const elsewhere = withType('VirtualMachineInstancetype', 'mine');
    elsewhere.metadata!.namespace = 'ns2';
    expect(vmSizing(elsewhere, undefined, index)).toMatchObject({ cpu: undefined, memory: undefined });
  });

  it('prefers the running VMI’s expanded values to the instance type’s', () => {
    const vmi = makeVmi({ name: 'a', namespace: 'ns1' });
    vmi.spec = { domain: { devices: {}, cpu: { sockets: 1, cores: 1, threads: 1 }, memory: { guest: '1Gi' } } };
    expect(vmSizing(withType(undefined, 'u1.medium'), vmi, index)).toMatchObject({ cpu: 1, memory: '1Gi' });
    vmi.spec.domain.cpu = { sockets: 4, cores: 1, threads: 1 };
    vmi.spec.domain.memory = { guest: '8Gi' };
    expect(vmSizing(withType(undefined, 'u1.medium'), vmi, index)).toMatchObject({ cpu: 4, memory: '8Gi' });
  });

  it('leaves an unknown instance type’s size unknown', () => {
    expect(vmSizing(withType(undefined, 'gone'), undefined, index)).toMatchObject({
      cpu: undefined,
      memory: undefined,
      instancetype: 'gone',
    });
  });
});

describe('optional columns preference', () => {
  it('reads known columns in display order and drops the rest', () => {
    expect(parseColumns(null)).toEqual([]);
    expect(parseColumns('instancetype,bogus,cpu')).toEqual(['cpu', 'instancetype']);
    expect(writeColumns(['memory', 'cpu'])).toBe('cpu,memory');
  });
});
