import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeVmi } from '../../../kubevirt/testing';
import {
  FULL_VMI_ACCESS,
  vmiDeleteConsequence,
  vmiStateReason,
  type VmiAccess,
  type VmiActionId,
} from '../../../kubevirt/vmi-action-rules';
import { vmiActions } from './vmi-actions';

const client = vi.hoisted(() => ({ k8sCreate: vi.fn(), k8sDelete: vi.fn(), k8sPutSubresource: vi.fn() }));
vi.mock('../../../k8s/client', () => client);

const enabled = (vmi: ReturnType<typeof makeVmi>, access: VmiAccess = FULL_VMI_ACCESS): VmiActionId[] =>
  vmiActions(vmi, access)
    .filter((a) => !a.disabledReason)
    .map((a) => a.id);

const reasons = (vmi: ReturnType<typeof makeVmi>, access: VmiAccess) =>
  Object.fromEntries(vmiActions(vmi, access).map((a) => [a.id, a.disabledReason]));

describe('VMI actions by state', () => {
  it('a running migratable instance can be paused, migrated and deleted', () => {
    expect(enabled(makeVmi({ phase: 'Running', migratable: true }))).toEqual(['pause', 'migrate', 'delete']);
  });

  it('a paused instance can be unpaused, not paused again', () => {
    const vmi = makeVmi({ phase: 'Running', paused: true, migratable: true });
    expect(enabled(vmi)).toEqual(['unpause', 'migrate', 'delete']);
    expect(vmiStateReason('pause', vmi)).toBe('The instance is already paused');
  });

  it('an instance that is not running can only be deleted, and says why', () => {
    for (const phase of ['Pending', 'Scheduling', 'Scheduled', 'Succeeded', 'Failed']) {
      const vmi = makeVmi({ phase });
      expect(enabled(vmi), phase).toEqual(['delete']);
      expect(vmiStateReason('pause', vmi)).toBe('Only a running instance can be paused');
      expect(vmiStateReason('unpause', vmi)).toBe('The instance is not paused');
      expect(vmiStateReason('migrate', vmi)).toBe('Only a running instance can be migrated');
    }
  });

  it('migrate gives the LiveMigratable condition’s message, or says a migration is under way', () => {
    const vmi = makeVmi({
      migratable: { reason: 'DisksNotLiveMigratable', message: 'cannot migrate VMI: PVC root is not shared' },
    });
    expect(vmiStateReason('migrate', vmi)).toBe('cannot migrate VMI: PVC root is not shared');
    expect(vmiStateReason('migrate', makeVmi())).toBe(
      'The VirtualMachineInstance does not report whether it is live-migratable',
    );
    const migrating = makeVmi({ migratable: true, migrating: true });
    expect(vmiStateReason('migrate', migrating)).toBe('The instance is already migrating');
    expect(vmiStateReason('pause', migrating)).toBe('The instance is migrating');
  });

  it('an instance being deleted allows nothing', () => {
    const vmi = makeVmi({ deleting: true, migratable: true });
    expect(enabled(vmi)).toEqual([]);
    expect(vmiStateReason('delete', vmi)).toBe('The instance is already being deleted');
    expect(vmiStateReason('pause', vmi)).toBe('The instance is being deleted');
  });
});

describe('VMI actions by permission', () => {
  const denied: VmiAccess = {
    pause: { allowed: false },
    unpause: { allowed: false },
    migrate: { allowed: false, reason: 'RBAC: no rule' },
    delete: { allowed: false },
  };

  it('disables every action with the missing permission first', () => {
    expect(reasons(makeVmi({ migratable: true, paused: true }), denied)).toEqual({
      pause: 'You are not allowed to pause VirtualMachine instances in this namespace',
      unpause: 'You are not allowed to unpause VirtualMachine instances in this namespace',
      migrate:
        'You are not allowed to migrate VirtualMachine instances (create VirtualMachineInstanceMigrations) in this namespace (RBAC: no rule)',
      delete: 'You are not allowed to delete VirtualMachine instances in this namespace',
    });
  });

  it('while the permissions load, a reason the state gives comes first, else "Checking"', () => {
    const loading = Object.fromEntries(
      Object.keys(denied).map((k) => [k, { allowed: false, loading: true }]),
    ) as VmiAccess;
    const r = reasons(makeVmi({ phase: 'Pending' }), loading);
    expect(r.pause).toBe('Only a running instance can be paused');
    expect(r.delete).toBe('Checking your permissions…');
  });
});

describe('VMI action requests', () => {
  beforeEach(() => {
    for (const f of Object.values(client)) f.mockReset().mockResolvedValue({});
  });

  it('pause and unpause call the VMI subresources; migrate creates a migration; delete deletes the VMI', async () => {
    const vmi = makeVmi({ name: 'lonely', namespace: 'ns9', paused: true, migratable: true });
    const byId = Object.fromEntries(vmiActions(vmi, FULL_VMI_ACCESS).map((a) => [a.id, a]));
    await byId.unpause.run();
    expect(client.k8sPutSubresource).toHaveBeenCalledWith(
      expect.objectContaining({ plural: 'virtualmachineinstances' }),
      'lonely',
      'unpause',
      {},
      { namespace: 'ns9', kubevirt: true },
    );
    await byId.migrate.run();
    expect(client.k8sCreate).toHaveBeenCalledWith(
      expect.objectContaining({ plural: 'virtualmachineinstancemigrations' }),
      expect.objectContaining({
        kind: 'VirtualMachineInstanceMigration',
        metadata: { generateName: 'lonely-migration-', namespace: 'ns9' },
        spec: { vmiName: 'lonely' },
      }),
    );
    await byId.delete.run({ gracePeriodSeconds: 0 });
    expect(client.k8sDelete).toHaveBeenCalledWith(
      expect.objectContaining({ plural: 'virtualmachineinstances' }),
      'lonely',
      { namespace: 'ns9', gracePeriodSeconds: 0 },
    );
    expect(byId.delete.needsConfirmation).toBe(true);
    expect(byId.unpause.needsConfirmation).toBe(false);
  });
});

describe('what deleting a VMI does', () => {
  it('says a standalone VMI is gone for good', () => {
    expect(vmiDeleteConsequence(makeVmi({ name: 'lonely' }), undefined)).toBe(
      'lonely belongs to no VirtualMachine: its guest stops and nothing starts it again.',
    );
  });

  it('says the VM restarts (Always, Once) or stops (Manual, RerunOnFailure, Halted) by its run strategy', () => {
    const vmi = makeVmi({ name: 'web', owner: 'web' });
    expect(vmiDeleteConsequence(vmi, 'Always')).toMatch(
      /^VirtualMachine web has run strategy Always: .* restarts the virtual machine\.$/,
    );
    expect(vmiDeleteConsequence(vmi, 'Once')).toMatch(/restarts the virtual machine/);
    for (const s of ['Manual', 'RerunOnFailure', 'Halted'] as const) {
      expect(vmiDeleteConsequence(vmi, s)).toBe(
        `VirtualMachine web has run strategy ${s}: deleting this instance stops the virtual machine until it is started again.`,
      );
    }
    expect(vmiDeleteConsequence(vmi, undefined)).toBe(
      'web belongs to VirtualMachine web, which restarts or stops it according to its run strategy.',
    );
  });
});
