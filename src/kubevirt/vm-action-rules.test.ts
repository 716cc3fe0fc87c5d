import { describe, expect, it } from 'vitest';
import { makeVm, makeVmi } from './testing';
import {
  FULL_ACCESS,
  accessReason,
  disabledReason,
  stateReason,
  vmActionStates,
  type VmAccess,
  type VmActionId,
} from './vm-action-rules';

const enabled = (vm: ReturnType<typeof makeVm>, vmi?: ReturnType<typeof makeVmi>): VmActionId[] =>
  vmActionStates(vm, vmi, FULL_ACCESS)
    .filter((a) => !a.disabledReason)
    .map((a) => a.id);

describe('VM action rules by state', () => {
  it('a stopped Halted VM can only be started, snapshotted, cloned or deleted', () => {
    expect(enabled(makeVm({ status: 'Stopped', runStrategy: 'Halted' }))).toEqual([
      'start',
      'snapshot',
      'clone',
      'delete',
    ]);
    expect(stateReason('stop', makeVm(), undefined)).toBe('The virtual machine is not running');
    expect(stateReason('pause', makeVm(), undefined)).toBe('Only a running virtual machine can be paused');
    expect(stateReason('unpause', makeVm(), undefined)).toBe('The virtual machine is not paused');
  });

  it('a running migratable VM can be stopped, restarted, paused, migrated, snapshotted, cloned and deleted', () => {
    const vm = makeVm({ status: 'Running', runStrategy: 'Always' });
    const vmi = makeVmi({ phase: 'Running', node: 'node01', migratable: true });
    expect(enabled(vm, vmi)).toEqual(['stop', 'restart', 'pause', 'migrate', 'snapshot', 'clone', 'delete']);
    expect(stateReason('start', vm, vmi)).toBe('The virtual machine is already running');
  });

  it('Always never accepts a manual start, even without a VMI', () => {
    const vm = makeVm({ status: 'ErrImagePull', runStrategy: 'Always' });
    expect(stateReason('start', vm, undefined)).toBe('Run strategy Always starts the virtual machine by itself');
    // ...but it can be stopped (stop patches the run strategy to Halted).
    expect(stateReason('stop', vm, undefined)).toBeUndefined();
  });

  it('Manual without a VMI can start; with a queued start request it cannot', () => {
    const vm = makeVm({ status: 'Stopped', runStrategy: 'Manual' });
    expect(stateReason('start', vm, undefined)).toBeUndefined();
    vm.status = { ...vm.status, stateChangeRequests: [{ action: 'Start' }] };
    expect(stateReason('start', vm, undefined)).toBe('A start request is already under way');
  });

  it('a paused VM can be unpaused but not paused again', () => {
    const vm = makeVm({ status: 'Paused', runStrategy: 'Always' });
    const vmi = makeVmi({ paused: true, migratable: true });
    expect(stateReason('unpause', vm, vmi)).toBeUndefined();
    expect(stateReason('pause', vm, vmi)).toBe('The virtual machine is already paused');
  });

  it('migration needs a running, live-migratable VMI not already migrating', () => {
    const vm = makeVm({ status: 'Running', runStrategy: 'Always' });
    const notMigratable = makeVmi({
      migratable: { reason: 'DisksNotLiveMigratable', message: 'PVC rootdisk is not shared' },
    });
    expect(stateReason('migrate', vm, notMigratable)).toBe('PVC rootdisk is not shared');
    expect(
      stateReason('migrate', makeVm({ status: 'Migrating' }), makeVmi({ migratable: true, migrating: true })),
    ).toBe('The virtual machine is already migrating');
    expect(stateReason('migrate', vm, makeVmi({ phase: 'Scheduled', migratable: true }))).toBe(
      'Only a running virtual machine can be migrated',
    );
  });

  it('a stopping VM cannot be started, stopped again or restarted', () => {
    const vm = makeVm({ status: 'Stopping', runStrategy: 'Halted' });
    const vmi = makeVmi({ deleting: true });
    expect(stateReason('start', vm, vmi)).toBe('The virtual machine is stopping');
    expect(stateReason('stop', vm, vmi)).toBe('The virtual machine is already stopping');
    expect(stateReason('restart', vm, vmi)).toBe('The virtual machine is stopping');
  });

  it('a finished VMI does not count as running', () => {
    const vm = makeVm({ status: 'Stopped', runStrategy: 'Manual' });
    const vmi = makeVmi({ phase: 'Succeeded' });
    expect(stateReason('start', vm, vmi)).toBeUndefined();
    expect(stateReason('restart', vm, vmi)).toBe('The virtual machine is not running');
  });

  it('a VM being deleted allows nothing', () => {
    const vm = makeVm({ status: 'Terminating', deleting: true });
    expect(enabled(vm)).toEqual([]);
    expect(stateReason('delete', vm, undefined)).toBe('The virtual machine is already being deleted');
  });
});

describe('VM action rules by access', () => {
  const denied: VmAccess = {
    ...FULL_ACCESS,
    start: { allowed: false },
    snapshot: { allowed: false },
    clone: { allowed: false },
    delete: { allowed: false, reason: 'RBAC: view only' },
  };

  it('disables what the user may not do, with the reason, and never hides it', () => {
    const actions = vmActionStates(makeVm(), undefined, denied);
    expect(actions.map((a) => a.id)).toEqual([
      'start',
      'stop',
      'restart',
      'pause',
      'unpause',
      'migrate',
      'snapshot',
      'clone',
      'delete',
    ]);
    expect(actions[0].disabledReason).toBe('You are not allowed to start virtual machines in this namespace');
    expect(actions[6].disabledReason).toBe('You are not allowed to create virtual machine snapshots in this namespace');
    expect(actions[7].disabledReason).toBe('You are not allowed to create virtual machine clones in this namespace');
    expect(actions[8].disabledReason).toBe(
      'You are not allowed to delete virtual machines in this namespace (RBAC: view only)',
    );
  });

  it('prefers the access reason over the state reason, and waits for pending reviews', () => {
    const vm = makeVm();
    expect(disabledReason('stop', vm, undefined, { ...FULL_ACCESS, stop: { allowed: false } })).toMatch(
      /not allowed to stop/,
    );
    expect(accessReason('start', { allowed: false, loading: true })).toBe('Checking your permissions…');
    expect(accessReason('start', undefined)).toBe('Checking your permissions…');
    expect(accessReason('start', { allowed: true })).toBeUndefined();
  });

  it('one snapshot at a time: a VM locked by a snapshot or a restore cannot be snapshotted', () => {
    const locked = makeVm();
    locked.status = { ...locked.status, snapshotInProgress: 'snap-1' };
    expect(stateReason('snapshot', locked, undefined)).toBe('The snapshot snap-1 is in progress');
    expect(stateReason('clone', locked, undefined)).toBeUndefined();
    const restoring = makeVm();
    restoring.status = { ...restoring.status, restoreInProgress: 'restore-1' };
    expect(stateReason('snapshot', restoring, undefined)).toBe('The restore restore-1 is in progress');
    expect(stateReason('clone', restoring, undefined)).toBe('The restore restore-1 is in progress');
  });

  it("while permissions are being checked, gives the state's reason when there is one", () => {
    const stopped = makeVm();
    const checking: VmAccess = {
      ...FULL_ACCESS,
      stop: { allowed: false, loading: true },
      start: { allowed: false, loading: true },
    };
    expect(disabledReason('stop', stopped, undefined, checking)).toBe(stateReason('stop', stopped, undefined));
    expect(disabledReason('stop', stopped, undefined, checking)).toBeDefined();
    // Nothing in the state stops a start: the pending check is the reason.
    expect(disabledReason('start', stopped, undefined, checking)).toBe('Checking your permissions…');
  });
});

describe('vmActionStates', () => {
  it('marks delete for confirmation and sets the optimistic transitions', () => {
    const byId = Object.fromEntries(vmActionStates(makeVm(), undefined, FULL_ACCESS).map((a) => [a.id, a]));
    expect(byId.delete.needsConfirmation).toBe(true);
    expect(byId.start.needsConfirmation).toBe(false);
    expect(byId.snapshot.opensDialog).toBe(true);
    expect(byId.clone.opensDialog).toBe(true);
    expect(byId.start.opensDialog).toBe(false);
    expect(byId.start.optimisticStatus).toBe('Starting');
    expect(byId.stop.optimisticStatus).toBe('Stopping');
    expect(byId.pause.optimisticStatus).toBeUndefined();
  });
});
