/**
 * Which actions a VirtualMachineInstance allows right now, and why not. Pure: the state comes from
 * the VMI (and its VirtualMachine, for what a delete does), the permissions from access reviews.
 */
import type { AccessVerdict } from '../../../k8s/access-review';
import { isBeingDeleted, nameOf } from '../../../kubevirt/meta';
import { restartsWhenInstanceDeleted, type RunStrategy } from '../../../kubevirt/run-strategy';
import {
  vmiIsFinal,
  vmiIsMigrating,
  vmiIsPaused,
  vmiMigratable,
  vmiOwnerVmName,
  vmiPhase,
  type VMI,
} from '../../../kubevirt/vmi-selectors';

export const VMI_ACTION_IDS = ['pause', 'unpause', 'migrate', 'delete'] as const;
export type VmiActionId = (typeof VMI_ACTION_IDS)[number];

export const VMI_ACTION_LABELS: Record<VmiActionId, string> = {
  pause: 'Pause',
  unpause: 'Unpause',
  migrate: 'Migrate',
  delete: 'Delete',
};

export type VmiAccess = Record<VmiActionId, AccessVerdict>;

/** Access for tests and for callers that have already checked: everything allowed. */
export const FULL_VMI_ACCESS: VmiAccess = Object.fromEntries(
  VMI_ACTION_IDS.map((id) => [id, { allowed: true }]),
) as VmiAccess;

/** Why the VMI's state forbids an action (KubeVirt would answer 409), or undefined when it allows it. */
export function vmiStateReason(id: VmiActionId, vmi: VMI): string | undefined {
  if (isBeingDeleted(vmi))
    return id === 'delete' ? 'The instance is already being deleted' : 'The instance is being deleted';
  const running = !vmiIsFinal(vmi) && vmiPhase(vmi) === 'Running';
  switch (id) {
    case 'pause':
      if (!running) return 'Only a running instance can be paused';
      if (vmiIsPaused(vmi)) return 'The instance is already paused';
      if (vmiIsMigrating(vmi)) return 'The instance is migrating';
      return undefined;
    case 'unpause':
      if (!running || !vmiIsPaused(vmi)) return 'The instance is not paused';
      return undefined;
    case 'migrate': {
      if (!running) return 'Only a running instance can be migrated';
      if (vmiIsMigrating(vmi)) return 'The instance is already migrating';
      const m = vmiMigratable(vmi);
      return m.migratable ? undefined : m.reason;
    }
    case 'delete':
      return undefined;
  }
}

const ACCESS_WHAT: Record<VmiActionId, string> = {
  pause: 'pause VirtualMachine instances',
  unpause: 'unpause VirtualMachine instances',
  migrate: 'migrate VirtualMachine instances (create VirtualMachineInstanceMigrations)',
  delete: 'delete VirtualMachine instances',
};

/** Why the user's permissions forbid an action, or undefined when they allow it. */
export function vmiAccessReason(id: VmiActionId, verdict: AccessVerdict | undefined): string | undefined {
  if (!verdict || verdict.loading) return 'Checking your permissions…';
  if (verdict.allowed) return undefined;
  return `You are not allowed to ${ACCESS_WHAT[id]} in this namespace${verdict.reason ? ` (${verdict.reason})` : ''}`;
}

/**
 * The first reason an action is unavailable: permissions first, then state. While permissions
 * are being checked, a reason the state already gives comes first (it holds whatever the answer).
 */
export function vmiDisabledReason(id: VmiActionId, vmi: VMI, access: VmiAccess): string | undefined {
  const verdict = access[id];
  if (!verdict || verdict.loading) return vmiStateReason(id, vmi) ?? vmiAccessReason(id, verdict);
  return vmiAccessReason(id, verdict) ?? vmiStateReason(id, vmi);
}

/**
 * What deleting the VMI does beyond stopping its guest, for the delete dialog: a VMI of its own
 * is gone for good; a VirtualMachine's is replaced or not by the VM's run strategy (undefined
 * while the VM is being read).
 */
export function vmiDeleteConsequence(vmi: VMI, ownerRunStrategy: RunStrategy | undefined): string {
  const owner = vmiOwnerVmName(vmi);
  if (!owner) return `${nameOf(vmi)} belongs to no VirtualMachine: its guest stops and nothing starts it again.`;
  if (!ownerRunStrategy) {
    return `${nameOf(vmi)} belongs to VirtualMachine ${owner}, which restarts or stops it according to its run strategy.`;
  }
  if (restartsWhenInstanceDeleted(ownerRunStrategy)) {
    return `VirtualMachine ${owner} has run strategy ${ownerRunStrategy}: it starts a new instance at once, so deleting this one restarts the virtual machine.`;
  }
  return `VirtualMachine ${owner} has run strategy ${ownerRunStrategy}: deleting this instance stops the virtual machine until it is started again.`;
}
