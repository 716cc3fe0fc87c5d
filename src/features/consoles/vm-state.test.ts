import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { canStartVm, vmStateDetail, waitingText } from './vm-state';

const UNSCHEDULABLE = {
  type: 'PodScheduled',
  status: 'False',
  reason: 'Unschedulable',
  message: '0/3 nodes are available: 3 Insufficient memory.',
};

const vm = (runStrategy: string, status: Record<string, unknown> = {}): V1VirtualMachine => ({
  metadata: { name: 'vm', namespace: 'ns' },
  spec: { runStrategy, template: { spec: { domain: { devices: {} } } } },
  status,
});
const vmi = (phase: string, extra: Partial<V1VirtualMachineInstance> = {}): V1VirtualMachineInstance => ({
  metadata: { name: 'vm', namespace: 'ns', uid: 'u1' },
  spec: { domain: { devices: {} } },
  status: { phase },
  ...extra,
});

describe('canStartVm', () => {
  it('refuses a VM that is already started but not running (unschedulable, pulling, booting)', () => {
    const started = vm('Always', { printableStatus: 'ErrorUnschedulable', conditions: [UNSCHEDULABLE] });
    expect(canStartVm(started, vmi('Scheduling'))).toBe(false);
    expect(canStartVm(vm('Manual'), vmi('Pending'))).toBe(false);
    expect(canStartVm(vm('RerunOnFailure'), vmi('Scheduled'))).toBe(false);
  });

  it('refuses what KubeVirt answers with 409: Always and Once, a VMI stopping, a start already queued, a VM being deleted', () => {
    expect(canStartVm(vm('Always'), undefined)).toBe(false);
    expect(canStartVm(vm('Once'), vmi('Succeeded'))).toBe(false);
    const stopping = vmi('Running', { metadata: { name: 'vm', deletionTimestamp: '2026-01-01T00:00:00Z' } });
    expect(canStartVm(vm('Manual'), stopping)).toBe(false);
    expect(canStartVm(vm('Manual', { stateChangeRequests: [{ action: 'Start' }] }), undefined)).toBe(false);
    const deleting = vm('Halted');
    deleting.metadata = { ...deleting.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' };
    expect(canStartVm(deleting, undefined)).toBe(false);
    expect(canStartVm(undefined, undefined)).toBe(false);
  });

  it('offers a stopped VM whose run strategy takes start requests', () => {
    expect(canStartVm(vm('Halted', { printableStatus: 'Stopped' }), undefined)).toBe(true);
    expect(canStartVm(vm('Manual'), vmi('Succeeded'))).toBe(true);
    expect(canStartVm(vm('RerunOnFailure'), vmi('Failed'))).toBe(true);
  });
});

describe('what the console says about a VM that is not running', () => {
  it('says a started VM is starting, not that it is not running', () => {
    expect(waitingText(vmi('Scheduling'))).toBe(
      'The virtual machine is starting (phase Scheduling); the console connects when it runs.',
    );
    expect(waitingText(vmi('Running', { metadata: { name: 'vm', deletionTimestamp: '2026-01-01T00:00:00Z' } }))).toBe(
      'The virtual machine is stopping.',
    );
    expect(waitingText(undefined)).toBeUndefined();
    expect(waitingText(vmi('Succeeded'))).toBeUndefined();
  });

  it("gives the VM's status and the scheduler's reason for an unschedulable VM", () => {
    const detail = vmStateDetail(
      vm('Always', {
        printableStatus: 'ErrorUnschedulable',
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'VMIConditionMissing',
            message: 'VMI is missing the Ready condition',
          },
          UNSCHEDULABLE,
        ],
      }),
      vmi('Scheduling'),
    );
    expect(detail).toEqual({
      title: 'ErrorUnschedulable: The virtual machine could not be scheduled on any node.',
      reason: '0/3 nodes are available: 3 Insufficient memory.',
      severity: 'danger',
    });
  });

  it("falls back on the VMI's conditions (a VMI without a VM), and says nothing more of a stopped VM", () => {
    expect(
      vmStateDetail(undefined, vmi('Scheduling', { status: { phase: 'Scheduling', conditions: [UNSCHEDULABLE] } })),
    ).toMatchObject({
      reason: '0/3 nodes are available: 3 Insufficient memory.',
    });
    expect(vmStateDetail(vm('Halted', { printableStatus: 'Stopped' }), undefined)).toBeUndefined();
    expect(vmStateDetail(undefined, undefined)).toBeUndefined();
  });
});
