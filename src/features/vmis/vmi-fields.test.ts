import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { vmiIpsOf, vmiIsPausedOf, vmiNodeOf, vmiOwnerOf, vmiPhaseOf } from './vmi-fields';

const vmi = (o: object) => ({ spec: { domain: { devices: {} } }, ...o }) as V1VirtualMachineInstance;

describe('VMI list fields', () => {
  it('reads phase (empty is Pending), node and IPs', () => {
    expect(vmiPhaseOf(vmi({}))).toBe('Pending');
    expect(vmiPhaseOf(vmi({ status: { phase: 'Running' } }))).toBe('Running');
    expect(vmiNodeOf(vmi({ status: { nodeName: 'node01' } }))).toBe('node01');
    expect(vmiNodeOf(vmi({ status: { nodeName: '' } }))).toBeUndefined();
    expect(vmiIpsOf(vmi({ status: { interfaces: [{ ipAddress: '10.0.0.1', ipAddresses: ['10.0.0.1', 'fd::1'] }, {}] } }))).toEqual(['10.0.0.1', 'fd::1']);
  });

  it('finds the controlling VM, and none for a VMI created on its own', () => {
    const owned = vmi({ metadata: { ownerReferences: [{ kind: 'VirtualMachine', name: 'web', uid: 'u', apiVersion: 'kubevirt.io/v1', controller: true }] } });
    expect(vmiOwnerOf(owned)).toBe('web');
    expect(vmiOwnerOf(vmi({ metadata: { name: 'lonely' } }))).toBeUndefined();
  });

  it('sees the Paused condition', () => {
    expect(vmiIsPausedOf(vmi({ status: { conditions: [{ type: 'Paused', status: 'True' }] } }))).toBe(true);
    expect(vmiIsPausedOf(vmi({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }))).toBe(false);
  });
});
