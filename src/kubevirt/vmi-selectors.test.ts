import { describe, expect, it } from 'vitest';
import { makeVmi } from './testing';
import {
  vmiDisplayStatus,
  vmiGuestOsName,
  vmiIPs,
  vmiIsPaused,
  vmiNode,
  vmiOwnerVmName,
  vmiPhase,
  type VMI,
} from './vmi-selectors';

const vmi = (o: object) => ({ spec: { domain: { devices: {} } }, ...o }) as VMI;

describe('VMI selectors', () => {
  it('reads phase (empty is Pending), node and IPs', () => {
    expect(vmiPhase(vmi({}))).toBe('Pending');
    expect(vmiPhase(vmi({ status: { phase: 'Running' } }))).toBe('Running');
    expect(vmiNode(vmi({ status: { nodeName: 'node01' } }))).toBe('node01');
    expect(vmiNode(vmi({ status: { nodeName: '' } }))).toBeUndefined();
    expect(
      vmiIPs(vmi({ status: { interfaces: [{ ipAddress: '10.0.0.1', ipAddresses: ['10.0.0.1', 'fd::1'] }, {}] } })),
    ).toEqual(['10.0.0.1', 'fd::1']);
  });

  it('finds the controlling VM, and none for a VMI created on its own', () => {
    const owned = vmi({
      metadata: {
        ownerReferences: [
          { kind: 'VirtualMachine', name: 'web', uid: 'u', apiVersion: 'kubevirt.io/v1', controller: true },
        ],
      },
    });
    expect(vmiOwnerVmName(owned)).toBe('web');
    expect(vmiOwnerVmName(vmi({ metadata: { name: 'lonely' } }))).toBeUndefined();
  });

  it('sees the Paused condition', () => {
    expect(vmiIsPaused(vmi({ status: { conditions: [{ type: 'Paused', status: 'True' }] } }))).toBe(true);
    expect(vmiIsPaused(vmi({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }))).toBe(false);
  });

  it('names the guest OS from the guest agent, or nothing without one', () => {
    expect(vmiGuestOsName(vmi({ status: { guestOSInfo: { prettyName: 'Fedora Linux 41', name: 'Fedora' } } }))).toBe(
      'Fedora Linux 41',
    );
    expect(vmiGuestOsName(vmi({ status: { guestOSInfo: { name: 'Fedora' } } }))).toBe('Fedora');
    expect(vmiGuestOsName(vmi({ status: { guestOSInfo: {} } }))).toBeUndefined();
  });

  it('shows a running VMI as Paused or Migrating while it is so, other phases as they are', () => {
    expect(vmiDisplayStatus(makeVmi({ phase: 'Running' }))).toBe('Running');
    expect(vmiDisplayStatus(makeVmi({ phase: 'Running', paused: true }))).toBe('Paused');
    expect(vmiDisplayStatus(makeVmi({ phase: 'Running', migrating: true }))).toBe('Migrating');
    expect(vmiDisplayStatus(makeVmi({ phase: 'Scheduled', paused: true }))).toBe('Scheduled');
    expect(vmiDisplayStatus(makeVmi({ phase: 'Failed' }))).toBe('Failed');
  });
});
