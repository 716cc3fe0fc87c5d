import type { IoK8sApiCoreV1Event, IoK8sApiCoreV1Node } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { countByStatus, formatMemory, nodeSummaries, recentWarnings, vmiOrVmPath, vmiOwners } from './overview-model';

const vm = (status?: string) => ({ spec: { template: {} }, status: { printableStatus: status } }) as V1VirtualMachine;
const vmi = (name: string, node?: string, owner?: string) =>
  ({
    metadata: {
      name,
      namespace: 'ns',
      ownerReferences: owner ? [{ kind: 'VirtualMachine', name: owner, uid: 'u', apiVersion: 'kubevirt.io/v1' }] : [],
    },
    spec: { domain: { devices: {} } },
    status: { nodeName: node },
  }) as V1VirtualMachineInstance;
const node = (name: string, ready: boolean, memory = '64Gi') =>
  ({
    metadata: { name },
    status: { capacity: { cpu: '16', memory }, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  }) as IoK8sApiCoreV1Node;
const event = (reason: string, type: string, last: string) =>
  ({
    metadata: { name: reason, uid: reason },
    involvedObject: { kind: 'VirtualMachine', name: 'x' },
    reason,
    type,
    lastTimestamp: last,
  }) as IoK8sApiCoreV1Event;

describe('overview model', () => {
  it('counts VMs by status in display order; missing or unknown statuses count as Unknown', () => {
    expect(countByStatus([vm('Stopped'), vm('Running'), vm('Stopped'), vm(), vm('Weird'), vm('ErrImagePull')])).toEqual(
      [
        ['Running', 1],
        ['Stopped', 2],
        ['ErrImagePull', 1],
        ['Unknown', 2],
      ],
    );
  });

  it('puts each VMI on its node, with capacity and readiness', () => {
    const rows = nodeSummaries(
      [node('node02', true), node('node01', false, '16393900Ki')],
      [vmi('b', 'node01', 'b'), vmi('a', 'node01'), vmi('c', 'node02', 'c'), vmi('pending')],
    );
    expect(rows.map((r) => [r.name, r.ready, r.memory, r.vmis.map((v) => v.name)])).toEqual([
      ['node01', false, '15.6 GiB', ['a', 'b']],
      ['node02', true, '64 GiB', ['c']],
    ]);
    expect(rows[0].vmis[1].owner).toBe('b');
    expect(rows[0].vmis[0].owner).toBeUndefined();
  });

  it('formats memory quantities', () => {
    expect(formatMemory('512Mi')).toBe('512 MiB');
    expect(formatMemory('1000M')).toBe('953.7 MiB');
    expect(formatMemory(undefined)).toBe('-');
    expect(formatMemory('lots')).toBe('lots');
  });

  it('keeps the newest warnings only', () => {
    const list = recentWarnings(
      [
        event('Old', 'Warning', '2026-01-01T00:00:00Z'),
        event('Normal', 'Normal', '2026-01-05T00:00:00Z'),
        event('New', 'Warning', '2026-01-04T00:00:00Z'),
        event('Mid', 'Warning', '2026-01-02T00:00:00Z'),
      ],
      2,
    );
    expect(list.map((e) => e.reason)).toEqual(['New', 'Mid']);
  });
});

describe('where a VMI name links', () => {
  it('goes to the VM of a VMI that has one, to the VMI of a standalone one or of one not known yet', () => {
    const owners = vmiOwners([vmi('owned', 'n1', 'the-vm'), vmi('alone', 'n1')]);
    expect(owners).toEqual(
      new Map([
        ['ns/owned', 'the-vm'],
        ['ns/alone', null],
      ]),
    );
    expect(vmiOrVmPath('ns', 'owned', owners.get('ns/owned'))).toBe('/k8s/ns/ns/virtualmachines/the-vm');
    expect(vmiOrVmPath('ns', 'alone', owners.get('ns/alone'))).toBe('/k8s/ns/ns/virtualmachineinstances/alone');
    expect(vmiOrVmPath('ns', 'later', owners.get('ns/later'))).toBe('/k8s/ns/ns/virtualmachineinstances/later');
  });
});
