/**
 * Which actions a VirtualMachineInstance allows right now, and why not: the actions as data. Pure:
 * the state comes from the VMI (and its VirtualMachine, for what a delete does), the permissions
 * from access reviews.
 */
import { isBeingDeleted, nameOf } from '../k8s/meta';
import {
  ACTION_LABELS,
  actionStates,
  firstReason,
  fullAccess,
  instanceActionReason,
  permissionReason,
  type AccessVerdict,
  type ActionAccess,
  type ActionState,
} from './action-rules';
import { restartsWhenInstanceDeleted, type RunStrategy } from './run-strategy';
import { vmiIsFinal, vmiOwnerVmName, vmiPhase, type VMI } from './vmi-selectors';

export const VMI_ACTION_IDS = ['pause', 'unpause', 'migrate', 'delete'] as const;
export type VmiActionId = (typeof VMI_ACTION_IDS)[number];

export const VMI_ACTION_LABELS: Record<VmiActionId, string> = ACTION_LABELS;

export type VmiAccess = ActionAccess<VmiActionId>;

/** Access for tests and for callers that have already checked: everything allowed. */
export const FULL_VMI_ACCESS: VmiAccess = fullAccess(VMI_ACTION_IDS);

/** Why the VMI's state forbids an action (KubeVirt would answer 409), or undefined when it allows it. */
export function vmiStateReason(id: VmiActionId, vmi: VMI): string | undefined {
  if (isBeingDeleted(vmi))
    return id === 'delete' ? 'The instance is already being deleted' : 'The instance is being deleted';
  if (id === 'delete') return undefined;
  const running = !vmiIsFinal(vmi) && vmiPhase(vmi) === 'Running';
  return instanceActionReason(id, vmi, { noun: 'instance', running, unpausable: running, migrating: false });
}

const ACCESS_WHAT: Record<VmiActionId, string> = {
  pause: 'pause VirtualMachine instances',
  unpause: 'unpause VirtualMachine instances',
  migrate: 'migrate VirtualMachine instances (create VirtualMachineInstanceMigrations)',
  delete: 'delete VirtualMachine instances',
};

/** Why the user's permissions forbid an action, or undefined when they allow it. */
export const vmiAccessReason = (id: VmiActionId, verdict: AccessVerdict | undefined): string | undefined =>
  permissionReason(verdict, ACCESS_WHAT[id]);

/** The first reason an action is unavailable (see firstReason: permissions, then state). */
export const vmiDisabledReason = (id: VmiActionId, vmi: VMI, access: VmiAccess): string | undefined =>
  firstReason(
    access[id],
    () => vmiStateReason(id, vmi),
    () => vmiAccessReason(id, access[id]),
  );

/** Every action of a VMI, in menu order, each enabled or disabled with its reason. */
export const vmiActionStates = (vmi: VMI, access: VmiAccess): Array<ActionState<VmiActionId>> =>
  actionStates(VMI_ACTION_IDS, (id) => vmiDisabledReason(id, vmi, access));

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
